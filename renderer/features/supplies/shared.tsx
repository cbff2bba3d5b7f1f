// Building blocks shared by the supplies and assets screens: a form dialog that puts the core's
// refusal next to its field, pickers (people, items), the approval fields (co-sign or paper), an
// entry's history, and money/quantity helpers.
import { useState, type ReactNode } from 'react';
import { Col, DatePicker, Empty, Form, Input, Modal, Radio, Row, Select, Tag, Timeline, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { MethodName, Role } from '../../../db/contract';
import { formatQty } from '../../../db/contract/supplies';
import { formatYuan } from '../../../db/contract/money';
import { useApiQuery, type ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError, type FieldErrorOptions } from '../../components/formErrors';
import { useDebounced } from '../../components/useDebounced';
import { actionLabel } from '../audit/labels';
import './i18n';

/** Every read a supplies write may change. */
export const SUPPLY_READS: MethodName[] = [
  'supplies.list',
  'supplies.itemList',
  'supplies.itemGet',
  'supplies.purchaseList',
  'supplies.purchaseGet',
  'supplies.requisitionList',
  'supplies.requisitionGet',
  'supplies.stocktakeList',
  'supplies.stocktakeGet',
  'supplies.ledger',
  'supplies.attention',
  'supplies.categories',
  'supplies.settings',
  'assets.list',
  'assets.attention',
  'approvals.forObject',
  'audit.forObject',
];

export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatYuan(fen));
export const qty = (q: number | null | undefined) => (q === null || q === undefined ? '' : formatQty(q));
/** 元 typed by a person → 分; keeps a third decimal so the core can refuse it by name. */
export const toFen = (y: number | null | undefined) => (y === null || y === undefined ? (undefined as unknown as number) : Math.round(y * 1000) / 10);
export const dateOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
export const timeOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined);
export const futureDay = (d: Dayjs) => d.isAfter(dayjs(), 'day');
export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
export const years = () => Array.from({ length: 12 }, (_, i) => dayjs().year() - i);

interface DialogProps<V> {
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  width?: number;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  fieldMap?: FieldErrorOptions['fieldMap'];
  form?: FormInstance<V>;
}

