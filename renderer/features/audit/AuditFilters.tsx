import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { actionLabel, knownActions, objectTypes, objectTypeLabel } from './labels';

export interface AuditFilterValues {
  userId?: number;
  action?: string;
  objectType?: string;
  result?: 'success' | 'failure';
  range?: [Dayjs | null, Dayjs | null] | null;
  q?: string;
}

export function AuditFilters({ onChange }: { onChange: (v: AuditFilterValues) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  const people = useApiQuery('accounts.list', { pageSize: 500, includeDisabled: true }, { staleTime: 60_000 });

  return (
    <Form form={form} layout="inline" className="filter-bar" onFinish={onChange} aria-label={t('common.search')}>
      <Form.Item name="userId" label={t('audit.user')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.anyUser')}
          className="filter-select"
          options={people.data?.rows.map((u) => ({ value: u.id, label: `${u.name} · ${u.login}` }))}
        />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('audit.anyAction')}
          className="filter-select-wide"
          popupMatchSelectWidth={false}
          options={knownActions().map((a) => ({ value: a, label: actionLabel(t, a, i18n.language) }))}
        />
      </Form.Item>
      <Form.Item name="objectType" label={t('audit.objectType')}>
        <Select allowClear placeholder={t('audit.anyObject')} className="filter-select" options={objectTypes(i18n).map((o) => ({ value: o, label: objectTypeLabel(t, o) }))} />
      </Form.Item>
      <Form.Item name="result" label={t('audit.result')}>
        <Select
          allowClear
          placeholder={t('audit.anyResult')}
          className="filter-select-narrow"
          options={[
            { value: 'success', label: t('audit.success') },
            { value: 'failure', label: t('audit.failure') },
          ]}
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.dateRange')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('audit.startDate'), t('audit.endDate')]} />
      </Form.Item>
      <Form.Item name="q" label={t('audit.keyword')}>
        <Input allowClear placeholder={t('audit.keywordPlaceholder')} className="filter-keyword" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
