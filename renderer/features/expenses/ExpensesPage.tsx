// 备用金与费用报销 under `#/r/expenses/…`: prior applications (default), reimbursements, advances, the
// petty-cash fund, the monthly summary by category and the settings, as tabs over one page.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { Advances } from './Advances';
import { Applications } from './Applications';
import { Cash } from './Cash';
import { Claims } from './Claims';
import { Monthly } from './Monthly';
import { Settings } from './Settings';
import './i18n';

const TABS = ['applications', 'claims', 'advances', 'cash', 'monthly', 'settings'] as const;

export function ExpensesPage() {
  const { t } = useTranslation('expenses');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sub = pathname.replace(/^\/r\/expenses\/?/, '').split('/')[0];
  const active = (TABS as readonly string[]).includes(sub) ? sub : 'applications';
  return (
    <Page title={t('title')}>
      <div className="exp-page">
        <Tabs className="exp-tabs" activeKey={active} onChange={(k) => navigate(k === 'applications' ? '/r/expenses' : `/r/expenses/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`nav.${k}`) }))} />
        <Routes>
          <Route index element={<Applications />} />
          <Route path="applications" element={<Applications />} />
          <Route path="claims" element={<Claims />} />
          <Route path="advances" element={<Advances />} />
          <Route path="cash" element={<Cash />} />
          <Route path="monthly" element={<Monthly />} />
          <Route path="settings" element={<Settings />} />
          <Route path="*" element={<Applications />} />
        </Routes>
      </div>
    </Page>
  );
}
