// An entry's whole history as the audit log recorded it (who, when, what, refused or not).
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api';
import { actionLabel } from '../features/audit/labels';
import { fmtTime } from './dates';

/** `className` adds a register's own class (a hook for its tests). */
export function AuditTrail({ objectType, objectId, className }: { objectType: string; objectId: number; className?: string }) {
  const { t, i18n } = useTranslation();
  const q = useApiQuery('audit.forObject', { objectType, objectId: String(objectId) });
  const rows = q.data ?? [];
  if (!rows.length) return q.isFetching ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.none')} />;
  return (
    <Timeline
      className={className ? `audit-trail ${className}` : 'audit-trail'}
      items={rows.map((e) => ({
        color: e.result === 'success' ? 'blue' : 'red',
        content: (
          <div>
            <Typography.Text strong>{actionLabel(t, e.action, i18n.language)}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              {fmtTime(e.at)} · {e.userName || e.userLogin}
            </Typography.Text>
            <div className={e.result === 'success' ? undefined : 'audit-trail-refused'}>{e.message}</div>
          </div>
        ),
      }))}
    />
  );
}
