// 备用金: the fund's balance (never negative), its journal (期初、补充、现金报销、现金借支、借支还款),
// the opening balance and top-ups, and the monthly cash count with a second person watching (监盘人).
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { AccountBookOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { methods } from '../../../db/contract';
import { EXP_CLAIM_OBJECT, EXP_REGISTER_CASH, type CashKind, cashCountShape, cashEntryShape } from '../../../db/contract/expenses';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { dateOf, fmtTime, futureDay, years } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { ListTable } from '../../components/ListTable';
import { toFen, yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { PersonSelect } from '../../components/PersonSelect';
import { num, useListParams } from '../../components/useListParams';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { EXP_READS, KEEPER_ROLES, MoneyInput, Section } from './shared';

type CashEntry = z.infer<typeof cashEntryShape>;
type CashCount = z.infer<typeof cashCountShape>;
const PAGE_SIZE = 30;

export function Cash() {
  const { t } = useTranslation('expenses');
  const me = useMe();
  const keeper = hasRole(me, KEEPER_ROLES);
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const [dialog, setDialog] = useState<'entry' | 'count' | null>(null);
  const thisYear = dayjs().year();
  const month = params.get('month') ?? undefined;
  const year = month ? undefined : params.get('year') === 'all' ? undefined : (num(params.get('year')) ?? thisYear);
  const page = num(params.get('page')) ?? 1;
  const status = useApiQuery('expenses.cashStatus', {});
  const list = useApiQuery('expenses.cashList', { year, month, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const s = status.data;
  const monthStart = month ? dayjs(`${month}-01`) : null;
  const filter = month ? { from: monthStart!.format('YYYY-MM-DD'), to: monthStart!.endOf('month').format('YYYY-MM-DD'), extra: { month } } : { year };
  const columns: TableColumnsType<CashEntry> = [
    { title: t('f.date'), dataIndex: 'entryDate', width: 100 },
    { title: t('f.cashKind'), dataIndex: 'kind', width: 110, render: (k: CashKind, r) => (k === 'return' && r.refType === EXP_CLAIM_OBJECT ? t('cashKind.reversal') : t(`cashKind.${k}`)) },
    { title: t('f.summary'), dataIndex: 'note', ellipsis: true },
    { title: t('f.ref'), dataIndex: 'ref', width: 170 },
    { title: t('f.in'), dataIndex: 'inFen', width: 110, align: 'right', render: (v: number) => (v ? <span className="exp-in">{yuan(v)}</span> : '') },
    { title: t('f.out'), dataIndex: 'outFen', width: 110, align: 'right', render: (v: number) => (v ? <span className="exp-out">{yuan(v)}</span> : '') },
    { title: t('f.balance'), dataIndex: 'balanceFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.recordedBy'), dataIndex: 'recordedByName', width: 80 },
  ];
  const countColumns: TableColumnsType<CashCount> = [
    { title: t('f.month'), dataIndex: 'month', width: 90 },
    { title: t('f.bookBalance'), dataIndex: 'bookFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.counted'), dataIndex: 'countedFen', width: 120, align: 'right', render: (v: number) => yuan(v) },
    {
      title: t('f.difference'),
      dataIndex: 'differenceFen',
      width: 110,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="danger">{yuan(v)}</Typography.Text> : <Tag className="tag-ok">{t('cash.balanced')}</Tag>),
    },
    { title: t('f.countedBy'), dataIndex: 'countedByName', width: 80 },
    { title: t('f.checker'), dataIndex: 'checkerName', width: 80 },
    { title: t('f.note'), dataIndex: 'note', ellipsis: true },
    { title: t('f.countedAt'), dataIndex: 'countedAt', width: 140, render: (v: string) => fmtTime(v) },
  ];
  return (
    <>
      <Row gutter={16} className="exp-cash-head">
        <Col span={7}>
          <Card size="small" className="exp-stat">
            <Statistic title={t('cash.balance')} value={s ? yuan(s.balanceFen) : '—'} suffix={t('common.yuan')} prefix={<AccountBookOutlined aria-hidden />} />
            {s && !s.opened ? <Typography.Text type="warning">{t('cash.notOpened')}</Typography.Text> : null}
          </Card>
        </Col>
        <Col span={17}>
          <Card size="small" className="exp-stat">
            {s?.lastCount ? (
              <Flex gap={24} wrap align="center">
                <Statistic title={t('cash.lastCount', { month: s.lastCount.month })} value={yuan(s.lastCount.countedFen)} suffix={t('common.yuan')} prefix={<SafetyCertificateOutlined aria-hidden />} />
                <Typography.Text>
                  {t('cash.countLine', { book: yuan(s.lastCount.bookFen), by: s.lastCount.countedByName, checker: s.lastCount.checkerName })}
                  {s.lastCount.differenceFen ? <Typography.Text type="danger">　{t('cash.diff', { v: yuan(s.lastCount.differenceFen) })}</Typography.Text> : <Tag className="tag-ok exp-tag-gap">{t('cash.balanced')}</Tag>}
                </Typography.Text>
              </Flex>
            ) : (
              <Typography.Text type="secondary">{t('cash.noCount')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item label={t('list.year')}>
            <Select
              aria-label={t('list.year')}
              className="filter-select-narrow"
              value={month ? undefined : (year ?? 'all')}
              placeholder={t('list.year')}
              onChange={(v) => set({ year: v === thisYear ? null : v, month: null })}
              options={[...years().map((y) => ({ value: y, label: `${y}` })), { value: 'all', label: t('list.allYears') }]}
            />
          </Form.Item>
          <Form.Item label={t('f.month')}>
            <DatePicker picker="month" aria-label={t('f.month')} value={monthStart} onChange={(d) => set({ month: d ? d.format('YYYY-MM') : null })} />
          </Form.Item>
        </Form>
      </Card>
      <div className="exp-toolbar">
        {keeper ? (
          <>
            <Button type="primary" onClick={() => setDialog('entry')}>
              {s?.opened ? t('cash.topup') : t('cash.open')}
            </Button>
            <Button onClick={() => setDialog('count')}>{t('cash.count')}</Button>
          </>
        ) : null}
        <span className="exp-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute(EXP_REGISTER_CASH, filter), { suggestedName: '备用金现金日记账' })}>
          {t('cash.print')}
        </Button>
        <ExportButtons register={EXP_REGISTER_CASH} filter={filter} />
      </div>
      <ErrorAlert error={list.error ?? status.error} />
      <ListTable<CashEntry>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        empty={t('cash.empty')}
        scroll={{ x: 900 }}
      />
      <Section>{t('cash.counts')}</Section>
      <Table<CashCount> rowKey="id" size="small" columns={countColumns} dataSource={s?.counts ?? []} pagination={{ pageSize: 12, hideOnSinglePage: true }} locale={{ emptyText: t('cash.noCount') }} scroll={{ x: 900 }} />
      {dialog === 'entry' ? <EntryDialog opened={!!s?.opened} onClose={() => setDialog(null)} /> : null}
      {dialog === 'count' ? <CountDialog balance={s?.balanceFen ?? 0} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function EntryDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.cashEntry', EXP_READS);
  const schema = methods['expenses.cashEntry'].input;
  return (
    <FormDialog<{ kind: 'opening' | 'topup'; amount?: number; entryDate?: Dayjs; note?: string }>
      title={opened ? t('cash.topup') : t('cash.open')}
      width={560}
      initialValues={{ kind: opened ? 'topup' : 'opening', entryDate: dayjs(), note: opened ? t('cash.topupNote') : t('cash.openingNote') }}
      fieldMap={{ amountFen: 'amount' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ kind: v.kind, amountFen: toFen(v.amount), entryDate: dateOf(v.entryDate), note: v.note ?? '' });
        message.success(t('cash.entered'));
      }}
    >
      <Form.Item name="kind" label={t('f.cashKind')}>
        <Radio.Group optionType="button" options={(['opening', 'topup'] as const).map((k) => ({ value: k, label: t(`cashKind.${k}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="amount" label={t('f.amountYuan')} rules={[{ required: true, message: t('v.amount') }]}>
            <MoneyInput className="exp-wide" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="entryDate" label={t('f.date')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="exp-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('f.summary')} rules={fieldRule(schema, 'note')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormDialog>
  );
}

function CountDialog({ balance, onClose }: { balance: number; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const m = useApiMutation('expenses.cashCount', EXP_READS);
  return (
    <FormDialog<{ month?: Dayjs; counted?: number; checkerId?: number; note?: string }>
      title={t('cash.count')}
      okText={t('cash.countOk')}
      width={600}
      initialValues={{ month: dayjs(), counted: balance / 100 }}
      fieldMap={{ countedFen: 'counted' }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ month: v.month ? v.month.format('YYYY-MM') : '', countedFen: toFen(v.counted), checkerId: v.checkerId ?? 0, note: v.note ?? '' });
        message.success(t('cash.counted'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('cash.countHint', { v: yuan(balance) })} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="month" label={t('f.month')} rules={[{ required: true, message: t('v.month') }]}>
            <DatePicker picker="month" className="exp-wide" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="counted" label={t('f.countedYuan')} rules={[{ required: true, message: t('v.amount') }]}>
            <MoneyInput className="exp-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="checkerId" label={t('f.checker')} rules={[{ required: true, message: t('v.person') }]} extra={t('cash.checkerHint')}>
        <PersonSelect />
      </Form.Item>
      <Form.Item name="note" label={`${t('f.note')}${t('common.optional')}`}>
        <Input maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}
