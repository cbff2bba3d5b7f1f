// The smaller pages: handovers across all seals, statistics, and the 分管领导 of each department.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { SealStats } from '../../../db/contract/seals';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openPrint, registerPrintRoute } from '../../print';
import { HandoverTable } from './Catalogue';
import { PersonSelect, SealSelect } from './pickers';
import { SEAL_READS } from './UseDialogs';

const years = () => Array.from({ length: 12 }, (_, i) => dayjs().year() - i);

export function Handovers() {
  const { t } = useTranslation('seals');
  const [year, setYear] = useState<number | undefined>(dayjs().year());
  const [sealId, setSealId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const q = useApiQuery('seals.handoverList', { year, sealId: sealId ?? undefined, page, pageSize: 20 }, { placeholderData: (p) => p });
  return (
    <>
      <div className="seal-toolbar">
        <Select
          aria-label={t('list.year')}
          className="filter-select-narrow"
          value={year ?? 'all'}
          onChange={(v) => {
            setYear(v === 'all' ? undefined : (v as number));
            setPage(1);
          }}
          options={[...years().map((y) => ({ value: y, label: `${y}` })), { value: 'all', label: t('list.allYears') }]}
        />
        <SealSelect aria-label={t('f.seal')} className="filter-select-wide" allowClear placeholder={t('list.allSeals')} value={sealId} onChange={(v) => setSealId(v)} />
        <span className="seal-toolbar-gap" />
        <Button
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => void openPrint(registerPrintRoute('seals.handovers', { year, extra: sealId ? { sealId } : undefined }), { landscape: true, suggestedName: t('paper.handovers') })}
        >
          {t('cat.printHandovers')}
        </Button>
      </div>
      <ErrorAlert error={q.error} />
      <HandoverTable rows={q.data?.rows ?? []} />
      {q.data && q.data.total > 20 ? (
        <div className="seal-pager">
          <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
            ‹
          </Button>
          <span>
            {page} / {Math.ceil(q.data.total / 20)}
          </span>
          <Button disabled={page * 20 >= q.data.total} onClick={() => setPage(page + 1)}>
            ›
          </Button>
        </div>
      ) : null}
    </>
  );
}

type SealStatRow = SealStats['seals'][number];

export function Stats() {
  const { t } = useTranslation('seals');
  const [year, setYear] = useState(dayjs().year());
  const q = useApiQuery('seals.stats', { year });
  const s = q.data;
  const months = Array.from({ length: 12 }, (_, i) => i);
  const columns: TableColumnsType<SealStatRow> = [
    { title: t('f.seal'), dataIndex: 'sealName', fixed: 'left', width: 200, ellipsis: true },
    ...months.map((m) => ({ title: t('stats.month', { m: m + 1 }), key: `m${m}`, width: 52, align: 'right' as const, render: (_: unknown, r: SealStatRow) => r.months[m] || '' })),
    { title: t('stats.total'), dataIndex: 'total', width: 64, align: 'right', fixed: 'right' },
    { title: t('stats.stamps'), dataIndex: 'stamps', width: 76, align: 'right', fixed: 'right' },
  ];
  const max = Math.max(1, ...(s?.months ?? [0]));
  return (
    <>
      <div className="seal-toolbar">
        <Select aria-label={t('stats.year')} className="filter-select-narrow" value={year} onChange={setYear} options={years().map((y) => ({ value: y, label: `${y}` }))} />
      </div>
      <ErrorAlert error={q.error} />
      <div className="seal-stat-cards">
        {(
          [
            ['uses', s?.total],
            ['stamps', s?.stamps],
            ['takeOuts', s?.takeOuts],
            ['overdueNow', s?.overdueNow],
            ['returnedLate', s?.returnedLate],
            ['emergency', s?.emergency],
            ['emergencyPending', s?.emergencyPending],
            ['paperGap', s?.paperGap],
            ['rejected', s?.rejected],
            ['voided', s?.voided],
          ] as const
        ).map(([k, v]) => (
          <Card key={k} size="small" className={(k === 'overdueNow' || k === 'emergencyPending' || k === 'paperGap') && v ? 'seal-stat-bad' : undefined}>
            <Statistic title={t(`stats.${k}`)} value={v ?? 0} loading={!s} />
          </Card>
        ))}
      </div>
      <Card size="small" title={t('stats.chart')} className="seal-chart-card">
        <div className="seal-bars" role="img" aria-label={t('stats.chart')}>
          {months.map((m) => {
            const v = s?.months[m] ?? 0;
            const h = Math.round((v / max) * 10);
            return (
              <div key={m} className="seal-bar-col" title={`${t('stats.month', { m: m + 1 })}：${v}`}>
                <span className="seal-bar-value">{v || ''}</span>
                <div className={`seal-bar seal-bar-h${h}`} />
                <span className="seal-bar-label">{t('stats.month', { m: m + 1 })}</span>
              </div>
            );
          })}
        </div>
      </Card>
      <Card size="small" title={t('stats.perSeal')}>
        <Table<SealStatRow> rowKey="sealId" size="small" pagination={false} columns={columns} dataSource={s?.seals} loading={q.isFetching} scroll={{ x: 1000 }} />
      </Card>
    </>
  );
}

export function Leaders() {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const q = useApiQuery('seals.deptLeaders', {});
  const m = useApiMutation('seals.setDeptLeader', ['seals.deptLeaders', ...SEAL_READS]);
  const save = async (department: string, leaderId: number | null) => {
    try {
      await m.mutateAsync({ department, leaderId });
      message.success(t('leaders.done'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Alert className="page-alert" type="info" showIcon title={t('leaders.hint')} />
      <ErrorAlert error={q.error} />
      <Table
        rowKey="department"
        size="small"
        pagination={false}
        dataSource={q.data}
        loading={q.isFetching}
        columns={[
          { title: t('leaders.department'), dataIndex: 'department' },
          { title: t('leaders.staff'), dataIndex: 'staff', width: 90, align: 'right' },
          {
            title: t('leaders.leader'),
            key: 'leader',
            width: 320,
            render: (_, r) =>
              admin ? (
                <PersonSelect
                  aria-label={`${r.department}${t('leaders.leader')}`}
                  className="seal-leader-select"
                  role="approver"
                  allowClear
                  placeholder={t('leaders.pick')}
                  value={r.leaderId}
                  onChange={(v) => void save(r.department, v)}
                />
              ) : (
                (r.leaderName ?? <Typography.Text type="secondary">{t('leaders.none')}</Typography.Text>)
              ),
          },
        ]}
      />
    </>
  );
}
