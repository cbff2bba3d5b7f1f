// 资产清查: a sheet for all assets or one department/location/category, the result of each asset,
// 清查人 and 复核人, assets found off the books; confirming records missing assets as lost and
// corrects locations, then the sheet is read-only. The 清查表 prints blank or filled.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Skeleton, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FileAddOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { methods } from '../../../db/contract';
import { CHECK_RESULTS, CHECK_SCOPES, CHECK_STATES, type CheckDetail, type CheckRow, type CheckScope, type CheckState } from '../../../db/contract/assets';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { CountSheet } from '../../components/CountSheet';
import { dateOf, years } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { yuan } from '../../components/money';
import { num, useListParams } from '../../components/useListParams';
import { fieldRule } from '../../components/zodRule';
import { openPrint } from '../../print';
import { ASSET_READS } from './Cards';

const STATE_CLASS: Record<CheckState, string> = { draft: 'tag-warn', confirmed: 'tag-ok', void: 'tag-off' };

export function Checks() {
  return (
    <Routes>
      <Route index element={<CheckList />} />
      <Route path=":id" element={<CheckSheet />} />
    </Routes>
  );
}

function CheckList() {
  const { t } = useTranslation('assets');
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const set = useListParams(params, setParams);
  const [creating, setCreating] = useState(false);
  const year = num(params.get('year'));
  const state = params.get('state') ?? undefined;
  const page = num(params.get('page')) ?? 1;
  const list = useApiQuery('assets.checkList', { year, state, page, pageSize: 20 }, { placeholderData: (p) => p });
  const columns: TableColumnsType<CheckRow> = [
    {
      title: t('f.docNumber'),
      dataIndex: 'number',
      width: 160,
      render: (v: string, r) => (
        <Button type="link" size="small" className="sup-link" onClick={() => navigate(`/r/assets/checks/${r.id}`)}>
          {v}
        </Button>
      ),
    },
    { title: t('f.title'), dataIndex: 'title', ellipsis: true },
    { title: t('f.checkedOn'), dataIndex: 'date', width: 100 },
    { title: t('f.scope'), key: 's', width: 160, render: (_, r) => `${t(`scope.${r.scope}`)}${r.scopeValue ? `：${r.scopeValue}` : ''}` },
    { title: t('f.result'), key: 'p', width: 200, render: (_, r) => t('chk.progress', { done: r.doneCount, total: r.lineCount, problems: r.problemCount }) },
    { title: t('f.status'), dataIndex: 'state', width: 90, render: (s: CheckState) => <Tag className={STATE_CLASS[s]}>{t(`cState.${s}`)}</Tag> },
  ];
  return (
    <>
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-bar">
          <Form.Item>
            <Select aria-label={t('list.year')} className="filter-select-narrow" value={year ?? 'all'} onChange={(v) => set({ year: v === 'all' ? null : v })} options={[{ value: 'all', label: t('list.allYears') }, ...years().map((y) => ({ value: y, label: `${y}` }))]} />
          </Form.Item>
          <Form.Item>
            <Select aria-label={t('f.status')} className="filter-select" allowClear placeholder={t('list.anyStatus')} value={state} onChange={(v) => set({ state: v })} options={CHECK_STATES.map((s) => ({ value: s, label: t(`cState.${s}`) }))} />
          </Form.Item>
        </Form>
      </Card>
      <div className="sup-toolbar">
        {hasRole(me, ['clerk']) ? (
          <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('chk.new')}
          </Button>
        ) : null}
      </div>
      <ErrorAlert error={list.error} />
      <Table<CheckRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        locale={{ emptyText: t('chk.empty') }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/r/assets/checks/${r.id}`) })}
        onChange={(p) => set({ page: p.current && p.current > 1 ? p.current : null }, true)}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false }}
      />
      {creating ? <NewCheck onClose={() => setCreating(false)} onCreated={(id) => navigate(`/r/assets/checks/${id}`)} /> : null}
    </>
  );
}

function NewCheck({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation('assets');
  const { message } = App.useApp();
  const m = useApiMutation('assets.checkCreate', [...ASSET_READS]);
  const [form] = Form.useForm<{ title: string; checkedOn?: Dayjs; scope: CheckScope; scopeValue?: string; remarks?: string }>();
  const scope = Form.useWatch('scope', form);
  const by = scope === 'department' ? 'department' : scope === 'location' ? 'location' : 'category';
  const groups = useApiQuery('assets.groups', { by }, { enabled: !!scope && scope !== 'all' });
  const schema = methods['assets.checkCreate'].input;
  return (
    <FormDialog
      title={t('chk.newTitle')}
      okText={t('chk.new')}
      form={form}
      initialValues={{ title: `${dayjs().year()}年固定资产清查`, checkedOn: dayjs(), scope: 'all' }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({ title: v.title ?? '', checkedOn: dateOf(v.checkedOn) ?? '', scope: v.scope, scopeValue: v.scopeValue ?? '', remarks: v.remarks ?? '' });
        message.success(t('chk.created', { number: d.number }));
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
          <Form.Item name="checkedOn" label={t('f.checkedOn')} rules={[{ required: true, message: t('v.date') }]}>
            <DatePicker className="sup-wide" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="scope" label={t('f.scope')}>
            <Select options={CHECK_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))} />
          </Form.Item>
        </Col>
        {scope && scope !== 'all' ? (
          <Col span={14}>
            <Form.Item name="scopeValue" label={t(`scope.${scope}`)} rules={[{ required: true, message: t('v.required') }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(groups.data ?? []).filter((g) => g.key).map((g) => ({ value: g.key, label: `${g.key}（${g.count}）` }))} />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </FormDialog>
  );
}

function CheckSheet() {
  const { t } = useTranslation('assets');
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useApiQuery('assets.checkGet', { id: Number(id) });
  return (
    <>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/r/assets/checks')} className="sup-back">
        {t('nav.checks')}
      </Button>
      <ErrorAlert error={q.error} />
      {q.data ? <SheetBody d={q.data} /> : <Skeleton active />}
    </>
  );
}

type V = { checkerId?: number | null; reviewerId?: number | null; checkedOn?: Dayjs; surplus?: string; remarks?: string } & Record<string, unknown>;

function SheetBody({ d }: { d: CheckDetail }) {
  const { t } = useTranslation('assets');
  const me = useMe();
  const editable = hasRole(me, ['clerk']) && d.state === 'draft';
  const save = useApiMutation('assets.checkSave', [...ASSET_READS]);
  const confirm = useApiMutation('assets.checkConfirm', [...ASSET_READS]);
  const voidIt = useApiMutation('assets.checkVoid', [...ASSET_READS]);
  const initial: V = {
    checkerId: d.checkerId,
    reviewerId: d.reviewerId,
    checkedOn: dayjs(d.date),
    surplus: d.surplus,
    remarks: d.remarks,
    ...Object.fromEntries(d.lines.flatMap((l) => [[`r_${l.id}`, l.result], [`l_${l.id}`, l.actualLocation], [`n_${l.id}`, l.note]])),
  };
  const columns = (): TableColumnsType<CheckDetail['lines'][number]> => [
    { title: t('f.number'), dataIndex: 'number', width: 140 },
    { title: t('f.name'), key: 'n', ellipsis: true, render: (_, l) => `${l.name}${l.model ? ` ${l.model}` : ''}` },
    { title: t('f.value'), dataIndex: 'originalValue', width: 96, align: 'right', render: (v: number) => yuan(v) },
    { title: t('f.bookHolder'), key: 'h', width: 150, ellipsis: true, render: (_, l) => [l.bookDepartment, l.bookUser].filter(Boolean).join(' / ') },
    { title: t('f.bookLocation'), dataIndex: 'bookLocation', width: 120, ellipsis: true },
    {
      title: t('f.result'),
      key: 'r',
      width: 150,
      render: (_, l) =>
        editable ? (
          <Form.Item name={`r_${l.id}`} className="sup-cell-item">
            <Select aria-label={`${t('f.result')} ${l.number}`} allowClear options={CHECK_RESULTS.map((x) => ({ value: x, label: t(`result.${x}`) }))} />
          </Form.Item>
        ) : l.result ? (
          <Tag className={l.result === 'ok' ? 'tag-ok' : 'tag-bad'}>{t(`result.${l.result}`)}</Tag>
        ) : null,
    },
    {
      title: t('f.actualLocation'),
      key: 'l',
      width: 130,
      render: (_, l) =>
        editable ? (
          <Form.Item name={`l_${l.id}`} className="sup-cell-item">
            <Input aria-label={`${t('f.actualLocation')} ${l.number}`} />
          </Form.Item>
        ) : (
          l.actualLocation
        ),
    },
    {
      title: t('f.note'),
      key: 'no',
      width: 160,
      render: (_, l) =>
        editable ? (
          <Form.Item name={`n_${l.id}`} className="sup-cell-item">
            <Input aria-label={`${t('f.note')} ${l.number}`} />
          </Form.Item>
        ) : (
          l.note
        ),
    },
  ];
  return (
    <CountSheet<CheckDetail['lines'][number], V>
      doc={d}
      stateTag={<Tag className={STATE_CLASS[d.state]}>{t(`cState.${d.state}`)}</Tag>}
      editable={editable}
      initial={initial}
      text={{
        save: t('chk.save'),
        saved: t('chk.saved'),
        confirm: t('chk.confirm'),
        confirmTitle: t('chk.confirmTitle'),
        confirmHint: t('chk.confirmHint'),
        confirmed: t('chk.confirmed'),
        void: t('chk.void'),
        voidTitle: t('chk.voidTitle'),
        voidReason: t('f.voidReason'),
        print: t('chk.print'),
        history: t('card.audit'),
      }}
      confirmedSummary={`${t('chk.readOnly')} ${t('chk.progress', { done: d.doneCount, total: d.lineCount, problems: d.problemCount })}`}
      voidedSummary={`${t('cState.void')}：${d.voidReason}`}
      lineFieldKeys={{ result: 'r', actualLocation: 'l', note: 'n' }}
      save={(v) =>
        save.mutateAsync({
          id: d.id,
          checkerId: v.checkerId ?? null,
          reviewerId: v.reviewerId ?? null,
          checkedOn: dateOf(v.checkedOn),
          surplus: v.surplus ?? '',
          remarks: v.remarks ?? '',
          lines: d.lines.map((l) => ({ lineId: l.id, result: (v[`r_${l.id}`] as CheckDetail['lines'][number]['result']) ?? null, actualLocation: (v[`l_${l.id}`] as string) ?? '', note: (v[`n_${l.id}`] as string) ?? '' })),
        })
      }
      confirm={() => confirm.mutateAsync({ id: d.id })}
      voidSheet={(reason) => voidIt.mutateAsync({ id: d.id, reason })}
      voidRule={fieldRule(methods['assets.checkVoid'].input, 'reason')}
      extraActions={(form) => (
        <Button onClick={() => form.setFieldsValue(Object.fromEntries(d.lines.filter((l) => !form.getFieldValue(`r_${l.id}`)).map((l) => [`r_${l.id}`, 'ok'])) as V)}>{t('chk.allOk')}</Button>
      )}
      head={[
        { name: 'checkedOn', label: t('f.checkedOn'), kind: 'date', span: 5, shown: d.date },
        { name: 'checkerId', label: t('f.checker'), kind: 'person', span: 5, shown: d.checkerName },
        { name: 'reviewerId', label: t('f.reviewer'), kind: 'person', span: 5, shown: d.reviewerName },
        { name: 'surplus', label: t('f.surplus'), editLabel: `${t('f.surplus')}${t('optional')}`, kind: 'text', span: 9, shown: d.surplus },
      ]}
      columns={columns}
      onPrint={() => void openPrint(`/print/assets/check/${d.id}`, { landscape: true, suggestedName: `清查表-${d.number}` })}
      auditObjectType="asset_check"
      scrollX={1000}
    />
  );
}
