// One usage entry in full: what was requested, who approved, stamping, take-out and return, and its
// whole history; the next step's button for whoever may take it.
import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { UseDetail } from '../../../db/contract/seals';
import { useApiQuery } from '../../api';
import { hasRole, useMe } from '../../app/session';
import { AuditTrail } from '../../components/AuditTrail';
import { ErrorAlert } from '../../components/ErrorAlert';
import { openPrint } from '../../print';
import { shanghaiDateTime } from '../../../db/contract/paper';
import { Approvals } from './History';
import { UseTags } from './tags';
import { AmendDialog, ApproveDialog, CheckOutDialog, ReturnDialog, StampDialog, VoidDialog } from './UseDialogs';

const fmt = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');

type Step = 'approve' | 'stamp' | 'checkOut' | 'ret' | 'void' | 'amend';

export function UseDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation('seals');
  const q = useApiQuery('seals.get', { id });
  const d = q.data;
  return (
    <Drawer open size={720} onClose={onClose} destroyOnHidden title={d ? t('detail.title', { number: d.number }) : ' '} extra={d ? <UseTags r={d} /> : null}>
      <ErrorAlert error={q.error} />
      {d ? <UseDetailBody d={d} /> : <Skeleton active />}
    </Drawer>
  );
}

function UseDetailBody({ d }: { d: UseDetail }) {
  const { t } = useTranslation('seals');
  const me = useMe();
  const [step, setStep] = useState<Step | null>(null);
  const clerk = hasRole(me, ['clerk']);
  const canApprove = hasRole(me, ['clerk', 'approver']) && !d.approvalDecision && d.state !== 'void' && (d.state === 'pending' || d.emergency);
  const actions: { key: Step; label: string; show: boolean; danger?: boolean; primary?: boolean }[] = [
    { key: 'approve', label: d.emergency ? t('approve.emergencyTitle') : t('detail.approve'), show: canApprove, primary: true },
    { key: 'stamp', label: t('detail.stamp'), show: clerk && d.state === 'approved', primary: true },
    { key: 'checkOut', label: t('detail.checkOut'), show: clerk && d.state === 'stamped' && d.takeOut, primary: true },
    { key: 'ret', label: t('detail.ret'), show: clerk && d.state === 'out', primary: true },
    { key: 'amend', label: t('detail.amend'), show: clerk && d.state !== 'void' && d.state !== 'rejected' && d.state !== 'approved' },
    { key: 'void', label: t('detail.void'), show: clerk && (d.state === 'pending' || d.state === 'approved'), danger: true },
  ];
  // The paper log gives a day, not a time: an imported entry shows the day its paper records.
  const paperTime = (iso: string | null) => (iso && d.imported ? shanghaiDateTime(iso).slice(0, 10) : fmt(iso));
  const approval =
    d.approvalMode === 'imported' ? t('detail.importedMode') : d.approvalMode === 'cosign' ? t('detail.cosignMode') : d.approvalMode === 'paper' ? t('approve.paper') : '';
  return (
    <>
      <Flex gap={8} wrap className="seal-actions">
        {actions
          .filter((a) => a.show)
          .map((a) => (
            <Button key={a.key} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setStep(a.key)}>
              {a.label}
            </Button>
          ))}
        <Button onClick={() => void openPrint(`/print/seals/use/${d.id}`, { suggestedName: `${t('print.formTitle')}-${d.number}` })}>{t('detail.printForm')}</Button>
      </Flex>
      {d.emergency ? (
        <Alert
          className="form-alert seal-emergency-alert"
          type={d.emergencyPending ? 'error' : 'warning'}
          showIcon
          title={t('detail.emergencyBox', { reason: d.emergencyReason, who: d.phoneApproverName })}
          description={d.emergencyPending ? t('detail.emergencyPending') : undefined}
        />
      ) : null}
      {d.paperGap ? <Alert className="form-alert" type="error" showIcon title={t('detail.paperGap')} /> : null}
      {d.state === 'void' ? <Alert className="form-alert" type="warning" showIcon title={`${t('state.void')}：${d.voidReason}（${d.voidedByName} ${fmt(d.voidedAt)}）`} /> : null}
      <Descriptions size="small" column={2} bordered className="seal-detail">
        <Descriptions.Item label={t('f.number')}>{d.number}</Descriptions.Item>
        <Descriptions.Item label={t('f.date')}>{d.date}</Descriptions.Item>
        <Descriptions.Item label={t('f.seal')}>{d.sealName}</Descriptions.Item>
        <Descriptions.Item label={t('f.state')}>{t(`state.${d.state}`)}</Descriptions.Item>
        <Descriptions.Item label={t('f.reason')} span={2}>
          {d.reason}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.document')} span={2}>
          {d.documentTitle}
          {d.documentNo ? `（${d.documentNo}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.copies')}>{d.stampedCount !== null && d.stampedCount !== d.copies ? t('detail.copiesUsed', { copies: d.copies, used: d.stampedCount }) : d.copies}</Descriptions.Item>
        <Descriptions.Item label={t('f.applicant')}>
          {d.applicantName}
          {d.department ? ` · ${d.department}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.approverRule')}>{d.approverRuleText}</Descriptions.Item>
        <Descriptions.Item label={t('f.approver')}>
          {d.paperGap ? (
            <Typography.Text type="danger">{t('tag.paperGap')}</Typography.Text>
          ) : d.approverName ? (
            <>
              {d.approverName}
              <Typography.Text type="secondary">
                {' '}
                {d.approvalDecision === 'rejected' ? t('approve.rejected') : ''} {approval} {paperTime(d.approvedAt)}
              </Typography.Text>
            </>
          ) : d.approverProblem ? (
            <Typography.Text type="danger">{d.approverProblem}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('approve.expected', { who: d.expectedApprovers.map((p) => p.name).join('、') })}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('f.supervisor')}>{d.supervisorName ?? <Typography.Text type="secondary">{d.custodianName ?? t('cat.noCustodian')}</Typography.Text>}</Descriptions.Item>
        <Descriptions.Item label={t('f.stampedAt')}>{paperTime(d.stampedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('f.takeOut')} span={2}>
          {d.takeOut ? (
            <Space direction="vertical" size={0}>
              <span>
                {t('f.plannedWindow')}：{t('detail.planned', { from: d.plannedOut, to: d.plannedReturn })}
              </span>
              {d.outAt ? (
                <span>
                  {t('f.outAt')}：{paperTime(d.outAt)}
                </span>
              ) : null}
              {d.returnedAt ? (
                <span>
                  {t('f.returnedAt')}：{paperTime(d.returnedAt)}（{d.returnConfirmedName}）{d.returnNote ? ` ${d.returnNote}` : ''}
                </span>
              ) : null}
            </Space>
          ) : (
            t('common.no')
          )}
        </Descriptions.Item>
        {d.remarks ? (
          <Descriptions.Item label={t('f.remarks')} span={2}>
            {d.remarks}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('f.recordedBy')}>{d.recordedByName}</Descriptions.Item>
        <Descriptions.Item label={t('f.createdAt')}>{fmt(d.createdAt)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        className="seal-history"
        items={[
          { key: 'audit', label: t('detail.audit'), children: <AuditTrail objectType="seal_use" objectId={d.id} className="seal-timeline" /> },
          { key: 'approvals', label: t('detail.approvals'), children: <Approvals objectType="seal_use" objectId={d.id} /> },
          {
            key: 'amendments',
            label: `${t('detail.amendments')}${d.amendments.length ? `（${d.amendments.length}）` : ''}`,
            children: d.amendments.length ? (
              <ul className="seal-plain-list">
                {d.amendments.map((a) => (
                  <li key={a.id}>
                    {fmt(a.at)} {a.byName}：{a.reason}
                    <ul>
                      {Object.keys(a.after).map((k) => (
                        <li key={k}>{t('detail.amendItem', { field: k, before: a.before[k], after: a.after[k] })}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>
            ),
          },
        ]}
      />
      {step === 'approve' ? <ApproveDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'stamp' ? <StampDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'checkOut' ? <CheckOutDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'ret' ? <ReturnDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'void' ? <VoidDialog d={d} onClose={() => setStep(null)} /> : null}
      {step === 'amend' ? <AmendDialog d={d} onClose={() => setStep(null)} /> : null}
    </>
  );
}
