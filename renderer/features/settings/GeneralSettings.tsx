import { useState } from 'react';
import { Button, Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, settingsShape, type Settings } from '../../../db/contract/settings';
import type { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldRule } from '../../components/zodRule';
import { useSaveSettings } from './useSaveSettings';

type Values = Pick<Settings, 'unitName' | 'language'>;

export function GeneralSettings({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const { submit, saving } = useSaveSettings(settings, form, setError);

  return (
    <Card title={t('settings.general')} className="settings-card">
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={{ unitName: settings.unitName, language: settings.language }}
        onFinish={submit}
        aria-label={t('settings.general')}
      >
        <Form.Item name="unitName" label={t('settings.unitName')} extra={t('settings.unitNameHelp')} rules={fieldRule(settingsShape, 'unitName')}>
          <Input />
        </Form.Item>
        <Form.Item name="language" label={t('settings.language')} extra={t('settings.languageHelp')} rules={fieldRule(settingsShape, 'language')}>
          <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))} />
        </Form.Item>
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
