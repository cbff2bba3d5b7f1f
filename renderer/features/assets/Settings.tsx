// 固定资产设置 (administrator): the number pattern (previewed) and the collective-decision threshold.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { formatAssetNumber, patternProblem } from '../../../db/contract/assets';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { toFen } from '../../components/money';
import { ASSET_READS } from './Cards';

export function Settings() {
  const { t } = useTranslation('assets');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const q = useApiQuery('assets.settings', {});
  const m = useApiMutation('assets.setSettings', [...ASSET_READS]);
  const [form] = Form.useForm<{ numberPattern: string; decisionThreshold?: number }>();
  const pattern = Form.useWatch('numberPattern', form);
  const [error, setError] = useState<ApiError | null>(null);
  if (!q.data) return <ErrorAlert error={q.error} />;
  const problem = pattern ? patternProblem(pattern) : null;
  return (
    <Card size="small" title={t('settings.title')} className="sup-settings">
      {!admin ? <Alert className="form-alert" type="info" showIcon title={t('settings.adminOnly')} /> : null}
      <Form
        form={form}
        layout="vertical"
        disabled={!admin}
        initialValues={{ numberPattern: q.data.numberPattern, decisionThreshold: q.data.decisionThreshold / 100 }}
        onFinish={async (v) => {
          setError(null);
          try {
            await m.mutateAsync({ numberPattern: v.numberPattern ?? '', decisionThreshold: toFen(v.decisionThreshold) });
            message.success(t('settings.saved'));
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        <Form.Item name="numberPattern" label={t('settings.pattern')} extra={t('settings.patternHint')} validateStatus={problem ? 'error' : undefined} help={problem ?? undefined}>
          <Input className="sup-money" />
        </Form.Item>
        {pattern && !problem ? <Typography.Paragraph type="secondary">{t('settings.preview', { n: formatAssetNumber(pattern, dayjs().year(), 1) })}</Typography.Paragraph> : null}
        <Form.Item name="decisionThreshold" label={t('settings.threshold')} extra={t('settings.thresholdHint')} rules={[{ required: true, message: t('v.required') }]}>
          <InputNumber min={0.01} step={1000} className="sup-money" />
        </Form.Item>
        <ErrorAlert error={error} />
        {admin ? (
          <Button type="primary" htmlType="submit" loading={m.isPending}>
            {tc('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
