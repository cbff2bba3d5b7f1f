// One step of the agenda review (分管领导 / 办公室 / 书记) through the shared approval mechanism:
// the reviewer co-signs here with their own password, or the signed paper form is recorded.
import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AgendaDetail, ReviewStep } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { useMT } from './shared';

interface Values {
  approval: {
    mode: 'cosign' | 'paper';
    decision: 'approved' | 'rejected';
    comment?: string;
    login?: string;
    password?: string;
    signerId?: number;
    signedAt?: Dayjs;
    filingNo?: string;
  };
}

export function ReviewDialog({ item, onClose }: { item: AgendaDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const review = useApiMutation('minutes.agendaReview', ['minutes.agendaGet', 'minutes.agendaList', 'minutes.dashboard', 'approvals.forObject', 'audit.forObject']);
  const approvers = useApiQuery('accounts.people', { role: 'approver', limit: 200 });
  const step = item.reviewStep as ReviewStep;
  const named = item.reviewers[step];
  const mode = Form.useWatch(['approval', 'mode'], form) ?? 'cosign';

  const submit = async (v: Values) => {
    setError(null);
    const a = v.approval;
    const approval =
      a.mode === 'cosign'
        ? { mode: 'cosign' as const, decision: a.decision, comment: a.comment ?? '', login: a.login ?? '', password: a.password ?? '' }
        : { mode: 'paper' as const, decision: a.decision, comment: a.comment ?? '', signerId: a.signerId ?? 0, signedAt: a.signedAt ? a.signedAt.format('YYYY-MM-DDTHH:mm:ssZ') : '', filingNo: a.filingNo ?? '' };
    try {
      await review.mutateAsync({ id: item.id, step, approval });
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
      <Form
        name="minutesReview"
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('agenda.review')}
        initialValues={{ approval: { mode: 'cosign', decision: 'approved', comment: '同意', login: '', signerId: named?.userId ?? undefined, signedAt: dayjs() } }}
      >
        <Form.Item name={['approval', 'mode']} label={t('approval.mode')}>
          <Radio.Group
            options={[
              { value: 'cosign', label: t('approval.cosign') },
              { value: 'paper', label: t('approval.paper') },
            ]}
          />
        </Form.Item>
        <Form.Item name={['approval', 'decision']} label={t('approval.decision')}>
          <Radio.Group
            options={[
              { value: 'approved', label: t('approval.approve') },
              { value: 'rejected', label: t('approval.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name={['approval', 'comment']} label={t('approval.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {mode === 'cosign' ? (
          <>
            <Form.Item name={['approval', 'login']} label={t('approval.login')} rules={[{ required: true, message: '请填写审核人登录名' }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name={['approval', 'password']} label={t('approval.password')} rules={[{ required: true, message: '请审核人输入本人密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name={['approval', 'signerId']} label={t('approval.signer')} rules={[{ required: true, message: '请选择签字人' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={(approvers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.post ? ` · ${p.post}` : ''}` }))} />
            </Form.Item>
            <Form.Item name={['approval', 'signedAt']} label={t('approval.signedAt')} rules={[{ required: true, message: '请选择签字时间' }]}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
            <Form.Item name={['approval', 'filingNo']} label={t('approval.filingNo')} rules={[{ required: true, message: '请填写纸质审核单归档号' }]}>
              <Input maxLength={60} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
