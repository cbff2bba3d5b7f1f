import './output.css';
export { ExportButton, ExportButtons } from './ExportButton';
export { ImportDialog } from './ImportDialog';
