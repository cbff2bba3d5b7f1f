import type { CallError, ErrorCode } from '../contract/common';

/** An error the user can act on: it carries a Chinese message and, where it concerns one field, that field. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Already written to the audit log by the code that raised it. */
    readonly audited = false,
  ) {
    super(message);
    this.name = 'DomainError';
  }
  toCallError(): CallError {
    return this.field ? { code: this.code, message: this.message, field: this.field } : { code: this.code, message: this.message };
  }
}

/** Refuse an action because a business rule forbids it. */
export const refuse = (message: string, field?: string): never => {
  throw new DomainError('rule', message, field);
};
export const notFound = (what: string): never => {
  throw new DomainError('not_found', `${what}不存在`);
};
export const conflict = (message: string, field?: string): never => {
  throw new DomainError('conflict', message, field);
};

/** Raised while opening a data folder: not ours, from a newer app, locked by another process, … */
export class CoreOpenError extends Error {
  constructor(
    readonly reason: 'foreign' | 'newer' | 'locked' | 'migration' | 'io',
    message: string,
  ) {
    super(message);
    this.name = 'CoreOpenError';
  }
}
