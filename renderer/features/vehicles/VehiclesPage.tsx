// 公务用车: tabs over the trip register, the vehicle files, their logs, the statistics and the holidays.
import { lazy, Suspense } from 'react';
import { Spin, Tabs } from 'antd';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { Page } from '../../components/Page';
import { CalendarPage } from './CalendarPage';
import { FleetPage } from './FleetPage';
import { LogsPage } from './LogsPage';
import { TripsPage } from './TripsPage';
import { VehicleFilePage } from './VehicleFilePage';
import { useVT } from './util';

// The statistics page carries echarts: loaded when first opened.
const StatsPage = lazy(() => import('./StatsPage').then((m) => ({ default: m.StatsPage })));

const TABS = ['trips', 'fleet', 'logs', 'stats', 'calendar'] as const;

function Tabbed() {
  const t = useVT();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const seg = pathname.replace(/^\/r\/vehicles\/?/, '').split('/')[0];
  const active = (TABS as readonly string[]).includes(seg) ? seg : 'trips';
  return (
    <Page title={t('menu')}>
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(k === 'trips' ? '/r/vehicles' : `/r/vehicles/${k}`)}
        items={TABS.map((k) => ({ key: k, label: t(`tabs.${k}`) }))}
        className="vehicles-tabs"
      />
      <Routes>
        <Route index element={<TripsPage />} />
        <Route path="fleet" element={<FleetPage />} />
        <Route path="logs" element={<LogsPage />} />
        <Route
          path="stats"
          element={
            <Suspense fallback={<Spin />}>
              <StatsPage />
            </Suspense>
          }
        />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="*" element={<TripsPage />} />
      </Routes>
    </Page>
  );
}

export function VehiclesPage() {
  return (
    <Routes>
      <Route path="fleet/:id" element={<VehicleFilePage />} />
      <Route path="*" element={<Tabbed />} />
    </Routes>
  );
}
