// The side menu and the shell's routes, derived from the fixed system pages and the register list.
import type { ReactNode } from 'react';
import { AuditOutlined, HomeOutlined, KeyOutlined, SaveOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { Role } from '../../db/contract';
import { registers } from '../features/registry';

export interface NavItem {
  path: string;
  titleKey: string;
  icon: ReactNode;
  roles: readonly Role[] | 'any';
  group: 'main' | 'registers' | 'system';
}

const SYSTEM: NavItem[] = [
  { path: '/', titleKey: 'menu.home', icon: <HomeOutlined aria-hidden />, roles: 'any', group: 'main' },
  { path: '/accounts', titleKey: 'menu.accounts', icon: <TeamOutlined aria-hidden />, roles: ['admin', 'auditor'], group: 'system' },
  { path: '/audit', titleKey: 'menu.audit', icon: <AuditOutlined aria-hidden />, roles: ['auditor', 'admin'], group: 'system' },
  { path: '/backups', titleKey: 'backups.menu', icon: <SaveOutlined aria-hidden />, roles: ['admin'], group: 'system' },
  { path: '/settings', titleKey: 'menu.settings', icon: <SettingOutlined aria-hidden />, roles: 'any', group: 'system' },
  { path: '/password', titleKey: 'menu.password', icon: <KeyOutlined aria-hidden />, roles: 'any', group: 'system' },
];

export const navItems = (): NavItem[] => [
  SYSTEM[0],
  ...registers.map<NavItem>((r) => ({ path: `/r/${r.key}`, titleKey: r.titleKey, icon: r.icon, roles: r.roles, group: 'registers' })),
  ...SYSTEM.slice(1),
];

/** The route roles for a path, so a page typed into the address bar is refused like its menu entry. */
export const rolesFor = (path: string) => navItems().find((n) => n.path === path)?.roles ?? 'any';
