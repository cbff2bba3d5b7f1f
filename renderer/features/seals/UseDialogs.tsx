// The forms of the usage log: request, emergency stamping, approval (co-sign or paper), stamping,
// take-out, return, void and amendment. Each validates with the contract's own schema and shows
// the core's refusal next to the field it names.
import { Alert, App, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods, type MethodName } from '../../../db/contract';
import type { UseDetail } from '../../../db/contract/seals';
import { useApiMutation } from '../../api';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalValues } from '../../components/ApprovalFields';
import { dateOf, futureDay, timeOf } from '../../components/dates';
import { FormDialog } from '../../components/FormDialog';
import { fieldRule } from '../../components/zodRule';
import { PersonSelect, SealSelect, useSeal } from './pickers';

/** Every read a seal write can change. */
export const SEAL_READS: MethodName[] = ['seals.list', 'seals.get', 'seals.attention', 'seals.catalogueList', 'seals.sealGet', 'seals.stats', 'seals.handoverList', 'approvals.forObject', 'audit.forObject'];

const requestSchema = methods['seals.request'].input;
const emergencySchema = methods['seals.emergencyStamp'].input;

interface RequestValues {
  sealId?: number;
  applicantId?: number;
  reason: string;
  documentTitle: string;
  documentNo?: string;
  copies?: number;
  takeOut?: boolean;
  plannedOut?: Dayjs;
  plannedReturn?: Dayjs;
  appliedOn?: Dayjs;
  remarks?: string;
  // emergency only
  count?: number;
  stampedAt?: Dayjs;
  emergencyReason?: string;
  phoneApproverId?: number;
}

