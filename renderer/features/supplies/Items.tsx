// 物品目录: name, spec, unit, category, reorder level and whether the unit is whole; its stock and
// average cost. Searched on the server; a whole catalogue can be imported from Excel.
import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { methods } from '../../../db/contract';
import { ITEM_CATEGORIES, type Item } from '../../../db/contract/supplies';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { KeywordFilter } from '../../components/KeywordFilter';
import { ListTable } from '../../components/ListTable';
import { yuan } from '../../components/money';
import { ExportButtons, ImportDialog } from '../../components/output';
import { num, useListParams } from '../../components/useListParams';
import { fieldRule } from '../../components/zodRule';
import { openPrint, registerPrintRoute } from '../../print';
import { SUPPLY_READS, qty } from './shared';

const PAGE_SIZE = 20;

export function Items() {
  const { t } = useTranslation('supplies');
  const me = useMe();
  const keeper = hasRole(me, ['clerk', 'admin']);
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const [dialog, setDialog] = useState<Item | 'new' | 'import' | null>(null);
  const [toggle, setToggle] = useState<Item | null>(null);
  const q = params.get('q') ?? undefined;
  const category = params.get('category') ?? undefined;
  const lowOnly = params.get('low') === '1';
  const all = params.get('inactive') === '1';
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('supplies.itemList', { q, category, lowOnly, activeOnly: !all, page, pageSize: PAGE_SIZE }, { placeholderData: (p) => p });
  const cats = useApiQuery('supplies.categories', {}, { staleTime: 60_000 });
  const columns: TableColumnsType<Item> = [
    { title: t('f.code'), dataIndex: 'code', width: 90, ellipsis: true },
    { title: t('f.name'), dataIndex: 'name', width: 150, ellipsis: true },
    { title: t('f.spec'), dataIndex: 'spec', ellipsis: true },
    { title: t('f.unit'), dataIndex: 'unit', width: 56, align: 'center' },
    { title: t('f.category'), dataIndex: 'category', width: 100 },
    { title: t('f.reorderLevel'), dataIndex: 'reorderLevel', width: 80, align: 'right', render: (v: number) => qty(v) },
    { title: t('f.balanceQty'), dataIndex: 'balanceQty', width: 86, align: 'right', render: (v: number, r) => <span className={r.low ? 'sup-text-bad' : undefined}>{qty(v)}</span> },
    { title: t('f.balanceAmount'), dataIndex: 'balanceAmount', width: 100, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.avgCost'), dataIndex: 'avgCost', width: 86, align: 'right', render: (v: number | null) => yuan(v) },
    {
      title: t('f.state'),
      key: 'st',
      width: 86,
      render: (_, r) => (!r.active ? <Tag className="tag-off">{t('items.inactive')}</Tag> : r.low ? <Tag className="tag-bad">{t('items.low')}</Tag> : null),
    },
    ...(keeper
      ? [
          {
            title: t('common.actions'),
            key: 'a',
            width: 120,
            render: (_: unknown, r: Item) => (
              <>
                <Button size="small" type="link" onClick={() => setDialog(r)}>
                  {t('items.edit')}
                </Button>
                <Button size="small" type="link" danger={r.active} onClick={() => setToggle(r)}>
                  {r.active ? t('items.disable') : t('items.enable')}
                </Button>
              </>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <KeywordFilter label={t('items.keyword')} value={q} set={set} />
          <Form.Item>
            <Select
              aria-label={t('f.category')}
              className="filter-select"
              allowClear
              placeholder={t('f.category')}
              value={category}
              onChange={(v) => set({ category: v })}
              options={(cats.data ?? []).map((c) => ({ value: c.category, label: `${c.category}（${c.items}）` }))}
            />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={lowOnly} onChange={(e) => set({ low: e.target.checked ? 1 : null })}>
              {t('items.lowOnly')}
            </Checkbox>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={all} onChange={(e) => set({ inactive: e.target.checked ? 1 : null })}>
              {t('items.showInactive')}
            </Checkbox>
          </Form.Item>
        </Form>
      </Card>
      <div className="sup-toolbar">
        {keeper ? (
          <>
            <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setDialog('new')}>
              {t('items.new')}
            </Button>
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setDialog('import')}>
              {t('items.import')}
            </Button>
          </>
        ) : null}
        <span className="sup-toolbar-gap" />
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute('supplies.items', { q, extra: category ? { category } : undefined }), { landscape: true, suggestedName: '办公用品物品目录' })}>
          {t('items.print')}
        </Button>
        <ExportButtons register="supplies.items" filter={{ q, extra: category ? { category } : undefined }} />
      </div>
      <ErrorAlert error={list.error} />
      <ListTable<Item>
        list={list}
        page={page}
        pageSize={PAGE_SIZE}
        set={set}
        columns={columns}
        rowClassName={(r) => (r.active ? '' : 'row-disabled')}
        scroll={{ x: 1100 }}
      />
      {dialog === 'new' || (dialog && typeof dialog === 'object') ? <ItemDialog item={dialog === 'new' ? null : dialog} onClose={() => setDialog(null)} /> : null}
      <ImportDialog register="supplies.items" title={t('items.importTitle')} open={dialog === 'import'} onClose={() => setDialog(null)} />
      {toggle ? <ToggleDialog item={toggle} onClose={() => setToggle(null)} /> : null}
    </>
  );
}

type ItemValues = { code?: string; name: string; spec?: string; unit: string; category: string; reorderLevel?: number; wholeUnit: boolean; remarks?: string };

function ItemDialog({ item, onClose }: { item: Item | null; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const create = useApiMutation('supplies.itemCreate', SUPPLY_READS);
  const update = useApiMutation('supplies.itemUpdate', SUPPLY_READS);
  const schema = methods['supplies.itemCreate'].input;
  return (
    <FormDialog<ItemValues>
      title={item ? t('items.editTitle') : t('items.newTitle')}
      width={640}
      initialValues={item ?? { wholeUnit: true, reorderLevel: 0 }}
      onClose={onClose}
      onSubmit={async (v) => {
        const input = { code: v.code ?? '', name: v.name ?? '', spec: v.spec ?? '', unit: v.unit ?? '', category: v.category ?? '', reorderLevel: v.reorderLevel ?? 0, wholeUnit: !!v.wholeUnit, remarks: v.remarks ?? '' };
        if (item) await update.mutateAsync({ ...input, id: item.id });
        else await create.mutateAsync(input);
        message.success(item ? t('items.saved') : t('items.created'));
      }}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="name" label={t('f.name')} rules={fieldRule(schema, 'name')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="code" label={`${t('f.code')}${t('common.optional')}`} rules={fieldRule(schema, 'code')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="spec" label={`${t('f.spec')}${t('common.optional')}`} rules={fieldRule(schema, 'spec')}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="unit" label={t('f.unit')} rules={fieldRule(schema, 'unit')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label={t('f.category')} rules={fieldRule(schema, 'category')}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={ITEM_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="reorderLevel" label={t('f.reorderLevel')}>
            <InputNumber min={0} className="sup-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="wholeUnit" label={t('f.wholeUnit')} valuePropName="checked" extra={t('items.wholeHint')}>
        <Switch />
      </Form.Item>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`} rules={fieldRule(schema, 'remarks')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

function ToggleDialog({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation('supplies');
  const { message } = App.useApp();
  const m = useApiMutation('supplies.itemSetActive', SUPPLY_READS);
  return (
    <FormDialog<{ reason: string }>
      title={`${item.active ? t('items.disableTitle') : t('items.enableTitle')}：${item.name}`}
      okText={item.active ? t('items.disable') : t('items.enable')}
      danger={item.active}
      onClose={onClose}
      fieldMap={{ active: 'reason' }}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: item.id, active: !item.active, reason: v.reason ?? '' });
        message.success(t('items.saved'));
      }}
    >
      <Form.Item name="reason" label={t('items.reason')} rules={fieldRule(methods['supplies.itemSetActive'].input, 'reason')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
