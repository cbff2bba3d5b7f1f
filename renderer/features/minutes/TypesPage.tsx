// Meeting types: built-in books and user-defined ones; members (quorum; for 廉政谈话 the staff to
// cover), yearly plan, retention, whether items need the agenda review and who reviews by default.
import { useState } from 'react';
import { App, Button, Checkbox, Col, Drawer, Flex, Form, Input, InputNumber, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { RETENTIONS, TYPE_KINDS, type MeetingType } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { Page } from '../../components/Page';
import { PersonInput, currentYear, useMT, useTypes, type PersonValue } from './shared';

export function TypesPage() {
  const { t } = useMT();
  const me = useMe();
  const types = useTypes(true);
  const [editing, setEditing] = useState<MeetingType | 'new' | null>(null);
  const [planning, setPlanning] = useState<MeetingType | null>(null);
  const canEdit = hasRole(me, ['clerk', 'admin']);
  const canPlan = hasRole(me, ['clerk']);
  return (
    <Page
      title={t('types.title')}
      extra={
        canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('types.add')}
          </Button>
        ) : null
      }
    >
      <Table<MeetingType>
        rowKey="id"
        size="small"
        loading={types.isFetching}
        dataSource={types.data}
        pagination={false}
        rowClassName={(r) => (r.active ? '' : 'row-disabled')}
        columns={[
          {
            title: t('types.name'),
            dataIndex: 'name',
            render: (v: string, r) => (
              <span>
                {v} {r.builtIn ? <Tag>{t('types.builtIn')}</Tag> : null} {r.active ? null : <Tag className="tag-off">{t('types.inactive')}</Tag>}
              </span>
            ),
          },
          { title: t('types.kind'), dataIndex: 'kind', width: 80, render: (k: string) => t(`kind.${k}`) },
          { title: t('types.planned'), dataIndex: 'plannedPerYear', width: 110, align: 'right' },
          { title: t('types.retention'), dataIndex: 'retention', width: 90 },
          { title: t('types.members'), key: 'm', width: 90, render: (_, r) => t('types.memberCount', { n: r.members.length }) },
          { title: t('types.requiresReview'), dataIndex: 'requiresReview', width: 140, render: (b: boolean) => (b ? t('common.yes') : t('common.no')) },
          { title: t('types.decidesMajor'), dataIndex: 'decidesMajor', width: 130, render: (b: boolean) => (b ? t('common.yes') : t('common.no')) },
          {
            title: '',
            key: 'act',
            width: 200,
            render: (_, r) => (
              <Flex gap={4}>
                {canEdit ? (
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                ) : null}
                {canPlan && r.kind !== 'talk' ? (
                  <Button size="small" onClick={() => setPlanning(r)}>
                    {t('types.setPlan')}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
      {editing ? <TypeDrawer type={editing} onClose={() => setEditing(null)} /> : null}
      {planning ? <PlanDialog type={planning} onClose={() => setPlanning(null)} /> : null}
    </Page>
  );
}

interface Values {
  name: string;
  kind?: MeetingType['kind'];
  plannedPerYear: number;
  retention: MeetingType['retention'];
  requiresReview: boolean;
  reviewers: { leaderId?: number | null; officeId?: number | null; secretaryId?: number | null };
  disciplineHead?: PersonValue | null;
  members: { person?: PersonValue | null; post?: string }[];
  active: boolean;
}

function TypeDrawer({ type, onClose }: { type: MeetingType | 'new'; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const save = useApiMutation('minutes.typeSave', ['minutes.types', 'minutes.dashboard', 'minutes.talkCoverage']);
  const approvers = useApiQuery('accounts.people', { role: 'approver', limit: 200 });
  const people = useApiQuery('accounts.people', { limit: 200 });
  const isNew = type === 'new';
  const builtIn = !isNew && type.builtIn;
  const initial: Partial<Values> = isNew
    ? { kind: 'meeting', plannedPerYear: 0, retention: '30年', requiresReview: false, reviewers: {}, members: [], active: true }
    : {
        name: type.name,
        kind: type.kind,
        plannedPerYear: type.plannedPerYear,
        retention: type.retention,
        requiresReview: type.requiresReview,
        reviewers: { leaderId: type.reviewers.leader?.userId, officeId: type.reviewers.office?.userId, secretaryId: type.reviewers.secretary?.userId },
        disciplineHead: type.disciplineHead,
        members: type.members.map((m) => ({ person: { userId: m.userId, name: m.name }, post: m.post })),
        active: type.active,
      };
  const options = (approvers.data ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.post ? ` · ${p.post}` : ''}` }));
  const submit = async (v: Values) => {
    setError(null);
    try {
      await save.mutateAsync({
        ...(isNew ? {} : { id: type.id }),
        name: v.name ?? '',
        kind: v.kind,
        plannedPerYear: v.plannedPerYear ?? 0,
        retention: v.retention,
        requiresReview: !!v.requiresReview,
        reviewers: { leaderId: v.reviewers?.leaderId ?? null, officeId: v.reviewers?.officeId ?? null, secretaryId: v.reviewers?.secretaryId ?? null },
        disciplineHead: { userId: v.disciplineHead?.userId ?? null, name: v.disciplineHead?.name ?? '' },
        members: (v.members ?? []).filter((m) => m?.person?.name).map((m) => ({ userId: m.person?.userId ?? null, name: m.person?.name ?? '', post: m.post ?? '' })),
        active: !!v.active,
      });
      message.success(t('types.saved'));
      onClose();
    } catch (e) {
      const map: Record<string, (string | number)[]> = {};
      for (let i = 0; i < 300; i++) map[`members.${i}.name`] = ['members', i, 'person'];
      setError(applyApiError(form, e, { fieldMap: map }));
    }
  };
  return (
    <Drawer
      open
      size={760}
      title={isNew ? t('types.newTitle') : t('types.editTitle', { name: type.name })}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <ErrorAlert error={error} />
      <Form name="minutesType" form={form} layout="vertical" initialValues={initial} onFinish={submit} aria-label={t('types.title')}>
        <Row gutter={16}>
          <Col span={10}>
            <Form.Item name="name" label={t('types.name')} rules={[{ required: true, whitespace: true, message: '请填写会议类型名称' }]}>
              <Input maxLength={30} disabled={builtIn} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="kind" label={t('types.kind')}>
              <Select disabled={builtIn} options={TYPE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="retention" label={t('types.retention')}>
              <Select options={RETENTIONS.map((r) => ({ value: r, label: r }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="plannedPerYear" label={t('types.planned')}>
              <InputNumber min={0} max={366} precision={0} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="requiresReview" valuePropName="checked" label=" ">
              <Checkbox>{t('types.requiresReview')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="active" valuePropName="checked" label=" ">
              <Checkbox>{t('types.active')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('types.reviewers')}</Typography.Title>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name={['reviewers', 'leaderId']} label={t('agenda.leader')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('agenda.reviewerAny')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['reviewers', 'officeId']} label={t('agenda.office')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('agenda.reviewerAny')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['reviewers', 'secretaryId']} label={t('agenda.secretary')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} placeholder={t('agenda.reviewerAny')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="disciplineHead" label={t('types.disciplineHead')}>
          <PersonInput aria-label={t('types.disciplineHead')} />
        </Form.Item>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5}>{t('types.members')}</Typography.Title>
          <Button
            size="small"
            icon={<TeamOutlined />}
            onClick={() =>
              form.setFieldValue(
                'members',
                (people.data ?? []).map((p) => ({ person: { userId: p.id, name: p.name }, post: p.post })),
              )
            }
          >
            全部人员
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary">{t('types.membersHint')}</Typography.Paragraph>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={8} key={f.key}>
                  <Col span={9}>
                    <Form.Item name={[f.name, 'person']} rules={[{ required: true, message: '请填写姓名' }]}>
                      <PersonInput aria-label={`${t('form.memberName')}${i + 1}`} onPicked={(p) => form.setFieldValue(['members', f.name, 'post'], p.post)} />
                    </Form.Item>
                  </Col>
                  <Col span={13}>
                    <Form.Item name={[f.name, 'post']}>
                      <Input placeholder={t('form.memberPost')} aria-label={`${t('form.memberPost')}${i + 1}`} maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ person: null, post: '' })}>
                {t('form.addMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}

function PlanDialog({ type, onClose }: { type: MeetingType; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const year = currentYear();
  const dash = useApiQuery('minutes.dashboard', { year });
  const current = dash.data?.books.find((b) => b.typeId === type.id)?.planned ?? type.plannedPerYear;
  const [value, setValue] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const plan = useApiMutation('minutes.bookPlan', ['minutes.dashboard']);
  return (
    <Modal
      open
      title={`${type.name} · ${t('types.yearPlan', { year })}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={plan.isPending}
      onCancel={onClose}
      onOk={async () => {
        try {
          await plan.mutateAsync({ typeId: type.id, year, planned: value ?? current });
          message.success(t('common.saved'));
          onClose();
        } catch (e) {
          setError(e as ApiError);
        }
      }}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <InputNumber min={0} max={366} precision={0} value={value ?? current} onChange={(v) => setValue(v)} aria-label={t('types.planned')} />
    </Modal>
  );
}
