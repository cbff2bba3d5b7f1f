// 部门: the managed list of departments — head (科室负责人), deputies who may sign for the head, the
// days it is open — edited by the administrator, read by everyone who may see accounts; each with its history.
import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Table, Tag, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import type { Department } from '../../../db/contract/departments';
import { useApiMutation, useApiQuery } from '../../api';
import { dateOf, fmtTime } from '../../components/dates';
import { FormDialog } from '../../components/FormDialog';
import { PeopleSelect } from '../../components/PeopleSelect';
import { PersonSelect } from '../../components/PersonSelect';
import { fieldRule } from '../../components/zodRule';

const READS = ['departments.list', 'accounts.list', 'accounts.people'] as const;

interface Values {
  name: string;
  headId?: number | null;
  deputyIds?: number[];
  activeFrom?: Dayjs;
  activeTo?: Dayjs | null;
}

function EditDialog({ d, onClose }: { d: Department | 'new'; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useApiMutation('departments.save', [...READS]);
  const schema = methods['departments.save'].input;
  const isNew = d === 'new';
  return (
    <FormDialog<Values>
      title={isNew ? t('departments.create') : t('departments.edit', { name: d.name })}
      onClose={onClose}
      initialValues={
        isNew
          ? { activeFrom: dayjs(), deputyIds: [] }
          : { name: d.name, headId: d.head?.id ?? null, deputyIds: d.deputies.map((x) => x.id), activeFrom: dayjs(d.activeFrom), activeTo: d.activeTo ? dayjs(d.activeTo) : null }
      }
      onSubmit={async (v) => {
        await save.mutateAsync({
          ...(isNew ? {} : { id: d.id }),
          name: v.name ?? '',
          headId: v.headId ?? null,
          deputyIds: v.deputyIds ?? [],
          activeFrom: dateOf(v.activeFrom) ?? '',
          activeTo: dateOf(v.activeTo ?? null) ?? null,
        });
        message.success(t('common.saved'));
      }}
    >
      <Form.Item name="name" label={t('departments.name')} rules={fieldRule(schema, 'name')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="headId" label={t('departments.head')} extra={t('departments.headHelp')}>
        <PersonSelect allowClear />
      </Form.Item>
      <Form.Item name="deputyIds" label={t('departments.deputies')} extra={t('departments.deputiesHelp')}>
        <PeopleSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="activeFrom" label={t('departments.activeFrom')} rules={[{ required: true, message: t('departments.needFrom') }]}>
            <DatePicker className="full-width" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="activeTo" label={t('departments.activeTo')} extra={t('departments.activeToHelp')}>
            <DatePicker className="full-width" allowClear />
          </Form.Item>
        </Col>
      </Row>
    </FormDialog>
  );
}

function History({ d, onClose }: { d: Department; onClose: () => void }) {
  const { t } = useTranslation();
  const q = useApiQuery('departments.history', { id: d.id });
  return (
    <Modal open title={t('departments.historyTitle', { name: d.name })} onCancel={onClose} footer={null} width={640}>
      <Timeline
        items={(q.data ?? []).map((h) => ({
          children: (
            <>
              <Typography.Text strong>{fmtTime(h.since)}</Typography.Text> {h.byName ? <Typography.Text type="secondary">（{h.byName}）</Typography.Text> : null}
              <div>
                {h.name}：{t('departments.head')} {h.head ?? t('departments.noHead')}
                {h.deputies.length ? `，${t('departments.deputies')} ${h.deputies.join('、')}` : ''}；{h.activeFrom}
                {h.activeTo ? ` — ${h.activeTo}` : ` ${t('departments.onwards')}`}
              </div>
            </>
          ),
        }))}
      />
    </Modal>
  );
}

export function Departments({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useApiQuery('departments.list', { includeClosed: true });
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [history, setHistory] = useState<Department | null>(null);
  const columns: TableColumnsType<Department> = [
    { title: t('departments.name'), dataIndex: 'name', width: 160, render: (v: string, d) => (d.active ? v : <>{v} <Tag className="tag-off">{t('departments.closed')}</Tag></>) },
    { title: t('departments.head'), key: 'head', width: 120, render: (_, d) => d.head?.name ?? <Typography.Text type="danger">{t('departments.noHead')}</Typography.Text> },
    { title: t('departments.deputies'), key: 'deputies', render: (_, d) => d.deputies.map((x) => x.name).join('、') },
    { title: t('departments.staff'), dataIndex: 'staff', width: 90, align: 'right' },
    { title: t('departments.period'), key: 'period', width: 200, render: (_, d) => `${d.activeFrom} — ${d.activeTo ?? t('departments.onwards')}` },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, d) => (
        <>
          {canEdit ? (
            <Button type="link" size="small" onClick={() => setEditing(d)}>
              {t('common.edit')}
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => setHistory(d)}>
            {t('departments.history')}
          </Button>
        </>
      ),
    },
  ];
  return (
    <Card
      title={t('departments.title')}
      className="departments-card"
      extra={
        canEdit ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {t('departments.create')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('departments.hint')}</Typography.Paragraph>
      <Table<Department> rowKey="id" size="small" columns={columns} dataSource={q.data} loading={q.isFetching} pagination={false} rowClassName={(d) => (d.active ? '' : 'row-disabled')} />
      {editing ? <EditDialog d={editing} onClose={() => setEditing(null)} /> : null}
      {history ? <History d={history} onClose={() => setHistory(null)} /> : null}
    </Card>
  );
}
