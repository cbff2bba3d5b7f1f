// Settings: the unit's name (every printed title), language, security and backup policy. PURE.
import { z } from 'zod';
import { defineMethods } from './method';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

export const settingsShape = z.object({
  unitName: z.string().trim().max(60, { message: '单位名称不能超过 60 个字' }).describe('单位名称'),
  language: z.enum(LANGUAGES, { message: '请选择界面语言' }).describe('界面语言'),
  /** Failed sign-ins before the account locks. */
  lockThreshold: z.number().int().min(3).max(20).describe('锁定前允许的失败次数'),
  lockMinutes: z.number().int().min(1).max(24 * 60).describe('锁定时长（分钟）'),
  idleMinutes: z.number().int().min(1).max(240).describe('空闲锁屏（分钟）'),
  /** A session ends this long after sign-in, however busy: the next person at the desk signs in anew. */
  sessionHours: z.number().int().min(1).max(72).describe('登录有效期（小时）'),
  /** A paper approval recorded by someone else and not confirmed by its signer within this many days is shown as overdue. */
  paperConfirmDays: z.number().int().min(1).max(60).describe('纸质签批确认期限（天）'),
  passwordMinLength: z.number().int().min(8).max(64).describe('密码最短长度'),
  passwordMinClasses: z.number().int().min(2).max(4).describe('密码至少包含的字符种类'),
  backupKeepDaily: z.number().int().min(1).max(60).describe('保留每日备份（份）'),
  backupKeepWeekly: z.number().int().min(0).max(52).describe('保留每周备份（份）'),
  backupKeepMonthly: z.number().int().min(0).max(120).describe('保留每月备份（份）'),
});
export type Settings = z.infer<typeof settingsShape>;

export const DEFAULT_SETTINGS: Settings = {
  unitName: '',
  language: 'zh-CN',
  lockThreshold: 5,
  lockMinutes: 30,
  idleMinutes: 10,
  sessionHours: 12,
  paperConfirmDays: 3,
  passwordMinLength: 8,
  passwordMinClasses: 3,
  backupKeepDaily: 7,
  backupKeepWeekly: 4,
  backupKeepMonthly: 12,
};

export const aboutShape = z.object({
  app: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number(),
  dataDir: z.string(),
  databaseFile: z.string(),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  workstation: z.string(),
});

export const settingsMethods = defineMethods({
  'settings.publicInfo': {
    title: '读取单位名称与初始化状态',
    access: 'public',
    kind: 'read',
    input: z.object({}).default({}),
    output: z.object({
      unitName: z.string(),
      language: z.enum(LANGUAGES),
      initialized: z.boolean(),
      readOnly: z.boolean(),
      readOnlyReason: z.string().nullable(),
      appVersion: z.string(),
    }),
  },
  'settings.get': {
    title: '读取设置',
    access: 'signedIn',
    kind: 'read',
    input: z.object({}).default({}),
    output: z.object({ settings: settingsShape, about: aboutShape }),
  },
  'settings.update': {
    title: '修改设置',
    access: ['admin'],
    kind: 'write',
    input: settingsShape.partial().refine((v) => Object.keys(v).length > 0, { message: '没有要修改的设置' }),
    output: settingsShape,
  },
});
