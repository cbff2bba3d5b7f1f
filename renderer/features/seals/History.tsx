// An entry's whole history: its approval decisions and every audited step, oldest first.
import { Empty, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api';
import { actionLabel } from '../audit/labels';

const fmt = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function Approvals({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('seals');
  const q = useApiQuery('approvals.forObject', { objectType, objectId });
  if (!q.data?.length) return <Typography.Text type="secondary">{t('detail.noHistory')}</Typography.Text>;
  return (
    <ul className="seal-plain-list">
      {q.data.map((a) => (
        <li key={a.id}>
          <Tag className={a.decision === 'approved' ? 'tag-ok' : 'tag-bad'}>{a.decision === 'approved' ? t('approve.approved') : t('approve.rejected')}</Tag>
          {a.approverName} · {a.step} · {fmt(a.decidedAt)} · {a.mode === 'cosign' ? t('detail.cosignMode') : t('detail.paperMode', { no: a.paperFilingNo })}
          {a.comment ? <Typography.Text type="secondary">（{a.comment}）</Typography.Text> : null}
          {a.recordedById !== a.approverId ? <Typography.Text type="secondary"> · {t('f.recordedBy')}：{a.recordedByName}</Typography.Text> : null}
        </li>
      ))}
    </ul>
  );
}

export function AuditTrail({ objectType, objectId }: { objectType: string; objectId: number }) {
  const { t } = useTranslation('seals');
  const { t: tt, i18n } = useTranslation();
  const q = useApiQuery('audit.forObject', { objectType, objectId: String(objectId) });
  const rows = q.data ?? [];
  if (!rows.length) return q.isFetching ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noHistory')} />;
  return (
    <Timeline
      className="seal-timeline"
      items={rows.map((e) => ({
        color: e.result === 'success' ? 'blue' : 'red',
        content: (
          <div>
            <div>
              <Typography.Text strong>{actionLabel(tt, e.action, i18n.language)}</Typography.Text>
              <Typography.Text type="secondary">
                {' '}
                {fmt(e.at)} · {e.userName || e.userLogin}
              </Typography.Text>
            </div>
            <div className={e.result === 'success' ? undefined : 'seal-text-bad'}>{e.message}</div>
          </div>
        ),
      }))}
    />
  );
}
