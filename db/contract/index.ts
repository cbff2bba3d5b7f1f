// The method table: every call the renderer can make, in one place. PURE — the renderer imports it.
// Client and server types both derive from this object (after Signal's Interface.std.ts).
import type { z } from 'zod';
import { accountsMethods } from './accounts';
import { approvalsMethods } from './approvals';
import { auditMethods } from './audit';
import { backupsMethods } from './backups';
import { outputMethods } from './output';
import { settingsMethods } from './settings';
import { suppliesMethods } from './supplies';
import { assetsMethods } from './assets';
import { expensesMethods } from './expenses';
import { sealsMethods } from './seals';
import { vehiclesMethods } from './vehicles';
import { minutesMethods } from './minutes';
import { departmentsMethods } from './departments';

export const methods = {
  ...settingsMethods,
  ...accountsMethods,
  ...departmentsMethods,
  ...approvalsMethods,
  ...auditMethods,
  ...backupsMethods,
  ...outputMethods,
  ...sealsMethods,
  ...vehiclesMethods,
  ...minutesMethods,
  ...suppliesMethods,
  ...assetsMethods,
  ...expensesMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What the caller sends (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What the handler receives after parsing. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export const isMethodName = (name: unknown): name is MethodName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);

export * from './common';
export * from './registers';
export type { MethodDef } from './method';
export { describedAt, describeZodError } from './zod-messages';
