// 议题台账: every agenda item with its review state and the meeting that decided it; submit, review
// (分管领导 → 办公室 → 书记), withdraw, resubmit, print the 议题审核表 and the ledger.
import { useMemo, useState } from 'react';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { Input as In } from '../../../db/contract';
import { AGENDA_REGISTER, AGENDA_STATES, MAJOR_KINDS, MINUTES_AGENDA_OBJECT, REVIEW_STEPS, type AgendaDetail, type AgendaRow } from '../../../db/contract/minutes';
import { useApiMutation, useApiQuery, type ApiError } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { Attachments } from '../../components/Attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyApiError } from '../../components/formErrors';
import { ExportButtons } from '../../components/output';
import { Page } from '../../components/Page';
import { openPrint, registerPrintRoute } from '../../print';
import { AgendaForm } from './AgendaForm';
import { ReviewDialog } from './ReviewDialog';
import { AgendaStateTag, History, money, useMT, useTypes, yearOptions } from './shared';

type Filter = In<'minutes.agendaList'>;

export function AgendaPage() {
  const { t } = useMT();
  const me = useMe();
  const types = useTypes();
  const [filter, setFilter] = useState<Filter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<number | null>(null);
  const [editing, setEditing] = useState<AgendaDetail | 'new' | null>(null);
  const list = useApiQuery('minutes.agendaList', { ...filter, page, pageSize }, { placeholderData: (p) => p });
  const canWrite = hasRole(me, ['clerk']);
  const isApprover = hasRole(me, ['approver']);

  const columns = useMemo<TableColumnsType<AgendaRow>>(
    () => [
      { title: t('agenda.label'), dataIndex: 'label', width: 178, render: (v: string, r) => <Typography.Link onClick={() => setOpen(r.id)}>{v}</Typography.Link> },
      { title: t('agenda.submittedOn'), dataIndex: 'submittedOn', width: 96 },
      { title: t('agenda.itemTitle'), dataIndex: 'title', ellipsis: true },
      { title: t('agenda.department'), dataIndex: 'department', width: 100, ellipsis: true },
      { title: t('agenda.presenter'), dataIndex: 'presenterName', width: 72 },
      { title: t('agenda.major'), dataIndex: 'major', width: 120, render: (m: AgendaRow['major'], r) => (m ? `${t(`major.${m}`)}${r.amount !== null ? ` ${money(r.amount)}` : ''}` : t('common.no')) },
      {
        title: t('agenda.state'),
        key: 'state',
        width: 150,
        render: (_, r) => (
          <>
            <AgendaStateTag state={r.state} step={r.reviewStep} />
            {r.waitingFor ? (
              <Typography.Text type="secondary" className="minutes-waiting">
                {t('agenda.waitingFor', { name: r.waitingFor })}
              </Typography.Text>
            ) : null}
          </>
        ),
      },
      { title: t('agenda.meeting'), key: 'meeting', width: 160, ellipsis: true, render: (_, r) => (r.meetingId ? <Link to={`/r/minutes/meetings/${r.meetingId}`}>{r.meetingLabel}</Link> : '') },
    ],
    [t],
  );

  const printFilter = { year: filter.year, state: filter.state, q: filter.q, from: filter.from, to: filter.to, extra: { ...(filter.typeId ? { typeId: filter.typeId } : {}), ...(filter.major !== undefined ? { major: filter.major } : {}) } };
  return (
    <Page
      title={t('agenda.ledger')}
      extra={
        <>
          {canWrite ? (
            <Button type="primary" icon={<FileAddOutlined />} onClick={() => setEditing('new')}>
              {t('agenda.submit')}
            </Button>
          ) : null}
          <Button icon={<PrinterOutlined />} onClick={() => void openPrint(registerPrintRoute(AGENDA_REGISTER, printFilter), { landscape: true })}>
            {t('agenda.printLedger')}
          </Button>
          <ExportButtons register={AGENDA_REGISTER} filter={printFilter} />
        </>
      }
    >
      <Card size="small" className="filter-card">
        <Form
          name="minutesAgendaFilter"
          layout="inline"
          className="filter-bar"
          onValuesChange={(_, v: { year?: number; state?: string; typeId?: number; range?: [Dayjs, Dayjs] | null; q?: string; major?: boolean; mine?: boolean }) => {
            setFilter({
              year: v.year,
              state: v.state,
              typeId: v.typeId,
              from: v.range?.[0]?.format('YYYY-MM-DD'),
              to: v.range?.[1]?.format('YYYY-MM-DD'),
              q: v.q?.trim() || undefined,
              major: v.major ? true : undefined,
              waitingForId: v.mine ? me.user.id : undefined,
            });
            setPage(1);
          }}
        >
          <Form.Item name="year" label={t('common.year')}>
            <Select allowClear className="filter-select-narrow" options={yearOptions()} placeholder={t('common.all')} />
          </Form.Item>
          <Form.Item name="state" label={t('agenda.state')}>
            <Select
              allowClear
              className="filter-select"
              placeholder={t('common.all')}
              options={[...REVIEW_STEPS.map((s) => ({ value: s, label: `${t('agendaState.reviewing')}·${t(`step.${s}`)}` })), ...AGENDA_STATES.map((s) => ({ value: s, label: t(`agendaState.${s}`) }))]}
            />
          </Form.Item>
          <Form.Item name="typeId" label={t('agenda.type')}>
            <Select allowClear className="filter-select" placeholder={t('common.all')} options={(types.data ?? []).filter((x) => x.kind !== 'talk').map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          <Form.Item name="range" label={t('common.range')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="q" label={t('common.keyword')}>
            <Input.Search allowClear className="filter-keyword" />
          </Form.Item>
          <Form.Item name="major" valuePropName="checked">
            <Checkbox>{t('agenda.onlyMajor')}</Checkbox>
          </Form.Item>
          {isApprover ? (
            <Form.Item name="mine" valuePropName="checked">
              <Checkbox>{t('agenda.onlyMine')}</Checkbox>
            </Form.Item>
          ) : null}
        </Form>
      </Card>
      <Table<AgendaRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.data?.rows}
        loading={list.isFetching}
        onRow={(r) => ({ onDoubleClick: () => setOpen(r.id) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        scroll={{ x: 1000 }}
      />
      {open !== null ? <AgendaDrawer id={open} onClose={() => setOpen(null)} onEdit={(a) => setEditing(a)} /> : null}
      {editing ? <AgendaForm item={editing} onClose={() => setEditing(null)} onSaved={(a) => setOpen(a.id)} /> : null}
    </Page>
  );
}

/** One agenda item: the review form's content, the reviews so far, the next step, its history. */
export function AgendaDrawer({ id, onClose, onEdit }: { id: number; onClose: () => void; onEdit: (a: AgendaDetail) => void }) {
  const { t } = useMT();
  const me = useMe();
  const q = useApiQuery('minutes.agendaGet', { id });
  const [reviewing, setReviewing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const a = q.data;
  const canWrite = hasRole(me, ['clerk']);
  const canReview = hasRole(me, ['clerk', 'approver']);
  return (
    <Drawer
      open
      size={760}
      title={a ? `${a.label} ${a.title}` : t('common.loading')}
      onClose={onClose}
      destroyOnHidden
      extra={
        a ? (
          <Space>
            {a.state === 'reviewing' && canReview ? (
              <Button type="primary" onClick={() => setReviewing(true)}>
                {t('agenda.review')}·{t(`step.${a.reviewStep!}`)}
              </Button>
            ) : null}
            {a.state === 'returned' && canWrite ? <Button onClick={() => onEdit(a)}>{t('agenda.resubmit')}</Button> : null}
            {['reviewing', 'returned', 'approved'].includes(a.state) && canWrite ? <Button onClick={() => setWithdrawing(true)}>{t('agenda.withdraw')}</Button> : null}
            <Button icon={<PrinterOutlined />} onClick={() => void openPrint(`/print/minutes/agenda/${a.id}`)}>
              {t('agenda.printForm')}
            </Button>
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={q.error} />
      {a ? (
        <Tabs
          items={[
            {
              key: 'form',
              label: t('print.agendaForm'),
              children: (
                <>
                  <Descriptions column={2} size="small" bordered className="minutes-desc">
                    <Descriptions.Item label={t('agenda.state')} span={2}>
                      <AgendaStateTag state={a.state} step={a.reviewStep} /> {a.waitingFor ? t('agenda.waitingFor', { name: a.waitingFor }) : ''}
                      {a.withdrawReason ? `（${a.withdrawReason}）` : ''}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.type')}>{a.typeName}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.submittedOn')}>{a.submittedOn}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.department')}>{a.department}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.presenter')}>{a.presenterName}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.suggestedAttendees')} span={2}>
                      {a.suggestedAttendees}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.category')}>{t(`category.${a.category}`)}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.major')}>
                      {t(`major.${a.major}`)} {money(a.amount)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.decisionSought')} span={2}>
                      <span className="minutes-pre">{a.decisionSought}</span>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.researchNote')}>{a.researchDone ? a.researchNote || t('common.yes') : t('common.no')}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.consultationNote')}>{a.consultationDone ? a.consultationNote || t('common.yes') : t('common.no')}</Descriptions.Item>
                    <Descriptions.Item label={t('agenda.legalityNote')} span={2}>
                      {a.legalityDone ? a.legalityNote : a.legalityRequired ? t('agendaState.reviewing') : t('common.none')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.attachments')} span={2}>
                      {a.attachments.map((x) => `${x.name}${x.pages ? `（${x.pages}页）` : ''}`).join('；') || t('common.none')}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('agenda.meeting')} span={2}>
                      {a.meetingId ? <Link to={`/r/minutes/meetings/${a.meetingId}`}>{a.meetingLabel}</Link> : t('common.none')}
                      {a.outcome ? ` · ${t(`outcome.${a.outcome}`)}` : ''}
                    </Descriptions.Item>
                    {a.decision ? (
                      <Descriptions.Item label={t('agenda.decision')} span={2}>
                        <span className="minutes-pre">{a.decision}</span>
                      </Descriptions.Item>
                    ) : null}
                  </Descriptions>
                  <Attachments
                    register="minutes"
                    reads={['minutes.agendaGet', 'audit.forObject']}
                    objectType={MINUTES_AGENDA_OBJECT}
                    objectId={a.id}
                    attachments={a.files}
                    kinds={['basis', 'other']}
                    canUpload={canWrite && (a.state === 'reviewing' || a.state === 'returned')}
                    title={t('agenda.files')}
                    hint={t('agenda.filesHint')}
                  />
                  <Typography.Title level={5} className="minutes-subtitle">
                    {t('agenda.reviews')}
                  </Typography.Title>
                  <Table
                    size="small"
                    rowKey={(r) => `${r.round}-${r.step}`}
                    pagination={false}
                    dataSource={a.reviews}
                    columns={[
                      { title: t('agenda.roundCol'), dataIndex: 'round', width: 56, align: 'center' },
                      { title: t('agenda.stepCol'), dataIndex: 'step', width: 110, render: (s: string) => t(`step.${s}`) },
                      { title: t('approval.signer'), dataIndex: 'approverName', width: 80 },
                      { title: t('approval.decision'), dataIndex: 'decision', width: 96, render: (d: string) => (d === 'approved' ? t('approval.approve') : t('approval.reject')) },
                      { title: t('approval.comment'), dataIndex: 'comment', ellipsis: true },
                      { title: t('approval.signedAt'), key: 'at', width: 140, render: (_, r) => (r.signedAt ?? r.decidedAt).slice(0, 16).replace('T', ' ') },
                      { title: t('approval.mode'), dataIndex: 'mode', width: 90, render: (m: string, r) => (m === 'paper' ? `${t('approval.paper')} ${r.paperFilingNo ?? ''}` : t('approval.cosign').slice(0, 4)) },
                    ]}
                  />
                </>
              ),
            },
            { key: 'history', label: t('history.title'), children: <History objectType="minutes.agenda" objectId={a.id} /> },
          ]}
        />
      ) : null}
      {reviewing && a ? <ReviewDialog item={a} onClose={() => setReviewing(false)} /> : null}
      {withdrawing && a ? <WithdrawDialog item={a} onClose={() => setWithdrawing(false)} /> : null}
    </Drawer>
  );
}

function WithdrawDialog({ item, onClose }: { item: AgendaDetail; onClose: () => void }) {
  const { t } = useMT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const m = useApiMutation('minutes.agendaWithdraw', ['minutes.agendaGet', 'minutes.agendaList', 'minutes.dashboard', 'audit.forObject']);
  return (
    <Modal
      open
      title={t('agenda.withdrawTitle', { label: item.label })}
      okText={t('agenda.withdraw')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={m.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form
        name="minutesWithdraw"
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await m.mutateAsync({ id: item.id, reason: v.reason ?? '' });
            message.success(t('agenda.withdrawn'));
            onClose();
          } catch (e) {
            setError(applyApiError(form, e));
          }
        }}
      >
        <Form.Item name="reason" label={t('agenda.withdrawReason')} rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
          <Input.TextArea rows={3} maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export const majorOptions = (t: (k: string) => string) => (['', ...MAJOR_KINDS] as const).map((m) => ({ value: m, label: t(`major.${m}`) }));