function RequestFields({ emergency }: { emergency?: boolean }) {
  const { t } = useTranslation('seals');
  const form = Form.useFormInstance<RequestValues>();
  const takeOut = Form.useWatch('takeOut', form);
  const sealId = Form.useWatch('sealId', form);
  const seal = useSeal(sealId);
  const schema = emergency ? emergencySchema : requestSchema;
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="sealId" label={t('f.seal')} rules={[{ required: true, message: t('v.sealRequired') }]} extra={seal ? t('req.approverHint', { who: seal.approverText }) : t('req.sealHint')}>
            <SealSelect usableOnly />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="applicantId" label={t('f.applicant')} rules={[{ required: true, message: t('v.applicantRequired') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t('f.reason')} rules={fieldRule(schema, 'reason')}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={15}>
          <Form.Item name="documentTitle" label={t('f.documentTitle')} rules={fieldRule(schema, 'documentTitle')} extra={t('req.blankWarning')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="documentNo" label={`${t('f.documentNo')}${t('common.optional')}`} rules={fieldRule(schema, 'documentNo')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="copies" label={t('f.copies')} rules={fieldRule(schema, 'copies')}>
            <InputNumber min={1} precision={0} className="seal-num" />
          </Form.Item>
        </Col>
        {emergency ? (
          <>
            <Col span={8}>
              <Form.Item name="count" label={t('f.count')} rules={fieldRule(schema, 'count')}>
                <InputNumber min={1} precision={0} className="seal-num" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="stampedAt" label={t('f.stampedAt')} rules={[{ required: true, message: t('v.stampedAt') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="seal-wide" disabledDate={futureDay} />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col span={16}>
            <Form.Item name="appliedOn" label={`${t('f.appliedOn')}${t('common.optional')}`} extra={t('req.appliedOnHint')}>
              <DatePicker className="seal-wide" disabledDate={futureDay} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Form.Item name="takeOut" valuePropName="checked" extra={t('req.takeOutHint')} className="seal-tight">
        <Checkbox>{t('f.takeOut')}</Checkbox>
      </Form.Item>
      {takeOut ? (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="plannedOut" label={t('f.plannedOut')} rules={[{ required: true, message: t('v.plannedOut') }]}>
              <DatePicker className="seal-wide" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="plannedReturn" label={t('f.plannedReturn')} rules={[{ required: true, message: t('v.plannedReturn') }]}>
              <DatePicker className="seal-wide" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {emergency ? (
        <>
          <Form.Item name="phoneApproverId" label={t('f.phoneApprover')} rules={[{ required: true, message: t('v.phoneApprover') }]} extra={seal ? t('req.approverHint', { who: seal.approverText }) : undefined}>
            <PersonSelect role="approver" />
          </Form.Item>
          <Form.Item name="emergencyReason" label={t('f.emergencyReason')} rules={fieldRule(schema, 'emergencyReason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      ) : null}
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`} rules={fieldRule(schema, 'remarks')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  );
}

const requestInput = (v: RequestValues) => ({
  sealId: v.sealId ?? 0,
  applicantId: v.applicantId ?? 0,
  reason: v.reason ?? '',
  documentTitle: v.documentTitle ?? '',
  documentNo: v.documentNo ?? '',
  copies: v.copies as number,
  takeOut: !!v.takeOut,
  plannedOut: v.takeOut ? dateOf(v.plannedOut) : undefined,
  plannedReturn: v.takeOut ? dateOf(v.plannedReturn) : undefined,
  remarks: v.remarks ?? '',
});

export function RequestDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (d: UseDetail) => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.request', SEAL_READS);
  return (
    <FormDialog<RequestValues>
      title={t('req.title')}
      okText={t('req.title')}
      width={720}
      initialValues={{ copies: 1, takeOut: false }}
      onClose={onClose}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({ ...requestInput(v), appliedOn: dateOf(v.appliedOn) });
        message.success(t('req.created', { number: d.number }));
        onCreated(d);
      }}
    >
      <RequestFields />
    </FormDialog>
  );
}

export function EmergencyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (d: UseDetail) => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.emergencyStamp', SEAL_READS);
  const [form] = Form.useForm<RequestValues>();
  return (
    <FormDialog<RequestValues>
      title={t('emg.title')}
      okText={t('emg.title')}
      danger
      width={760}
      initialValues={{ copies: 1, count: 1, takeOut: false, stampedAt: dayjs() }}
      onClose={onClose}
      form={form}
      onSubmit={async (v) => {
        const d = await m.mutateAsync({ ...requestInput(v), count: v.count as number, stampedAt: form.isFieldTouched('stampedAt') ? timeOf(v.stampedAt) : undefined, emergencyReason: v.emergencyReason ?? '', phoneApproverId: v.phoneApproverId ?? 0 });
        message.warning(t('emg.created', { number: d.number }));
        onCreated(d);
      }}
    >
      <Alert className="form-alert" type="error" showIcon title={t('emg.warning')} />
      <RequestFields emergency />
    </FormDialog>
  );
}

function Summary({ d }: { d: UseDetail }) {
  const { t } = useTranslation('seals');
  return (
    <Descriptions size="small" column={2} bordered className="seal-summary">
      <Descriptions.Item label={t('f.number')}>{d.number}</Descriptions.Item>
      <Descriptions.Item label={t('f.seal')}>{d.sealName}</Descriptions.Item>
      <Descriptions.Item label={t('f.document')} span={2}>
        {d.documentTitle}
        {d.documentNo ? `（${d.documentNo}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.applicant')}>
        {d.applicantName}
        {d.department ? ` · ${d.department}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('f.copies')}>{d.copies}</Descriptions.Item>
    </Descriptions>
  );
}

interface ApproveValues {
  approval: ApprovalValues;
}

export function ApproveDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.approve', SEAL_READS);
  const who = d.expectedApprovers.map((p) => p.name).join('、');
  return (
    <FormDialog<ApproveValues>
      title={d.emergency ? t('approve.emergencyTitle') : t('approve.title')}
      okText={t('approve.title')}
      width={640}
      initialValues={{ approval: approvalDefaults(d.expectedApprovers[0]?.id) }}
      onClose={onClose}
      onSubmit={async ({ approval }) => {
        await m.mutateAsync({ id: d.id, approval: approvalOf(approval) });
        message.success(t('approve.done'));
      }}
    >
      {(form) => (
        <>
          <Summary d={d} />
          {d.approverProblem ? (
            <Alert className="form-alert" type="error" showIcon title={t('approve.nobody', { why: d.approverProblem })} />
          ) : (
            <Alert className="form-alert" type="info" showIcon title={t('approve.expected', { who })} />
          )}
          <ApprovalFields
            form={form}
            text={{ decision: t('approve.decision'), comment: t('approve.comment'), signer: t('approve.signer'), paperHint: t('approve.paperHint'), needSigner: t('v.signer') }}
          />
        </>
      )}
    </FormDialog>
  );
}

export function StampDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.stamp', SEAL_READS);
  const schema = methods['seals.stamp'].input;
  const [form] = Form.useForm<{ count?: number; stampedAt?: Dayjs; remarks?: string }>();
  return (
    <FormDialog<{ count?: number; stampedAt?: Dayjs; remarks?: string }>
      title={t('stamp.title')}
      okText={t('detail.stamp')}
      initialValues={{ count: d.copies, stampedAt: dayjs(), remarks: d.remarks }}
      onClose={onClose}
      form={form}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, count: v.count as number, stampedAt: form.isFieldTouched('stampedAt') ? timeOf(v.stampedAt) : undefined, remarks: v.remarks ?? '' });
        message.success(t('stamp.done'));
      }}
    >
      <Summary d={d} />
      <Alert className="form-alert" type="info" showIcon title={t('stamp.hint', { who: d.custodianName ?? '—', copies: d.copies })} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="count" label={t('f.count')} rules={fieldRule(schema, 'count')}>
            <InputNumber min={1} precision={0} className="seal-num" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="stampedAt" label={t('f.stampedAt')} rules={[{ required: true, message: t('v.stampedAt') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="seal-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="remarks" label={`${t('f.remarks')}${t('common.optional')}`} rules={fieldRule(schema, 'remarks')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

export function CheckOutDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.checkOut', SEAL_READS);
  const [form] = Form.useForm<{ outAt?: Dayjs }>();
  return (
    <FormDialog<{ outAt?: Dayjs }>
      title={t('checkOut.title')}
      okText={t('detail.checkOut')}
      initialValues={{ outAt: dayjs() }}
      onClose={onClose}
      form={form}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, outAt: form.isFieldTouched('outAt') ? timeOf(v.outAt) : undefined });
        message.success(t('checkOut.done'));
      }}
    >
      <Summary d={d} />
      <Alert className="form-alert" type="info" showIcon title={t('checkOut.hint', { from: d.plannedOut, to: d.plannedReturn })} />
      <Form.Item name="outAt" label={t('f.outAt')} rules={[{ required: true, message: t('v.outAt') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="seal-wide" disabledDate={futureDay} />
      </Form.Item>
    </FormDialog>
  );
}

export function ReturnDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.return', SEAL_READS);
  const [form] = Form.useForm<{ returnedAt?: Dayjs; confirmedById?: number; note?: string }>();
  return (
    <FormDialog<{ returnedAt?: Dayjs; confirmedById?: number; note?: string }>
      title={t('ret.title')}
      okText={t('detail.ret')}
      initialValues={{ returnedAt: dayjs(), confirmedById: d.custodianId ?? undefined, note: '' }}
      onClose={onClose}
      form={form}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, returnedAt: form.isFieldTouched('returnedAt') ? timeOf(v.returnedAt) : undefined, confirmedById: v.confirmedById ?? 0, note: v.note ?? '' });
        message.success(t('ret.done'));
      }}
    >
      <Summary d={d} />
      <Alert className="form-alert" type="info" showIcon title={t('ret.hint')} />
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="returnedAt" label={t('f.returnedAt')} rules={[{ required: true, message: t('v.returnedAt') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="seal-wide" disabledDate={futureDay} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="confirmedById" label={t('f.confirmedBy')} rules={[{ required: true, message: t('v.confirmedBy') }]}>
            <PersonSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={`${t('f.returnNote')}${t('common.optional')}`} rules={fieldRule(methods['seals.return'].input, 'note')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}

export function VoidDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.void', SEAL_READS);
  return (
    <FormDialog<{ reason: string }>
      title={t('voidD.title')}
      okText={t('detail.void')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: d.id, reason: v.reason ?? '' });
        message.success(t('voidD.done'));
      }}
    >
      <Summary d={d} />
      <Alert className="form-alert" type="warning" showIcon title={t('voidD.hint')} />
      <Form.Item name="reason" label={t('f.voidReason')} rules={fieldRule(methods['seals.void'].input, 'reason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDialog>
  );
}

export function AmendDialog({ d, onClose }: { d: UseDetail; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const { message } = App.useApp();
  const m = useApiMutation('seals.amend', SEAL_READS);
  const schema = methods['seals.amend'].input;
  type V = { reason: string; documentTitle: string; documentNo: string; remarks: string; amendReason: string };
  return (
    <FormDialog<V>
      title={t('amend.title')}
      okText={t('detail.amend')}
      width={680}
      initialValues={{ reason: d.reason, documentTitle: d.documentTitle, documentNo: d.documentNo, remarks: d.remarks }}
      onClose={onClose}
      onSubmit={async (v) => {
        const changed = (k: 'reason' | 'documentTitle' | 'documentNo' | 'remarks') => ((v[k] ?? '') !== d[k] ? (v[k] ?? '') : undefined);
        await m.mutateAsync({ id: d.id, reason: changed('reason'), documentTitle: changed('documentTitle'), documentNo: changed('documentNo'), remarks: changed('remarks'), amendReason: v.amendReason ?? '' });
        message.success(t('amend.done'));
      }}
    >
      <Alert className="form-alert" type="info" showIcon title={t('amend.hint')} />
      <Form.Item name="reason" label={t('f.reason')} rules={fieldRule(requestSchema, 'reason')}>
        <Input />
      </Form.Item>
      <Form.Item name="documentTitle" label={t('f.documentTitle')} rules={fieldRule(requestSchema, 'documentTitle')}>
        <Input />
      </Form.Item>
      <Form.Item name="documentNo" label={t('f.documentNo')} rules={fieldRule(schema, 'documentNo')}>
        <Input />
      </Form.Item>
      <Form.Item name="remarks" label={t('f.remarks')} rules={fieldRule(schema, 'remarks')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="amendReason" label={t('f.amendReason')} rules={fieldRule(schema, 'amendReason')}>
        <Input />
      </Form.Item>
    </FormDialog>
  );
}
