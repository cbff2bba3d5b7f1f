import { useState } from 'react';
import { Button, Card, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { settingsShape, type Settings } from '../../../db/contract/settings';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldRule } from '../../components/zodRule';
import { useSaveSettings } from './useSaveSettings';

const FIELDS = ['lockThreshold', 'lockMinutes', 'idleMinutes', 'sessionHours', 'paperConfirmDays', 'passwordMinLength', 'passwordMinClasses'] as const;
type Values = Pick<Settings, (typeof FIELDS)[number]>;

export function SecuritySettings({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { submit, saving } = useSaveSettings(settings, form, setError);

  return (
    <Card title={t('settings.security')} className="settings-card">
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={Object.fromEntries(FIELDS.map((f) => [f, settings[f]]))}
        onFinish={submit}
        aria-label={t('settings.security')}
      >
        {/* No spinner buttons on the numbers: antd labels them in English only, and people type them. */}
        {FIELDS.map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={t(`settings.${f}`)}
            extra={f === 'passwordMinClasses' ? t('settings.passwordMinClassesHelp') : undefined}
            rules={fieldRule(settingsShape, f)}
          >
            <InputNumber className="number-input" precision={0} controls={false} />
          </Form.Item>
        ))}
        <ErrorAlert error={error} />
        {canEdit ? (
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
