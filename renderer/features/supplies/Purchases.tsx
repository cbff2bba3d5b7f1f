// 采购与履约验收: a purchase (电子卖场 by default; any other channel with its reason), its lines
// (catalogue items, or fixed assets at or above the threshold), then the acceptance by at least one
// person other than the buyer; only accepted quantities enter stock, asset lines become cards.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, MinusCircleOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { ASSET_CATEGORIES } from '../../../db/contract/assets';
import { CHANNELS, FUNDING_SOURCES, PURCHASE_STATES, QUALITIES, type Channel, type PurchaseDetail, type PurchaseRow, type PurchaseState, type Quality } from '../../../db/contract/supplies';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { AuditTrail } from '../../components/AuditTrail';
import { dateOf, futureDay } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { toFen, yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { PeopleSelect } from '../../components/PeopleSelect';
import { PersonSelect } from '../../components/PersonSelect';
import { StateFilter } from '../../components/StateFilter';
import { num, useListFilters } from '../../components/useListParams';
import { YearFilter } from '../../components/YearFilter';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { ItemSelect, SUPPLY_READS, qty } from './shared';

const PAGE_SIZE = 20;
const STATE_CLASS: Record<PurchaseState, string> = { ordered: 'tag-warn', accepted: 'tag-ok', void: 'tag-off' };

export function Purchases() {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const { params, set, thisYear, year, state, q, page } = useListFilters();
  const [editing, setEditing] = useState<PurchaseDetail | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const list = useApiQuery('supplies.purchaseList', { year, state, q, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const columns: TableColumnsType<PurchaseRow> = [
    {
      title: t('f.number'),
      dataIndex: 'number',
      width: 160,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.purchasedOn'), dataIndex: 'date', width: 100 },
    { title: t('f.channel'), dataIndex: 'channel', width: 110, render: (c: Channel) => (c === 'emall' ? t(`channel.${c}`) : <Tag className="tag-warn">{t(`channel.${c}`)}</Tag>) },
    { title: t('f.supplier'), dataIndex: 'supplier', width: 160, ellipsis: true },
    { title: t('f.lines'), dataIndex: 'summary', ellipsis: true },
    { title: t('f.total'), dataIndex: 'total', width: 110, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.acceptors'), key: 'acc', width: 110, ellipsis: true, render: (_, r) => r.acceptors.map((a) => a.name).join('、') },
    {
      title: t('f.state'),
      key: 'state',
      width: 120,
      render: (_, r) => (
        <>
          <Tag className={STATE_CLASS[r.state]}>{t(`pState.${r.state}`)}</Tag>
          {r.result && r.result !== 'pass' ? <Tag className="tag-warn">{t(`result.${r.result}`)}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <YearFilter year={year} onChange={(v) => set({ year: v === thisYear ? null : v })} />
          <StateFilter value={state} states={PURCHASE_STATES} label={(s) => t(`pState.${s}`)} set={set} />
          <KeywordFilter label={t('purchase.keyword')} value={q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        {clerk ? (
          <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('purchase.new')}
          </Button>
        ) : null}
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.purchases', { year, state }), { landscape: true, suggestedName: '办公用品采购验收登记簿' })}>
          {t('purchase.printRegister')}
        </Button>
        <ExportButtons register="supplies.purchases" filter={{ year, state, q }} />
      </div>
      <ErrorAlert error={list.error} />
      <ListTable<PurchaseRow>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        onOpen={(r) => setOpenId(r.id)}
        empty={t('purchase.empty')}
        scroll={{ x: 1100 }}
      />
      {editing ? <PurchaseDialog d={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={(id) => setOpenId(id)} /> : null}
      {openId ? <PurchaseDrawer id={openId} onClose={() => setOpenId(null)} onEdit={(d) => setEditing(d)} /> : null}
    </>
  );
}

interface LineValues {
  kind: 'item' | 'asset';
  itemId?: number;
  name?: string;
  spec?: string;
  unit?: string;
  quantity?: number;
  unitPrice?: number;
  assetCategory?: string;
  brand?: string;
  model?: string;
}
interface PurchaseValues {
  channel: Channel;
  channelReason?: string;
  orderNo: string;
  supplier: string;
  buyerId?: number;
  purchasedOn?: Dayjs;
  fundingSource: string;
  lines: LineValues[];
  remarks?: string;
}

function PurchaseDialog({ d, onClose, onSaved }: { d: PurchaseDetail | null; onClose: () => void; onSaved: (id: number) => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const me = useMe();
  const create = useApiMutation('supplies.purchaseCreate', SUPPLY_READS);
  const update = useApiMutation('supplies.purchaseUpdate', SUPPLY_READS);
  const settings = useApiQuery('supplies.settings', {}, { staleTime: 60_000 });
  const schema = methods['supplies.purchaseCreate'].input;
  const [form] = Form.useForm<PurchaseValues>();
  const channel = Form.useWatch('channel', form);
  const initial: Partial<PurchaseValues> = d
    ? {
        channel: d.channel,
        channelReason: d.channelReason,
        orderNo: d.orderNo,
        supplier: d.supplier,
        buyerId: d.buyerId,
        purchasedOn: dayjs(d.date),
        fundingSource: d.fundingSource,
        remarks: d.remarks,
        lines: d.lines.map((l) => ({ kind: l.isAsset ? 'asset' : 'item', itemId: l.itemId ?? undefined, name: l.name, spec: l.spec, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice / 100, assetCategory: l.assetCategory ?? undefined, brand: l.brand, model: l.model })),
      }
    : { channel: 'emall', fundingSource: '财政拨款', buyerId: me.user.id, purchasedOn: dayjs(), lines: [{ kind: 'item' }] };
  return (
    <FormDialog<PurchaseValues>
      title={d ? `${t('purchase.edit')} ${d.number}` : t('purchase.newTitle')}
      okText={d ? t('purchase.edit') : t('purchase.new')}
      width={1060}
      form={form}
      initialValues={initial}
      onClose={onClose}
      onSubmit={async (v) => {
        const input = {
          channel: v.channel,
          channelReason: v.channelReason ?? '',
          orderNo: v.orderNo ?? '',
          supplier: v.supplier ?? '',
          buyerId: v.buyerId ?? 0,
          purchasedOn: dateOf(v.purchasedOn) ?? '',
          fundingSource: v.fundingSource ?? '',
          remarks: v.remarks ?? '',
          lines: (v.lines ?? []).map((l) =>
            l.kind === 'item'
              ? { itemId: l.itemId ?? null, quantity: l.quantity as number, unitPrice: toFen(l.unitPrice) }
              : { itemId: null, name: l.name ?? '', spec: l.spec ?? '', unit: l.unit ?? '台', quantity: l.quantity as number, unitPrice: toFen(l.unitPrice), assetCategory: l.assetCategory ?? '', brand: l.brand ?? '', model: l.model ?? '' },
          ),
        };
        const r = d ? await update.mutateAsync({ ...input, id: d.id }) : await create.mutateAsync(input);
        message.success(t('purchase.created', { number: r.number }));
        onSaved(r.id);
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('purchase.channelHint')} description={settings.data ? t('purchase.thresholdHint', { yuan: yuan(settings.data.assetThreshold) }) : undefined} />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="channel" label={t('f.channel')}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="orderNo" label={t('f.orderNo')} rules={fieldRule(schema, 'orderNo')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="purchasedOn" label={t('f.purchasedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="sup-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      {channel && channel !== 'emall' ? (
        <Form.Item name="channelReason" label={t('f.channelReason')} rules={[{ required: true, message: t('v.required') }]}>
          <Input />
        </Form.Item>
      ) : null}
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="supplier" label={t('f.supplier')} rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="buyerId" label={t('f.buyer')} rules={[{ required: true, message: t('v.person') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="fundingSource" label={t('f.fundingSource')}>
            <Select options={FUNDING_SOURCES.map((f) => ({ value: f, label: f }))} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('f.lines')}</Typography.Text>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <div className="sup-lines">
            {fields.map((field, i) => (
              <LineRow key={field.key} name={field.name} index={i} onRemove={fields.length > 1 ? () => remove(field.name) : undefined} />
            ))}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ kind: 'item' })}>
              {t('purchase.addLine')}
            </Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

function LineRow({ name, index, onRemove }: { name: number; index: number; onRemove?: () => void }) {
  const { t } = useTranslation('supplies');
  const form = Form.useFormInstance<PurchaseValues>();
  const kind = Form.useWatch(['lines', name, 'kind'], form);
  const [unit, setUnit] = useState<string | undefined>();
  const n = index + 1;
  const label = (text: string) => (index === 0 ? text : undefined);
  return (
    <div className="sup-line">
      <Flex gap={8} align="start">
        <Form.Item name={[name, 'kind']} label={label(t('purchase.kindHead'))} className="sup-line-kind">
          <Radio.Group
            size="small"
            optionType="button"
            options={[
              { value: 'item', label: t('f.item') },
              { value: 'asset', label: t('f.asset') },
            ]}
          />
        </Form.Item>
        {kind === 'asset' ? (
          <>
            <Form.Item name={[name, 'name']} label={label(t('f.name'))} rules={[{ required: true, whitespace: true, message: t('purchase.lineItemRequired') }]} className="sup-line-name">
              <Input aria-label={`${t('f.name')} ${n}`} placeholder={t('f.name')} />
            </Form.Item>
            <Form.Item name={[name, 'assetCategory']} label={label(t('f.assetCategory'))} rules={[{ required: true, message: t('v.required') }]} className="sup-line-cat">
              <Select aria-label={`${t('f.assetCategory')} ${n}`} placeholder={t('f.assetCategory')} showSearch={{ optionFilterProp: 'label' }} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Form.Item name={[name, 'brand']} label={label(t('f.brand'))} className="sup-line-short">
              <Input aria-label={`${t('f.brand')} ${n}`} placeholder={t('f.brand')} />
            </Form.Item>
            <Form.Item name={[name, 'model']} label={label(t('f.model'))} className="sup-line-short">
              <Input aria-label={`${t('f.model')} ${n}`} placeholder={t('f.model')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name={[name, 'itemId']} label={label(t('purchase.itemHead'))} rules={[{ required: true, message: t('v.item') }]} className="sup-line-item">
            <ItemSelect aria-label={`${t('f.item')} ${n}`} onPick={(it) => setUnit(it?.unit)} />
          </Form.Item>
        )}
        <Form.Item name={[name, 'quantity']} label={label(t('f.quantity'))} rules={[{ required: true, message: t('v.qty') }]} className="sup-line-qty">
          <InputNumber aria-label={`${t('f.quantity')} ${n}`} placeholder={t('f.quantity')} min={0} addonAfter={kind === 'asset' ? '台' : unit} className="sup-wide" />
        </Form.Item>
        <Form.Item name={[name, 'unitPrice']} label={label(t('f.unitPrice'))} rules={[{ required: true, message: t('v.required') }]} className="sup-line-price">
          <InputNumber aria-label={`${t('f.unitPrice')} ${n}`} placeholder={t('f.unitPrice')} min={0} step={0.01} className="sup-wide" />
        </Form.Item>
        <Form.Item label={label(t('f.amount'))} className="sup-line-amount">
          <LineAmount name={name} />
        </Form.Item>
        {onRemove ? <Button aria-label={t('purchase.removeLine')} type="text" icon={<MinusCircleOutlined aria-hidden />} onClick={onRemove} className={index === 0 ? 'sup-line-btn-first' : undefined} /> : <span className="sup-line-btn-space" />}
      </Flex>
    </div>
  );
}

function LineAmount({ name }: { name: number }) {
  const form = Form.useFormInstance<PurchaseValues>();
  const q = Form.useWatch(['lines', name, 'quantity'], form);
  const p = Form.useWatch(['lines', name, 'unitPrice'], form);
  const fen = typeof q === 'number' && typeof p === 'number' ? Math.round(q * p * 100) : null;
  return <span className="sup-line-amount-text">{fen === null ? '' : yuan(fen)}</span>;
}

export function PurchaseDrawer({ id, onClose, onEdit }: { id: number; onClose: () => void; onEdit: (d: PurchaseDetail) => void }) {
  const { t } = useTranslation('supplies');
  const q = useApiQuery('supplies.purchaseGet', { id });
  const d = q.data;
  return (
    <Drawer open size={820} onClose={onClose} destroyOnHidden title={d ? d.number : ' '} extra={d ? <Tag className={STATE_CLASS[d.state]}>{t(`pState.${d.state}`)}</Tag> : null}>
      <ErrorAlert error={q.error} />
      {d ? <PurchaseBody d={d} onEdit={() => onEdit(d)} /> : <Skeleton active />}
    </Drawer>
  );
}

function PurchaseBody({ d, onEdit }: { d: PurchaseDetail; onEdit: () => void }) {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [step, setStep] = useState<'accept' | 'void' | 'correct' | null>(null);
  const stockLines = d.lines.filter((l) => !l.isAsset && l.acceptedQty !== null);
  const corrections = d.lines.flatMap((l) => l.corrections.map((c) => ({ ...c, line: l })));
  return (
    <>
      <Flex gap={8} wrap className="sup-actions">
        {clerk && d.state === 'ordered' ? (
          <>
            <Button type="primary" onClick={() => setStep('accept')}>
              {t('purchase.accept')}
            </Button>
            <Button onClick={onEdit}>{t('purchase.edit')}</Button>
            <Button danger onClick={() => setStep('void')}>
              {t('purchase.void')}
            </Button>
          </>
        ) : null}
        {clerk && d.state === 'accepted' && stockLines.length ? <Button onClick={() => setStep('correct')}>{t('purchase.correct')}</Button> : null}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/supplies/acceptance/${d.id}`, { suggestedName: `履约验收单-${d.number}` })}>
          {t('purchase.printForm')}
        </Button>
      </Flex>
      {d.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={`${t('pState.void')}：${d.voidReason}`} /> : null}
      <Descriptions size="small" column={2} bordered className="sup-detail">
        <Descriptions.Item label={t('f.channel')}>
          {t(`channel.${d.channel}`)}
          {d.channelReason ? `（${d.channelReason}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.orderNo')}>{d.orderNo}</Descriptions.Item>
        <Descriptions.Item label={t('f.supplier')}>{d.supplier}</Descriptions.Item>
        <Descriptions.Item label={t('f.buyer')}>{d.buyerName}</Descriptions.Item>
        <Descriptions.Item label={t('f.purchasedOn')}>{d.date}</Descriptions.Item>
        <Descriptions.Item label={t('f.fundingSource')}>{d.fundingSource}</Descriptions.Item>
        <Descriptions.Item label={t('f.total')}>{yuan(d.total)}</Descriptions.Item>
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
        {d.state === 'accepted' ? (
          <>
            <Descriptions.Item label={t('f.acceptedOn')}>{d.acceptedOn}</Descriptions.Item>
            <Descriptions.Item label={t('f.acceptors')}>{d.acceptors.map((a) => a.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t('f.result')}>{d.result ? t(`result.${d.result}`) : ''}</Descriptions.Item>
            <Descriptions.Item label={t('f.acceptedTotal')}>{yuan(d.acceptedTotal)}</Descriptions.Item>
            <Descriptions.Item label={t('f.opinion')} span={2}>
              {d.opinion}
            </Descriptions.Item>
            {d.problems ? (
              <Descriptions.Item label={t('f.problems')} span={2}>
                {d.problems}
              </Descriptions.Item>
            ) : null}
          </>
        ) : null}
      </Descriptions>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={d.lines}
        columns={[
          { title: '#', dataIndex: 'lineNo', width: 36 },
          { title: t('f.item'), key: 'n', render: (_, l) => <>{l.name}{l.spec ? `（${l.spec}）` : ''}{l.isAsset ? <Tag className="tag-warn sup-tag-gap">{t('f.asset')}</Tag> : null}</> },
          { title: t('f.ordered'), key: 'q', width: 80, align: 'right', render: (_, l) => `${qty(l.quantity)} ${l.unit}` },
          { title: t('f.unitPrice'), dataIndex: 'unitPrice', width: 90, align: 'right', render: (v: number) => yuan(v) },
          { title: t('f.amount'), dataIndex: 'amount', width: 96, align: 'right', render: (v: number) => yuan(v) },
          {
            title: t('f.acceptedQty'),
            key: 'a',
            width: 110,
            align: 'right',
            render: (_, l) =>
              l.acceptedQty === null ? '' : (
                <>
                  {qty(l.acceptedQty)}
                  {l.corrections.length ? <Tag className="tag-warn sup-tag-gap">{t('purchase.corrected')}</Tag> : null}
                </>
              ),
          },
          { title: t('f.quality'), key: 'ql', width: 80, render: (_, l) => (l.quality ? t(`quality.${l.quality}`) : '') },
          { title: t('f.acceptNote'), key: 'nt', width: 130, ellipsis: true, render: (_, l) => [l.acceptNote, l.assetNumbers.length ? `${t('purchase.assetCards')}：${l.assetNumbers.join('、')}` : ''].filter(Boolean).join('；') },
        ]}
        scroll={{ x: 760 }}
      />
      {corrections.length ? (
        <Table
          className="sup-corrections"
          rowKey="id"
          size="small"
          pagination={false}
          title={() => t('purchase.corrections')}
          dataSource={corrections}
          columns={[
            { title: t('purchase.correctedOn'), dataIndex: 'correctedOn', width: 100 },
            { title: t('f.item'), key: 'n', width: 140, render: (_, c) => `${c.line.lineNo}. ${c.line.name}` },
            { title: t('purchase.before'), key: 'b', width: 150, align: 'right', render: (_, c) => `${qty(c.beforeQty)} ${c.line.unit}，${yuan(c.beforeAmount)}` },
            { title: t('purchase.after'), key: 'a', width: 150, align: 'right', render: (_, c) => `${qty(c.afterQty)} ${c.line.unit}，${yuan(c.afterAmount)}` },
            { title: t('purchase.correctReason'), key: 'r', render: (_, c) => [c.reason, c.unpostedAmount ? t('purchase.unposted', { yuan: yuan(c.unpostedAmount) }) : ''].filter(Boolean).join('；') },
            { title: t('f.recordedBy'), dataIndex: 'recordedByName', width: 80 },
          ]}
          scroll={{ x: 760 }}
        />
      ) : null}
      <Tabs className="sup-history" items={[{ key: 'h', label: t('detail.history'), children: <AuditTrail objectType="supply_purchase" objectId={d.id} /> }]} />
      {step === 'accept' ? <AcceptDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? <VoidPurchase d={d} onClose={() => setStep(null)} /> : null}
      {step === 'correct' ? <CorrectAcceptance d={d} onClose={() => setStep(null)} /> : null}
    </>
  );
}

interface AcceptValues {
  acceptedOn?: Dayjs;
  acceptorIds: number[];
  lines: { lineId: number; acceptedQty?: number; quality: Quality; note?: string }[];
  problems?: string;
  opinion: string;
}

function AcceptDialog({ d, onClose }: { d: PurchaseDetail; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const me = useMe();
  const m = useApiMutation('supplies.accept', SUPPLY_READS);
  const schema = methods['supplies.accept'].input;
  return (
    <FormDialog<AcceptValues>
      title={t('purchase.acceptTitle', { number: d.number })}
      okText={t('purchase.accept')}
      width={900}
      initialValues={{
        acceptedOn: dayjs(),
        acceptorIds: [me.user.id],
        lines: d.lines.map((l) => ({ lineId: l.id, acceptedQty: l.quantity, quality: 'ok' as Quality, note: '' })),
        opinion: '货物品名、规格、数量与订单一致，质量合格，同意验收',
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({
          id: d.id,
          acceptedOn: dateOf(v.acceptedOn) ?? '',
          acceptorIds: v.acceptorIds ?? [],
          lines: (v.lines ?? []).map((l) => ({ lineId: l.lineId, acceptedQty: l.acceptedQty as number, quality: l.quality, note: l.note ?? '' })),
          problems: v.problems ?? '',
          opinion: v.opinion ?? '',
        });
        message.success(t('purchase.accepted'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('purchase.acceptHint')} />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="acceptedOn" label={t('f.acceptedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="sup-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="acceptorIds" label={t('f.acceptors')} rules={[{ required: true, message: t('v.person') }]}>
            <PeopleSelect />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={8} className="sup-line-head" aria-hidden>
        <span className="sup-accept-name">{t('f.item')}</span>
        <span className="sup-line-qty">{t('f.acceptedQty')}</span>
        <span className="sup-line-quality">{t('f.quality')}</span>
        <span className="sup-grow">{t('f.acceptNote')}</span>
      </Flex>
      <div className="sup-accept-lines">
        {d.lines.map((l, i) => (
          <Flex key={l.id} gap={8} align="start" className="sup-accept-line">
            <Form.Item name={['lines', i, 'lineId']} hidden>
              <InputNumber />
            </Form.Item>
            <span className="sup-accept-name">
              {l.lineNo}. {l.name}
              {l.spec ? `（${l.spec}）` : ''}
              <Typography.Text type="secondary">
                {' '}
                · {t('f.ordered')} {qty(l.quantity)} {l.unit}
              </Typography.Text>
              {l.isAsset ? <Tag className="tag-warn sup-tag-gap">{t('f.asset')}</Tag> : null}
            </span>
            <Form.Item name={['lines', i, 'acceptedQty']} rules={[{ required: true, message: t('v.qty') }]} className="sup-line-qty">
              <InputNumber aria-label={`${t('f.acceptedQty')} ${l.lineNo}`} min={0} addonAfter={l.unit} className="sup-wide" />
            </Form.Item>
            <Form.Item name={['lines', i, 'quality']} className="sup-line-quality">
              <Select aria-label={`${t('f.quality')} ${l.lineNo}`} options={QUALITIES.map((x) => ({ value: x, label: t(`quality.${x}`) }))} />
            </Form.Item>
            <Form.Item name={['lines', i, 'note']} className="sup-grow">
              <Input aria-label={`${t('f.acceptNote')} ${l.lineNo}`} placeholder={t('f.acceptNote')} />
            </Form.Item>
          </Flex>
        ))}
      </div>
      <Form.Item name="problems" label={`${t('f.problems')}${t('common.optional')}`} rules={fieldRule(schema, 'problems')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="opinion" label={t('f.opinion')} rules={fieldRule(schema, 'opinion')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function VoidPurchase({ d, onClose }: { d: PurchaseDetail; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.purchaseVoid', SUPPLY_READS);
  return (
    <FormDialog<{ reason: string }>
      title={t('purchase.voidTitle')}
      okText={t('purchase.void')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, reason: v.reason ?? '' });
        message.success(t('purchase.voided'));
      }}
    >
      <Form.Item name="reason" label={t('f.reason')} rules={fieldRule(methods['supplies.purchaseVoid'].input, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

interface CorrectValues {
  lineId?: number;
  acceptedQty?: number;
  unitPrice?: number;
  reason?: string;
}

/** 入库更正: the accepted quantity and unit price as they really were; the difference is posted today. */
function CorrectAcceptance({ d, onClose }: { d: PurchaseDetail; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.acceptCorrect', SUPPLY_READS);
  const [form] = Form.useForm<CorrectValues>();
  const lines = d.lines.filter((l) => !l.isAsset && l.acceptedQty !== null);
  // The price now on record: the latest correction's, else the order's.
  const current = (lineId: number) => {
    const l = lines.find((x) => x.id === lineId)!;
    const c = l.corrections.at(-1);
    return { acceptedQty: l.acceptedQty ?? 0, unitPrice: (c && c.afterQty ? Math.round(c.afterAmount / c.afterQty) : l.unitPrice) / 100 };
  };
  const lineId = Form.useWatch('lineId', form);
  const unit = lines.find((l) => l.id === lineId)?.unit;
  return (
    <FormDialog<CorrectValues>
      title={t('purchase.correctTitle', { number: d.number })}
      okText={t('purchase.correct')}
      form={form}
      initialValues={{ lineId: lines[0].id, ...current(lines[0].id) }}
      onValuesChange={(changed) => {
        if (changed.lineId) form.setFieldsValue(current(changed.lineId));
      }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, lineId: v.lineId as number, acceptedQty: v.acceptedQty as number, unitPrice: toFen(v.unitPrice), reason: v.reason ?? '' });
        message.success(t('purchase.correctDone'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('purchase.correctHint')} />
      <Form.Item name="lineId" label={t('f.item')} rules={[{ required: true, message: t('v.required') }]}>
        <Select options={lines.map((l) => ({ value: l.id, label: `${l.lineNo}. ${l.name}${l.spec ? `（${l.spec}）` : ''}` }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="acceptedQty" label={t('purchase.correctQty')} rules={[{ required: true, message: t('v.qty') }]}>
            <InputNumber min={0} addonAfter={unit} className="sup-wide" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="unitPrice" label={t('purchase.correctPrice')} rules={[{ required: true, message: t('v.required') }]}>
            <InputNumber min={0} step={0.01} addonAfter="元" className="sup-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('purchase.correctReason')} rules={fieldRule(methods['supplies.acceptCorrect'].input, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}
