// A new password with its live rule and (optionally) a confirmation field. The form refuses a
// password the core would refuse before sending it; the core still decides.
import { Form, Input } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { PasswordRule } from './PasswordRule';

interface Props {
  name: string;
  label: string;
  /** The form field holding the login name (the password must not contain it), or the login itself. */
  loginField?: NamePath;
  login?: string;
  confirm?: boolean;
  autoComplete?: string;
}

export function PasswordFields({ name, label, loginField, login, confirm = true, autoComplete = 'new-password' }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const password = Form.useWatch(name, form) as string | undefined;
  const watchedLogin = Form.useWatch(loginField ?? '__none__', form) as string | undefined;
  const loginValue = login ?? watchedLogin ?? '';
  const ruleId = `${name}-rule`;

  return (
    <>
      <Form.Item
        name={name}
        label={label}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          { required: true, message: t('signIn.required', { label }) },
          {
            validateTrigger: 'onBlur',
            validator: async (_r, value: string | undefined) => {
              if (!value) return;
              const r = await api.call('accounts.checkPassword', { password: value, login: loginValue });
              if (!r.ok) throw new Error(r.problems.join('；'));
            },
          },
        ]}
        extra={<PasswordRule password={password} login={loginValue} id={ruleId} />}
      >
        <Input.Password autoComplete={autoComplete} aria-describedby={ruleId} />
      </Form.Item>
      {confirm ? (
        <Form.Item
          name={`${name}Confirm`}
          label={t('password.confirm')}
          dependencies={[name]}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string | undefined) => {
                if (value && value !== getFieldValue(name)) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete={autoComplete} />
        </Form.Item>
      ) : null}
    </>
  );
}
