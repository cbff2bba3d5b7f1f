// The home-page tile: what needs attention now — pending approvals, overdue returns, and 事后补批
// entries still waiting for their approval (red).
import { Card, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import './i18n';

export function SealsTile() {
  const { t } = useTranslation('seals');
  const q = useApiQuery('seals.attention', {}, { refetchInterval: 60_000 });
  const a = q.data;
  const items = a
    ? [
        { key: 'emergencyPending', n: a.emergencyPending, to: '/r/seals?flag=emergencyPending&year=all', red: true },
        { key: 'overdue', n: a.overdue, to: '/r/seals?flag=overdue&year=all', red: true },
        { key: 'pending', n: a.pending, to: '/r/seals?state=pending&year=all' },
        { key: 'awaitingStamp', n: a.awaitingStamp, to: '/r/seals?state=approved&year=all' },
        { key: 'noCustodian', n: a.sealsWithoutCustodian, to: '/r/seals/catalogue', red: true },
      ].filter((i) => i.n > 0)
    : [];
  return (
    <Card
      size="small"
      className={`seal-tile${a && (a.emergencyPending || a.overdue) ? ' seal-tile-alert' : ''}`}
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden /> {t('tile.title')}
        </span>
      }
      loading={!a && q.isFetching}
      data-testid="seals-tile"
    >
      {a && !items.length ? <Typography.Text type="secondary">{t('tile.allClear')}</Typography.Text> : null}
      <ul className="seal-tile-list">
        {items.map((i) => (
          <li key={i.key} className={i.red ? 'seal-tile-red' : undefined}>
            <Link to={i.to}>
              <span>{t(`tile.${i.key}`)}</span>
              <strong>{i.n}</strong>
            </Link>
          </li>
        ))}
      </ul>
      {a && a.emergencyRows.length ? (
        <ul className="seal-tile-rows">
          {a.emergencyRows.map((r) => (
            <li key={r.id} className="seal-tile-red">
              <Link to={`/r/seals?id=${r.id}&flag=emergencyPending&year=all`}>
                {r.number} {r.documentTitle}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {a && a.overdueRows.length ? (
        <ul className="seal-tile-rows">
          {a.overdueRows.map((r) => (
            <li key={r.id} className="seal-tile-red">
              <Link to={`/r/seals?id=${r.id}&flag=overdue&year=all`}>
                {r.sealName} · {r.applicantName} · {t('f.plannedReturn')} {r.plannedReturn}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
