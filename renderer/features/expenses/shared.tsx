// Building blocks of the expense screens: the reads a write may change, the money input, state tags,
// the signature chain, the list toolbar, the approve and void dialogs (the approval fields themselves
// are components/ApprovalFields, here with the expense wording and the 分管领导's compliance comment),
// the detail drawer's frame and the 党组会议 decision picker. Attachments are components/Attachments.
import { useState, type ReactNode } from 'react';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined, FileDoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodName } from '../../../db/contract';
import type { Signature } from '../../../db/contract/expenses';
import type { RegisterFilter } from '../../../db/contract/output';
import { ApiError, useApiQuery } from '../../api';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalInput, type ApprovalValues } from '../../components/ApprovalFields';
import { AuditTrail } from '../../components/AuditTrail';
import { BackEntryTag } from '../../components/BackEntryTag';
import { fmtTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { yuan } from '../../components/money';
import { ExportButtons } from '../../components/output';
import { useDebounced } from '../../components/useDebounced';
import { archivePrintRoute, openPrint, registerPrintRoute } from '../../print';
import './i18n';

/** Every read an expenses write may change. */
export const EXP_READS: MethodName[] = [
  'expenses.appList',
  'expenses.appGet',
  'expenses.list',
  'expenses.get',
  'expenses.advanceList',
  'expenses.advanceGet',
  'expenses.cashList',
  'expenses.cashStatus',
  'expenses.monthly',
  'expenses.attention',
  'expenses.settings',
  'expenses.categories',
  'audit.forObject',
];

export const KEEPER_ROLES = ['clerk', 'admin'] as const;
export const SIGNER_ROLES = ['clerk', 'approver', 'admin'] as const;

/** An amount in 元 (two decimals); the form converts it to 分 exactly. */
export function MoneyInput(props: { value?: number | null; onChange?: (v: number | null) => void; id?: string; 'aria-label'?: string; className?: string; placeholder?: string; disabled?: boolean }) {
  const { t } = useTranslation('expenses');
  return <InputNumber {...props} min={0} step={0.01} suffix={t('common.yuan')} className={props.className ?? 'exp-money'} controls={false} />;
}

const TAG_CLASS: Record<string, string> = {
  pending: 'tag-warn',
  signing: 'tag-warn',
  approved: 'tag-ok',
  outstanding: 'tag-warn',
  paid: 'tag-ok',
  settled: 'tag-ok',
  rejected: 'tag-bad',
  void: 'tag-off',
};

/** A state as a coloured tag; `group` picks the labels (the same code reads differently per record). */
export function StateTag({ group, state }: { group: 'app' | 'claim' | 'advance'; state: string }) {
  const { t } = useTranslation('expenses');
  return <Tag className={TAG_CLASS[state] ?? 'tag-off'}>{t(`${group}State.${state}`)}</Tag>;
}

/** The signature chain as recorded: step, who may sign, the decision, the signer, when, how. */
export function SignatureChain({ signatures, compliance = '分管领导' }: { signatures: Signature[]; compliance?: string }) {
  const { t } = useTranslation('expenses');
  return (
    <Table<Signature>
      className="exp-chain"
      rowKey={(s) => s.step}
      size="small"
      pagination={false}
      dataSource={signatures}
      rowClassName={(s) => (s.done ? '' : 'exp-chain-open')}
      columns={[
        { title: t('chain.step'), dataIndex: 'step', width: 120, render: (v: string) => (v === compliance ? `${v}${t('chain.compliance')}` : v) },
        { title: t('chain.who'), dataIndex: 'who', width: 160 },
        {
          title: t('chain.result'),
          key: 'r',
          width: 84,
          render: (_, s) => (s.decision ? <Tag className={s.decision === 'approved' ? 'tag-ok' : 'tag-bad'}>{t(`approve.${s.decision}`)}</Tag> : <Typography.Text type="secondary">{t('chain.waiting')}</Typography.Text>),
        },
        { title: t('chain.signer'), dataIndex: 'signerName', width: 80 },
        { title: t('chain.at'), key: 'at', width: 140, render: (_, s) => fmtTime(s.at) },
        {
          title: t('chain.comment'),
          key: 'c',
          render: (_, s) => (
            <>
              {s.comment}
              {s.mode ? <Typography.Text type="secondary">{s.comment ? ' · ' : ''}{s.mode === 'cosign' ? t('approve.cosignMode') : t('approve.paperMode', { no: s.filingNo ?? '' })}</Typography.Text> : null}
            </>
          ),
        },
      ]}
    />
  );
}

/**
 * The toolbar above a register's list: 新建 for whoever may (newText null hides it), print the
 * register as filtered, the year-end archive when one year is shown, and the Excel export.
 */
export function RegisterToolbar({ register, filter, year, paperName, printText, newText, onNew }: { register: string; filter: RegisterFilter; year: number | undefined; paperName: string; printText: string; newText: string | null; onNew: () => void }) {
  const { t } = useTranslation('expenses');
  return (
    <div className="exp-toolbar">
      {newText ? (
        <Button type="primary" icon={<FileAddOutlined aria-hidden />} onClick={onNew}>
          {newText}
        </Button>
      ) : null}
      <span className="exp-toolbar-gap" />
      <Button icon={<PrinterOutlined aria-hidden />} onClick={() => void openPrint(registerPrintRoute(register, filter), { landscape: true, suggestedName: paperName })}>
        {printText}
      </Button>
      {year ? (
        <Button icon={<FileDoneOutlined aria-hidden />} onClick={() => void openPrint(archivePrintRoute(register, year), { landscape: true, suggestedName: `${paperName}（${year}年）` })}>
          {t('common.archive')}
        </Button>
      ) : null}
      <ExportButtons register={register} filter={filter} />
    </div>
  );
}

// ---- approvals ----

/** A dialog that records one approval through the shared mechanism. */
export function ApproveDialog({ title, okText, onSubmit, onClose, commentLabel, commentRequired, commentHint, intro }: { title: string; okText: string; onSubmit: (approval: ApprovalInput) => Promise<unknown>; onClose: () => void; commentLabel?: string; commentRequired?: boolean; commentHint?: string; intro?: ReactNode }) {
  const { t } = useTranslation('expenses');
  const [form] = Form.useForm<{ approval: ApprovalValues }>();
  // The expense wording (同意 / 不同意, the hints); anyone may have signed the paper form (经办人, 验收人 …).
  const text = { approved: t('approve.approved'), rejected: t('approve.rejected'), cosignHint: t('approve.cosignHint'), paperHint: t('approve.paperHint'), needSignedAt: t('v.signedAt'), ...(commentLabel ? { comment: commentLabel } : {}) };
  return (
    <FormDialog<{ approval: ApprovalValues }> title={title} okText={okText} width={640} form={form} initialValues={{ approval: approvalDefaults() }} onClose={onClose} onSubmit={(v) => onSubmit(approvalOf(v.approval))}>
      {intro}
      <ApprovalFields form={form} text={text} commentRequired={commentRequired} commentHint={commentHint} signerRole={null} />
    </FormDialog>
  );
}

/** A void (作废) with its reason; says 已作废 when the core has recorded it. */
export function VoidDialog({ title, okText, onSubmit, onClose }: { title: string; okText: string; onSubmit: (reason: string) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  return (
    <FormDialog<{ reason: string }>
      title={title}
      okText={okText}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await onSubmit(v.reason ?? '');
        message.success(t('common.voided'));
      }}
    >
      <Form.Item name="reason" label={t('f.voidReason')} rules={[{ required: true, whitespace: true, message: t('v.reason') }]}>
        <Input.TextArea rows={2} maxLength={300} />
      </Form.Item>
    </FormDialog>
  );
}

