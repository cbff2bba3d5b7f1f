// 固定资产 under `#/r/assets/…`: asset cards (default), disposals, verifications and settings.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { Cards } from './Cards';
import { Checks } from './Checks';
import { Disposals } from './Disposals';
import { Settings } from './Settings';
import './i18n';
import '../supplies/supplies.css';

const TABS = ['cards', 'disposals', 'checks', 'settings'] as const;

export function AssetsPage() {
  const { t } = useTranslation('assets');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sub = pathname.replace(/^\/r\/assets\/?/, '').split('/')[0];
  const active = (TABS as readonly string[]).includes(sub) ? sub : 'cards';
  return (
    <Page title={t('title')}>
      <div className="sup-page">
        <Tabs className="sup-tabs" activeKey={active} onChange={(k) => navigate(k === 'cards' ? '/r/assets' : `/r/assets/${k}`)} items={TABS.map((k) => ({ key: k, label: t(`nav.${k}`) }))} />
        <Routes>
          <Route index element={<Cards />} />
          <Route path="cards" element={<Cards />} />
          <Route path="disposals" element={<Disposals />} />
          <Route path="checks/*" element={<Checks />} />
          <Route path="settings" element={<Settings />} />
          <Route path="*" element={<Cards />} />
        </Routes>
      </div>
    </Page>
  );
}
