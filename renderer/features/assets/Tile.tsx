// The home-page tile: disposals awaiting approval, decisions to verify (red), approved disposals not
// yet carried out, assets in repair or lost, open verifications.
import { Card, Typography } from 'antd';
import { DesktopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { yuan } from '../../components/money';
import './i18n';

export function AssetsTile() {
  const { t } = useTranslation('assets');
  const q = useApiQuery('assets.attention', {}, { refetchInterval: 60_000 });
  const a = q.data;
  const items = a
    ? [
        { key: 'pendingDisposals', n: a.pendingDisposals, to: '/r/assets/disposals?state=pending' },
        { key: 'decisionPending', n: a.decisionPending, to: '/r/assets?flag=decisionPending&all=1', red: true },
        { key: 'awaitingExecution', n: a.awaitingExecution, to: '/r/assets/disposals?state=approved' },
        { key: 'inRepair', n: a.inRepair, to: '/r/assets?status=repair' },
        { key: 'lost', n: a.lost, to: '/r/assets?status=lost', red: true },
        { key: 'openChecks', n: a.openChecks, to: '/r/assets/checks?state=draft' },
      ].filter((i) => i.n > 0)
    : [];
  return (
    <Card
      size="small"
      className={`sup-tile${a && (a.decisionPending || a.lost) ? ' sup-tile-alert' : ''}`}
      title={
        <span>
          <DesktopOutlined aria-hidden /> {t('tile.title')}
        </span>
      }
      loading={!a && q.isFetching}
      data-testid="assets-tile"
    >
      {a && !items.length ? <Typography.Text type="secondary">{t('tile.allClear')}</Typography.Text> : null}
      <ul className="sup-tile-list">
        {items.map((i) => (
          <li key={i.key} className={i.red ? 'sup-tile-red' : undefined}>
            <Link to={i.to}>
              <span>{t(`tile.${i.key}`)}</span>
              <strong>{i.n}</strong>
            </Link>
          </li>
        ))}
      </ul>
      {a && a.pendingRows.length ? (
        <ul className="sup-tile-rows">
          {a.pendingRows.map((r) => (
            <li key={r.id} className={r.decisionPending ? 'sup-tile-red' : undefined}>
              <Link to={`/r/assets/disposals?id=${r.id}`}>
                {r.number} · {r.summary} · {t('yuan', { v: yuan(r.totalValue) })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
