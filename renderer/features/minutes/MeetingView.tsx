// One meeting (or talk) record as the office reads it, with what can be done next: edit the draft,
// finalise it (checks shown, failures acknowledged), void a draft, append an amendment, print.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Divider, Form, Input, List, Modal, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, PrinterOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { MINUTES_MEETING_OBJECT, type Check, type MeetingDetail } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { Page } from '../../components/Page';
import { openPrint } from '../../print';
import { BackEntryTag } from '../../components/BackEntryTag';
import { History, MeetingStateTag, PersonInput, money, useMT, type PersonValue } from './shared';

const INVALIDATES = ['minutes.get', 'minutes.list', 'minutes.dashboard', 'minutes.agendaList', 'minutes.agendaGet', 'minutes.book', 'audit.forObject'] as const;

export function MeetingViewPage() {
  const { id } = useParams();
  const q = useApiQuery('minutes.get', { id: Number(id) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Spin />;
  return <MeetingView m={q.data} />;
}

function CheckList({ checks }: { checks: Check[] }) {
  return (
    <List
      size="small"
      className="minutes-checks"
      dataSource={checks}
      renderItem={(c) => (
        <List.Item>
          <Space align="start">
            {c.ok ? <CheckCircleOutlined className="minutes-ok" aria-label="通过" /> : <WarningOutlined className="minutes-bad" aria-label="未通过" />}
            <span>{c.message}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

function MeetingView({ m }: { m: MeetingDetail }) {
  const { t } = useMT();
  const me = useMe();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'finalise' | 'void' | 'amend' | null>(null);
  const canWrite = hasRole(me, ['clerk']);
  const talk = m.kind === 'talk';
  const failing = m.checks.filter((c) => !c.ok && c.severity === 'warning');
  const absent = m.members.filter((x) => !x.present);

  return (
    <Page
      title={
        <Space wrap>
          {`${m.typeName} ${m.label}`}
          <MeetingStateTag state={m.state} flagged={m.flagged} />
          <BackEntryTag date={m.date} createdAt={m.createdAt} />
        </Space>
      }
      extra={
        <>
          {m.state === 'draft' && canWrite ? (
            <>
              <Button icon={<EditOutlined />} onClick={() => navigate(`/r/minutes/${talk ? 'talks' : 'meetings'}/${m.id}/edit`)}>
                {t('common.edit')}
              </Button>
              <Button type="primary" onClick={() => setDialog('finalise')}>
                {t('detail.finalise')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => setDialog('void')}>
                {t('detail.void')}
              </Button>
            </>
          ) : null}
          {m.state === 'finalised' && canWrite ? <Button onClick={() => setDialog('amend')}>{t('detail.amend')}</Button> : null}
          <Button icon={<PrinterOutlined />} onClick={() => void openPrint(`/print/minutes/record/${m.id}`, { suggestedName: `${m.typeName}${m.label}.pdf` })}>
            {t('common.printForm')}
          </Button>
        </>
      }
    >
      {m.state === 'voided' ? <Alert type="error" showIcon className="minutes-inline-alert" title={t('detail.voided', { reason: m.voidReason })} /> : null}
      {m.state === 'finalised' ? (
        <Typography.Paragraph type="secondary">{t('detail.finalisedAt', { at: (m.finalisedAt ?? '').slice(0, 16).replace('T', ' '), by: m.finalisedByName ?? '' })}</Typography.Paragraph>
      ) : null}
      <Tabs
        items={[
          {
            key: 'record',
            label: t('print.record'),
            children: (
              <>
                {m.checks.length ? (
                  <Card size="small" className="minutes-card" title={t('detail.checks')}>
                    <CheckList checks={m.checks} />
                    {m.flagged ? <Alert type="warning" showIcon title={t('detail.ackReason', { reason: m.ackReason })} /> : null}
                    {m.state === 'draft' && failing.length ? <Alert type="warning" showIcon title={t('finalise.failing')} /> : null}
                  </Card>
                ) : null}
                <Card size="small" className="minutes-card">
                  <Descriptions column={2} size="small" bordered className="minutes-desc">
                    <Descriptions.Item label={t('detail.book')}>{`${m.typeName}记录本（${m.year}年）第${m.number}次`}</Descriptions.Item>
                    <Descriptions.Item label={t('detail.time')}>{`${m.date} ${m.startTime}—${m.endTime}`}</Descriptions.Item>
                    <Descriptions.Item label={t('form.place')}>{m.place}</Descriptions.Item>
                    <Descriptions.Item label={talk ? t('detail.speaker') : t('form.host')}>{m.host.name}</Descriptions.Item>
                    <Descriptions.Item label={t('form.recorder')}>{m.recorder.name}</Descriptions.Item>
                    {talk ? (
                      <>
                        <Descriptions.Item label={t('talk.kind')}>{m.talkKind ? t(`talkKind.${m.talkKind}`) : ''}</Descriptions.Item>
                        <Descriptions.Item label={t('detail.persons')} span={2}>
                          {m.persons.map((p) => `${p.name}${p.post ? `（${p.post}）` : ''}`).join('、')}
                        </Descriptions.Item>
                      </>
                    ) : (
                      <>
                        <Descriptions.Item label={t('form.members')}>{t('detail.members', { expected: m.quorum.expected, present: m.quorum.present })}</Descriptions.Item>
                        {m.topic ? (
                          <Descriptions.Item label={m.kind === 'study' ? t('form.studyTopic') : t('detail.topic')} span={m.form ? 1 : 2}>
                            {m.topic}
                          </Descriptions.Item>
                        ) : null}
                        {m.form ? <Descriptions.Item label={t('detail.form')}>{m.form}</Descriptions.Item> : null}
                        <Descriptions.Item label={t('form.present')} span={2}>
                          {m.members.filter((x) => x.present).map((x) => x.name).join('、') || t('common.none')}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('detail.absent')} span={2}>
                          {absent.map((x) => `${x.name}（${x.absentReason}）`).join('、') || t('common.none')}
                        </Descriptions.Item>
                        <Descriptions.Item label={t('detail.attendees')} span={2}>
                          {m.attendees.map((x) => `${x.name}${x.post ? `（${x.post}）` : ''}`).join('、') || t('common.none')}
                        </Descriptions.Item>
                        {m.decidesMajor ? (
                          <Descriptions.Item label={t('detail.discipline')} span={2}>
                            {m.discipline.attended
                              ? t('detail.disciplineAttended', { name: m.discipline.name || '派驻纪检监察组组长' })
                              : m.discipline.invited
                                ? t('detail.disciplineAbsent', { name: m.discipline.name || '派驻纪检监察组组长', reason: m.discipline.reason || '未填写原因' })
                                : t('detail.disciplineNotInvited', { reason: m.discipline.reason || '未填写原因' })}
                          </Descriptions.Item>
                        ) : null}
                      </>
                    )}
                  </Descriptions>
                </Card>
                {talk ? (
                  <Card size="small" className="minutes-card" title={t('detail.content')}>
                    <Typography.Paragraph className="minutes-pre">{m.summary}</Typography.Paragraph>
                    <Divider titlePlacement="start">{t('detail.response')}</Divider>
                    <Typography.Paragraph className="minutes-pre">{m.response}</Typography.Paragraph>
                  </Card>
                ) : (
                  <>
                    {m.items.map((it) => (
                      <Card
                        key={it.id}
                        size="small"
                        className="minutes-card"
                        title={
                          <Space wrap>
                            {`${t('form.item', { n: it.seq })}：${it.title}`}
                            {it.major ? <Tag className="tag-warn">{`${t(`major.${it.major}`)}${it.amount !== null ? ` ${money(it.amount)}` : ''}`}</Tag> : null}
                            {it.agendaLabel ? <Typography.Text type="secondary">{it.agendaLabel}</Typography.Text> : null}
                          </Space>
                        }
                        extra={<Typography.Text type="secondary">{t('detail.decisionId', { id: it.id })}</Typography.Text>}
                      >
                        <Descriptions column={2} size="small" className="minutes-desc">
                          <Descriptions.Item label={t('form.presenter')}>{it.presenter?.name ?? ''}</Descriptions.Item>
                          <Descriptions.Item label={t('form.itemAttendees')}>{it.attendees.map((a) => `${a.name}${a.post ? `（${a.post}）` : ''}`).join('、') || t('common.none')}</Descriptions.Item>
                        </Descriptions>
                        {it.remarks.length ? (
                          <div className="minutes-remarks-view">
                            {it.remarks.map((r, i) => (
                              <p key={i} className="minutes-pre">
                                <strong>{r.speaker.name}：</strong>
                                {r.content}
                              </p>
                            ))}
                          </div>
                        ) : null}
                        <Descriptions column={1} size="small" className="minutes-desc">
                          {it.voteFor !== null ? <Descriptions.Item label={t('form.votes')}>{t('detail.vote', { for: it.voteFor, against: it.voteAgainst ?? 0, abstain: it.voteAbstain ?? 0 })}{it.voteNote ? `（${it.voteNote}）` : ''}</Descriptions.Item> : null}
                          <Descriptions.Item label={t('form.outcome')}>{t(`outcome.${it.outcome}`)}</Descriptions.Item>
                          {it.decision ? (
                            <Descriptions.Item label={t('detail.decision')}>
                              <span className="minutes-pre">{it.decision}</span>
                            </Descriptions.Item>
                          ) : null}
                          {it.executor ? <Descriptions.Item label={t('detail.executor')}>{it.executor}</Descriptions.Item> : null}
                        </Descriptions>
                      </Card>
                    ))}
                    {m.summary ? (
                      <Card size="small" className="minutes-card" title={t('detail.summary')}>
                        <Typography.Paragraph className="minutes-pre">{m.summary}</Typography.Paragraph>
                      </Card>
                    ) : null}
                  </>
                )}
                {m.attachments.length ? (
                  <Card size="small" className="minutes-card" title={t('detail.attachments')}>
                    {m.attachments.map((a) => `${a.name}${a.pages ? `（${a.pages}页）` : ''}`).join('；')}
                  </Card>
                ) : null}
                <Attachments
                  register="minutes"
                  reads={['minutes.get', 'audit.forObject']}
                  objectType={MINUTES_MEETING_OBJECT}
                  objectId={m.id}
                  attachments={m.files}
                  kinds={['other', 'basis']}
                  canUpload={canWrite && m.state !== 'voided'}
                  canWithdraw={canWrite && m.state === 'draft'}
                  title={t('detail.files')}
                  hint={t('detail.filesHint')}
                />
                {m.amendments.length ? (
                  <Card size="small" className="minutes-card" title={t('detail.amendments')}>
                    {m.amendments.map((a) => (
                      <div key={a.id} className="minutes-amendment">
                        <Typography.Text type="secondary">
                          {t('detail.amendment', { seq: a.seq, at: a.amendedAt.slice(0, 16).replace('T', ' '), signer: a.signer.name, by: a.recordedByName })}
                          {a.itemSeq ? ` · ${t('detail.amendmentItem', { n: a.itemSeq })}` : ''}
                        </Typography.Text>
                        <p className="minutes-pre">{a.content}</p>
                        <Typography.Text type="secondary">
                          {t('detail.reason')}：{a.reason}
                        </Typography.Text>
                      </div>
                    ))}
                  </Card>
                ) : null}
              </>
            ),
          },
          { key: 'history', label: t('history.title'), children: <History objectType="minutes.meeting" objectId={m.id} /> },
        ]}
      />
      {dialog === 'finalise' ? <FinaliseDialog m={m} onClose={() => setDialog(null)} /> : null}
      {dialog === 'void' ? <VoidDialog m={m} onClose={() => setDialog(null)} /> : null}
      {dialog === 'amend' ? <AmendDialog m={m} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}

function FinaliseDialog({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ acknowledgement?: string; discipline?: unknown }>();
  const [error, setError] = useState<ApiError | null>(null);
  const fin = useApiMutation('minutes.finalise', [...INVALIDATES]);
  const failing = m.checks.filter((c) => !c.ok && c.severity === 'warning');
  return (
    <Modal
      open
      title={t('finalise.title', { label: `${m.typeName} ${m.label}` })}
      okText={t('finalise.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={fin.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph>{t('finalise.intro')}</Typography.Paragraph>
      {m.checks.length ? <CheckList checks={m.checks} /> : null}
      {failing.length ? <Alert type="warning" showIcon className="minutes-inline-alert" title={t('finalise.failing')} /> : m.checks.length ? <Alert type="success" showIcon className="minutes-inline-alert" title={t('finalise.allOk')} /> : null}
      <ErrorAlert error={error} />
      <Form
        name="minutesFinalise"
        form={form}
        layout="vertical"
        aria-label={t('detail.finalise')}
        onFinish={async (v) => {
          setError(null);
          try {
            await fin.mutateAsync({ id: m.id, acknowledgement: v.acknowledgement ?? '' });
            message.success(t('finalise.done'));
            onClose();
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        {failing.length ? (
          <Form.Item name="acknowledgement" label={t('finalise.acknowledgement')} rules={[{ required: true, whitespace: true, message: '请填写确认说明' }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

function VoidDialog({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const v = useApiMutation('minutes.void', [...INVALIDATES]);
  return (
    <Modal
      open
      title={t('void.title', { label: `${m.typeName} ${m.label}` })}
      okText={t('void.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={v.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        name="minutesVoid"
        form={form}
        layout="vertical"
        onFinish={async (x) => {
          try {
            await v.mutateAsync({ id: m.id, reason: x.reason ?? '' });
            message.success(t('void.done'));
            onClose();
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        <Form.Item name="reason" label={t('void.reason')} rules={[{ required: true, whitespace: true, message: '请填写作废原因' }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AmendDialog({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemId?: number | null; content: string; reason: string; signer: PersonValue | null }>();
  const [error, setError] = useState<ApiError | null>(null);
  const a = useApiMutation('minutes.amend', [...INVALIDATES]);
  return (
    <Modal
      open
      title={t('amend.title', { label: `${m.typeName} ${m.label}` })}
      okText={t('amend.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={a.isPending}
      mask={{ closable: false }}
      destroyOnHidden
      width={620}
    >
      <ErrorAlert error={error} />
      <Form
        name="minutesAmend"
        form={form}
        layout="vertical"
        aria-label={t('detail.amend')}
        initialValues={{ itemId: null, signer: m.host }}
        onFinish={async (v) => {
          try {
            await a.mutateAsync({ id: m.id, itemId: v.itemId ?? null, content: v.content ?? '', reason: v.reason ?? '', signer: { userId: v.signer?.userId ?? null, name: v.signer?.name ?? '' } });
            message.success(t('amend.done'));
            onClose();
          } catch (e) {
            setError(applyApiError(form, e, { fieldMap: { 'signer.name': 'signer', 'signer.userId': 'signer' } }));
          }
        }}
      >
        {m.items.length ? (
          <Form.Item name="itemId" label={t('amend.item')}>
            <Select options={[{ value: null as unknown as number, label: t('amend.whole') }, ...m.items.map((i) => ({ value: i.id, label: `${t('form.item', { n: i.seq })} ${i.title}` }))]} />
          </Form.Item>
        ) : null}
        <Form.Item name="content" label={t('amend.content')} rules={[{ required: true, whitespace: true, message: '请填写更正内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="reason" label={t('amend.reason')} rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="signer" label={t('amend.signer')} rules={[{ required: true, message: '请填写签名人' }]}>
          <PersonInput aria-label={t('amend.signer')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
