// The minutes register's pages under `#/r/minutes/…`: overview, records, agenda review, 廉政谈话
// coverage and meeting types, with a tab bar of its own.
import { Segmented } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { hasRole, useMe } from '../../app/session';
import { AgendaPage } from './AgendaPage';
import { Coverage } from './Coverage';
import { Dashboard } from './Dashboard';
import { MeetingFormPage } from './MeetingForm';
import { MeetingList } from './MeetingList';
import { MeetingViewPage } from './MeetingView';
import { TalkFormPage } from './TalkForm';
import { TypesPage } from './TypesPage';
import { useMT } from './shared';
import './minutes.css';

const READERS = ['clerk', 'approver', 'auditor'] as const;

export function MinutesPage() {
  const { t } = useMT();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const reader = hasRole(me, READERS);
  const tabs = reader ? (['', 'meetings', 'agenda', 'coverage', 'types'] as const) : (['types'] as const);
  const here = pathname.replace(/^\/r\/minutes\/?/, '').split('/')[0];
  const current = here === 'talks' ? 'meetings' : here;
  const label = { '': t('nav.dashboard'), meetings: t('nav.meetings'), agenda: t('nav.agenda'), coverage: t('nav.coverage'), types: t('nav.types') };
  return (
    <div className="minutes-root">
      <nav aria-label={t('menu')} className="minutes-nav">
        <Segmented value={current} options={tabs.map((k) => ({ value: k, label: label[k] }))} onChange={(k) => navigate(`/r/minutes/${k}`)} />
      </nav>
      <Routes>
        <Route index element={reader ? <Dashboard /> : <Navigate to="types" replace />} />
        <Route path="meetings" element={<MeetingList />} />
        <Route path="meetings/new" element={<MeetingFormPage />} />
        <Route path="meetings/:id" element={<MeetingViewPage />} />
        <Route path="meetings/:id/edit" element={<MeetingFormPage />} />
        <Route path="talks/new" element={<TalkFormPage />} />
        <Route path="talks/:id/edit" element={<TalkFormPage />} />
        <Route path="agenda" element={<AgendaPage />} />
        <Route path="coverage" element={<Coverage />} />
        <Route path="types" element={<TypesPage />} />
        <Route path="*" element={<Navigate to="/r/minutes" replace />} />
      </Routes>
    </div>
  );
}
