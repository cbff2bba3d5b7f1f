// The fields of the shared approval mechanism (db/contract/approvals.ts `approvalInput`): the approver
// co-signs here with their own login and password, or the signed paper form is registered (signer,
// time, filing number); plus the decision and a comment. Every register records approvals this way;
// the wording is the shared i18n's `approval.*`, which a register may reword through `text`.
import { Col, DatePicker, Form, Input, Radio, Row, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../db/contract';
import { futureDay, timeOf } from './dates';
import { PersonSelect } from './PersonSelect';

/** What the form holds under `approval`. */
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

/** The form's values as the contract's `approvalInput`. */
export const approvalOf = (a: ApprovalValues) =>
  a.mode === 'cosign'
    ? { mode: 'cosign' as const, decision: a.decision, comment: a.comment ?? '', login: a.login ?? '', password: a.password ?? '' }
    : { mode: 'paper' as const, decision: a.decision, comment: a.comment ?? '', signerId: a.signerId ?? 0, signedAt: timeOf(a.signedAt) ?? '', filingNo: a.filingNo ?? '' };

export type ApprovalInput = ReturnType<typeof approvalOf>;

/** Co-sign, approved, signed now; `signerId` pre-picks the paper signer. */
export const approvalDefaults = (signerId?: number, comment?: string): ApprovalValues => ({ mode: 'cosign', decision: 'approved', signerId, signedAt: dayjs(), ...(comment !== undefined ? { comment } : {}) });

/** The strings of the fields; a hint set to null is not shown. */
export interface ApprovalText {
  mode: string;
  cosign: string;
  paper: string;
  decision: string;
  approved: string;
  rejected: string;
  login: string;
  password: string;
  signer: string;
  signedAt: string;
  filingNo: string;
  comment: string;
  /** Appended to the comment's label when the comment is optional. */
  optional: string;
  cosignHint: string | null;
  paperHint: string | null;
  needSigner: string;
  needSignedAt: string;
  needFilingNo: string;
  needLogin: string;
  needPassword: string;
  needComment: string;
}

const KEYS: (keyof ApprovalText)[] = ['mode', 'cosign', 'paper', 'decision', 'approved', 'rejected', 'login', 'password', 'signer', 'signedAt', 'filingNo', 'comment', 'optional', 'cosignHint', 'paperHint', 'needSigner', 'needSignedAt', 'needFilingNo', 'needLogin', 'needPassword', 'needComment'];

interface Props {
  form: FormInstance;
  /** The register's own wording, over the shared one. */
  text?: Partial<ApprovalText>;
  /** The comment must be given (e.g. 合规性审核); `text.comment` then usually names it. */
  commentRequired?: boolean;
  /** Shown under the comment. */
  commentHint?: string;
  /** Who may be named as the paper form's signer: people with this role, or anyone (null). */
  signerRole?: Role | null;
}

export function ApprovalFields({ form, text, commentRequired, commentHint, signerRole = 'approver' }: Props) {
  const { t } = useTranslation();
  const s = Object.fromEntries(KEYS.map((k) => [k, text && k in text ? text[k] : t(`approval.${k}`)])) as unknown as ApprovalText;
  const mode = Form.useWatch(['approval', 'mode'], form);
  const hint = mode === 'paper' ? s.paperHint : s.cosignHint;
  return (
    <>
      <Row gutter={16}>
        <Col flex="none">
          <Form.Item name={['approval', 'mode']} label={s.mode}>
            <Radio.Group optionType="button" options={[{ value: 'cosign', label: s.cosign }, { value: 'paper', label: s.paper }]} />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item name={['approval', 'decision']} label={s.decision}>
            <Radio.Group options={[{ value: 'approved', label: s.approved }, { value: 'rejected', label: s.rejected }]} />
          </Form.Item>
        </Col>
      </Row>
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {mode === 'paper' ? (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['approval', 'signerId']} label={s.signer} rules={[{ required: true, message: s.needSigner }]}>
              <PersonSelect role={signerRole ?? undefined} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'signedAt']} label={s.signedAt} rules={[{ required: true, message: s.needSignedAt }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="approval-when" disabledDate={futureDay} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'filingNo']} label={s.filingNo} rules={[{ required: true, whitespace: true, message: s.needFilingNo }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['approval', 'login']} label={s.login} rules={[{ required: true, whitespace: true, message: s.needLogin }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', 'password']} label={s.password} rules={[{ required: true, message: s.needPassword }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        name={['approval', 'comment']}
        label={commentRequired ? s.comment : `${s.comment}${s.optional}`}
        extra={commentHint}
        rules={commentRequired ? [{ required: true, whitespace: true, message: s.needComment }] : []}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
