// 印章管理 under `#/r/seals/…`: the usage log (the default), the catalogue, handovers, statistics
// and the 分管领导 of each department, as tabs over one page.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { Catalogue } from './Catalogue';
import { Handovers, Leaders, Stats } from './Pages';
import { UsageList } from './UsageList';
import './i18n';
import './seals.css';

const TABS = ['usage', 'catalogue', 'handovers', 'stats', 'leaders'] as const;

export function SealsPage() {
  const { t } = useTranslation('seals');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const sub = pathname.replace(/^\/r\/seals\/?/, '').split('/')[0];
  const active = (TABS as readonly string[]).includes(sub) ? sub : 'usage';
  return (
    <Page title={t('title')}>
      <div className="seal-page">
        <Tabs
          className="seal-tabs"
          activeKey={active}
          onChange={(k) => navigate(k === 'usage' ? '/r/seals' : `/r/seals/${k}`)}
          items={TABS.map((k) => ({ key: k, label: t(`nav.${k}`) }))}
        />
        <Routes>
          <Route index element={<UsageList />} />
          <Route path="usage" element={<UsageList />} />
          <Route path="catalogue" element={<Catalogue />} />
          <Route path="handovers" element={<Handovers />} />
          <Route path="stats" element={<Stats />} />
          <Route path="leaders" element={<Leaders />} />
          <Route path="*" element={<UsageList />} />
        </Routes>
      </div>
    </Page>
  );
}
