// 办公用品出入库明细账 on screen: every movement with its running balance; filters by year, dates,
// kind, item, recipient, department and text; paging and sort by the core.
import { useMemo } from 'react';
import { Button, Card, DatePicker, Form, Select, Table, Tag } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MOVEMENT_KINDS, type Movement, type MovementKind } from '../../../db/contract/supplies';
import type { RegisterFilter } from '../../../db/contract/output';
import { useApiQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeywordFilter } from '../../components/KeywordFilter';
import { yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { PersonSelect } from '../../components/PersonSelect';
import { num, useListParams } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { openPrint, registerPrintRoute } from '../../print';
import { ItemSelect, qty } from './shared';

const PAGE_SIZE = 20;
const KIND_CLASS: Record<MovementKind, string> = { in: 'tag-ok', return: 'tag-ok', gain: 'tag-warn', issue: '', loss: 'tag-bad', correctUp: 'tag-warn', correctDown: 'tag-bad' };

export function LedgerList() {
  const { t } = useTranslation('supplies');
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const thisYear = dayjs().year();
  const year = params.get('year') === 'all' ? undefined : (num(params.get('year')) ?? thisYear);
  const f = {
    year,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    kind: (params.get('kind') as MovementKind | null) ?? undefined,
    itemId: num(params.get('item')),
    recipientId: num(params.get('person')),
    department: params.get('dept') ?? undefined,
    q: params.get('q') ?? undefined,
  };
  const sort = params.get('sort') === 'date' ? 'date' : '-date';
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('supplies.list', { ...f, sort, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const people = useApiQuery('accounts.people', { limit: 200 }, { staleTime: 60_000 });
  const departments = [...new Set((people.data ?? []).map((p) => p.department).filter(Boolean))];

  const filter: RegisterFilter = useMemo(
    () => ({
      year: f.year,
      from: f.from,
      to: f.to,
      state: f.kind,
      q: f.q,
      extra: Object.fromEntries(Object.entries({ itemId: f.itemId, recipientId: f.recipientId, department: f.department }).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params],
  );
  const issueFilter: RegisterFilter = { ...filter, state: undefined };

  const columns: TableColumnsType<Movement> = [
    { title: t('f.date'), dataIndex: 'date', width: 100, sorter: true, sortOrder: sort === 'date' ? 'ascend' : 'descend' },
    { title: t('f.kind'), dataIndex: 'kind', width: 64, render: (k: MovementKind) => <Tag className={KIND_CLASS[k]}>{t(`kind.${k}`)}</Tag> },
    { title: t('f.ref'), dataIndex: 'refNumber', width: 150, ellipsis: true },
    { title: t('f.item'), key: 'item', ellipsis: true, render: (_, r) => `${r.itemName}${r.spec ? `（${r.spec}）` : ''}` },
    {
      title: t('f.quantity'),
      key: 'quantity',
      width: 90,
      align: 'right',
      render: (_, r) => (
        <span className={['in', 'return', 'gain'].includes(r.kind) ? 'sup-in' : 'sup-out'}>
          {['in', 'return', 'gain'].includes(r.kind) ? '+' : '−'}
          {qty(r.quantity)} {r.unit}
        </span>
      ),
    },
    { title: t('f.amount'), dataIndex: 'amount', width: 96, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.balanceQty'), key: 'bq', width: 90, align: 'right', render: (_, r) => `${qty(r.balanceQty)} ${r.unit}` },
    { title: t('f.balanceAmount'), dataIndex: 'balanceAmount', width: 100, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.recipient'), key: 'who', width: 110, ellipsis: true, render: (_, r) => [r.recipientName, r.department].filter(Boolean).join(' · ') },
    { title: t('f.approvedBy'), dataIndex: 'approvedBy', width: 90, ellipsis: true },
    { title: t('f.issuedBy'), dataIndex: 'handledByName', width: 72, ellipsis: true },
    { title: t('f.note'), dataIndex: 'note', width: 120, ellipsis: true },
  ];
  const onTable: TableProps<Movement>['onChange'] = (p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    set({ sort: s?.order === 'ascend' ? 'date' : null, page: p.current && p.current > 1 ? p.current : null }, true);
  };
  const range: [Dayjs, Dayjs] | null = f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null;

  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <Form.Item label={t('list.dateRange')}>
            <DatePicker.RangePicker aria-label={t('list.dateRange')} value={range} onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })} />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('f.kind')}
              className="filter-select-narrow"
              allowClear
              placeholder={t('list.anyKind')}
              value={f.kind}
              onChange={(v) => set({ kind: v })}
              options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item>
            <ItemSelect aria-label={t('list.item')} className="filter-select-wide" allowClear placeholder={t('list.item')} value={f.itemId} onChange={(v) => set({ item: v })} />
          </Form.Item>
          <Form.Item>
            <PersonSelect aria-label={t('list.anyPerson')} className="filter-select" allowClear placeholder={t('list.anyPerson')} value={f.recipientId} onChange={(v) => set({ person: v })} />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('list.department')}
              className="filter-select"
              allowClear
              placeholder={t('list.department')}
              value={f.department}
              onChange={(v) => set({ dept: v })}
              options={departments.map((d) => ({ value: d, label: d }))}
            />
          </Form.Item>
          <KeywordFilter label={t('list.keyword')} value={f.q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.movements', filter), { landscape: true, suggestedName: '办公用品出入库明细账' })}>
          {t('list.printLedger')}
        </Button>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.issues', issueFilter), { landscape: true, suggestedName: '办公用品领用登记表' })}>
          {t('list.printIssues')}
        </Button>
        <ExportButtons register="supplies.movements" filter={filter} />
      </div>
      <ErrorAlert error={list.error} />
      <Table<Movement>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        onChange={onTable}
        locale={{ emptyText: t('list.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) }}
        scroll={{ x: 1180 }}
      />
    </>
  );
}
