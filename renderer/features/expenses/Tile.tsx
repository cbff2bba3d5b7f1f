// The home-page tile: applications awaiting approval, reimbursements in signing or awaiting payment,
// outstanding and overdue advances (with the borrowers' names), the petty-cash balance and a month
// whose cash has not been counted.
import { Card, Typography } from 'antd';
import { AccountBookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api';
import { yuan } from '../../components/money';
import './i18n';

export function ExpensesTile() {
  const { t } = useTranslation('expenses');
  const q = useApiQuery('expenses.attention', {}, { refetchInterval: 60_000 });
  const a = q.data;
  const items = a
    ? [
        { key: 'overdue', text: t('tile.overdue'), n: a.overdueAdvances, to: '/r/expenses/advances?overdue=1&year=all', red: true },
        { key: 'pendingApps', text: t('tile.pendingApps'), n: a.pendingApps, to: '/r/expenses?state=pending&year=all' },
        { key: 'signing', text: t('tile.signing'), n: a.signing, to: '/r/expenses/claims?state=signing&year=all' },
        { key: 'awaitingPayment', text: t('tile.awaitingPayment'), n: a.awaitingPayment, to: '/r/expenses/claims?state=approved&year=all' },
        { key: 'outstanding', text: t('tile.outstanding', { v: yuan(a.outstandingFen) }), n: a.outstandingAdvances, to: '/r/expenses/advances?state=outstanding&year=all' },
      ].filter((i) => i.n > 0)
    : [];
  return (
    <Card
      size="small"
      className={`exp-tile${a && a.overdueAdvances ? ' exp-tile-alert' : ''}`}
      title={
        <span>
          <AccountBookOutlined aria-hidden /> <Link to="/r/expenses">{t('tile.title')}</Link>
        </span>
      }
      loading={!a && q.isFetching}
      data-testid="expenses-tile"
    >
      {a && !items.length && !a.uncountedMonth ? <Typography.Paragraph type="secondary" className="exp-tile-clear">{t('tile.allClear')}</Typography.Paragraph> : null}
      <ul className="exp-tile-list">
        {items.map((i) => (
          <li key={i.key} className={i.red ? 'exp-tile-red' : undefined}>
            <Link to={i.to}>
              <span>{i.text}</span>
              <strong>{i.n}</strong>
            </Link>
          </li>
        ))}
      </ul>
      {a && a.overdueRows.length ? (
        <ul className="exp-tile-rows">
          {a.overdueRows.map((r) => (
            <li key={r.id} className="exp-tile-red">
              <Link to={`/r/expenses/advances?id=${r.id}&year=all`}>
                {r.name} · {yuan(r.amountFen)} {t('common.yuan')} · {t('tile.dueOn', { date: r.date })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {a && (a.cashBalanceFen !== null || a.uncountedMonth) ? (
        <ul className="exp-tile-rows">
          {a.cashBalanceFen !== null ? (
            <li>
              <Link to="/r/expenses/cash">
                <span>{t('tile.cash')}</span> <strong>{yuan(a.cashBalanceFen)}</strong> {t('common.yuan')}
              </Link>
            </li>
          ) : null}
          {a.uncountedMonth ? (
            <li className="exp-tile-red">
              <Link to="/r/expenses/cash">{t('tile.uncounted', { month: a.uncountedMonth })}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
    </Card>
  );
}
