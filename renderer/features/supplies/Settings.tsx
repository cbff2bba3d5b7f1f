// 办公用品设置 (administrator): the fixed-asset threshold and the requisition approval tiers.
import { App, Alert, Button, Card, Flex, Form, Input, InputNumber, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { toFen } from '../../components/money';
import { PeopleSelect } from '../../components/PeopleSelect';
import { SUPPLY_READS } from './shared';

interface V {
  assetThreshold?: number;
  requisitionTiers: { minAmount?: number; steps: { name: string; approverIds?: number[] }[] }[];
}

export function Settings() {
  const { t } = useTranslation('supplies');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const q = useApiQuery('supplies.settings', {});
  const m = useApiMutation('supplies.setSettings', SUPPLY_READS);
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<ApiError | null>(null);
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Card size="small" title={t('settings.title')} className="sup-settings">
      {!admin ? <Alert className="form-alert" type="info" showIcon title={t('settings.adminOnly')} /> : null}
      <Form<V>
        form={form}
        layout="vertical"
        disabled={!admin}
        initialValues={{ assetThreshold: s.assetThreshold / 100, requisitionTiers: s.requisitionTiers.map((x) => ({ minAmount: x.minAmount / 100, steps: x.steps })) }}
        onFinish={async (v) => {
          setError(null);
          try {
            await m.mutateAsync({
              assetThreshold: toFen(v.assetThreshold),
              requisitionTiers: (v.requisitionTiers ?? []).map((x) => ({ minAmount: toFen(x.minAmount ?? 0), steps: (x.steps ?? []).map((st) => ({ name: st.name ?? '', approverIds: st.approverIds ?? [] })) })),
            });
            message.success(t('settings.saved'));
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        <Form.Item name="assetThreshold" label={t('settings.threshold')} extra={t('settings.thresholdHint')} rules={[{ required: true, message: t('v.required') }]}>
          <InputNumber min={0.01} step={100} className="sup-money" />
        </Form.Item>
        <Typography.Text strong>{t('settings.tiers')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('settings.tiersHint')}</Typography.Paragraph>
        <Form.List name="requisitionTiers">
          {(tiers, { add, remove }) => (
            <Space orientation="vertical" className="sup-wide">
              {tiers.map((tier, i) => (
                <Card key={tier.key} size="small" className="sup-tier">
                  <Flex gap={12} align="start">
                    <Form.Item name={[tier.name, 'minAmount']} label={t('settings.minAmount')} rules={[{ required: true, message: t('v.required') }]}>
                      <InputNumber min={0} disabled={i === 0} className="sup-money" />
                    </Form.Item>
                    <Form.List name={[tier.name, 'steps']}>
                      {(steps, s2) => (
                        <div className="sup-grow">
                          {steps.map((st) => (
                            <Flex key={st.key} gap={8} align="start">
                              <Form.Item name={[st.name, 'name']} label={t('settings.step')} rules={[{ required: true, whitespace: true, message: t('v.required') }]}>
                                <Input />
                              </Form.Item>
                              <Form.Item name={[st.name, 'approverIds']} label={t('settings.approverIds')} className="sup-grow">
                                <PeopleSelect />
                              </Form.Item>
                              {steps.length > 1 ? <Button type="text" aria-label={t('purchase.removeLine')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => s2.remove(st.name)} className="sup-line-btn-first" /> : null}
                            </Flex>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => s2.add({ name: '', approverIds: [] })}>
                            {t('settings.addStep')}
                          </Button>
                        </div>
                      )}
                    </Form.List>
                    {i > 0 ? <Button type="text" danger aria-label={t('purchase.removeLine')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(tier.name)} className="sup-line-btn-first" /> : null}
                  </Flex>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ minAmount: undefined, steps: [{ name: '', approverIds: [] }] })}>
                {t('settings.addTier')}
              </Button>
            </Space>
          )}
        </Form.List>
        <ErrorAlert error={error} />
        {admin ? (
          <Button type="primary" htmlType="submit" loading={m.isPending} className="sup-save">
            {tc('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
