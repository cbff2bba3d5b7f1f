// Demo data through the core's own methods, so every rule applies to it as to real data.
import { randomBytes } from 'node:crypto';
import type { Core } from '../core/core';
import type { Role } from '../contract/common';
import { seedMinutes } from './minutes';
import { seedSeals } from './seals';
import { seedVehicles } from './vehicles';
import { seedSupplies } from './supplies';
import { seedExpenses } from './expenses';

/** `size` scales the bench's counts (1: a busy office's ten years); tests seed the bench at a small size. */
type RegisterSeed = (core: Core, s: { admin: string; clerk: string; leaderLogin: string; password: string }, scale: 'small' | 'bench', log: (l: string) => void, size: number) => Promise<void>;
const REGISTER_SEEDS: [string, RegisterSeed][] = [
  ['会议记录', seedMinutes],
  ['印章', seedSeals],
  ['公务用车', seedVehicles],
  ['办公用品与固定资产', seedSupplies],
  ['备用金与费用报销', seedExpenses],
];

export interface SeedOptions {
  scale: 'small' | 'bench';
  /** Bench only: its counts times this (default 1). The unit tests run the bench's generators at 0.01. */
  size?: number;
  password: string;
  unitName?: string;
  log?: (line: string) => void;
  /** Registers already seeded in this folder (by name); they are skipped, so a seed can resume. */
  skip?: ReadonlySet<string>;
  /** Told after each register finishes, so a caller can remember it. */
  seeded?: (register: string) => void;
}

export const DEMO_ACCOUNTS: { login: string; name: string; department: string; post: string; roles: Role[] }[] = [
  { login: 'demo-admin', name: '周建国', department: '办公室', post: '办公室主任', roles: ['admin', 'clerk'] },
  { login: 'demo-clerk', name: '李晓梅', department: '办公室', post: '科员', roles: ['clerk'] },
  { login: 'demo-leader', name: '王志强', department: '局领导', post: '局长', roles: ['approver'] },
  { login: 'demo-auditor', name: '陈静', department: '派驻纪检监察组', post: '组长', roles: ['auditor'] },
];

/** Other staff so that pickers and registers have realistic people in them. */
const STAFF: [string, string, string][] = [
  ['刘洋', '政工室', '主任'],
  ['赵敏', '法律援助中心', '主任'],
  ['孙磊', '社区矫正科', '科长'],
  ['黄丽', '人民调解科', '科长'],
  ['吴涛', '计财室', '会计'],
  ['郑华', '办公室', '驾驶员'],
  ['何平', '局领导', '副局长'],
  ['马骏', '局领导', '政治部主任'],
];

export class SeedError extends Error {}

async function must<T>(p: Promise<{ ok: boolean; data?: unknown; error?: { message: string } }>, what: string): Promise<T> {
  const r = await p;
  if (!r.ok) throw new SeedError(`${what}失败：${r.error?.message}`);
  return r.data as T;
}

/** Sign in as a demo account, replacing its first-use password with the demo password. */
async function adopt(core: Core, login: string, temp: string, password: string) {
  const s = await must<{ sessionId: string }>(core.call(null, 'accounts.signIn', { login, password: temp }), `登录 ${login}`);
  await must(core.call(s.sessionId, 'accounts.changePassword', { oldPassword: temp, newPassword: password }), `设置 ${login} 的密码`);
  await core.call(s.sessionId, 'accounts.signOut', {});
}

export async function seedDemo(core: Core, opts: SeedOptions): Promise<{ sessionId: string }> {
  const log = opts.log ?? (() => {});
  const info = await must<{ initialized: boolean }>(core.call(null, 'settings.publicInfo', {}), '读取状态');
  const [admin, ...others] = DEMO_ACCOUNTS;
  let adminSession: string;
  if (!info.initialized) {
    const r = await must<{ sessionId: string }>(
      core.call(null, 'accounts.setup', { unitName: opts.unitName ?? '××区司法局', login: admin.login, password: opts.password, name: admin.name, department: admin.department, post: admin.post, roles: admin.roles }),
      '初始化',
    );
    adminSession = r.sessionId;
    log('已创建演示系统管理员 demo-admin');
  } else {
    const r = await must<{ sessionId: string }>(core.call(null, 'accounts.signIn', { login: admin.login, password: opts.password }), '以 demo-admin 登录（数据文件夹已初始化，需要原来的演示密码）');
    adminSession = r.sessionId;
  }
  const existing = await must<{ rows: { login: string }[] }>(core.call(adminSession, 'accounts.list', { pageSize: 500 }), '读取账号');
  const have = new Set(existing.rows.map((u) => u.login));
  const temp = `Tmp-${randomBytes(6).toString('hex')}-9a`;
  for (const a of others) {
    if (have.has(a.login)) continue;
    await must(core.call(adminSession, 'accounts.create', { ...a, password: temp }), `创建 ${a.login}`);
    await adopt(core, a.login, temp, opts.password);
    log(`已创建演示账号 ${a.login}`);
  }
  for (const [i, [name, department, post]] of STAFF.entries()) {
    const login = `staff${String(i + 1).padStart(2, '0')}`;
    if (have.has(login)) continue;
    const roles: Role[] = post.includes('局长') || post.includes('主任') ? ['approver'] : ['clerk'];
    await must(core.call(adminSession, 'accounts.create', { login, name, department, post, roles, password: temp }), `创建 ${login}`);
    await adopt(core, login, temp, opts.password);
  }
  log('人员与账号已就绪');
  // Each register seeds itself through its own methods; minutes first, since expenses and asset
  // disposals refer to its decisions. Fresh sessions for each: a bench-scale register takes longer
  // than the idle lock.
  const signIn = async (login: string) => (await must<{ sessionId: string }>(core.call(null, 'accounts.signIn', { login, password: opts.password }), `以 ${login} 登录`)).sessionId;
  for (const [name, seed] of REGISTER_SEEDS) {
    if (opts.skip?.has(name)) continue;
    const t = performance.now();
    const sessions = { admin: await signIn(admin.login), clerk: await signIn('demo-clerk'), leaderLogin: 'demo-leader', password: opts.password };
    await seed(core, sessions, opts.scale, log, opts.size ?? 1);
    log(`${name}：完成（${((performance.now() - t) / 1000).toFixed(1)} s）`);
    opts.seeded?.(name);
  }
  return { sessionId: adminSession };
}
