// The print framework: registers declare columns (db/contract/registers.ts) and compose forms from these.
import './print.css';
export { RegisterPrintPage } from './RegisterPrintPage';
export { RegisterTable, type PrintMeta, type PrintRow } from './RegisterTable';
export { FormSheet, FieldGrid, Amount, SignatureBlocks, FormFooter, type FormField, type SignatureStep } from './FormSheet';
export { PrintToolbar, recordPrint, type PrintAuditInfo } from './PrintToolbar';
export { usePrintReady } from './usePrintReady';
export { openPrint, registerPrintRoute, archivePrintRoute, decodeFilter, encodeFilter } from './route';
export { formatCell, shanghaiDateTime } from '../../db/contract/paper';
export { approvalStep, howSigned, signedAt, type PrintedApproval } from './approval';
