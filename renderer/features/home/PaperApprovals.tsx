// Paper approvals that wait for their signer (issue 25): the signer's own list with 确认 / 提出异议,
// and, for those who keep watch (经办人, 审计员, 管理员), the ones left unconfirmed past the set days.
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { methods } from '../../../db/contract';
import type { PaperApproval } from '../../../db/contract/approvals';
import { useApiMutation, useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { FormDialog } from '../../components/FormDialog';
import { fieldRule } from '../../components/zodRule';
import { shanghaiDateTime } from '../../../db/contract/paper';

const READS = ['approvals.awaitingMe', 'approvals.unconfirmed', 'approvals.forObject', 'output.rows'] as const;

function useColumns() {
  const { t } = useTranslation();
  return [
    { title: t('paper.subject'), dataIndex: 'subject', render: (v: string, r: PaperApproval) => v || r.step },
    { title: t('paper.step'), dataIndex: 'step', width: 110 },
    { title: t('paper.decision'), dataIndex: 'decision', width: 70, render: (v: PaperApproval['decision']) => <Tag className={v === 'approved' ? 'tag-ok' : 'tag-bad'}>{t(`paper.${v}`)}</Tag> },
    { title: t('paper.signedAt'), dataIndex: 'paperSignedAt', width: 140, render: (v: string | null) => (v ? shanghaiDateTime(v) : '') },
    { title: t('paper.filingNo'), dataIndex: 'paperFilingNo', width: 130 },
    {
      title: t('paper.recordedBy'),
      dataIndex: 'recordedByName',
      width: 150,
      render: (v: string, r: PaperApproval) => (
        <>
          {v} <Typography.Text type="secondary">{shanghaiDateTime(r.decidedAt)}</Typography.Text>
          {r.overdue ? <Tag className="tag-bad paper-overdue">{t('paper.overdue')}</Tag> : null}
        </>
      ),
    },
  ];
}

function DisputeDialog({ a, onClose }: { a: PaperApproval; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useApiMutation('approvals.confirm', [...READS]);
  return (
    <FormDialog<{ note: string }>
      title={t('paper.disputeTitle')}
      okText={t('paper.dispute')}
      danger
      onClose={onClose}
      onSubmit={async (v) => {
        await m.mutateAsync({ id: a.id, outcome: 'disputed', note: v.note ?? '' });
        message.success(t('paper.disputed'));
      }}
    >
      <Alert className="form-alert" type="warning" showIcon title={t('paper.disputeHint', { subject: a.subject || a.step, who: a.recordedByName })} />
      <Form.Item name="note" label={t('paper.note')} rules={fieldRule(methods['approvals.confirm'].input, 'note')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormDialog>
  );
}

/** The signer's own paper approvals, recorded by someone else, awaiting their word. Nothing when there are none. */
export function AwaitingMyConfirmation() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApiQuery('approvals.awaitingMe', {});
  const confirm = useApiMutation('approvals.confirm', [...READS]);
  const [disputing, setDisputing] = useState<PaperApproval | null>(null);
  const columns = useColumns();
  if (!q.data?.total) return null;
  return (
    <Card title={t('paper.mine', { n: q.data.total })} className="home-card paper-card" data-testid="paper-awaiting">
      <Typography.Paragraph type="secondary">{t('paper.mineHint')}</Typography.Paragraph>
      <Table<PaperApproval>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data.rows}
        columns={[
          ...columns,
          {
            title: t('paper.action'),
            key: 'action',
            width: 170,
            render: (_: unknown, r: PaperApproval) => (
              <Space size={4}>
                <Button
                  type="primary"
                  size="small"
                  loading={confirm.isPending && confirm.variables?.id === r.id}
                  onClick={async () => {
                    await confirm.mutateAsync({ id: r.id, outcome: 'confirmed', note: '' });
                    message.success(t('paper.confirmed'));
                  }}
                >
                  {t('paper.confirm')}
                </Button>
                <Button size="small" danger onClick={() => setDisputing(r)}>
                  {t('paper.dispute')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {disputing ? <DisputeDialog a={disputing} onClose={() => setDisputing(null)} /> : null}
    </Card>
  );
}

/** For those who keep watch: paper approvals their signers have left unconfirmed past the set days. */
export function UnconfirmedPaperApprovals() {
  const { t } = useTranslation();
  const me = useMe();
  const watch = hasRole(me, ['clerk', 'auditor', 'admin']);
  const q = useApiQuery('approvals.unconfirmed', { overdueOnly: true, page: 1, pageSize: 10 }, { enabled: watch });
  const columns = useColumns();
  if (!watch || !q.data?.total) return null;
  return (
    <Card title={t('paper.overdueTitle', { n: q.data.total, days: q.data.days })} className="home-card paper-card paper-card-overdue" data-testid="paper-overdue">
      <Table<PaperApproval>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={q.data.rows}
        columns={[...columns.slice(0, 5), { title: t('paper.signer'), dataIndex: 'approverName', width: 90 }, columns[5]]}
      />
    </Card>
  );
}

/**
 * Once per sign-in, wherever the signer lands: a notice that paper approvals await their word, with
 * the way to the list on the home page.
 */
export function useAwaitingNotice() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const q = useApiQuery('approvals.awaitingMe', {});
  const shown = useRef(false);
  const n = q.data?.total ?? 0;
  useEffect(() => {
    if (!n || shown.current) return;
    shown.current = true;
    notification.warning({
      key: 'paper-awaiting',
      message: t('paper.notice', { n }),
      description: t('paper.noticeHint'),
      duration: 0,
      btn: (
        <Button
          type="primary"
          size="small"
          onClick={() => {
            notification.destroy('paper-awaiting');
            void navigate('/');
          }}
        >
          {t('paper.noticeGo')}
        </Button>
      ),
    });
  }, [n, notification, navigate, t]);
}
