// Names for what the audit log records. Method titles come from the contract (the core writes the
// method name as the action); events outside the method table are named in the i18n resources.
import type { TFunction, i18n } from 'i18next';
import { isMethodName, methods } from '../../../db/contract';

/** Events the core records that are not methods (lockout, idle lock …). */
const EVENTS = ['accounts.lockout', 'session.idleLock', 'accounts.resetAdmin', 'approval.cosignFailed', 'backups.auto'];

/**
 * Object types the audit filter offers: every type some area has named under `audit.objectTypes`
 * (each register adds its own with its strings), so a new register needs no edit here.
 */
export function objectTypes(i18n: Pick<i18n, 'getResource' | 'language'>): string[] {
  const tree = (i18n.getResource(i18n.language, 'translation', 'audit.objectTypes') ?? {}) as Record<string, unknown>;
  // A dotted type (minutes.meeting, seals.usage) is a nested key in the resources.
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [k] : typeof v === 'object' && v ? Object.keys(v).map((sub) => `${k}.${sub}`) : []));
}

export function actionLabel(t: TFunction, action: string, lang: string): string {
  // The contract's titles are Chinese; an English screen shows the method's code rather than Chinese
  // until a translation is added to en-US.ts.
  const fallback = lang === 'zh-CN' && isMethodName(action) ? methods[action].title : action;
  return t(`auditActions.${action}`, { defaultValue: fallback });
}

export const objectTypeLabel = (t: TFunction, type: string) => (type ? t(`audit.objectTypes.${type}`, { defaultValue: type }) : '');

/** Every action that can appear in the log: audited methods (writes and audited reads) and events. */
export function knownActions(): string[] {
  const audited = Object.entries(methods)
    .filter(([, m]) => m.kind === 'write' || ('auditRead' in m && m.auditRead))
    .map(([name]) => name);
  return [...audited, ...EVENTS];
}

/** Before/after values are stored as JSON text; show them indented, as text (never as HTML). */
export function prettyJson(text: string | null): string | null {
  if (text === null || text === '') return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
