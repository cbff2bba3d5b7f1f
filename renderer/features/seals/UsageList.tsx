// 用印登记簿 on screen: the paper register's columns, filters (year, dates, state, seal, applicant,
// mark, text), sort and paging done by the core; the next step of each entry from its drawer.
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { FileAddOutlined, PrinterOutlined, ThunderboltOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { USE_FLAGS, USE_STATES, type UseRow } from '../../../db/contract/seals';
import type { RegisterFilter } from '../../../db/contract/output';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportButtons, ImportDialog } from '../../components/output';
import { archivePrintRoute, openPrint, registerPrintRoute } from '../../print';
import { PersonSelect, SealSelect } from './pickers';
import { UseTags } from './tags';
import { EmergencyDialog, RequestDialog } from './UseDialogs';
import { UseDrawer } from './UseDrawer';

const PAGE_SIZE = 20;
const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
const md = (d: string | null) => (d ? dayjs(d).format('M-D') : '');

export function UsageList() {
  const { t } = useTranslation('seals');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'request' | 'emergency' | 'import' | null>(null);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);

  const year = params.get('year') === 'all' ? undefined : (num(params.get('year')) ?? dayjs().year());
  const f = {
    year,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    state: params.get('state') ?? undefined,
    q: params.get('q') ?? undefined,
    sealId: num(params.get('seal')),
    applicantId: num(params.get('applicant')),
    department: params.get('dept') ?? undefined,
    flag: (params.get('flag') as (typeof USE_FLAGS)[number] | null) ?? undefined,
  };
  const sort = (params.get('sort') as '-date' | 'date' | 'number' | '-number' | null) ?? '-date';
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('seals.list', { ...f, sort, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });

  const set = (changes: Record<string, string | number | null | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };

  const filter: RegisterFilter = useMemo(
    () => ({
      year: f.year,
      from: f.from,
      to: f.to,
      state: f.state,
      q: f.q,
      extra: Object.fromEntries(Object.entries({ sealId: f.sealId, applicantId: f.applicantId, department: f.department, flag: f.flag }).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params],
  );

  const depts = useApiQuery('seals.deptLeaders', {}, { staleTime: 60_000 });
  const thisYear = dayjs().year();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);

  const columns: TableColumnsType<UseRow> = [
    {
      title: t('f.number'),
      dataIndex: 'number',
      width: 168,
      sorter: true,
      sortOrder: sort === 'number' ? 'ascend' : sort === '-number' ? 'descend' : null,
      render: (v: string, r) => (
        <Button type="link" size="small" className="seal-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.date'), dataIndex: 'date', width: 100, sorter: true, sortOrder: sort === 'date' ? 'ascend' : sort === '-date' ? 'descend' : null },
    { title: t('f.seal'), dataIndex: 'sealName', width: 150, ellipsis: { showTitle: true } },
    {
      title: t('f.document'),
      key: 'document',
      ellipsis: { showTitle: false },
      render: (_, r) => {
        const text = `${r.documentTitle}${r.documentNo ? `（${r.documentNo}）` : ''}`;
        return (
          <Tooltip title={`${t('f.reason')}：${r.reason}`}>
            <span>{text}</span>
          </Tooltip>
        );
      },
    },
    { title: t('f.copies'), key: 'copies', width: 56, align: 'right', render: (_, r) => r.stampedCount ?? r.copies },
    { title: t('f.applicant'), dataIndex: 'applicantName', width: 84, ellipsis: true },
    { title: t('f.approver'), dataIndex: 'approverName', width: 78, ellipsis: true, render: (v: string | null, r) => v ?? (r.emergency ? r.phoneApproverName : '') },
    { title: t('f.supervisor'), dataIndex: 'supervisorName', width: 72, ellipsis: true },
    {
      title: t('f.takeOut'),
      key: 'takeOut',
      width: 108,
      render: (_, r) => (r.takeOut ? `${md(r.plannedOut)}—${md(r.plannedReturn)}` : ''),
    },
    { title: t('f.state'), key: 'state', width: 170, render: (_, r) => <UseTags r={r} /> },
  ];

  const onTable: TableProps<UseRow>['onChange'] = (p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.field === 'number' ? 'number' : 'date';
    const nextSort = !s?.order ? '-date' : s.order === 'ascend' ? field : `-${field}`;
    set({ sort: nextSort === '-date' ? null : nextSort, page: p.current && p.current > 1 ? p.current : null }, true);
  };

  const range: [Dayjs, Dayjs] | null = f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null;

  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar" aria-label={t('list.keyword')}>
          <Form.Item label={t('list.year')}>
            <Select
              aria-label={t('list.year')}
              className="filter-select-narrow"
              value={year ?? 'all'}
              onChange={(v) => set({ year: v === thisYear ? null : v })}
              options={[...years.map((y) => ({ value: y, label: `${y}` })), { value: 'all', label: t('list.allYears') }]}
            />
          </Form.Item>
          <Form.Item label={t('list.dateRange')}>
            <DatePicker.RangePicker
              aria-label={t('list.dateRange')}
              value={range}
              onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('f.state')}
              className="filter-select-narrow"
              allowClear
              placeholder={t('list.allStates')}
              value={f.state}
              onChange={(v) => set({ state: v })}
              options={USE_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <SealSelect aria-label={t('f.seal')} className="filter-select-wide" allowClear placeholder={t('list.allSeals')} value={f.sealId} onChange={(v) => set({ seal: v })} />
          </Form.Item>
          <Form.Item>
            <PersonSelect aria-label={t('list.anyPerson')} className="filter-select" allowClear placeholder={t('list.anyPerson')} value={f.applicantId} onChange={(v) => set({ applicant: v })} />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('f.department')}
              className="filter-select"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('f.department')}
              value={f.department}
              onChange={(v) => set({ dept: v })}
              options={(depts.data ?? []).map((d) => ({ value: d.department, label: d.department }))}
            />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('list.anyFlag')}
              className="filter-select"
              allowClear
              placeholder={t('list.anyFlag')}
              value={f.flag}
              onChange={(v) => set({ flag: v })}
              options={USE_FLAGS.map((s) => ({ value: s, label: t(`flag.${s}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <Input.Search
              aria-label={t('list.keyword')}
              className="filter-keyword"
              allowClear
              placeholder={t('list.keyword')}
              defaultValue={f.q}
              onSearch={(v) => set({ q: v.trim() })}
            />
          </Form.Item>
        </Form>
      </Card>
      <div className="seal-toolbar">
        {clerk ? (
          <>
            <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setDialog('request')}>
              {t('list.newRequest')}
            </Button>
            <Button danger icon={<ThunderboltOutlined aria-hidden />} onClick={() => setDialog('emergency')}>
              {t('list.emergency')}
            </Button>
          </>
        ) : null}
        <span className="seal-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('seals.usage', filter), { landscape: true, suggestedName: t('paper.usage') })}>
          {t('list.print')}
        </Button>
        {year ? <Button onClick={() => void openPrint(archivePrintRoute('seals.usage', year), { landscape: true, suggestedName: `${t('paper.usage')}-${year}` })}>{t('list.archive')}</Button> : null}
        <ExportButtons register="seals.usage" filter={filter} />
        {clerk ? (
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setDialog('import')}>
            {t('list.import')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={list.error} />
      <Table<UseRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        onChange={onTable}
        rowClassName={(r) => [r.emergency || r.paperGap ? 'seal-row-emergency' : '', r.overdue ? 'seal-row-overdue' : '', r.state === 'void' ? 'row-disabled' : ''].join(' ')}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        locale={{ emptyText: t('list.emptyHint') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('list.total', { total }),
        }}
        scroll={{ x: 1120 }}
      />
      <Typography.Text type="secondary" className="seal-legend">
        <span className="seal-legend-red">■</span> {t('list.emergencyLegend')}
      </Typography.Text>
      {dialog === 'request' ? <RequestDialog onClose={() => setDialog(null)} onCreated={(d) => setOpenId(d.id)} /> : null}
      {dialog === 'emergency' ? <EmergencyDialog onClose={() => setDialog(null)} onCreated={(d) => setOpenId(d.id)} /> : null}
      <ImportDialog register="seals.usage" title={t('list.importTitle')} open={dialog === 'import'} onClose={() => setDialog(null)} />
      {openId ? <UseDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
