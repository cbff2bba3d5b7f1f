// "导出 Excel" for any register list as currently filtered: the core streams the file in the
// background; this button shows progress and hands the finished file to the browser's download.
import { useState } from 'react';
import { App, Button, Progress } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { api } from '../../api';
import type { RegisterFilter } from '../../../db/contract/output';
import { downloadBase64 } from '../download';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ExportButton({ register, filter, label = '导出 Excel' }: { register: string; filter: RegisterFilter; label?: string }) {
  const { message } = App.useApp();
  const [percent, setPercent] = useState<number | null>(null);
  const run = async () => {
    setPercent(0);
    try {
      let job = await api.call('output.exportStart', { register, filter });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 300));
        job = await api.call('output.exportStatus', { id: job.id });
        setPercent(job.percent);
      }
      if (job.state === 'failed') throw new Error(job.error ?? '导出失败');
      const file = await api.call('output.exportFetch', { id: job.id });
      downloadBase64(file.fileName, file.base64, XLSX);
      message.success(`已导出 ${job.rows} 条`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setPercent(null);
    }
  };
  return percent === null ? (
    <Button icon={<FileExcelOutlined />} onClick={() => void run()}>
      {label}
    </Button>
  ) : (
    <Progress className="export-progress" percent={percent} size="small" />
  );
}
