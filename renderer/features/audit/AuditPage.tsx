// 审计日志: filter and page in SQL, look at one entry, verify the chain, export what is filtered.
import { useMemo, useState } from 'react';
import { App, Button, Card, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { openPrint, registerPrintRoute } from '../../print';
import type { RegisterFilter } from '../../../db/contract/output';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../db/contract';
import type { AuditEntry, VerifyResult } from '../../../db/contract/audit';
import { api, useApiQuery, type ApiError } from '../../api';
import { downloadBase64 } from '../../components/download';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { AuditDetail, ResultTag } from './AuditDetail';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { actionLabel, objectTypeLabel } from './labels';
import { VerifyResultAlert } from './VerifyChain';

type Filter = Input<'audit.export'>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const toFilter = (v: AuditFilterValues): Filter => {
  const [from, to] = v.range ?? [];
  const f: Filter = {};
  if (v.userId) f.userId = v.userId;
  if (v.action) f.action = v.action;
  if (v.objectType) f.objectType = v.objectType;
  if (v.result) f.result = v.result;
  if (from) f.from = from.format('YYYY-MM-DD');
  if (to) f.to = to.format('YYYY-MM-DD');
  if (v.q?.trim()) f.q = v.q.trim();
  return f;
};

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const list = useApiQuery('audit.list', { ...filter, page, pageSize }, { placeholderData: (prev) => prev });

  const verify = useMutation<VerifyResult, ApiError>({
    mutationFn: () => api.call('audit.verify', {}),
    onSuccess: (r) => {
      setVerified(r);
      void qc.invalidateQueries({ queryKey: ['audit.list'] });
    },
  });
  const exporting = useMutation<Awaited<ReturnType<typeof api.call<'audit.export'>>>, ApiError>({
    mutationFn: () => api.call('audit.export', filter),
    onSuccess: (r) => {
      downloadBase64(r.fileName, r.base64, XLSX);
      message.success(t('audit.exported', { rows: r.rows, file: r.fileName }));
      void qc.invalidateQueries({ queryKey: ['audit.list'] });
    },
  });

  const columns = useMemo<TableColumnsType<AuditEntry>>(
    () => [
      { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
      { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
      {
        title: t('audit.user'),
        key: 'user',
        width: 150,
        render: (_, e) => (
          <span>
            {e.userName || e.userLogin || t('audit.none')}
            {e.userName && e.userLogin ? <Typography.Text type="secondary"> {e.userLogin}</Typography.Text> : null}
          </span>
        ),
      },
      { title: t('audit.action'), dataIndex: 'action', width: 190, render: (a: string) => actionLabel(t, a, i18n.language) },
      // Object ids can be long (a backup's file path): one line, the whole id in the tooltip and the detail.
      { title: t('audit.objectType'), key: 'object', width: 130, ellipsis: true, render: (_, e) => `${objectTypeLabel(t, e.objectType)}${e.objectId ? ` ${e.objectId}` : ''}` },
      { title: t('audit.result'), dataIndex: 'result', width: 80, render: (r: AuditEntry['result']) => <ResultTag result={r} /> },
      { title: t('audit.message'), dataIndex: 'message', ellipsis: true },
      {
        title: t('audit.detailShort'),
        key: 'open',
        width: 80,
        render: (_, e) => (
          <Button type="link" size="small" onClick={() => setOpen(e)} aria-label={t('audit.detail', { seq: e.seq })}>
            {t('audit.view')}
          </Button>
        ),
      },
    ],
    [t, i18n.language],
  );

  return (
    <Page
      title={t('audit.title')}
      extra={
        <>
          <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {verify.isPending ? t('audit.verifying') : t('audit.verify')}
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} loading={exporting.isPending} onClick={() => exporting.mutate()}>
            {t('audit.export')}
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('audit', printFilter(filter)), { landscape: true, suggestedName: '审计日志.pdf' })}>
            {t('audit.print')}
          </Button>
        </>
      }
    >
      {verified ? <VerifyResultAlert result={verified} onClose={() => setVerified(null)} /> : null}
      <ErrorAlert error={verify.error ?? exporting.error ?? list.error} />
      <Card size="small" className="filter-card">
        <AuditFilters
          onChange={(v) => {
            setFilter(toFilter(v));
            setPage(1);
          }}
        />
      </Card>
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        rowClassName={(e) => (e.result === 'failure' ? 'row-failure' : '')}
        onRow={(e) => ({ onDoubleClick: () => setOpen(e) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        scroll={{ x: 1100 }}
      />
      {open ? <AuditDetail entry={open} onClose={() => setOpen(null)} /> : null}
    </Page>
  );
}

/** The on-screen filter as the printed register's filter (the audit register reads these keys). */
function printFilter(f: Filter): RegisterFilter {
  const extra: Record<string, string | number> = {};
  if (f.action) extra.action = f.action;
  if (f.userId) extra.userId = f.userId;
  if (f.objectType) extra.objectType = f.objectType;
  return { from: f.from, to: f.to, state: f.result, q: f.q, extra };
}
