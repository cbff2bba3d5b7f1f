// 盘点: a count sheet for all items in stock, one category or chosen items; counted quantities with
// reasons, counted-by and checked-by; confirming posts 盘盈/盘亏 in one transaction, after which the
// sheet is read-only. The 盘点表 prints blank (for counting) or filled.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Tag } from 'antd';
import type { FormInstance, TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FileAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams } from 'react-router';
import { methods } from '../../../db/contract';
import { STOCKTAKE_STATES, type StocktakeDetail, type StocktakeRow, type StocktakeState } from '../../../db/contract/supplies';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { CountSheet } from '../../components/CountSheet';
import { dateOf } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { applyApiError } from '../../components/formErrors';
import { ListTable } from '../../components/ListTable';
import { yuan } from '../../components/money';
import { StateFilter } from '../../components/StateFilter';
import { useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { fieldRule } from '../../components/zodRule';
import { openPrint } from '../../print';
import { ItemSelect, SUPPLY_READS, qty } from './shared';

const STATE_CLASS: Record<StocktakeState, string> = { draft: 'tag-warn', confirmed: 'tag-ok', void: 'tag-off' };

export function Stocktakes() {
  return (
    <Routes>
      <Route index element={<StocktakeList />} />
      <Route path=":id" element={<StocktakeSheet />} />
    </Routes>
  );
}

function StocktakeList() {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const navigate = useNavigate();
  const { set, thisYear, year, state, page } = useListFilters();
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('supplies.stocktakeList', { year, state, page, pageSize: 20 }, { placeholderData: (p) => p });
  const columns: TableColumnsType<StocktakeRow> = [
    {
      title: t('f.number'),
      dataIndex: 'number',
      width: 160,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => navigate(`/r/supplies/stocktakes/${r.id}`)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.title'), dataIndex: 'title', ellipsis: true },
    { title: t('f.countedOn'), dataIndex: 'date', width: 100 },
    { title: t('f.countedBy'), key: 'who', width: 130, render: (_, r) => [r.countedByName, r.checkedByName].filter(Boolean).join(' / ') },
    { title: t('f.lines'), key: 'l', width: 180, render: (_, r) => t('st.lines', { counted: r.countedCount, total: r.lineCount, diff: r.diffCount }) },
    { title: t('f.diff'), key: 'g', width: 170, render: (_, r) => (r.state === 'confirmed' ? t('st.gainLoss', { gain: yuan(r.gainAmount), loss: yuan(r.lossAmount) }) : '') },
    { title: t('f.state'), dataIndex: 'state', width: 90, render: (s: StocktakeState) => <Tag className={STATE_CLASS[s]}>{t(`sState.${s}`)}</Tag> },
  ];
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={STOCKTAKE_STATES} label={(s) => t(`sState.${s}`)} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        {hasRole(me, ['clerk']) ? (
          <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('st.new')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={list.error} />
      <ListTable<StocktakeRow>
        list={list}
        page={page}
        pageSize={20}
        set={set}
        columns={columns}
        empty={t('st.empty')}
        onOpen={(r) => navigate(`/r/supplies/stocktakes/${r.id}`)}
      />
      {creating ? <NewStocktake onClose={() => setCreating(false)} onCreated={(id) => navigate(`/r/supplies/stocktakes/${id}`)} /> : null}
    </>
  );
}

function NewStocktake({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.stocktakeCreate', SUPPLY_READS);
  const cats = useApiQuery('supplies.categories', {}, { staleTime: 60_000 });
  const [form] = Form.useForm<{ title: string; countedOn?: Dayjs; scope: 'all' | 'category' | 'items'; category?: string; itemIds?: number[]; remarks?: string }>();
  const scope = Form.useWatch('scope', form);
  const schema = methods['supplies.stocktakeCreate'].input;
  return (
    <FormDialog
      title={t('st.newTitle')}
      okText={t('st.new')}
      width={640}
      form={form}
      initialValues={{ title: `${dayjs().year()}年${dayjs().month() + 1}月库存盘点`, countedOn: dayjs(), scope: 'all' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({
          title: v.title ?? '',
          countedOn: dateOf(v.countedOn) ?? '',
          category: v.scope === 'category' ? v.category : undefined,
          itemIds: v.scope === 'items' ? (v.itemIds ?? []) : [],
          remarks: v.remarks ?? '',
        });
        message.success(t('st.created', { number: d.number }));
        onCreated(d.id);
      }}
    >
      <Row gutter={16}>
        <Col span={15}>
          <Form.Item name="title" label={t('f.title')} rules={fieldRule(schema, 'title')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="countedOn" label={t('f.countedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="sup-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="scope">
        <Radio.Group
          options={[
            { value: 'all', label: t('st.scopeAll') },
            { value: 'category', label: t('st.scopeCategory') },
            { value: 'items', label: t('st.scopeItems') },
          ]}
        />
      </Form.Item>
      {scope === 'category' ? (
        <Form.Item name="category" label={t('f.category')} rules={[{ required: true, message: t('v.required') }]}>
          <Select options={(cats.data ?? []).map((c) => ({ value: c.category, label: c.category }))} />
        </Form.Item>
      ) : null}
      {scope === 'items' ? (
        <Form.List name="itemIds" initialValue={[undefined]}>
          {(fields, { add }) => (
            <>
              {fields.map((f, i) => (
                <Form.Item key={f.key} name={f.name} label={i === 0 ? t('f.item') : undefined} rules={[{ required: true, message: t('v.item') }]}>
                  <ItemSelect aria-label={`${t('f.item')} ${i + 1}`} />
                </Form.Item>
              ))}
              <Button type="dashed" onClick={() => add()}>
                {t('req.addLine')}
              </Button>
            </>
          )}
        </Form.List>
      ) : null}
    </FormDialog>
  );
}

function StocktakeSheet() {
  const { t } = useTranslation('supplies');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useApiQuery('supplies.stocktakeGet', { id: Number(id) });
  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/r/supplies/stocktakes')} className="sup-back">
        {t('nav.stocktakes')}
      </Button>
      <ErrorAlert error={q.error} />
      {q.data ? <SheetBody d={q.data} /> : <Skeleton active />}
    </>
  );
}

type SheetValues = { countedById?: number | null; checkedById?: number | null; countedOn?: Dayjs; remarks?: string } & Record<string, unknown>;

function SheetBody({ d }: { d: StocktakeDetail }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const me = useMe();
  const editable = hasRole(me, ['clerk']) && d.state === 'draft';
  const save = useApiMutation('supplies.stocktakeSave', SUPPLY_READS);
  const confirm = useApiMutation('supplies.stocktakeConfirm', SUPPLY_READS);
  const refresh = useApiMutation('supplies.stocktakeRefresh', SUPPLY_READS);
  const voidIt = useApiMutation('supplies.stocktakeVoid', SUPPLY_READS);
  const initial: SheetValues = {
    countedById: d.countedById,
    checkedById: d.checkedById,
    countedOn: dayjs(d.date),
    remarks: d.remarks,
    ...Object.fromEntries(d.lines.flatMap((l) => [[`c_${l.id}`, l.countedQty], [`r_${l.id}`, l.reason]])),
  };
  const columns = (form: FormInstance<SheetValues>): TableColumnsType<StocktakeDetail['lines'][number]> => [
    { title: t('f.item'), key: 'i', ellipsis: true, render: (_, l) => <>{l.itemName}{l.spec ? `（${l.spec}）` : ''}{l.stale ? <Tag className="tag-bad sup-tag-gap">{t('st.stale')}</Tag> : null}</> },
    { title: t('f.unit'), dataIndex: 'unit', width: 56, align: 'center' },
    { title: t('f.bookQty'), dataIndex: 'bookQty', width: 86, align: 'right', render: (v: number) => qty(v) },
    {
      title: t('f.countedQty'),
      key: 'c',
      width: 130,
      render: (_, l) =>
        editable ? (
          <Form.Item name={`c_${l.id}`} className="sup-cell-item">
            <InputNumber aria-label={`${t('f.countedQty')} ${l.itemName}`} min={0} precision={l.wholeUnit ? 0 : 3} className="sup-wide" />
          </Form.Item>
        ) : (
          qty(l.countedQty)
        ),
    },
    {
      title: t('f.diff'),
      key: 'd',
      width: 80,
      align: 'right',
      render: (_, l) => (
        <Form.Item noStyle shouldUpdate>
          {() => {
            const c = editable ? (form.getFieldValue(`c_${l.id}`) as number | null | undefined) : l.countedQty;
            if (c === null || c === undefined) return '';
            const diff = Math.round((c - l.bookQty) * 1000) / 1000;
            return diff ? <span className={diff > 0 ? 'sup-in' : 'sup-out'}>{diff > 0 ? `+${qty(diff)}` : `−${qty(-diff)}`}</span> : '0';
          }}
        </Form.Item>
      ),
    },
    {
      title: t('f.reason'),
      key: 'r',
      render: (_, l) =>
        editable ? (
          <Form.Item name={`r_${l.id}`} className="sup-cell-item">
            <Input aria-label={`${t('f.reason')} ${l.itemName}`} />
          </Form.Item>
        ) : (
          l.reason
        ),
    },
  ];
  return (
    <CountSheet<StocktakeDetail['lines'][number], SheetValues>
      doc={d}
      stateTag={<Tag className={STATE_CLASS[d.state]}>{t(`sState.${d.state}`)}</Tag>}
      editable={editable}
      initial={initial}
      text={{
        save: t('st.save'),
        saved: t('st.saved'),
        confirm: t('st.confirm'),
        confirmTitle: t('st.confirmTitle'),
        confirmHint: t('st.confirmHint'),
        confirmed: t('st.confirmed'),
        void: t('st.void'),
        voidTitle: t('st.voidTitle'),
        voidReason: t('f.reason'),
        print: t('st.print'),
        history: t('detail.history'),
      }}
      confirmedSummary={`${t('st.readOnly')} ${t('st.gainLoss', { gain: yuan(d.gainAmount), loss: yuan(d.lossAmount) })}`}
      voidedSummary={`${t('sState.void')}：${d.voidReason}`}
      lineFieldKeys={{ countedQty: 'c', reason: 'r' }}
      save={(v) =>
        save.mutateAsync({
          id: d.id,
          countedById: v.countedById ?? null,
          checkedById: v.checkedById ?? null,
          countedOn: dateOf(v.countedOn),
          remarks: v.remarks ?? '',
          lines: d.lines.map((l) => ({ lineId: l.id, countedQty: (v[`c_${l.id}`] as number | null | undefined) ?? null, reason: (v[`r_${l.id}`] as string | undefined) ?? '' })),
        })
      }
      confirm={() => confirm.mutateAsync({ id: d.id })}
      voidSheet={(reason) => voidIt.mutateAsync({ id: d.id, reason })}
      voidRule={fieldRule(methods['supplies.stocktakeVoid'].input, 'reason')}
      extraActions={(form, setError) =>
        d.lines.some((l) => l.stale) ? (
          <Button onClick={() => void refresh.mutateAsync({ id: d.id }).then(() => message.success(t('st.refreshed')), (e: unknown) => setError(applyApiError(form, e)))}>{t('st.refresh')}</Button>
        ) : null
      }
      head={[
        { name: 'countedOn', label: t('f.countedOn'), kind: 'date', span: 6, shown: d.date },
        { name: 'countedById', label: t('f.countedBy'), kind: 'person', span: 6, shown: d.countedByName },
        { name: 'checkedById', label: t('f.checkedBy'), kind: 'person', span: 6, shown: d.checkedByName },
        { name: 'remarks', label: t('f.remarks'), editLabel: `${t('f.remarks')}${t('common.optional')}`, kind: 'text', span: 6, shown: d.remarks },
      ]}
      columns={columns}
      onPrint={() => void openPrint(`/print/supplies/stocktake/${d.id}`, { suggestedName: `盘点表-${d.number}` })}
      auditObjectType="supply_stocktake"
    />
  );
}
