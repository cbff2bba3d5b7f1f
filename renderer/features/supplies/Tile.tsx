// The home-page tile: low stock (red), requisitions awaiting approval or issue, purchases awaiting
// acceptance, stocktakes not yet confirmed.
import { Card, Typography } from 'antd';
import { ShoppingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { qty } from './shared';
import './i18n';

export function SuppliesTile() {
  const { t } = useTranslation('supplies');
  const q = useApiQuery('supplies.attention', {}, { refetchInterval: 60_000 });
  const a = q.data;
  const items = a
    ? [
        { key: 'lowStock', n: a.lowStock, to: '/r/supplies/items?low=1', red: true },
        { key: 'pending', n: a.pendingApproval, to: '/r/supplies/requisitions?state=pending&year=all' },
        { key: 'awaitingIssue', n: a.awaitingIssue, to: '/r/supplies/requisitions?state=approved&year=all' },
        { key: 'awaitingAcceptance', n: a.awaitingAcceptance, to: '/r/supplies/purchases?state=ordered&year=all' },
        { key: 'openStocktakes', n: a.openStocktakes, to: '/r/supplies/stocktakes?state=draft&year=all' },
      ].filter((i) => i.n > 0)
    : [];
  return (
    <Card
      size="small"
      className={`sup-tile${a && a.lowStock ? ' sup-tile-alert' : ''}`}
      title={
        <span>
          <ShoppingOutlined aria-hidden /> {t('tile.title')}
        </span>
      }
      loading={!a && q.isFetching}
      data-testid="supplies-tile"
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
      {a && a.lowRows.length ? (
        <ul className="sup-tile-rows">
          {a.lowRows.map((r) => (
            <li key={r.id} className="sup-tile-red">
              <Link to={`/r/supplies?item=${r.id}&year=all`}>
                {r.name}
                {r.spec ? `（${r.spec}）` : ''} · {qty(r.balanceQty)}/{qty(r.reorderLevel)} {r.unit}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
