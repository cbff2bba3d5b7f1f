// The idle or manual lock: the page stays underneath (unsaved work is kept), hidden behind an opaque
// mask, until the same person types their password again.
import { useState } from 'react';
import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, isApiError, type ApiError } from '../api';
import { applyApiError } from '../components/formErrors';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSession } from './session';

export function LockDialog({ open, name }: { open: boolean; name?: string }) {
  const { t } = useTranslation();
  const { signedIn, signOut } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.call('accounts.unlock', { password });
      form.resetFields();
      signedIn(me);
    } catch (e) {
      setError(applyApiError(form, e));
      // Too many wrong passwords end the session in the core; find out and go to sign-in if so.
      if (isApiError(e) && e.code === 'unauthenticated') await api.call('accounts.me', {}).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={
        <span>
          <LockOutlined aria-hidden /> {t('lock.title')}
        </span>
      }
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      footer={null}
      rootClassName="lock-dialog"
      destroyOnHidden
      width={420}
      centered
    >
      <Typography.Paragraph>{t('lock.intro', { name: name ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('lock.password')} rules={[{ required: true, message: t('signIn.required', { label: t('lock.password') }) }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <ErrorAlert error={error} />
        <Flex justify="space-between">
          <Button onClick={() => void signOut()}>{t('lock.signOut')}</Button>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('lock.unlock')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
