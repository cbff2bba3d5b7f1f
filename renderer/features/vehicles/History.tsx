// The whole history of one record from the audit trail, and its approval decisions.
import { ConfirmationTag } from '../../components/ConfirmationTag';
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isMethodName, methods } from '../../../db/contract';
import { useApiQuery } from '../../api';
import { dt, useVT } from './util';

export function History({ objectType, objectId }: { objectType: string; objectId: number | string }) {
  const t = useVT();
  const { i18n } = useTranslation();
  const q = useApiQuery('audit.forObject', { objectType, objectId: String(objectId) });
  const rows = q.data ?? [];
  if (!q.isLoading && !rows.length) return <Empty description={t('history.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      className="vehicles-history"
      items={rows.map((e) => ({
        key: e.seq,
        color: e.result === 'success' ? 'blue' : 'red',
        title: dt(e.at),
        content: (
          <div>
            <Typography.Text strong>{e.userName || e.userLogin}</Typography.Text>{' '}
            <Typography.Text type="secondary">{i18n.language === 'zh-CN' && isMethodName(e.action) ? methods[e.action].title : e.action}</Typography.Text>
            {e.result === 'failure' ? (
              <Tag color="red" className="vehicles-inline-tag">
                {t('history.failed')}
              </Tag>
            ) : null}
            <div className="vehicles-history-message">{e.message}</div>
          </div>
        ),
      }))}
    />
  );
}

export function Approvals({ objectType, objectId }: { objectType: string; objectId: number }) {
  const t = useVT();
  const q = useApiQuery('approvals.forObject', { objectType, objectId });
  const rows = q.data ?? [];
  if (!rows.length) return <Typography.Text type="secondary">{t('history.none')}</Typography.Text>;
  return (
    <ul className="vehicles-approvals">
      {rows.map((a) => (
        <li key={a.id}>
          <Tag color={a.decision === 'approved' ? 'green' : 'red'}>{t(`approve.${a.decision}`)}</Tag>
          <Typography.Text strong>{a.approverName}</Typography.Text> {dt(a.paperSignedAt ?? a.decidedAt)}（{a.mode === 'cosign' ? t('history.cosign') : t('history.paperMode', { no: a.paperFilingNo })}，{t('history.recordedBy', { name: a.recordedByName })}）
          <ConfirmationTag a={a} />
          {a.comment ? <div className="vehicles-history-message">{a.comment}</div> : null}
        </li>
      ))}
    </ul>
  );
}
