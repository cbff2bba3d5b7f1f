import { useState } from 'react';
import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../db/contract/accounts';
import { useApiMutation, type ApiError } from '../../api';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';

export function ResetPasswordDialog({ account, onClose }: { account: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; newPasswordConfirm: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const reset = useApiMutation('accounts.resetPassword', ['accounts.list']);

  const submit = async (v: { newPassword: string }) => {
    setError(null);
    try {
      await reset.mutateAsync({ id: account.id, newPassword: v.newPassword });
      message.success(t('accounts.resetDone'));
      onClose();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Modal
      open
      title={t('accounts.resetTitle', { name: account.name })}
      okText={t('accounts.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('accounts.resetIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('accounts.resetPassword')}>
        <PasswordFields name="newPassword" label={t('accounts.newPassword')} login={account.login} />
        <ErrorAlert error={error} />
      </Form>
    </Modal>
  );
}
