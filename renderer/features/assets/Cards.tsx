// 固定资产卡片: the list (by status, department, user, location, category, flag, text) with batch
// movements on the selected cards, registration of assets already held, the card with its whole
// history, corrections, disposal requests, the asset list by group and the QR labels.
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Descriptions, Drawer, Dropdown, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import { DownOutlined, FileAddOutlined, PrinterOutlined, TagsOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { methods, type Output } from '../../../db/contract';
import { ASSET_CATEGORIES, ASSET_FLAGS, ASSET_STATUSES, DISPOSAL_METHODS, PURCHASE_METHODS, type AssetStatus, type Card as AssetCard, type DisposalMethod } from '../../../db/contract/assets';
import { FUNDING_SOURCES } from '../../../db/contract/supplies';
import type { RegisterFilter } from '../../../db/contract/output';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { AuditTrail } from '../../components/AuditTrail';
import { dateOf, futureDay, years } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { toFen, yuan } from '../../components/money';
import { ExportButtons, ImportDialog } from '../../components/output';
import { PersonSelect } from '../../components/PersonSelect';
import { num, useListParams } from '../../components/useListParams';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { SUPPLY_READS } from '../supplies/shared';
import './i18n';

export const ASSET_READS = [...SUPPLY_READS, 'assets.get', 'assets.movements', 'assets.disposalList', 'assets.disposalGet', 'assets.checkList', 'assets.checkGet', 'assets.groups', 'assets.settings'] as const;
export const STATUS_CLASS: Record<AssetStatus, string> = { inUse: 'tag-ok', idle: '', repair: 'tag-warn', scrapped: 'tag-off', lost: 'tag-bad' };
const PAGE_SIZE = 20;

type Move = 'assign' | 'transfer' | 'return' | 'repairStart' | 'repairEnd' | 'lose' | 'find';
const MOVE_FROM: Record<Move, AssetStatus[]> = { assign: ['idle'], transfer: ['inUse'], return: ['inUse'], repairStart: ['inUse', 'idle'], repairEnd: ['repair'], lose: ['inUse', 'idle', 'repair'], find: ['lost'] };

export const labelsRoute = (ids: number[]) => `/print/assets/labels?ids=${ids.join(',')}`;

export function Cards() {
  const { t } = useTranslation('assets');
  const me = useMe();
  const clerk = hasRole(me, ['clerk']);
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const [selected, setSelected] = useState<AssetCard[]>([]);
  const [dialog, setDialog] = useState<Move | 'new' | 'import' | 'dispose' | null>(null);
  const [openId, setOpenId] = useState<number | null>(num(params.get('id')) ?? null);
  const year = num(params.get('year'));
  const f = {
    year,
    state: (params.get('status') as AssetStatus | null) ?? undefined,
    department: params.get('dept') ?? undefined,
    userId: num(params.get('user')),
    location: params.get('loc') ?? undefined,
    category: params.get('cat') ?? undefined,
    flag: (params.get('flag') as (typeof ASSET_FLAGS)[number] | null) ?? undefined,
    q: params.get('q') ?? undefined,
    activeOnly: params.get('all') !== '1',
  };
  const sort = (params.get('sort') as 'number' | '-number' | 'date' | '-date' | 'value' | '-value' | null) ?? '-number';
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('assets.list', { ...f, sort, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const depts = useApiQuery('assets.groups', { by: 'department' }, { staleTime: 30_000 });
  const locs = useApiQuery('assets.groups', { by: 'location' }, { staleTime: 30_000 });

  const filter: RegisterFilter = useMemo(
    () => ({
      year: f.year,
      state: f.state,
      q: f.q,
      extra: Object.fromEntries(Object.entries({ department: f.department, userId: f.userId, location: f.location, category: f.category, flag: f.flag }).filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params],
  );
  const ids = selected.map((c) => c.id);
  const can = (m: Move) => selected.length > 0 && selected.every((c) => MOVE_FROM[m].includes(c.status) && !c.disposalId);

  const columns: TableColumnsType<AssetCard> = [
    {
      title: t('f.number'),
      dataIndex: 'number',
      width: 150,
      sorter: true,
      sortOrder: sort === 'number' ? 'ascend' : sort === '-number' ? 'descend' : null,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => setOpenId(r.id)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.name'), dataIndex: 'name', width: 120, ellipsis: true },
    { title: t('f.model'), key: 'model', ellipsis: true, render: (_, r) => [r.brand, r.model].filter(Boolean).join(' ') },
    { title: t('f.value'), dataIndex: 'originalValue', key: 'value', width: 104, align: 'right', sorter: true, sortOrder: sort === 'value' ? 'ascend' : sort === '-value' ? 'descend' : null, render: (v: number) => yuan(v) },
    { title: t('f.department'), dataIndex: 'department', width: 110, ellipsis: true },
    { title: t('f.user'), dataIndex: 'userName', width: 72, ellipsis: true },
    { title: t('f.location'), dataIndex: 'location', width: 130, ellipsis: true },
    {
      title: t('f.status'),
      key: 'status',
      width: 150,
      render: (_, r) => (
        <>
          <Tag className={STATUS_CLASS[r.status]}>{t(`status.${r.status}`)}</Tag>
          {r.disposalState && r.disposalState !== 'done' ? <Tag className="tag-warn">{t('flag.inDisposal')}</Tag> : null}
          {r.decisionPending ? <Tag className="tag-bad">{t('flag.decisionPending')}</Tag> : null}
        </>
      ),
    },
  ];
  const onTable: TableProps<AssetCard>['onChange'] = (p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.columnKey === 'value' ? 'value' : 'number';
    const next = !s?.order ? null : s.order === 'ascend' ? field : `-${field}`;
    set({ sort: next === '-number' ? null : next, page: p.current && p.current > 1 ? p.current : null }, true);
  };
  const printGrouped = (by: string) => void openPrint(registerPrintRoute('assets.cards', { ...filter, extra: { ...filter.extra, groupBy: by } }), { landscape: true, suggestedName: '固定资产明细表' });

  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item>
            <Select
              aria-label={t('list.year')}
              className="filter-select-narrow"
              value={year ?? 'all'}
              onChange={(v) => set({ year: v === 'all' ? null : v })}
              options={[{ value: 'all', label: t('list.allYears') }, ...years().map((y) => ({ value: y, label: `${y}` }))]}
            />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.status')} className="filter-select-narrow" allowClear placeholder={t('list.anyStatus')} value={f.state} onChange={(v) => set({ status: v })} options={ASSET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
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
              options={(depts.data ?? []).filter((g) => g.key).map((g) => ({ value: g.key, label: `${g.key}（${g.count}）` }))}
            />
          </Form.Item>
          <Form.Item>
            <PersonSelect aria-label={t('f.user')} className="filter-select" allowClear placeholder={t('f.user')} value={f.userId} onChange={(v) => set({ user: v })} />
          </Form.Item>
          <Form.Item>
            <Select
              aria-label={t('f.location')}
              className="filter-select"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('f.location')}
              value={f.location}
              onChange={(v) => set({ loc: v })}
              options={(locs.data ?? []).filter((g) => g.key).map((g) => ({ value: g.key, label: `${g.key}（${g.count}）` }))}
            />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.category')} className="filter-select" allowClear placeholder={t('f.category')} value={f.category} onChange={(v) => set({ cat: v })} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('list.anyFlag')} className="filter-select" allowClear placeholder={t('list.anyFlag')} value={f.flag} onChange={(v) => set({ flag: v })} options={ASSET_FLAGS.map((s) => ({ value: s, label: t(`flag.${s}`) }))} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={f.activeOnly} onChange={(e) => set({ all: e.target.checked ? null : 1 })}>
              {t('list.activeOnly')}
            </Checkbox>
          </Form.Item>
          <KeywordFilter label={t('list.keyword')} value={f.q} set={set} />
        </Form>
      </Card>
      <div className="sup-toolbar">
        {clerk ? (
          <>
            <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setDialog('new')}>
              {t('list.new')}
            </Button>
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setDialog('import')}>
              {t('list.import')}
            </Button>
          </>
        ) : null}
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('assets.cards', filter), { landscape: true, suggestedName: '固定资产明细表' })}>
          {t('list.print')}
        </Button>
        <Dropdown menu={{ items: (['department', 'user', 'location', 'category'] as const).map((k) => ({ key: k, label: t(`group.${k}`) })), onClick: ({ key }) => printGrouped(key) }}>
          <Button>
            {t('list.printBy')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
        <ExportButtons register="assets.cards" filter={filter} />
      </div>
      {selected.length ? (
        <Flex gap={8} wrap align="center" className="sup-selection-bar">
          <Typography.Text strong>{t('list.selected', { n: selected.length })}</Typography.Text>
          {clerk
            ? (['assign', 'transfer', 'return', 'repairStart', 'repairEnd', 'lose', 'find'] as Move[]).map((m) => (
                <Button key={m} size="small" disabled={!can(m)} onClick={() => setDialog(m)}>
                  {t(`act.${m}`)}
                </Button>
              ))
            : null}
          {clerk ? (
            <Button size="small" danger disabled={!selected.every((c) => !c.disposalId && c.status !== 'scrapped')} onClick={() => setDialog('dispose')}>
              {t('act.dispose')}
            </Button>
          ) : null}
          <Button size="small" icon={<TagsOutlined aria-hidden />} onClick={() => void openPrint(labelsRoute(ids), { suggestedName: '资产标签' })}>
            {t('list.labels')}
          </Button>
          <Button size="small" type="link" onClick={() => setSelected([])}>
            {t('list.clear')}
          </Button>
        </Flex>
      ) : null}
      <ErrorAlert error={list.error} />
      <Table<AssetCard>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        onChange={onTable}
        rowSelection={{ selectedRowKeys: ids, preserveSelectedRowKeys: true, onChange: (_k, rows) => setSelected((prev) => [...prev.filter((p) => !list.data?.rows.some((r) => r.id === p.id)), ...rows]) }}
        rowClassName={(r) => (r.disposalId && r.disposalState === 'done' ? 'row-disabled' : '')}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        locale={{ emptyText: t('list.empty') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (total) => t('list.total', { total, value: yuan(list.data?.totalValue ?? 0) }) }}
      />
      {dialog === 'new' ? <NewCard onClose={() => setDialog(null)} onCreated={(id) => setOpenId(id)} /> : null}
      <ImportDialog register="assets.cards" title={t('list.importTitle')} open={dialog === 'import'} onClose={() => setDialog(null)} />
      {dialog && dialog !== 'new' && dialog !== 'import' && dialog !== 'dispose' ? <MoveDialog move={dialog} cards={selected} onClose={() => setDialog(null)} onDone={() => setSelected([])} /> : null}
      {dialog === 'dispose' ? <DisposalDialog cards={selected} onClose={() => setDialog(null)} onDone={() => setSelected([])} /> : null}
      {openId ? <CardDrawer id={openId} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}

interface CardValues {
  number?: string;
  name: string;
  category: string;
  brand?: string;
  model?: string;
  serialNo?: string;
  originalValue?: number;
  fundingSource: string;
  purchaseMethod: string;
  purchasedOn?: Dayjs;
  bookedOn?: Dayjs;
  supplier?: string;
  userId?: number;
  department?: string;
  location?: string;
  remarks?: string;
  amendReason?: string;
}

function CardFields({ edit }: { edit?: boolean }) {
  const { t } = useTranslation('assets');
  const schema = methods['assets.create'].input;
  return (
    <>
      <Row gutter={16}>
        {!edit ? (
          <Col span={8}>
            <Form.Item name="number" label={t('f.number')} extra={t('card.numberHint')} rules={fieldRule(schema, 'number')}>
              <Input />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={edit ? 12 : 8}>
          <Form.Item name="name" label={t('f.name')} rules={fieldRule(schema, 'name')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={edit ? 12 : 8}>
          <Form.Item name="category" label={t('f.category')} rules={fieldRule(schema, 'category')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="brand" label={t('f.brand')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="model" label={t('f.model')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="serialNo" label={t('f.serialNo')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="originalValue" label={t('f.originalValue')} rules={[{ required: true, message: t('v.value') }]}>
            <InputNumber min={0} step={0.01} className="sup-wide" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="fundingSource" label={t('f.fundingSource')} rules={fieldRule(schema, 'fundingSource')}>
            <Select options={FUNDING_SOURCES.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="purchaseMethod" label={t('f.purchaseMethod')} rules={fieldRule(schema, 'purchaseMethod')}>
            <Select options={PURCHASE_METHODS.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="purchasedOn" label={t('f.purchasedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="sup-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="supplier" label={t('f.supplier')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function NewCard({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.create', [...ASSET_READS]);
  return (
    <FormDialog<CardValues>
      title={t('card.newTitle')}
      okText={t('list.new')}
      width={860}
      initialValues={{ fundingSource: '财政拨款', purchaseMethod: '电子卖场' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({
          number: v.number ?? '',
          name: v.name ?? '',
          category: v.category ?? '',
          brand: v.brand ?? '',
          model: v.model ?? '',
          serialNo: v.serialNo ?? '',
          originalValue: toFen(v.originalValue),
          fundingSource: v.fundingSource ?? '',
          purchaseMethod: v.purchaseMethod ?? '',
          purchasedOn: dateOf(v.purchasedOn) ?? '',
          bookedOn: dateOf(v.bookedOn),
          supplier: v.supplier ?? '',
          department: v.department ?? '',
          userId: v.userId ?? null,
          location: v.location ?? '',
          remarks: v.remarks ?? '',
        });
        message.success(t('card.created', { number: d.card.number }));
        onCreated(d.card.id);
      }}
    >
      <CardFields />
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="userId" label={`${t('f.user')}${t('optional')}`}>
            <PersonSelect allowClear />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="location" label={`${t('f.location')}${t('optional')}`}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bookedOn" label={`${t('f.bookedOn')}${t('optional')}`}>
            <DatePicker className="sup-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('optional')}`}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

function MoveDialog({ move, cards, onClose, onDone }: { move: Move; cards: AssetCard[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation(`assets.${move}` as 'assets.assign', [...ASSET_READS]);
  const ids = cards.map((c) => c.id);
  type V = { date?: Dayjs; userId?: number; department?: string; location?: string; note?: string; cost?: number };
  const needsUser = move === 'assign' || move === 'transfer';
  const needsLocation = move === 'assign' || move === 'transfer' || move === 'return' || move === 'find';
  return (
    <FormDialog<V>
      title={`${t(`act.${move}`)}（${cards.length}）`}
      okText={t(`act.${move}`)}
      width={620}
      fieldMap={Object.fromEntries(ids.map((_, i) => [`assetIds.${i}`, 'note']))}
      onClose={onClose}
      onSubmit={async (v) => {
        await (m.mutateAsync as (i: unknown) => Promise<unknown>)({
          assetIds: ids,
          date: dateOf(v.date),
          ...(needsUser ? { userId: v.userId ?? (move === 'assign' ? 0 : null), department: v.department || undefined } : {}),
          ...(needsLocation ? { location: v.location ?? '' } : {}),
          ...(move === 'repairEnd' ? { cost: toFen(v.cost ?? 0) } : {}),
          note: v.note ?? '',
        });
        message.success(t('act.done'));
        onDone();
      }}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
        {cards.map((c) => `${c.number} ${c.name}`).join('、')}
      </Typography.Paragraph>
      <Row gutter={16}>
        {needsUser ? (
          <Col span={12}>
            <Form.Item name="userId" label={t('f.user')} rules={move === 'assign' ? [{ required: true, message: t('v.user') }] : undefined}>
              <PersonSelect allowClear={move === 'transfer'} />
            </Form.Item>
          </Col>
        ) : null}
        {needsUser ? (
          <Col span={12}>
            <Form.Item name="department" label={`${t('f.department')}${t('optional')}`}>
              <DepartmentSelect />
            </Form.Item>
          </Col>
        ) : null}
        {needsLocation ? (
          <Col span={12}>
            <Form.Item name="location" label={t('f.location')} rules={move !== 'transfer' ? [{ required: true, whitespace: true, message: t('v.location') }] : undefined}>
              <Input />
            </Form.Item>
          </Col>
        ) : null}
        <Col span={12}>
          <Form.Item name="date" label={`${t('f.date')}${t('optional')}`}>
            <DatePicker className="sup-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        {move === 'repairEnd' ? (
          <Col span={12}>
            <Form.Item name="cost" label={t('f.cost')}>
              <InputNumber min={0} step={0.01} className="sup-wide" />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="note" label={t('f.note')} rules={move === 'assign' || move === 'return' ? undefined : [{ required: true, whitespace: true, message: t('v.note') }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

function DisposalDialog({ cards, onClose, onDone }: { cards: AssetCard[]; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.disposalCreate', [...ASSET_READS]);
  const settings = useApiQuery('assets.settings', {}, { staleTime: 60_000 });
  const total = cards.reduce((x, c) => x + c.originalValue, 0);
  const required = !!settings.data && total >= settings.data.decisionThreshold;
  const schema = methods['assets.disposalCreate'].input;
  type V = { method: DisposalMethod; reason: string; decisionId?: number | null; decisionRef?: string; remarks?: string };
  return (
    <FormDialog<V>
      title={t('disp.newTitle')}
      okText={t('act.dispose')}
      danger
      width={680}
      initialValues={{ method: cards.every((c) => c.status === 'lost') ? 'writeOff' : 'scrap' }}
      fieldMap={Object.fromEntries(cards.map((_, i) => [`assetIds.${i}`, 'reason']))}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({ assetIds: cards.map((c) => c.id), method: v.method, reason: v.reason ?? '', decisionId: v.decisionId ?? null, decisionRef: v.decisionRef ?? '', remarks: v.remarks ?? '' });
        message.success(t('disp.created', { number: d.number }));
        onDone();
      }}
    >
      <Descriptions size="small" column={1} bordered className="sup-summary">
        <Descriptions.Item label={t('f.assets')}>{cards.map((c) => `${c.number} ${c.name}`).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('f.totalValue')}>{t('yuan', { v: yuan(total) })}</Descriptions.Item>
      </Descriptions>
      {required ? <Alert className="form-alert" type="warning" showIcon title={t('disp.thresholdHint', { yuan: yuan(settings.data!.decisionThreshold) })} /> : null}
      <Form.Item name="method" label={t('f.method')}>
        <Select options={DISPOSAL_METHODS.map((x) => ({ value: x, label: t(`method.${x}`) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('f.reason')} rules={fieldRule(schema, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {required ? <DecisionFields /> : null}
    </FormDialog>
  );
}

/** The collective decision: an item of the minutes register where it exists, else the reference as written. */
export function DecisionFields() {
  const { t } = useTranslation('assets');
  const decisions = useApiQuery('minutes.decisions', { finalisedOnly: false, limit: 100 }, { staleTime: 30_000, retry: false });
  return (
    <>
      {decisions.data?.length ? (
        <Form.Item name="decisionId" label={t('f.decisionId')} extra={t('disp.pickDecision')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={decisions.data.map((d) => ({ value: d.id, label: `${d.label}：${d.title}${d.finalised ? '' : t('disp.draftMinutes')}` }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="decisionRef" label={t('f.decisionRef')}>
        <Input placeholder={t('disp.refExample')} />
      </Form.Item>
    </>
  );
}

export function CardDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const q = useApiQuery('assets.get', { id });
  const d = q.data;
  return (
    <Drawer open size={820} onClose={onClose} destroyOnHidden title={d ? `${d.card.number} ${d.card.name}` : ' '} extra={d ? <Tag className={STATUS_CLASS[d.card.status]}>{t(`status.${d.card.status}`)}</Tag> : null}>
      <ErrorAlert error={q.error} />
      {d ? <CardBody d={d} /> : <Skeleton active />}
    </Drawer>
  );
}

type CardDetail = Output<'assets.get'>;

function CardBody({ d }: { d: CardDetail }) {
  const { t } = useTranslation('assets');
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const c = d.card;
  return (
    <>
      <Flex gap={8} wrap className="sup-actions">
        {hasRole(me, ['clerk']) && !c.disposalId ? <Button onClick={() => setEditing(true)}>{t('act.edit')}</Button> : null}
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(`/print/assets/card/${c.id}`, { suggestedName: `资产卡片-${c.number}` })}>
          {t('act.printCard')}
        </Button>
        <Button icon={<TagsOutlined aria-hidden />} onClick={() => void openPrint(labelsRoute([c.id]), { suggestedName: `资产标签-${c.number}` })}>
          {t('act.printLabel')}
        </Button>
      </Flex>
      {c.decisionPending ? <Alert className="form-alert" type="error" showIcon title={`${t('flag.decisionPending')}：${c.disposalNumber}`} /> : null}
      <Descriptions size="small" column={2} bordered className="sup-detail">
        <Descriptions.Item label={t('f.number')}>{c.number}</Descriptions.Item>
        <Descriptions.Item label={t('f.category')}>{c.category}</Descriptions.Item>
        <Descriptions.Item label={t('f.brand')}>{c.brand}</Descriptions.Item>
        <Descriptions.Item label={t('f.model')}>{c.model}</Descriptions.Item>
        <Descriptions.Item label={t('f.serialNo')}>{c.serialNo}</Descriptions.Item>
        <Descriptions.Item label={t('f.value')}>{t('yuan', { v: yuan(c.originalValue) })}</Descriptions.Item>
        <Descriptions.Item label={t('f.fundingSource')}>{c.fundingSource}</Descriptions.Item>
        <Descriptions.Item label={t('f.purchaseMethod')}>{c.purchaseMethod}</Descriptions.Item>
        <Descriptions.Item label={t('f.purchasedOn')}>{c.purchasedOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.bookedOn')}>{c.bookedOn}</Descriptions.Item>
        <Descriptions.Item label={t('f.department')}>{c.department}</Descriptions.Item>
        <Descriptions.Item label={t('f.user')}>{c.userName}</Descriptions.Item>
        <Descriptions.Item label={t('f.location')}>{c.location}</Descriptions.Item>
        <Descriptions.Item label={t('f.supplier')}>{c.supplier}</Descriptions.Item>
        {c.purchaseNumber ? <Descriptions.Item label={t('f.purchase')}>{c.purchaseNumber}</Descriptions.Item> : null}
        {c.remarks ? <Descriptions.Item label={t('f.remarks')}>{c.remarks}</Descriptions.Item> : null}
      </Descriptions>
      <Tabs
        className="sup-history"
        items={[
          {
            key: 'moves',
            label: t('card.history'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.movements}
                columns={[
                  { title: t('f.date'), dataIndex: 'date', width: 96 },
                  { title: t('f.kind'), dataIndex: 'kind', width: 80, render: (k: string) => t(`move.${k}`) },
                  { title: t('f.from'), key: 'f', ellipsis: true, render: (_, m) => (m.fromStatus ? `${t(`status.${m.fromStatus}`)} · ${m.fromHolder}` : '') },
                  { title: t('f.to'), key: 't', ellipsis: true, render: (_, m) => `${t(`status.${m.toStatus}`)} · ${m.toHolder}` },
                  { title: t('f.note'), key: 'n', ellipsis: true, render: (_, m) => [m.refNumber, m.note, m.cost ? t('yuan', { v: yuan(m.cost) }) : ''].filter(Boolean).join('；') },
                  { title: t('f.recordedBy'), dataIndex: 'recordedByName', width: 70 },
                ]}
              />
            ),
          },
          {
            key: 'disp',
            label: t('card.disposals'),
            children: (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.disposals}
                columns={[
                  { title: t('f.number'), dataIndex: 'number', width: 150 },
                  { title: t('f.method'), dataIndex: 'method', width: 90, render: (m: string) => t(`method.${m}`) },
                  { title: t('f.reason'), dataIndex: 'reason', ellipsis: true },
                  { title: t('f.status'), dataIndex: 'state', width: 110, render: (s: string) => t(`dState.${s}`) },
                ]}
              />
            ),
          },
          { key: 'audit', label: t('card.audit'), children: <AuditTrail objectType="asset_card" objectId={c.id} /> },
        ]}
      />
      {editing ? <EditCard c={c} onClose={() => setEditing(false)} /> : null}
    </>
  );
}

function EditCard({ c, onClose }: { c: AssetCard; onClose: () => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.update', [...ASSET_READS]);
  return (
    <FormDialog<CardValues>
      title={t('card.editTitle')}
      okText={t('act.edit')}
      width={820}
      initialValues={{ name: c.name, category: c.category, brand: c.brand, model: c.model, serialNo: c.serialNo, fundingSource: c.fundingSource, purchaseMethod: c.purchaseMethod, supplier: c.supplier, remarks: c.remarks, originalValue: c.originalValue / 100, purchasedOn: dayjs(c.purchasedOn) }}
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({
          id: c.id,
          name: v.name ?? '',
          category: v.category ?? '',
          brand: v.brand ?? '',
          model: v.model ?? '',
          serialNo: v.serialNo ?? '',
          originalValue: toFen(v.originalValue),
          fundingSource: v.fundingSource ?? '',
          purchaseMethod: v.purchaseMethod ?? '',
          purchasedOn: dateOf(v.purchasedOn) ?? '',
          supplier: v.supplier ?? '',
          remarks: v.remarks ?? '',
          amendReason: v.amendReason ?? '',
        });
        message.success(t('card.saved'));
      }}
    >
      <CardFields edit />
      <Form.Item name="remarks" label={t('f.remarks')}>
        <Input />
      </Form.Item>
      <Form.Item name="amendReason" label={t('f.amendReason')} rules={fieldRule(methods['assets.update'].input, 'amendReason')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
