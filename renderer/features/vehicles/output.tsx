// Print, export and archive buttons for this area's registers (the generic output machinery does the work).
import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import type { RegisterFilter } from '../../../db/contract/output';
import { REGISTER_DEFS } from '../../../db/contract/registers';
import { api } from '../../api';
import { downloadBase64 } from '../../components/download';
import { ExportButton as RegisterPdfButton } from '../../components/output';
import { archivePrintRoute, openPrint, registerPrintRoute } from '../../print';
import { useVT } from './util';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function PrintButton({ register, filter, label }: { register: string; filter: RegisterFilter; label?: string }) {
  const t = useVT();
  const landscape = REGISTER_DEFS[register]?.orientation === 'landscape';
  return (
    <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute(register, filter), { landscape, suggestedName: REGISTER_DEFS[register]?.title })}>
      {label ?? t('common.print')}
    </Button>
  );
}

export function ArchiveButton({ register, year }: { register: string; year: number }) {
  const t = useVT();
  const landscape = REGISTER_DEFS[register]?.orientation === 'landscape';
  return (
    <Button icon={<FileDoneOutlined aria-hidden />} onClick={() => void openPrint(archivePrintRoute(register, year), { landscape, suggestedName: `${REGISTER_DEFS[register]?.title}（${year}年）` })}>
      {t('common.archive')}
    </Button>
  );
}

export function ExportButton({ register, filter }: { register: string; filter: RegisterFilter }) {
  const t = useVT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      let job = await api.call('output.exportStart', { register, filter });
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, 300));
        job = await api.call('output.exportStatus', { id: job.id });
      }
      if (job.state === 'failed') throw new Error(job.error ?? '');
      const file = await api.call('output.exportFetch', { id: job.id });
      downloadBase64(file.fileName, file.base64, XLSX);
      message.success(t('common.exported', { rows: job.rows, file: file.fileName }));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {busy ? t('common.exporting') : t('common.export')}
    </Button>
  );
}

/** Print, export and archive in one place, for the toolbars of the list pages. */
export function OutputButtons({ register, filter, year, printLabel }: { register: string; filter: RegisterFilter; year?: number; printLabel?: string }) {
  return (
    <>
      <PrintButton register={register} filter={filter} label={printLabel} />
      <ExportButton register={register} filter={filter} />
      <RegisterPdfButton register={register} filter={filter} format="pdf" />
      {year ? <ArchiveButton register={register} year={year} /> : null}
    </>
  );
}

