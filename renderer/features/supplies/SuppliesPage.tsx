// 办公用品 under `#/r/supplies/…`: the stock ledger (default), requisitions, purchases with acceptance,
// the item catalogue, stocktakes, the period ledger and settings, as tabs over one page.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { Items } from './Items';
import { LedgerList } from './LedgerList';
import { Purchases } from './Purchases';
import { Requisitions } from './Requisitions';
import { Settings } from './Settings';
import { Stocktakes } from './Stocktakes';
import { Summary } from './Summary';
import './i18n';
import './supplies.css';

const TABS = ['ledger', 'requisitions', 'purchases', 'items', 'stocktakes', 'summary', 'settings'] as const;

export function SuppliesPage() {
  const { t } = useTranslation('supplies');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sub = pathname.replace(/^\/r\/supplies\/?/, '').split('/')[0];
  const active = (TABS as readonly string[]).includes(sub) ? sub : 'ledger';
  return (
    <Page title={t('title')}>
      <div className="sup-page">
        <Tabs className="sup-tabs" activeKey={active} onChange={(k) => navigate(k === 'ledger' ? '/r/supplies' : `/r/supplies/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`nav.${k}`) }))} />
        <Routes>
          <Route index element={<LedgerList />} />
          <Route path="ledger" element={<LedgerList />} />
          <Route path="requisitions" element={<Requisitions />} />
          <Route path="purchases" element={<Purchases />} />
          <Route path="items" element={<Items />} />
          <Route path="stocktakes/*" element={<Stocktakes />} />
          <Route path="summary" element={<Summary />} />
          <Route path="settings" element={<Settings />} />
          <Route path="*" element={<LedgerList />} />
        </Routes>
      </div>
    </Page>
  );
}
