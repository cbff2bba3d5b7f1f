// The first sign-in after an administrator set or reset the password: nothing else is reachable
// until the person has chosen their own (the core refuses other calls meanwhile).
import { useState } from 'react';
import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { api, type ApiError } from '../../api';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';
import { fieldRule } from '../../components/zodRule';
import { useSession, type Me } from '../session';
import { AuthFrame } from './AuthFrame';

const input = methods['accounts.changePassword'].input;

interface Values {
  oldPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ForceChangePage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { info, refreshMe, signOut } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.call('accounts.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success(t('forceChange.done'));
      await refreshMe();
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame heading={info?.unitName || t('app.name')} title={t('forceChange.title')}>
      <Typography.Paragraph>
        <strong>{me.user.name}</strong> <Typography.Text type="secondary">{me.user.login}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('forceChange.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} className="auth-form">
        <Form.Item name="oldPassword" label={t('forceChange.oldPassword')} rules={fieldRule(input, 'oldPassword')}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <PasswordFields name="newPassword" label={t('forceChange.newPassword')} login={me.user.login} />
        <ErrorAlert error={error} />
        <Flex gap={8} vertical>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('forceChange.submit')}
          </Button>
          <Button block onClick={() => void signOut()}>
            {t('header.signOut')}
          </Button>
        </Flex>
      </Form>
    </AuthFrame>
  );
}
