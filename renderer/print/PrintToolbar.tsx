// The on-screen toolbar of a print route; it never prints. Printing is audited before the dialog opens.
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../api';
import type { RegisterFilter } from '../../db/contract/output';
import { ExportButton } from '../components/output';

export interface PrintAuditInfo {
  register: string;
  layout: 'register' | 'form' | 'archive' | 'other';
  filter?: RegisterFilter;
  objectId?: string;
}

export async function recordPrint(info: PrintAuditInfo, format: 'print' | 'pdf') {
  await api.call('output.printed', { register: info.register, layout: info.layout, format, filter: info.filter ?? {}, objectId: info.objectId });
}

/** `pdf`: the register this page prints, which the core can also write straight to a PDF file. */
export function PrintToolbar({ title, audit, pdf }: { title: string; audit: PrintAuditInfo; pdf?: { register: string; filter: RegisterFilter } }) {
  const print = async () => {
    await recordPrint(audit, 'print');
    window.print();
  };
  return (
    <div className="print-toolbar">
      <span className="toolbar-title">{title}</span>
      <Button type="primary" icon={<PrinterOutlined />} onClick={() => void print()}>
        打印
      </Button>
      {pdf ? <ExportButton register={pdf.register} filter={pdf.filter} format="pdf" /> : null}
      <Button onClick={() => window.close()}>关闭</Button>
    </div>
  );
}
