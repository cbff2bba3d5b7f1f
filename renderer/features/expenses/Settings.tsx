// 费用报销设置 (administrator): the approval tiers by amount, the 大额资金 standard, who signs as 单位负责人
// and 财务审核, the default advance term, and the editable list of expense categories.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Space, Switch, Table, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExpenseCategory } from '../../../db/contract/expenses';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormDialog } from '../../components/FormDialog';
import { applyApiError } from '../../components/formErrors';
import { toFen } from '../../components/money';
import { PeopleSelect } from '../../components/PeopleSelect';
import { EXP_READS, MoneyInput } from './shared';

interface V {
  tiers: { above?: number; steps: { name?: string; deptLeader?: boolean; approverIds?: number[] }[] }[];
  largeFrom?: number;
  principalIds?: number[];
  financeIds?: number[];
  advanceDueMonths?: number;
}

export function Settings() {
  return (
    <Row gutter={16}>
      <Col xs={24} xxl={15}>
        <SettingsForm />
      </Col>
      <Col xs={24} md={14} xxl={9}>
        <Categories />
      </Col>
    </Row>
  );
}

function SettingsForm() {
  const { t } = useTranslation('expenses');
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const q = useApiQuery('expenses.settings', {});
  const m = useApiMutation('expenses.saveSettings', EXP_READS);
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<ApiError | null>(null);
  if (!q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Card size="small" title={t('settings.title')} className="exp-settings">
      {!admin ? <Alert className="form-alert" type="info" showIcon title={t('settings.adminOnly')} /> : null}
      <Form<V>
        form={form}
        layout="vertical"
        disabled={!admin}
        aria-label={t('settings.title')}
        initialValues={{
          tiers: s.tiers.map((x) => ({ above: x.above / 100, steps: x.steps.map((st) => ({ name: st.name, deptLeader: st.deptLeader, approverIds: st.approverIds })) })),
          largeFrom: s.largeFrom / 100,
          principalIds: s.principalIds,
          financeIds: s.financeIds,
          advanceDueMonths: s.advanceDueMonths,
        }}
        onFinish={async (v) => {
          setError(null);
          try {
            await m.mutateAsync({
              tiers: (v.tiers ?? []).map((x) => ({ above: toFen(x.above ?? 0), steps: (x.steps ?? []).map((st) => ({ name: st.name ?? '', deptLeader: !!st.deptLeader, approverIds: st.approverIds ?? [] })) })),
              largeFrom: toFen(v.largeFrom),
              principalIds: v.principalIds ?? [],
              financeIds: v.financeIds ?? [],
              advanceDueMonths: v.advanceDueMonths ?? 2,
            });
            message.success(t('settings.saved'));
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        <Typography.Text strong>{t('settings.tiers')}</Typography.Text>
        <Typography.Paragraph type="secondary">{t('settings.tiersHint')}</Typography.Paragraph>
        <Form.List name="tiers">
          {(tiers, { add, remove }) => (
            <Space orientation="vertical" className="exp-wide">
              {tiers.map((tier, i) => (
                <Card key={tier.key} size="small" className="exp-tier">
                  <Flex gap={12} align="start">
                    <Form.Item name={[tier.name, 'above']} label={t('settings.above')} rules={[{ required: true, message: t('v.amount') }]} className="exp-tier-above">
                      <MoneyInput aria-label={`${t('settings.above')} ${i + 1}`} disabled={i === 0} className="exp-wide" />
                    </Form.Item>
                    <Form.List name={[tier.name, 'steps']}>
                      {(steps, s2) => (
                        <div className="exp-grow">
                          {steps.map((st, j) => (
                            <Flex key={st.key} gap={8} align="start">
                              <Form.Item name={[st.name, 'name']} label={j === 0 ? t('settings.step') : undefined} rules={[{ required: true, whitespace: true, message: t('v.required') }]} className="exp-tier-step">
                                <Input aria-label={`${t('settings.step')} ${i + 1}-${j + 1}`} />
                              </Form.Item>
                              <Form.Item name={[st.name, 'deptLeader']} valuePropName="checked" label={j === 0 ? t('settings.deptLeaderHead') : undefined} className="exp-tier-check">
                                <Checkbox>{t('settings.deptLeader')}</Checkbox>
                              </Form.Item>
                              <Form.Item name={[st.name, 'approverIds']} label={j === 0 ? t('settings.approverIds') : undefined} className="exp-grow">
                                <PeopleSelect aria-label={`${t('settings.approverIds')} ${i + 1}-${j + 1}`} />
                              </Form.Item>
                              {steps.length > 1 ? <Button type="text" aria-label={t('settings.removeStep')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => s2.remove(st.name)} className={j === 0 ? 'exp-btn-first' : undefined} /> : null}
                            </Flex>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined aria-hidden />} onClick={() => s2.add({ name: '', deptLeader: false, approverIds: [] })}>
                            {t('settings.addStep')}
                          </Button>
                        </div>
                      )}
                    </Form.List>
                    {i > 0 ? <Button type="text" danger aria-label={t('settings.removeTier')} icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(tier.name)} className="exp-btn-first" /> : null}
                  </Flex>
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ above: undefined, steps: [{ name: '', deptLeader: false, approverIds: [] }] })}>
                {t('settings.addTier')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Row gutter={16} className="exp-settings-row">
          <Col span={12}>
            <Form.Item name="largeFrom" label={t('settings.largeFrom')} extra={t('settings.largeHint')} rules={[{ required: true, message: t('v.amount') }]}>
              <MoneyInput className="exp-wide" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="advanceDueMonths" label={t('settings.dueMonths')} rules={[{ required: true, message: t('v.required') }]}>
              <InputNumber min={1} max={24} precision={0} suffix={t('settings.months')} className="exp-money" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="principalIds" label={t('settings.principal')} extra={t('settings.principalHint')}>
              <PeopleSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="financeIds" label={t('settings.finance')} extra={t('settings.financeHint')}>
              <PeopleSelect />
            </Form.Item>
          </Col>
        </Row>
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

function Categories() {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const q = useApiQuery('expenses.categories', { includeInactive: true });
  const update = useApiMutation('expenses.categoryUpdate', EXP_READS);
  const [editing, setEditing] = useState<ExpenseCategory | 'new' | null>(null);
  const toggle = async (c: ExpenseCategory, patch: Partial<Pick<ExpenseCategory, 'needsBasis' | 'active'>>) => {
    try {
      await update.mutateAsync({ id: c.id, name: c.name, needsBasis: c.needsBasis, active: c.active, ...patch });
      message.success(t('settings.catSaved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      size="small"
      title={t('settings.categories')}
      className="exp-settings"
      extra={
        admin ? (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('settings.addCategory')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.categoriesHint')}</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      <Table<ExpenseCategory>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data}
        rowClassName={(c) => (c.active ? '' : 'row-disabled')}
        columns={[
          {
            title: t('f.category'),
            dataIndex: 'name',
            render: (v: string, c) =>
              admin ? (
                <Button type="link" size="small" className="exp-link" onClick={() => setEditing(c)}>
                  {v}
                </Button>
              ) : (
                v
              ),
          },
          { title: t('settings.needsBasis'), key: 'b', width: 96, align: 'center', render: (_, c) => <Switch size="small" aria-label={`${c.name} ${t('settings.needsBasis')}`} checked={c.needsBasis} disabled={!admin} onChange={(v) => void toggle(c, { needsBasis: v })} /> },
          { title: t('settings.active'), key: 'a', width: 64, align: 'center', render: (_, c) => <Switch size="small" aria-label={`${c.name} ${t('settings.active')}`} checked={c.active} disabled={!admin} onChange={(v) => void toggle(c, { active: v })} /> },
        ]}
      />
      {editing ? <CategoryDialog c={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function CategoryDialog({ c, onClose }: { c: ExpenseCategory | null; onClose: () => void }) {
  const { t } = useTranslation('expenses');
  const { message } = App.useApp();
  const create = useApiMutation('expenses.categoryCreate', EXP_READS);
  const update = useApiMutation('expenses.categoryUpdate', EXP_READS);
  return (
    <FormDialog<{ name?: string; needsBasis?: boolean }>
      title={c ? t('settings.editCategory') : t('settings.addCategory')}
      width={480}
      initialValues={{ name: c?.name ?? '', needsBasis: c?.needsBasis ?? false }}
      onClose={onClose}
      onSubmit={async (v) => {
        if (c) await update.mutateAsync({ id: c.id, name: v.name ?? '', needsBasis: !!v.needsBasis, active: c.active });
        else await create.mutateAsync({ name: v.name ?? '', needsBasis: !!v.needsBasis });
        message.success(t('settings.catSaved'));
      }}
    >
      <Form.Item name="name" label={t('f.category')} rules={[{ required: true, whitespace: true, message: t('v.required') }, { max: 30, message: t('v.max30') }]}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="needsBasis" valuePropName="checked">
        <Checkbox>{t('settings.needsBasisLong')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}
