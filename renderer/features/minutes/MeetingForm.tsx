// A meeting record (会议、中心组学习): header, expected members with absences, 列席, the
// 派驻纪检监察组组长 for a 党组会议, agenda items with presenter, remarks by name, vote, decision and
// who carries it out. Saved as a draft; finalising is a separate, deliberate step.
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Spin, TimePicker, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { methods, type Input as In } from '../../../db/contract';
import { CATEGORIES, MAJOR_KINDS, OUTCOMES, type MeetingDetail, type MeetingType } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { fieldRule } from '../../components/zodRule';
import { Page } from '../../components/Page';
import { PersonInput, toFen, toYuan, useMT, useTypes, type PersonValue } from './shared';

const createSchema = methods['minutes.create'].input;

interface ItemValues {
  id?: number;
  agendaId?: number | null;
  title?: string;
  presenter?: PersonValue | null;
  category?: (typeof CATEGORIES)[number];
  major?: '' | (typeof MAJOR_KINDS)[number];
  amount?: number | null;
  attendees?: { userId?: number | null; name: string; post?: string }[];
  remarks?: { speaker?: PersonValue | null; content?: string }[];
  voteFor?: number | null;
  voteAgainst?: number | null;
  voteAbstain?: number | null;
  voteNote?: string;
  outcome?: (typeof OUTCOMES)[number];
  decision?: string;
  executor?: string;
}

interface Values {
  typeId: number;
  date: Dayjs;
  startTime: Dayjs;
  endTime: Dayjs;
  place: string;
  host: PersonValue | null;
  recorder: PersonValue | null;
  topic?: string;
  form?: string;
  members?: { userId?: number | null; name: string; post?: string; present?: boolean; absentReason?: string }[];
  attendees?: { userId?: number | null; name: string; post?: string }[];
  discipline?: { invited?: boolean; attended?: boolean; name?: string; reason?: string };
  summary?: string;
  items?: ItemValues[];
  attachments?: { name: string; pages?: number | null }[];
}

const person = (p: PersonValue | null | undefined) => ({ userId: p?.userId ?? null, name: p?.name ?? '' });

export function toMeetingInput(v: Values) {
  return {
    date: v.date?.format('YYYY-MM-DD') ?? '',
    startTime: v.startTime?.format('HH:mm') ?? '',
    endTime: v.endTime?.format('HH:mm') ?? '',
    place: v.place ?? '',
    host: person(v.host),
    recorder: person(v.recorder),
    topic: v.topic ?? '',
    form: v.form ?? '',
    members: (v.members ?? []).map((m) => ({ userId: m.userId ?? null, name: m.name ?? '', post: m.post ?? '', present: m.present !== false, absentReason: m.present === false ? (m.absentReason ?? '') : '' })),
    attendees: (v.attendees ?? []).filter((a) => a?.name).map((a) => ({ userId: a.userId ?? null, name: a.name, post: a.post ?? '' })),
    discipline: { invited: !!v.discipline?.invited, attended: !!v.discipline?.attended, name: v.discipline?.name ?? '', reason: v.discipline?.reason ?? '' },
    summary: v.summary ?? '',
    items: (v.items ?? []).map((it) => ({
      ...(it.id ? { id: it.id } : {}),
      agendaId: it.agendaId ?? null,
      title: it.title ?? '',
      presenter: it.presenter?.name ? person(it.presenter) : null,
      category: it.category ?? 'decision',
      major: it.major ?? '',
      amount: toFen(it.amount),
      attendees: (it.attendees ?? []).filter((a) => a?.name).map((a) => ({ userId: a.userId ?? null, name: a.name, post: a.post ?? '' })),
      remarks: (it.remarks ?? []).filter((r) => r?.content || r?.speaker?.name).map((r) => ({ speaker: person(r.speaker), content: r.content ?? '' })),
      voteFor: it.voteFor ?? null,
      voteAgainst: it.voteAgainst ?? null,
      voteAbstain: it.voteAbstain ?? null,
      voteNote: it.voteNote ?? '',
      outcome: it.outcome ?? 'passed',
      decision: it.decision ?? '',
      executor: it.executor ?? '',
    })),
    attachments: (v.attachments ?? []).filter((a) => a?.name).map((a) => ({ name: a.name, pages: a.pages ?? null })),
  };
}

