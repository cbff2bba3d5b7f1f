// 收发存汇总: per item, 上期结存 / 本期入库 / 本期发出 / 本期结存 in quantities and amounts for any
// period (the core reads the closing balance from the running balance of the period's last movement).
import { Alert, Button, Card, DatePicker, Form, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { LedgerRow } from '../../../db/contract/supplies';
import { useApiQuery } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { num, useListParams } from '../../components/useListParams';
import { openPrint, registerPrintRoute } from '../../print';
import { qty } from './shared';

export function Summary() {
  const { t } = useTranslation('supplies');
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const from = params.get('from') ?? `${dayjs().year()}-01-01`;
  const to = params.get('to') ?? dayjs().format('YYYY-MM-DD');
  const category = params.get('category') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('supplies.ledger', { from, to, category, q, page, pageSize: 50 }, { placeholderData: (p) => p });
  const cats = useApiQuery('supplies.categories', {}, { staleTime: 60_000 });
  const pair = (key: 'open' | 'in' | 'out' | 'close', title: string): TableColumnsType<LedgerRow>[number] => ({
    title,
    children: [
      { title: t('f.quantity'), key: `${key}Q`, width: 80, align: 'right', render: (_, r) => qty(r[`${key}Qty`]) },
      { title: t('f.amount'), key: `${key}A`, width: 100, align: 'right', render: (_, r) => yuan(r[`${key}Amount`]) },
    ],
  });
  const columns: TableColumnsType<LedgerRow> = [
    { title: t('f.item'), key: 'item', fixed: 'left', width: 200, ellipsis: true, render: (_, r) => `${r.name}${r.spec ? `（${r.spec}）` : ''}` },
    { title: t('f.unit'), dataIndex: 'unit', width: 56, align: 'center' },
    pair('open', t('f.openQty')),
    pair('in', t('f.inQty')),
    pair('out', t('f.outQty')),
    pair('close', t('f.closeQty')),
  ];
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];
  const filter = { from, to, q, extra: category ? { category } : undefined };
  const tot = list.data?.totals;
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item label={t('list.dateRange')}>
            <DatePicker.RangePicker aria-label={t('list.dateRange')} allowClear={false} value={range} onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })} />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.category')} className="filter-select" allowClear placeholder={t('f.category')} value={category} onChange={(v) => set({ category: v })} options={(cats.data ?? []).map((c) => ({ value: c.category, label: c.category }))} />
          </Form.Item>
          <KeywordFilter label={t('items.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        <Alert type="info" showIcon title={t('summary.hint')} className="sup-inline-alert" />
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.ledger', filter), { landscape: true, suggestedName: '办公用品收发存台账' })}>
          {t('summary.print')}
        </Button>
        <ExportButtons register="supplies.ledger" filter={filter} />
      </div>
      <ErrorAlert error={list.error} />
      <ListTable<LedgerRow>
        list={list}
        page={page}
        pageSize={50}
        set={set}
        className="sup-summary-table"
        rowKey="itemId"
        bordered
        columns={columns}
        scroll={{ x: 1100 }}
        summary={() =>
          tot ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('summary.totals')}
              </Table.Summary.Cell>
              {(['open', 'in', 'out', 'close'] as const).map((k, i) => [
                <Table.Summary.Cell key={`${k}q`} index={2 + i * 2} />,
                <Table.Summary.Cell key={`${k}a`} index={3 + i * 2} align="right">
                  {yuan(tot[`${k}Amount`])}
                </Table.Summary.Cell>,
              ])}
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
