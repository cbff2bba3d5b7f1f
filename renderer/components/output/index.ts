import './output.css';
export { ExportButton } from './ExportButton';
export { ImportDialog } from './ImportDialog';
