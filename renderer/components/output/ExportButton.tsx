// "导出 Excel" for any register list as currently filtered, and "导出 PDF" of its printed register: the
// core writes the file in the background; this button shows progress and hands the finished file to
// the browser's download.
import { useState } from 'react';
import { App, Button, Progress } from 'antd';
import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { RegisterFilter } from '../../../db/contract/output';
import { downloadBase64 } from '../download';

const FORMATS = {
  xlsx: { start: 'output.exportStart', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: '导出 Excel', Icon: FileExcelOutlined, done: '已导出', pollMs: 300 },
  // A PDF takes about a second: asked after more often, so the wait is not the polling's.
  pdf: { start: 'output.pdfStart', type: 'application/pdf', label: '导出 PDF', Icon: FilePdfOutlined, done: '已生成 PDF', pollMs: 100 },
} as const;

export function ExportButton({ register, filter, label, format = 'xlsx' }: { register: string; filter: RegisterFilter; label?: string; format?: keyof typeof FORMATS }) {
  const f = FORMATS[format];
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const run = async () => {
    setPercent(0);
    try {
      let job = await api.call(f.start, { register, filter });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, f.pollMs));
        job = await api.call('output.exportStatus', { id: job.id });
        setPercent(job.percent);
      }
      if (job.state === 'failed') throw new Error(job.error ?? '导出失败');
      const file = await api.call('output.exportFetch', { id: job.id });
      downloadBase64(file.fileName, file.base64, f.type);
      message.success(`${f.done}（${job.rows} 条）`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setPercent(null);
    }
  };
  return percent === null ? (
    <Button icon={<f.Icon />} onClick={() => void run()}>
      {label ?? f.label}
    </Button>
  ) : (
    <Progress className="export-progress" percent={percent} size="small" />
  );
}

/** A register list's exports: the rows as Excel, and the printed register as a PDF the core writes. */
export function ExportButtons({ register, filter }: { register: string; filter: RegisterFilter }) {
  return (
    <>
      <ExportButton register={register} filter={filter} />
      <ExportButton register={register} filter={filter} format="pdf" />
    </>
  );
}
