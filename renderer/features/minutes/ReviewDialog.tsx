// One step of the agenda review (分管领导 / 办公室 / 书记) through the shared approval mechanism:
// the reviewer co-signs here with their own password, or the signed paper form is recorded.
import { useState } from 'react';
import { App, Form, Modal, Typography } from 'antd';
import type { AgendaDetail, ReviewStep } from '../../../db/contract/minutes';
import { useApiMutation, type ApiError } from '../../api';
import { ApprovalFields, approvalDefaults, approvalOf, type ApprovalText, type ApprovalValues } from '../../components/ApprovalFields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { useMT } from './shared';

interface Values {
  approval: ApprovalValues;
}

export function ReviewDialog({ item, onClose }: { item: AgendaDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const review = useApiMutation('minutes.agendaReview', ['minutes.agendaGet', 'minutes.agendaList', 'minutes.dashboard', 'approvals.forObject', 'audit.forObject']);
  const step = item.reviewStep as ReviewStep;
  const named = item.reviewers[step];
  // A review reads 审核 / 同意 / 退回 rather than 审批 / 批准 / 驳回.
  const text: Partial<ApprovalText> = {
    mode: t('approval.mode'),
    cosign: t('approval.cosign'),
    paper: t('approval.paper'),
    decision: t('approval.decision'),
    approved: t('approval.approve'),
    rejected: t('approval.reject'),
    login: t('approval.login'),
    password: t('approval.password'),
    signer: t('approval.signer'),
    signedAt: t('approval.signedAt'),
    filingNo: t('approval.filingNo'),
    comment: t('approval.comment'),
    optional: '',
    cosignHint: null,
    paperHint: null,
    needSigner: t('approval.needSigner'),
    needSignedAt: t('approval.needSignedAt'),
    needFilingNo: t('approval.needFilingNo'),
    needLogin: t('approval.needLogin'),
    needPassword: t('approval.needPassword'),
  };

  const submit = async (v: Values) => {
    setError(null);
    try {
      await review.mutateAsync({ id: item.id, step, approval: approvalOf(v.approval) });
      message.success(t('agenda.reviewed'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal
      open
      title={t('agenda.reviewTitle', { step: t(`step.${step}`), label: item.label })}
      okText={t('approval.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={review.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph strong>{item.title}</Typography.Paragraph>
      {named ? <Typography.Paragraph type="secondary">{t('approval.named', { name: named.name })}</Typography.Paragraph> : null}
      <ErrorAlert error={error} />
      <Form name="minutesReview" form={form} layout="vertical" onFinish={submit} aria-label={t('agenda.review')} initialValues={{ approval: { ...approvalDefaults(named?.userId ?? undefined, '同意'), login: '' } }}>
        <ApprovalFields form={form} text={text} />
      </Form>
    </Modal>
  );
}
