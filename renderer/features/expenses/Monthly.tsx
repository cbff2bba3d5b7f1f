// 费用分类月度汇总: the year's paid reimbursements by category and month, with row and column totals;
// printed and exported as the register expenses.monthly.
import { Button, Card, Form, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EXP_REGISTER_MONTHLY, type ExpenseMonthly } from '../../../db/contract/expenses';
import { useApiQuery } from '../../api';
import { years } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { num, useListParams } from '../../components/useListParams';
import { openPrint, registerPrintRoute } from '../../print';

type Row = ExpenseMonthly['rows'][number];
const MONTHS = Array.from({ length: 12 }, (_, i) => i);

export function Monthly() {
  const { t } = useTranslation('expenses');
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const thisYear = dayjs().year();
  const year = num(params.get('year')) ?? thisYear;
  const q = useApiQuery('expenses.monthly', { year });
  const d = q.data;
  const columns: TableColumnsType<Row> = [
    {
      title: t('f.category'),
      dataIndex: 'categoryName',
      fixed: 'left',
      width: 128,
      render: (v: string, r) => (
        <>
          {v}
          {r.claims ? <Typography.Text type="secondary" className="exp-monthly-n"> {t('monthly.n', { n: r.claims })}</Typography.Text> : null}
        </>
      ),
    },
    ...MONTHS.map((m) => ({ title: t('monthly.month', { m: m + 1 }), key: `m${m}`, width: 74, align: 'right' as const, render: (_: unknown, r: Row) => (r.months[m] ? yuan(r.months[m]) : '') })),
    { title: t('monthly.total'), dataIndex: 'totalFen', fixed: 'right', width: 104, align: 'right', render: (v: number) => (v ? <strong>{yuan(v)}</strong> : '') },
  ];
  const filter = { year };
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item label={t('list.year')}>
            <Select aria-label={t('list.year')} className="filter-select-narrow" value={year} onChange={(v) => set({ year: v === thisYear ? null : v })} options={years().map((y) => ({ value: y, label: `${y}` }))} />
          </Form.Item>
        </Form>
      </Card>
      <div className="exp-toolbar">
        <Typography.Text type="secondary">{t('monthly.hint')}</Typography.Text>
        <span className="exp-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute(EXP_REGISTER_MONTHLY, filter), { landscape: true, suggestedName: `费用分类月度汇总表-${year}` })}>
          {t('monthly.print')}
        </Button>
        <ExportButtons register={EXP_REGISTER_MONTHLY} filter={filter} />
      </div>
      <ErrorAlert error={q.error} />
      <Table<Row>
        className="exp-monthly"
        rowKey="categoryId"
        size="small"
        bordered
        columns={columns}
        dataSource={d?.rows}
        loading={q.isFetching}
        pagination={false}
        locale={{ emptyText: t('monthly.empty') }}
        scroll={{ x: 1120 }}
        summary={() =>
          d ? (
            <Table.Summary fixed>
              <Table.Summary.Row className="exp-monthly-total">
                <Table.Summary.Cell index={0}>
                  {t('monthly.total')}
                  <Typography.Text type="secondary" className="exp-monthly-n"> {t('monthly.n', { n: d.rows.reduce((s, r) => s + r.claims, 0) })}</Typography.Text>
                </Table.Summary.Cell>
                {MONTHS.map((m) => (
                  <Table.Summary.Cell key={m} index={m + 1} align="right">
                    {d.months[m] ? yuan(d.months[m]) : ''}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={13} align="right">
                  <strong>{yuan(d.totalFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </>
  );
}