/** A modal form: submits to the core, shows a refusal next to the field it names or above the buttons. */
export function FormDialog<V extends object>({ title, okText, danger, width = 600, initialValues, onSubmit, onClose, children, fieldMap, form: given }: DialogProps<V>) {
  const { t } = useTranslation();
  const [own] = Form.useForm<V>();
  const form = given ?? own;
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setError(null);
    setBusy(true);
    try {
      await onSubmit(v);
      onClose();
    } catch (e) {
      setError(applyApiError(form, e, { fieldMap }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={width}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" onFinish={submit} initialValues={initialValues as never} aria-label={typeof title === 'string' ? title : undefined} scrollToFirstError>
        {typeof children === 'function' ? children(form) : children}
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}

interface PersonSelectProps {
  value?: number | null;
  onChange?: (v: number | null) => void;
  role?: Role;
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  className?: string;
  'aria-label'?: string;
}

/** A person from accounts.people, searched on the server by name, login or department. */
export function PersonSelect({ value, onChange, role, placeholder, allowClear, className, id, ...rest }: PersonSelectProps) {
  const { t } = useTranslation('supplies');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('accounts.people', { q: dq || undefined, role, limit: 50 }, { placeholderData: (p) => p, staleTime: 30_000 });
  const chosen = useApiQuery('accounts.people', { role, limit: 200 }, { staleTime: 60_000, enabled: value != null });
  const people = [...(list.data ?? [])];
  const current = chosen.data?.find((p) => p.id === value);
  if (current && !people.some((p) => p.id === current.id)) people.unshift(current);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear={allowClear}
      value={value ?? undefined}
      placeholder={placeholder ?? t('v.person')}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      onClear={() => setQ('')}
      loading={list.isFetching}
      options={people.map((p) => ({ value: p.id, label: p.name, desc: [p.department, p.post].filter(Boolean).join(' · ') }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.desc ? <Typography.Text type="secondary"> {o.data.desc}</Typography.Text> : null}
        </span>
      )}
    />
  );
}

/** Several people (验收人). */
export function PeopleSelect({ value, onChange, id, className, ...rest }: { value?: number[]; onChange?: (v: number[]) => void; id?: string; className?: string; 'aria-label'?: string }) {
  const { t } = useTranslation('supplies');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('accounts.people', { q: dq || undefined, limit: 50 }, { placeholderData: (p) => p, staleTime: 30_000 });
  const all = useApiQuery('accounts.people', { limit: 200 }, { staleTime: 60_000 });
  const people = [...(list.data ?? [])];
  for (const id of value ?? []) {
    const p = all.data?.find((x) => x.id === id);
    if (p && !people.some((x) => x.id === id)) people.unshift(p);
  }
  return (
    <Select
      id={id}
      mode="multiple"
      aria-label={rest['aria-label']}
      className={className}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? []}
      placeholder={t('v.person')}
      onChange={(v) => onChange?.(v as number[])}
      options={people.map((p) => ({ value: p.id, label: p.name, desc: p.department }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          {o.data.desc ? <Typography.Text type="secondary"> {o.data.desc}</Typography.Text> : null}
        </span>
      )}
    />
  );
}

export interface ItemOption {
  id: number;
  name: string;
  spec: string;
  unit: string;
  wholeUnit: boolean;
  balanceQty: number;
  avgCost: number | null;
}

/** An item from the catalogue, searched on the server (LIMIT 20: a 5,000-item catalogue stays quick). */
export function ItemSelect({
  value,
  onChange,
  onPick,
  inStockOnly,
  placeholder,
  id,
  className,
  allowClear,
  ...rest
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPick?: (item: ItemOption | null) => void;
  inStockOnly?: boolean;
  placeholder?: string;
  id?: string;
  className?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const { t } = useTranslation('supplies');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('supplies.itemList', { q: dq || undefined, inStockOnly: !!inStockOnly, pageSize: 20 }, { placeholderData: (p) => p, staleTime: 10_000 });
  const current = useApiQuery('supplies.itemGet', { id: value ?? 0 }, { enabled: !!value, staleTime: 10_000 });
  const items: ItemOption[] = [...(list.data?.rows ?? [])];
  if (current.data && !items.some((i) => i.id === current.data!.id)) items.unshift(current.data);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      className={className}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('v.item')}
      loading={list.isFetching}
      onChange={(v) => {
        const it = items.find((i) => i.id === v) ?? null;
        onChange?.((v as number | undefined) ?? null);
        onPick?.(it);
      }}
      options={items.map((i) => ({ value: i.id, label: `${i.name}${i.spec ? `（${i.spec}）` : ''}`, stock: `${formatQty(i.balanceQty)} ${i.unit}` }))}
      optionRender={(o) => (
        <span>
          {o.data.label}
          <Typography.Text type="secondary"> · {t('f.stock')} {o.data.stock}</Typography.Text>
        </span>
      )}
    />
  );
}

// ---- approvals ----

export interface ApprovalValues {
  mode: 'cosign' | 'paper';
  decision: 'approved' | 'rejected';
  comment?: string;
  login?: string;
  password?: string;
  signerId?: number;
  signedAt?: Dayjs;
  filingNo?: string;
}

export const approvalOf = (a: ApprovalValues) =>
  a.mode === 'cosign'
    ? { mode: 'cosign' as const, decision: a.decision, comment: a.comment ?? '', login: a.login ?? '', password: a.password ?? '' }
    : { mode: 'paper' as const, decision: a.decision, comment: a.comment ?? '', signerId: a.signerId ?? 0, signedAt: timeOf(a.signedAt) ?? '', filingNo: a.filingNo ?? '' };

export const approvalDefaults = (signerId?: number): ApprovalValues => ({ mode: 'cosign', decision: 'approved', signerId, signedAt: dayjs() });

/** The two ways an approval is recorded: the approver co-signs here, or the signed paper is registered. */
export function ApprovalFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation('supplies');
  const mode = Form.useWatch(['approval', 'mode'], form);
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['approval', 'mode']} label={t('approve.mode')}>
            <Radio.Group optionType="button" options={[{ value: 'cosign', label: t('approve.cosign') }, { value: 'paper', label: t('approve.paper') }]} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['approval', 'decision']} label={t('approve.decision')}>
            <Radio.Group options={[{ value: 'approved', label: t('approve.approved') }, { value: 'rejected', label: t('approve.rejected') }]} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{mode === 'paper' ? t('approve.paperHint') : t('approve.cosignHint')}</Typography.Paragraph>
      {mode === 'paper' ? (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['approval', 'signerId']} label={t('approve.signer')} rules={[{ required: true, message: t('v.signer') }]}>
              <PersonSelect role="approver" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'signedAt']} label={t('approve.signedAt')} rules={[{ required: true, message: t('v.signedAt') }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="sup-wide" disabledDate={futureDay} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'filingNo']} label={t('approve.filingNo')} rules={[{ required: true, whitespace: true, message: t('v.filingNo') }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['approval', 'login']} label={t('approve.login')} rules={[{ required: true, whitespace: true, message: t('v.login') }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'password']} label={t('approve.password')} rules={[{ required: true, message: t('v.password') }]}>
              <Input.Password autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item name={['approval', 'comment']} label={`${t('approve.comment')}${t('common.optional')}`}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

// ---- history ----

export function Approvals({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('supplies');
  const q = useApiQuery('approvals.forObject', { objectType, objectId });
  if (!q.data?.length) return <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>;
  return (
    <ul className="sup-plain-list">
      {q.data.map((a) => (
        <li key={a.id}>
          <Tag className={a.decision === 'approved' ? 'tag-ok' : 'tag-bad'}>{a.decision === 'approved' ? t('approve.approved') : t('approve.rejected')}</Tag>
          {a.step} · {a.approverName} · {fmtTime(a.decidedAt)} · {a.mode === 'cosign' ? t('approve.cosignMode') : t('approve.paperMode', { no: a.paperFilingNo })}
          {a.comment ? <Typography.Text type="secondary">（{a.comment}）</Typography.Text> : null}
        </li>
      ))}
    </ul>
  );
}

export function AuditTrail({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('supplies');
  const { t: tt, i18n } = useTranslation();
  const q = useApiQuery('audit.forObject', { objectType, objectId: String(objectId) });
  const rows = q.data ?? [];
  if (!rows.length) return q.isFetching ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />;
  return (
    <Timeline
      className="sup-timeline"
      items={rows.map((e) => ({
        color: e.result === 'success' ? 'blue' : 'red',
        content: (
          <div>
            <Typography.Text strong>{actionLabel(tt, e.action, i18n.language)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {fmtTime(e.at)} · {e.userName || e.userLogin}
            </Typography.Text>
            <div className={e.result === 'success' ? undefined : 'sup-text-bad'}>{e.message}</div>
          </div>
        ),
      }))}
    />
  );
}

/** Query-string state of a list page: filters survive a reload and can be linked from the home tile. */
export function useListParams(params: URLSearchParams, setParams: (p: URLSearchParams, o?: { replace?: boolean }) => void) {
  return (changes: Record<string, string | number | boolean | null | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === null || v === '' || v === false) next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
}
export const num = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
