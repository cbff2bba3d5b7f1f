import { useState } from 'react';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { useApiMutation, type ApiError } from '../../api';
import { useMe } from '../../app/session';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { PasswordFields } from '../../components/PasswordFields';
import { fieldRule } from '../../components/zodRule';

const input = methods['accounts.changePassword'].input;

interface Values {
  oldPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const change = useApiMutation('accounts.changePassword');

  const submit = async (v: Values) => {
    setError(null);
    try {
      await change.mutateAsync({ oldPassword: v.oldPassword, newPassword: v.newPassword });
      form.resetFields();
      message.success(t('changePassword.done'));
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };

  return (
    <Page title={t('changePassword.title')}>
      <Card className="narrow-card">
        <Typography.Paragraph type="secondary">{t('changePassword.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} aria-label={t('changePassword.title')}>
          <Form.Item name="oldPassword" label={t('changePassword.oldPassword')} rules={fieldRule(input, 'oldPassword')}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <PasswordFields name="newPassword" label={t('changePassword.newPassword')} login={me.user.login} />
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('changePassword.submit')}
          </Button>
        </Form>
      </Card>
    </Page>
  );
}
