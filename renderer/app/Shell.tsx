// The office-style frame: side menu, header with unit and person, and the page. Idle lock lives here
// because only a signed-in shell has something to protect.
import { cloneElement, isValidElement, useMemo, type ReactNode } from 'react';
import { App as AntApp, Button, Flex, Layout, Menu, Popconfirm, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasRole, useSession, type Me } from './session';
import { navItems, type NavItem } from './nav';
import { LockDialog } from './LockDialog';
import { useIdleLock } from './useIdleLock';
import { toApiError } from '../api';
import { useAwaitingNotice } from '../features/home/PaperApprovals';

export function Shell({ me, locked }: { me: Me; locked: boolean }) {
  const { t } = useTranslation();
  const { info, lock, signOut } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const location = useLocation();

  const doLock = () =>
    lock().catch((e) => {
      const err = toApiError(e);
      // A session the core has ended is handled by the session listener (back to sign-in).
      if (err.code !== 'unauthenticated') message.error(err.message);
    });
  useIdleLock(me.idleMinutes, !locked, () => void doLock());
  useAwaitingNotice();

  const visible = useMemo(() => navItems().filter((n) => hasRole(me, n.roles)), [me]);
  const selected = useMemo(() => {
    const p = location.pathname;
    const hit = [...visible].sort((a, b) => b.path.length - a.path.length).find((n) => (n.path === '/' ? p === '/' : p === n.path || p.startsWith(`${n.path}/`)));
    return hit ? [hit.path] : [];
  }, [location.pathname, visible]);

  const toItem = (n: NavItem) => ({ key: n.path, icon: decorative(n.icon), label: t(n.titleKey) });
  const groups: MenuProps['items'] = [
    ...visible.filter((n) => n.group === 'main').map(toItem),
    ...group(t('menu.registers'), visible.filter((n) => n.group === 'registers').map(toItem)),
    ...group(t('menu.system'), visible.filter((n) => n.group === 'system').map(toItem)),
  ];

  return (
    <Layout className="shell">
      <Layout.Sider width={200} className="shell-sider" theme="dark" breakpoint="lg" collapsedWidth={64}>
        <div className="shell-brand" title={t('app.name')}>
          <span className="shell-brand-mark" aria-hidden>
            账
          </span>
          <span className="shell-brand-text">{t('app.name')}</span>
        </div>
        <nav aria-label={t('app.name')}>
          <Menu theme="dark" mode="inline" selectedKeys={selected} items={groups} onClick={(e) => navigate(e.key)} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <Typography.Text className="shell-unit" strong ellipsis>
            {info?.unitName || t('app.noUnit')}
          </Typography.Text>
          <Flex align="center" gap={12} className="shell-user">
            <Space size={6} className="shell-person">
              <UserOutlined aria-hidden />
              <span data-testid="me-name">{me.user.name}</span>
              <span className="shell-roles" aria-label={t('header.rolesLabel')}>
                {me.user.roles.map((r) => (
                  <Tag key={r} className="shell-role" variant="filled">
                    {t(`roles.${r}`)}
                  </Tag>
                ))}
              </span>
            </Space>
            <Button icon={<LockOutlined aria-hidden />} onClick={() => void doLock()}>
              {t('header.lock')}
            </Button>
            <Popconfirm title={t('header.signOutConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => signOut()}>
              <Button icon={<LogoutOutlined aria-hidden />}>{t('header.signOut')}</Button>
            </Popconfirm>
          </Flex>
        </Layout.Header>
        <Layout.Content className="shell-content">
          {info?.readOnly ? <ReadOnlyBanner reason={info.readOnlyReason} /> : null}
          <main>
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
      <LockDialog open={locked} name={me.user.name} />
    </Layout>
  );
}

/** Menu icons are decoration: without this a screen reader reads each icon's English name first. */
function decorative(icon: ReactNode): ReactNode {
  return isValidElement<{ 'aria-hidden'?: boolean }>(icon) ? cloneElement(icon, { 'aria-hidden': true }) : icon;
}

function group(label: string, children: { key: string; icon: ReactNode; label: string }[]): NonNullable<MenuProps['items']> {
  return children.length ? [{ type: 'group', key: `g-${label}`, label, children }] : [];
}

function ReadOnlyBanner({ reason }: { reason: string | null }) {
  const { t } = useTranslation();
  return <Typography.Paragraph type="warning" className="read-only-banner">{t('app.readOnly', { reason: reason ?? '' })}</Typography.Paragraph>;
}
