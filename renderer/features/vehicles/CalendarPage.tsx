// 节假日安排: the public holidays and make-up workdays that decide which trips need a holiday reason.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { VEHICLE_READS, dayOf, useVT, yearOptions } from './util';

export function CalendarPage() {
  const t = useVT();
  const { message } = App.useApp();
  const me = useMe();
  const admin = hasRole(me, ['admin']);
  const [year, setYear] = useState(dayjs().year());
  const [form] = Form.useForm<{ date?: Dayjs; kind?: 'holiday' | 'workday'; name?: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const list = useApiQuery('vehicles.calendarList', { year });
  const set = useApiMutation('vehicles.calendarSet', VEHICLE_READS);
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];

  const save = async (date: string, kind: 'holiday' | 'workday' | 'normal', name = '') => {
    setError(null);
    try {
      await set.mutateAsync({ date, kind, name });
      message.success(t('calendar.saved'));
      return true;
    } catch (e) {
      setError(applyApiError(form, e));
      return false;
    }
  };

  return (
    <>
      <Alert className="vehicles-alert" type="info" showIcon title={t('calendar.hint')} />
      <Card size="small" className="filter-card">
        <Space wrap>
          <Select value={year} onChange={setYear} options={yearOptions(2020)} className="filter-select-narrow" aria-label={t('common.year')} />
        </Space>
        {admin ? (
          <Form
            form={form}
            name="vehicleCalendar"
            layout="inline"
            className="filter-bar vehicles-calendar-form"
            initialValues={{ kind: 'holiday' }}
            onFinish={async (v) => {
              if (v.date && (await save(dayOf(v.date), v.kind ?? 'holiday', v.name ?? ''))) form.resetFields(['date', 'name']);
            }}
            aria-label={t('calendar.add')}
          >
            <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: `请选择${t('calendar.date')}` }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="kind" label={t('calendar.kind')}>
              <Select className="filter-select-narrow" options={[{ value: 'holiday', label: t('calendar.holiday') }, { value: 'workday', label: t('calendar.workday') }]} />
            </Form.Item>
            <Form.Item name="name" label={t('calendar.name')}>
              <Input maxLength={20} className="filter-select" />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={set.isPending}>
                {t('calendar.add')}
              </Button>
            </Form.Item>
          </Form>
        ) : (
          <div className="vehicles-note">{t('calendar.adminOnly')}</div>
        )}
      </Card>
      <ErrorAlert error={error ?? list.error} />
      <Table
        rowKey="date"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', width: 140 },
          { title: t('calendar.weekday'), key: 'w', width: 100, render: (_, r) => weekdays[new Date(`${r.date}T00:00:00Z`).getUTCDay()] },
          { title: t('calendar.kind'), dataIndex: 'kind', width: 140, render: (k: 'holiday' | 'workday') => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`calendar.${k}`)}</Tag> },
          { title: t('calendar.name'), dataIndex: 'name' },
          ...(admin
            ? [
                {
                  title: t('common.more'),
                  key: 'a',
                  width: 120,
                  render: (_: unknown, r: { date: string }) => (
                    <Popconfirm title={`${r.date} ${t('calendar.normal')}？`} okText={t('common.save')} cancelText={t('common.cancel')} onConfirm={() => void save(r.date, 'normal')}>
                      <Button type="link" size="small">
                        {t('calendar.normal')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
