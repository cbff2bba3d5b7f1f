// What a register declares once so printing, export and import need nothing more from it. PURE:
// the print layouts in the renderer and the xlsx writer in the core read the same columns.
import type { Role } from './common';
import { sealsRegisterDefs } from './seals';
import { vehiclesRegisterDefs } from './vehicles';
import { minutesRegisterDefs } from './minutes';
import { suppliesRegisterDefs } from './supplies';
import { assetsRegisterDefs } from './assets';
import { expensesRegisterDefs } from './expenses';

export type ColumnKind = 'text' | 'date' | 'datetime' | 'money' | 'int' | 'number';

export interface ColumnDef {
  /** Key of the value in a row returned by the register's rows query. */
  key: string;
  title: string;
  /** Relative width on paper (the layout spreads them over the page) and characters in xlsx. */
  width: number;
  align?: 'left' | 'center' | 'right';
  kind?: ColumnKind;
  /** A blank cell for a handwritten signature (printed only, never exported). */
  signature?: boolean;
  /** Printed only (e.g. a combined 外带及归还 cell); omitted from xlsx. */
  printOnly?: boolean;
  /** Exported only (detail that does not fit on paper). */
  exportOnly?: boolean;
  /** Printed on one line whatever it holds (plates, asset and voucher numbers): never broken. */
  nowrap?: boolean;
}

export interface ImportColumnDef {
  title: string;
  key: string;
  required?: boolean;
  kind?: ColumnKind;
  /** A hint printed in the template's second row. */
  hint?: string;
}

export interface RegisterDef {
  key: string;
  /** The paper name, e.g. 用印登记簿; the printed title is unit name + this + year. */
  title: string;
  orientation: 'landscape' | 'portrait';
  /** 保管期限 on the archive cover. */
  retention: string;
  columns: ColumnDef[];
  /** Who may print or export it. */
  readRoles: readonly Role[];
  /** Who may import into it; absent: no import. */
  importRoles?: readonly Role[];
  importColumns?: ImportColumnDef[];
  /** Labels of the states a filter may name. */
  states?: Record<string, string>;
  /** Who signs the printed register off under its last row; 保管人 and 负责人 unless said. */
  signOff?: readonly string[];
  /**
   * Rows that belong in separate books (meeting records by meeting type): the row key that tells
   * them apart, and each book's printed title (without the year). Printed one book after another.
   */
  book?: { key: string; title: (row: Record<string, unknown>, unitName: string) => string };
}

export const AUDIT_REGISTER: RegisterDef = {
  key: 'audit',
  title: '审计日志',
  orientation: 'landscape',
  retention: '30年',
  readRoles: ['auditor', 'admin'],
  columns: [
    { key: 'seq', title: '序号', width: 7, align: 'right', kind: 'int' },
    { key: 'at', title: '时间', width: 16, kind: 'datetime' },
    { key: 'user', title: '用户', width: 10 },
    { key: 'action', title: '操作', width: 16 },
    { key: 'object', title: '对象', width: 11 },
    { key: 'result', title: '结果', width: 5, align: 'center' },
    { key: 'message', title: '说明', width: 38 },
    { key: 'hash', title: '哈希', width: 14, nowrap: true },
  ],
  states: { success: '成功', failure: '失败' },
};

/** Every register the output framework knows; each register module adds itself here. */
export const REGISTER_DEFS: Record<string, RegisterDef> = {
  audit: AUDIT_REGISTER,
  ...sealsRegisterDefs,
  ...vehiclesRegisterDefs,
  ...minutesRegisterDefs,
  ...suppliesRegisterDefs,
  ...assetsRegisterDefs,
  ...expensesRegisterDefs,
};

export const registerKeys = () => Object.keys(REGISTER_DEFS);
