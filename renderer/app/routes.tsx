// The shell's pages. A register's pages come from features/registry.ts under `/r/<key>/*`.
import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Route, Routes, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { registers } from '../features/registry';
import { HomePage } from '../features/home/HomePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { ChangePasswordPage } from '../features/accounts/ChangePasswordPage';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupsPage } from '../features/backups/BackupsPage';
import { Shell } from './Shell';
import { hasRole, type Me } from './session';
import { rolesFor } from './nav';

export function ShellRoutes({ me, locked }: { me: Me; locked: boolean }) {
  const guard = (path: string, el: ReactNode) => (hasRole(me, rolesFor(path)) ? el : <NotAllowed />);
  return (
    <Routes>
      <Route element={<Shell me={me} locked={locked} />}>
        <Route index element={<HomePage />} />
        <Route path="accounts" element={guard('/accounts', <AccountsPage />)} />
        <Route path="audit" element={guard('/audit', <AuditPage />)} />
        <Route path="backups" element={guard('/backups', <BackupsPage />)} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        {registers.map((r) => (
          <Route key={r.key} path={`r/${r.key}/*`} element={guard(`/r/${r.key}`, <r.Page />)} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

function NotAllowed() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return <Result status="403" title="403" subTitle={t('app.forbidden')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}
