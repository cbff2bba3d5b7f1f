// 廉政谈话记录: kind of talk, speaker, person(s) talked to and their posts, date, place, recorder,
// content and the person's response. Both sign on paper.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Spin, TimePicker } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { methods } from '../../../db/contract';
import { TALK_KINDS, type MeetingDetail, type MeetingType, type TalkKind } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { Page } from '../../components/Page';
import { PersonInput, useMT, useTypes, type PersonValue } from './shared';

const schema = methods['minutes.talkCreate'].input;

interface Values {
  typeId: number;
  date: Dayjs;
  startTime: Dayjs;
  endTime: Dayjs;
  place: string;
  talkKind: TalkKind;
  speaker: PersonValue | null;
  recorder: PersonValue | null;
  persons: { person?: PersonValue | null; post?: string }[];
  content: string;
  response?: string;
}

export function TalkFormPage() {
  const { id } = useParams();
  const existing = useApiQuery('minutes.get', { id: Number(id) }, { enabled: !!id });
  const types = useTypes();
  if ((id && !existing.data) || !types.data) return <Spin />;
  return <TalkForm existing={existing.data} types={types.data} />;
}

function TalkForm({ existing, types }: { existing?: MeetingDetail; types: MeetingType[] }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const inv = ['minutes.list', 'minutes.get', 'minutes.dashboard', 'minutes.talkCoverage', 'audit.forObject'] as const;
  const create = useApiMutation('minutes.talkCreate', [...inv]);
  const update = useApiMutation('minutes.talkUpdate', [...inv]);
  const me = useApiQuery('accounts.me', {});
  const talkTypes = types.filter((x) => x.kind === 'talk' && (x.active || x.id === existing?.typeId));

  const initial = useMemo<Partial<Values>>(
    () =>
      existing
        ? {
            typeId: existing.typeId,
            date: dayjs(existing.date),
            startTime: dayjs(`2000-01-01T${existing.startTime}`),
            endTime: dayjs(`2000-01-01T${existing.endTime}`),
            place: existing.place,
            talkKind: existing.talkKind ?? 'routine',
            speaker: existing.host,
            recorder: existing.recorder,
            persons: existing.persons.map((p) => ({ person: { userId: p.userId, name: p.name }, post: p.post })),
            content: existing.summary,
            response: existing.response,
          }
        : {
            typeId: talkTypes[0]?.id,
            date: dayjs(),
            startTime: dayjs('2000-01-01T15:00'),
            endTime: dayjs('2000-01-01T15:30'),
            talkKind: 'routine',
            persons: [{ person: null, post: '' }],
          },
    [existing, talkTypes],
  );

  useEffect(() => {
    if (!existing && me.data && !form.getFieldValue('recorder')) form.setFieldValue('recorder', { userId: me.data.user.id, name: me.data.user.name });
  }, [me.data, existing, form]);

  const submit = async (v: Values) => {
    setError(null);
    const body = {
      date: v.date?.format('YYYY-MM-DD') ?? '',
      startTime: v.startTime?.format('HH:mm') ?? '',
      endTime: v.endTime?.format('HH:mm') ?? '',
      place: v.place ?? '',
      talkKind: v.talkKind,
      speaker: { userId: v.speaker?.userId ?? null, name: v.speaker?.name ?? '' },
      recorder: { userId: v.recorder?.userId ?? null, name: v.recorder?.name ?? '' },
      persons: (v.persons ?? []).filter((p) => p?.person?.name).map((p) => ({ userId: p.person?.userId ?? null, name: p.person?.name ?? '', post: p.post ?? '' })),
      content: v.content ?? '',
      response: v.response ?? '',
      attachments: [],
    };
    try {
      const saved = existing ? await update.mutateAsync({ id: existing.id, ...body }) : await create.mutateAsync({ typeId: v.typeId, ...body });
      message.success(existing ? t('form.saved', { label: saved.label }) : t('form.created', { label: `${saved.typeName} ${saved.label}` }));
      navigate(`/r/minutes/meetings/${saved.id}`);
    } catch (e) {
      const map: Record<string, string | (string | number)[]> = { 'speaker.name': 'speaker', 'speaker.userId': 'speaker', 'recorder.name': 'recorder' };
      for (let i = 0; i < 200; i++) map[`persons.${i}.name`] = ['persons', i, 'person'];
      setError(applyApiError(form, e, { fieldMap: map }));
    }
  };

  const title = existing ? t('talk.editTitle', { label: existing.label }) : t('talk.newTitle');
  return (
    <Page title={title}>
      <ErrorAlert error={error} />
      <Form name="minutesTalk" form={form} layout="vertical" initialValues={initial} onFinish={submit} aria-label={title}>
        <Card size="small" className="minutes-card">
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="typeId" label={t('form.type')}>
                <Select disabled={!!existing} options={talkTypes.map((x) => ({ value: x.id, label: x.name }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="talkKind" label={t('talk.kind')} rules={[{ required: true, message: '请选择谈话类型' }]}>
                <Select options={TALK_KINDS.map((k) => ({ value: k, label: t(`talkKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="date" label={t('talk.date')} rules={[{ required: true, message: '请选择谈话日期' }]} extra={t('form.bookOrderHint')}>
                <DatePicker />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="startTime" label={t('form.startTime')} rules={[{ required: true, message: '请选择开始时间' }]}>
                <TimePicker format="HH:mm" minuteStep={5} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="endTime" label={t('form.endTime')} rules={[{ required: true, message: '请选择结束时间' }]}>
                <TimePicker format="HH:mm" minuteStep={5} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="place" label={t('talk.place')} rules={fieldRule(schema, 'place')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="speaker" label={t('talk.speaker')} rules={[{ required: true, message: '请填写谈话人' }]}>
                <PersonInput aria-label={t('talk.speaker')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="recorder" label={t('form.recorder')} rules={[{ required: true, message: '请填写记录人' }]}>
                <PersonInput aria-label={t('form.recorder')} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" className="minutes-card" title={t('talk.persons')}>
          <Form.List name="persons">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Row gutter={8} key={f.key}>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'person']} rules={[{ required: true, message: '请填写谈话对象' }]}>
                        <PersonInput aria-label={`${t('talk.personName')}${i + 1}`} onPicked={(p) => form.setFieldValue(['persons', f.name, 'post'], p.post)} />
                      </Form.Item>
                    </Col>
                    <Col span={10}>
                      <Form.Item name={[f.name, 'post']}>
                        <Input placeholder={t('talk.personPost')} aria-label={`${t('talk.personPost')}${i + 1}`} maxLength={60} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ person: null, post: '' })}>
                  {t('talk.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Card size="small" className="minutes-card">
          <Form.Item name="content" label={t('talk.content')} rules={fieldRule(schema, 'content')}>
            <Input.TextArea rows={6} maxLength={20_000} />
          </Form.Item>
          <Form.Item name="response" label={t('talk.response')}>
            <Input.TextArea rows={3} maxLength={10_000} />
          </Form.Item>
        </Card>
        <Flex justify="end" gap={8}>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
            {t('common.saveDraft')}
          </Button>
        </Flex>
      </Form>
    </Page>
  );
}
