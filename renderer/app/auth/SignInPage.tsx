import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { api, type ApiError } from '../../api';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldRule } from '../../components/zodRule';
import { useSession } from '../session';
import { AuthFrame } from './AuthFrame';

const input = methods['accounts.signIn'].input;

export function SignInPage({ notice }: { notice?: 'sessionEnded' }) {
  const { t } = useTranslation();
  const { info, signedIn } = useSession();
  const [form] = Form.useForm<{ login: string; password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (v: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.call('accounts.signIn', v));
    } catch (e) {
      // A wrong password is not left in the field to be retried blindly; the core's message stays next to it.
      if (form.getFieldValue('password') === v.password) form.setFieldValue('password', '');
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame heading={info?.unitName || t('app.name')} title={t('signIn.title')}>
      {notice ? <Alert className="form-alert" type="info" showIcon title={t('errors.sessionEnded')} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} className="auth-form">
        <Form.Item name="login" label={t('signIn.login')} rules={fieldRule(input, 'login')}>
          <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={fieldRule(input, 'password')}>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signIn.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
