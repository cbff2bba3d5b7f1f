// First run: the unit's name and the first administrator, who chooses their own password.
import { useState } from 'react';
import { App, Button, Col, Divider, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import { api, type ApiError } from '../../api';
import { applyApiError } from '../../components/formErrors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordFields } from '../../components/PasswordFields';
import { fieldRule } from '../../components/zodRule';
import { useSession } from '../session';
import { AuthFrame } from './AuthFrame';

const input = methods['accounts.setup'].input;

interface Values {
  unitName: string;
  name: string;
  login: string;
  department?: string;
  post?: string;
  password: string;
  passwordConfirm: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { signedIn, refreshInfo } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async ({ passwordConfirm: _c, ...v }: Values) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api.call('accounts.setup', { ...v, department: v.department ?? '', post: v.post ?? '' });
      await refreshInfo();
      signedIn(me);
      message.success(t('setup.done'));
    } catch (e) {
      setError(applyApiError(form, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame heading={t('app.name')} title={t('setup.title')} wide>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} className="auth-form" scrollToFirstError>
        <Divider titlePlacement="start">{t('setup.unitSection')}</Divider>
        <Form.Item name="unitName" label={t('setup.unitName')} rules={fieldRule(input, 'unitName')}>
          <Input placeholder={t('setup.unitNamePlaceholder')} autoFocus />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('setup.name')} rules={fieldRule(input, 'name')}>
              <Input autoComplete="name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="login" label={t('setup.login')} tooltip={t('setup.loginHelp')} rules={fieldRule(input, 'login')}>
              <Input autoComplete="username" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="department" label={t('setup.department')} rules={fieldRule(input, 'department')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="post" label={t('setup.post')} rules={fieldRule(input, 'post')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <PasswordFields name="password" label={t('setup.password')} loginField="login" />
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
