// The on-screen toolbar of a print route; it never prints. Printing is audited before the dialog opens.
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../api';
import type { RegisterFilter } from '../../db/contract/output';

export interface PrintAuditInfo {
  register: string;
  layout: 'register' | 'form' | 'archive' | 'other';
  filter?: RegisterFilter;
  objectId?: string;
}

export async function recordPrint(info: PrintAuditInfo, format: 'print' | 'pdf') {
  await api.call('output.printed', { register: info.register, layout: info.layout, format, filter: info.filter ?? {}, objectId: info.objectId });
}

export function PrintToolbar({ title, audit }: { title: string; audit: PrintAuditInfo }) {
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
      <Button onClick={() => window.close()}>关闭</Button>
    </div>
  );
}
