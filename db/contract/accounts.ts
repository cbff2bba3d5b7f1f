// Accounts, sign-in and sessions (SECURITY.md "Accounts and access"). PURE.
import { z } from 'zod';
import { defineMethods } from './method';
import { ROLES, listOutput, optionalText, text } from './common';

export const roleList = z
  .array(z.enum(ROLES, { message: '角色不正确' }))
  .min(1, { message: '至少选择一个角色' })
  .refine((r) => !(r.includes('admin') && r.includes('auditor')), {
    message: '审计员不能同时担任系统管理员（三权分立）',
  })
  .describe('角色');

const login = z
  .string()
  .trim()
  .min(2, { message: '登录名至少 2 个字符' })
  .max(32, { message: '登录名不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9._-]+$/, { message: '登录名只能包含字母、数字、点、下划线和连字符' })
  .describe('登录名');
/** The rule itself (length, classes, not the login) is checked by the core against the settings. */
const password = (label = '密码') => z.string().min(1, { message: `请填写${label}` }).max(128).describe(label);

export const userShape = z.object({
  id: z.number(),
  login: z.string(),
  name: z.string(),
  department: z.string(),
  post: z.string(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userShape>;

export const personShape = z.object({ id: z.number(), name: z.string(), department: z.string(), post: z.string() });
export type Person = z.infer<typeof personShape>;

const sessionOut = z.object({ sessionId: z.string(), user: userShape, idleMinutes: z.number() });

const accountFields = {
  name: text('姓名', 40),
  department: optionalText('部门', 60).default(''),
  post: optionalText('职务', 60).default(''),
  roles: roleList,
};

export const accountsMethods = defineMethods({
  'accounts.setup': {
    title: '首次运行：设置单位并创建系统管理员',
    access: 'public',
    kind: 'write',
    input: z.object({ unitName: text('单位名称', 60), login, password: password(), ...accountFields, roles: z.array(z.enum(ROLES)).default(['admin']) }),
    output: sessionOut,
  },
  'accounts.signIn': {
    title: '登录',
    access: 'public',
    kind: 'write',
    input: z.object({ login: z.string().trim().min(1, { message: '请填写登录名' }).max(64).describe('登录名'), password: password() }),
    output: sessionOut,
  },
  'accounts.signOut': { title: '退出登录', access: 'signedIn', kind: 'write', input: z.object({}).default({}), output: z.object({ ok: z.literal(true) }) },
  'accounts.lock': { title: '锁定屏幕', access: 'signedIn', kind: 'write', input: z.object({}).default({}), output: z.object({ ok: z.literal(true) }) },
  'accounts.unlock': {
    title: '解锁屏幕',
    access: 'signedIn',
    kind: 'write',
    input: z.object({ password: password() }),
    output: sessionOut,
  },
  'accounts.me': { title: '当前账号', access: 'signedIn', kind: 'read', input: z.object({}).default({}), output: sessionOut },
  'accounts.changePassword': {
    title: '修改本人密码',
    access: 'signedIn',
    kind: 'write',
    input: z.object({ oldPassword: password('原密码'), newPassword: password('新密码') }),
    output: z.object({ ok: z.literal(true) }),
  },
  'accounts.checkPassword': {
    title: '检查密码强度',
    access: 'public',
    kind: 'read',
    input: z.object({ login: z.string().max(64).default(''), password: z.string().max(128) }),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  },
  'accounts.list': {
    title: '账号列表',
    access: ['admin', 'auditor'],
    kind: 'read',
    input: z.object({ q: z.string().trim().max(50).optional(), includeDisabled: z.boolean().default(true), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }),
    output: listOutput(userShape),
  },
  'accounts.create': {
    title: '新建账号',
    access: ['admin'],
    kind: 'write',
    input: z.object({ login, password: password('初始密码'), ...accountFields }),
    output: userShape,
  },
  'accounts.update': {
    title: '修改账号',
    access: ['admin'],
    kind: 'write',
    input: z.object({ id: z.number().int().positive(), ...accountFields }),
    output: userShape,
  },
  'accounts.setActive': {
    title: '启用/停用账号',
    access: ['admin'],
    kind: 'write',
    input: z.object({ id: z.number().int().positive(), active: z.boolean() }),
    output: userShape,
  },
  'accounts.resetPassword': {
    title: '重置密码',
    access: ['admin'],
    kind: 'write',
    input: z.object({ id: z.number().int().positive(), newPassword: password('新密码') }),
    output: userShape,
  },
  'accounts.people': {
    title: '人员选择',
    access: 'signedIn',
    kind: 'read',
    input: z.object({ q: z.string().trim().max(40).optional(), role: z.enum(ROLES).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(personShape),
  },
});