function fromDetail(d: MeetingDetail): Values {
  return {
    typeId: d.typeId,
    date: dayjs(d.date),
    startTime: dayjs(`2000-01-01T${d.startTime}`),
    endTime: dayjs(`2000-01-01T${d.endTime}`),
    place: d.place,
    host: d.host,
    recorder: d.recorder,
    topic: d.topic,
    form: d.form,
    members: d.members,
    attendees: d.attendees,
    discipline: d.discipline,
    summary: d.summary,
    items: d.items.map((i) => ({ ...i, amount: toYuan(i.amount), presenter: i.presenter })),
    attachments: d.attachments,
  };
}

const membersFromType = (t: MeetingType) => t.members.map((m) => ({ userId: m.userId, name: m.name, post: m.post, present: true, absentReason: '' }));

export function MeetingFormPage() {
  const { id } = useParams();
  const existing = useApiQuery('minutes.get', { id: Number(id) }, { enabled: !!id });
  const types = useTypes();
  if (id && !existing.data) return <Spin />;
  if (!types.data) return <Spin />;
  return <MeetingForm existing={existing.data} types={types.data} />;
}

function MeetingForm({ existing, types }: { existing?: MeetingDetail; types: MeetingType[] }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<ApiError | null>(null);
  const inv = ['minutes.list', 'minutes.get', 'minutes.dashboard', 'minutes.agendaList', 'minutes.agendaGet', 'audit.forObject'] as const;
  const create = useApiMutation('minutes.create', [...inv]);
  const update = useApiMutation('minutes.update', [...inv]);
  const me = useApiQuery('accounts.me', {});
  const usable = types.filter((x) => x.kind !== 'talk' && (x.active || x.id === existing?.typeId));
  const initialType = existing?.typeId ?? (Number(search.get('type')) || usable[0]?.id);
  const typeId: number | undefined = Form.useWatch('typeId', form) ?? initialType;
  const type = types.find((x) => x.id === typeId);
  const members = Form.useWatch('members', form);
  const items = Form.useWatch('items', form);
  const majorItems = (items ?? []).filter((i) => i?.major);

  const initial = useMemo<Partial<Values>>(() => {
    if (existing) return fromDetail(existing);
    const t0 = types.find((x) => x.id === initialType);
    return {
      typeId: initialType,
      date: dayjs(),
      startTime: dayjs('2000-01-01T09:00'),
      endTime: dayjs('2000-01-01T11:00'),
      members: t0 ? membersFromType(t0) : [],
      discipline: { invited: !!t0?.decidesMajor, attended: !!t0?.decidesMajor, name: t0?.disciplineHead?.name ?? '', reason: '' },
      items: [],
      attendees: [],
      attachments: [],
    };
  }, [existing, types, initialType]);

  useEffect(() => {
    if (!existing && me.data && !form.getFieldValue('recorder')) form.setFieldValue('recorder', { userId: me.data.user.id, name: me.data.user.name });
  }, [me.data, existing, form]);

  // Agenda items this meeting may take: reviewed and 待上会, plus those already on this draft.
  const approved = useApiQuery('minutes.agendaList', { typeId, state: 'approved', pageSize: 200, sort: 'submitted_asc' }, { enabled: !!type?.requiresReview });
  const scheduled = useApiQuery('minutes.agendaList', { typeId, state: 'scheduled', pageSize: 200 }, { enabled: !!type?.requiresReview && !!existing });
  const agendaOptions = [...(approved.data?.rows ?? []), ...(scheduled.data?.rows ?? []).filter((r) => r.meetingId === existing?.id)];

  const present = (members ?? []).filter((m) => m && m.present !== false).length;
  const expected = (members ?? []).length;

  const submit = async (v: Values) => {
    setError(null);
    const body = toMeetingInput(v);
    try {
      const saved = existing ? await update.mutateAsync({ id: existing.id, ...body } as In<'minutes.update'>) : await create.mutateAsync({ typeId: v.typeId, ...body } as In<'minutes.create'>);
      message.success(existing ? t('form.saved', { label: saved.label }) : t('form.created', { label: `${saved.typeName} ${saved.label}` }));
      navigate(`/r/minutes/meetings/${saved.id}`);
    } catch (e) {
      setError(applyApiError(form, e, { fieldMap: { 'host.name': 'host', 'host.userId': 'host', 'recorder.name': 'recorder', 'recorder.userId': 'recorder' } }));
    }
  };

  const title = existing ? t('form.editTitle', { type: existing.typeName, label: existing.label }) : t('form.newTitle', { type: type?.name ?? '' });
  return (
    <Page
      title={title}
      extra={
        <>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            {t('common.saveDraft')}
          </Button>
        </>
      }
    >
      <ErrorAlert error={error} />
      <Form name="minutesMeeting" form={form} layout="vertical" initialValues={initial} onFinish={submit} aria-label={title} scrollToFirstError>
        <Card size="small" className="minutes-card" title={t('detail.book')}>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="typeId" label={t('form.type')} rules={[{ required: true, message: '请选择会议类型' }]}>
                <Select
                  disabled={!!existing}
                  options={usable.map((x) => ({ value: x.id, label: x.name }))}
                  onChange={(v: number) => {
                    const nt = types.find((x) => x.id === v);
                    if (nt) {
                      form.setFieldValue('members', membersFromType(nt));
                      form.setFieldValue('discipline', { invited: nt.decidesMajor, attended: nt.decidesMajor, name: nt.disciplineHead?.name ?? '', reason: '' });
                      form.setFieldValue('items', []);
                    }
                  }}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="date" label={t('form.date')} rules={[{ required: true, message: '请选择会议日期' }]} extra={t('form.bookOrderHint')}>
                <DatePicker />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="startTime" label={t('form.startTime')} rules={[{ required: true, message: '请选择开始时间' }]}>
                <TimePicker format="HH:mm" minuteStep={5} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="endTime" label={t('form.endTime')} rules={[{ required: true, message: '请选择结束时间' }]}>
                <TimePicker format="HH:mm" minuteStep={5} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="place" label={t('form.place')} rules={fieldRule(createSchema, 'place')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="host" label={t('form.host')} rules={[{ required: true, message: '请填写主持人' }]}>
                <PersonInput aria-label={t('form.host')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="recorder" label={t('form.recorder')} rules={[{ required: true, message: '请填写记录人' }]}>
                <PersonInput aria-label={t('form.recorder')} />
              </Form.Item>
            </Col>
            <Col span={type?.kind === 'study' ? 16 : 24}>
              <Form.Item name="topic" label={type?.kind === 'study' ? t('form.studyTopic') : t('form.topic')} rules={type?.kind === 'study' ? [{ required: true, message: '请填写学习主题' }] : []}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            {type?.kind === 'study' ? (
              <Col span={8}>
                <Form.Item name="form" label={t('form.form')}>
                  <Select options={['集中学习', '专题研讨', '辅导报告', '交流研讨', '参观学习'].map((x) => ({ value: x, label: x }))} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </Card>

        <Card
          size="small"
          className="minutes-card"
          title={
            <Space>
              {t('form.members')}
              <Typography.Text type={expected && present * 2 > expected ? 'success' : 'warning'}>{t('form.quorum', { expected, present, needed: Math.floor(expected / 2) + 1 })}</Typography.Text>
            </Space>
          }
          extra={
            type ? (
              <Button size="small" icon={<TeamOutlined />} onClick={() => form.setFieldValue('members', membersFromType(type))}>
                {t('form.fillMembers')}
              </Button>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">{t('form.membersHint')}</Typography.Paragraph>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row gutter={8} key={f.key} align="top">
                    <Col span={5}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]}>
                        <Input placeholder={t('form.memberName')} aria-label={t('form.memberName')} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'post']}>
                        <Input placeholder={t('form.memberPost')} aria-label={t('form.memberPost')} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'present']} valuePropName="checked">
                        <Checkbox>{t('form.present')}</Checkbox>
                      </Form.Item>
                    </Col>
                    <Col span={9}>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['members', f.name, 'present']) === false ? (
                            <Form.Item name={[f.name, 'absentReason']} rules={[{ required: true, whitespace: true, message: '缺席人员须填写缺席原因' }]}>
                              <Input placeholder={t('form.absentReason')} aria-label={`${t('form.absentReason')}（${form.getFieldValue(['members', f.name, 'name']) ?? ''}）`} />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                      <Form.Item name={[f.name, 'userId']} hidden>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', post: '', present: true })}>
                  {t('form.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" className="minutes-card" title={t('form.attendees')}>
          <NamePostList name="attendees" addLabel={t('form.addAttendee')} />
        </Card>

        {type?.decidesMajor ? (
          <Card size="small" className="minutes-card" title={t('form.discipline')}>
            {majorItems.length ? <Alert type="info" showIcon className="minutes-inline-alert" title="本次会议有三重一大事项，应邀请派驻纪检监察组组长列席；未邀请或未出席的须写明原因。" /> : null}
            <Row gutter={16} align="middle">
              <Col span={4}>
                <Form.Item name={['discipline', 'invited']} valuePropName="checked">
                  <Checkbox>{t('form.invited')}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={['discipline', 'attended']} valuePropName="checked">
                  <Checkbox>{t('form.attended')}</Checkbox>
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={['discipline', 'name']} label={t('form.disciplineName')}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name={['discipline', 'reason']} label={t('form.disciplineReason')}>
                  <Input maxLength={300} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        ) : null}

        <Card size="small" className="minutes-card" title={t('form.items')}>
          {type?.requiresReview ? <Typography.Paragraph type="secondary">{t('form.agendaHint')}</Typography.Paragraph> : null}
          <Form.List name="items">
            {(fields, { add, remove, move }) => (
              <>
                {fields.map((f, idx) => (
                  <Card
                    key={f.key}
                    size="small"
                    type="inner"
                    className="minutes-item-card"
                    title={t('form.item', { n: idx + 1 })}
                    extra={
                      <Space>
                        {idx > 0 ? (
                          <Button size="small" onClick={() => move(idx, idx - 1)}>
                            ↑
                          </Button>
                        ) : null}
                        <Button size="small" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)}>
                          {t('common.remove')}
                        </Button>
                      </Space>
                    }
                  >
                    <Form.Item name={[f.name, 'id']} hidden>
                      <InputNumber />
                    </Form.Item>
                    <Row gutter={12}>
                      {type?.requiresReview ? (
                        <Col span={24}>
                          <Form.Item name={[f.name, 'agendaId']} label={t('form.agendaItem')} rules={[{ required: true, message: '请选择审核通过的议题' }]}>
                            <Select
                              showSearch={{ optionFilterProp: 'label' }}
                              notFoundContent={t('form.noAgenda')}
                              options={agendaOptions.map((a) => ({ value: a.id, label: `${a.label} ${a.title}` }))}
                              onChange={(aid: number) => {
                                const a = agendaOptions.find((x) => x.id === aid);
                                if (!a) return;
                                form.setFieldValue(['items', f.name, 'title'], a.title);
                                form.setFieldValue(['items', f.name, 'category'], a.category);
                                form.setFieldValue(['items', f.name, 'major'], a.major);
                                form.setFieldValue(['items', f.name, 'amount'], toYuan(a.amount));
                                form.setFieldValue(['items', f.name, 'presenter'], { userId: null, name: a.presenterName });
                                form.setFieldValue(['items', f.name, 'outcome'], a.category === 'decision' ? 'passed' : 'noted');
                              }}
                            />
                          </Form.Item>
                        </Col>
                      ) : null}
                      <Col span={14}>
                        <Form.Item name={[f.name, 'title']} label={t('form.itemTitle')} rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}>
                          <Input maxLength={200} disabled={!!type?.requiresReview} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'presenter']} label={t('form.presenter')}>
                          <PersonInput aria-label={`${t('form.presenter')}${idx + 1}`} />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'category']} label={t('form.category')}>
                          <Select disabled={!!type?.requiresReview} options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col span={6}>
                        <Form.Item name={[f.name, 'major']} label={t('form.majorKind')}>
                          <Select disabled={!!type?.requiresReview || !type?.decidesMajor} options={(['', ...MAJOR_KINDS] as const).map((m) => ({ value: m, label: t(`major.${m}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col span={6}>
                        <Form.Item name={[f.name, 'amount']} label={t('form.amount')}>
                          <InputNumber min={0} precision={2} className="minutes-money" />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item label={t('form.itemAttendees')}>
                          <NamePostList name={[f.name, 'attendees']} addLabel={t('form.addAttendee')} compact />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Typography.Text strong>{t('form.remarks')}</Typography.Text>
                    <Form.List name={[f.name, 'remarks']}>
                      {(rs, ops) => (
                        <div className="minutes-remarks">
                          {rs.map((r, j) => (
                            <Row gutter={8} key={r.key} align="top">
                              <Col span={5}>
                                <Form.Item name={[r.name, 'speaker']} rules={[{ required: true, message: '请填写发言人' }]}>
                                  <PersonInput aria-label={`${t('form.speaker')}${idx + 1}-${j + 1}`} placeholder={t('form.speaker')} />
                                </Form.Item>
                              </Col>
                              <Col span={18}>
                                <Form.Item name={[r.name, 'content']} rules={[{ required: true, whitespace: true, message: '请填写发言内容' }]}>
                                  <Input.TextArea rows={2} maxLength={10_000} placeholder={t('form.content')} aria-label={`${t('form.content')}${idx + 1}-${j + 1}`} />
                                </Form.Item>
                              </Col>
                              <Col span={1}>
                                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => ops.remove(r.name)} />
                              </Col>
                            </Row>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => ops.add({ content: '' })}>
                            {t('form.addRemark')}
                          </Button>
                        </div>
                      )}
                    </Form.List>
                    <Row gutter={12} className="minutes-vote-row">
                      <Col span={3}>
                        <Form.Item name={[f.name, 'voteFor']} label={t('form.voteFor')}>
                          <InputNumber min={0} max={1000} precision={0} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <Form.Item name={[f.name, 'voteAgainst']} label={t('form.voteAgainst')}>
                          <InputNumber min={0} max={1000} precision={0} />
                        </Form.Item>
                      </Col>
                      <Col span={3}>
                        <Form.Item name={[f.name, 'voteAbstain']} label={t('form.voteAbstain')}>
                          <InputNumber min={0} max={1000} precision={0} />
                        </Form.Item>
                      </Col>
                      <Col span={7}>
                        <Form.Item name={[f.name, 'voteNote']} label={t('form.voteNote')}>
                          <Input maxLength={500} placeholder="举手表决" />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'outcome']} label={t('form.outcome')}>
                          <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={[f.name, 'decision']} label={t('form.decision')}>
                          <Input.TextArea rows={2} maxLength={5000} />
                        </Form.Item>
                      </Col>
                      <Col span={8}>
                        <Form.Item name={[f.name, 'executor']} label={t('form.executor')}>
                          <Input maxLength={200} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ category: 'decision', major: '', outcome: 'passed', remarks: [], attendees: [] })}>
                  {t('form.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" className="minutes-card" title={t('form.summary')}>
          <Form.Item name="summary">
            <Input.TextArea rows={3} maxLength={20_000} aria-label={t('form.summary')} />
          </Form.Item>
          <Typography.Text strong>{t('form.attachments')}</Typography.Text>
          <Form.List name="attachments">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写附件名称' }]}>
                      <Input placeholder={t('form.attachmentName')} aria-label={t('form.attachmentName')} className="minutes-attachment-name" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'pages']}>
                      <InputNumber min={1} placeholder={t('form.attachmentPages')} aria-label={t('form.attachmentPages')} />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <div>
                  <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                    {t('form.addAttachment')}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
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

/** A list of people by name and post (列席), in a Form.List at `name`. */
export function NamePostList({ name, addLabel, compact }: { name: string | (string | number)[]; addLabel: string; compact?: boolean }) {
  const { t } = useMT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Row gutter={8} key={f.key}>
              <Col span={compact ? 10 : 6}>
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                  <Input placeholder={t('form.attendeeName')} aria-label={t('form.attendeeName')} maxLength={40} />
                </Form.Item>
              </Col>
              <Col span={compact ? 12 : 10}>
                <Form.Item name={[f.name, 'post']}>
                  <Input placeholder={t('form.attendeePost')} aria-label={t('form.attendeePost')} maxLength={60} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.remove')} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ name: '', post: '' })}>
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