// ---- the detail drawer ----

/** The drawer of one record: its number and title, its state, then the body once loaded. */
export function EntryDrawer<D extends { state: string; createdAt: string }>({ query, group, size, title, actDate, onClose, children }: { query: { data?: D; error: ApiError | null }; group: 'app' | 'claim' | 'advance'; size: number; title: (d: D) => string; actDate: (d: D) => string; onClose: () => void; children: (d: D) => ReactNode }) {
  const d = query.data;
  const extra = d ? (
    <>
      <BackEntryTag date={actDate(d)} createdAt={d.createdAt} />
      <StateTag group={group} state={d.state} />
    </>
  ) : null;
  return (
    <Drawer open rootClassName="exp-drawer" size={size} onClose={onClose} destroyOnHidden title={d ? title(d) : ' '} extra={extra}>
      <ErrorAlert error={query.error} />
      {d ? children(d) : <Skeleton active />}
    </Drawer>
  );
}

/** A heading inside the drawer. */
export function Section({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={5} className="exp-section">
      {children}
    </Typography.Title>
  );
}

/** The record's whole history from the audit log, under its tab. */
export function EntryHistory({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('expenses');
  return <Tabs className="exp-history" items={[{ key: 'h', label: t('detail.history'), children: <AuditTrail objectType={objectType} objectId={objectId} /> }]} />;
}

// ---- 党组会议 decisions ----

/** A finalised decision item of the minutes register (大额资金须党组会议决定). */
export function DecisionSelect({ value, onChange, id, ...rest }: { value?: number | null; onChange?: (v: number | null) => void; id?: string; 'aria-label'?: string }) {
  const { t } = useTranslation('expenses');
  const [q, setQ] = useState('');
  const dq = useDebounced(q, 200);
  const list = useApiQuery('minutes.decisions', { q: dq || undefined, finalisedOnly: true, limit: 50 }, { placeholderData: (p) => p, staleTime: 30_000, retry: false });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('app.decisionPlaceholder')}
      onChange={(v) => onChange?.((v as number | undefined) ?? null)}
      loading={list.isFetching}
      notFoundContent={t('app.noDecisions')}
      options={(list.data ?? []).map((d) => ({ value: d.id, label: `${d.label}：${d.title}${d.amount !== null ? `（${yuan(d.amount)} ${t('common.yuan')}）` : ''}` }))}
    />
  );
}

