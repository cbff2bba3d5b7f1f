// An entry's approval decisions, oldest first (its audited steps are components/AuditTrail).
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { fmtTime } from '../../components/dates';
import { ConfirmationTag } from '../../components/ConfirmationTag';

export function Approvals({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('seals');
  const q = useApiQuery('approvals.forObject', { objectType, objectId });
  if (!q.data?.length) return <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>;
  return (
    <ul className="seal-plain-list">
      {q.data.map((a) => (
        <li key={a.id}>
          <Tag className={a.decision === 'approved' ? 'tag-ok' : 'tag-bad'}>{a.decision === 'approved' ? t('approve.approved') : t('approve.rejected')}</Tag>
          {a.approverName} · {a.step} · {fmtTime(a.paperSignedAt ?? a.decidedAt)} · {a.mode === 'cosign' ? t('detail.cosignMode') : t('detail.paperMode', { no: a.paperFilingNo })}
          {a.comment ? <Typography.Text type="secondary">（{a.comment}）</Typography.Text> : null}
          {a.recordedById !== a.approverId ? <Typography.Text type="secondary"> · {t('f.recordedBy')}：{a.recordedByName}</Typography.Text> : null}
          {a.confirmation ? <ConfirmationTag a={a} /> : null}
        </li>
      ))}
    </ul>
  );
}
