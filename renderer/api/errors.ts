import type { CallError, ErrorCode } from '../../db/contract';

/** A refusal or failure from the core, carried as a thrown value so react-query and forms can catch it. */
export class ApiError extends Error implements CallError {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(e: CallError) {
    super(e.message);
    this.name = 'ApiError';
    this.code = e.code;
    if (e.field) this.field = e.field;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** Turn anything thrown (network down, host gone) into an ApiError the UI can show. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ code: 'internal', message: '无法连接到本机服务，请确认程序仍在运行后重试。' });
}
