// The IPC surface: two channels, both checked the same way — who is calling (the sender frame must
// be showing app://office) and what they sent (a zod shape) — before anything reaches the core.
// PURE: electron is only a type here; main.ts passes ipcMain in.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { Envelope } from '../../db/contract/common';
import { CALL_CHANNEL, PRINT_CHANNEL, type PrintRequest, type PrintResult } from './bridge';
import { isTrustedSender } from './urls';

/** The part of the core a host needs (db/core/core.ts `Core`). */
export interface CoreLike {
  call(sessionId: string | null, method: string, input: unknown): Envelope | Promise<Envelope>;
}

/** The part of an invoke event the checks read; a real IpcMainInvokeEvent satisfies it. */
export interface SenderInfo {
  readonly senderFrame: { readonly url: string } | null;
}

export const FORBIDDEN_MESSAGE = '拒绝来自未知页面的调用';

const callRequest = z
  .object({
    method: z.string().min(1).max(100),
    input: z.unknown().optional(),
    session: z.string().min(1).max(200).nullable(),
  })
  .strict();

// Print layouts live under #/print/… (DESIGN.md "Printing"); nothing else may be loaded into the
// print window, and nothing that could end the hash fragment or hide in whitespace.
const printRequest = z
  .object({
    route: z
      .string()
      .max(1000)
      .regex(/^\/print\/[^\s#\\]*$/),
    mode: z.enum(['preview', 'print', 'pdf']),
    landscape: z.boolean().optional(),
    suggestedName: z.string().max(120).optional(),
  })
  .strict();

/** A file name for the save dialog: no path parts, no characters Windows refuses, always .pdf. */
export function safePdfName(name: string | undefined): string {
  const base = (name ?? '')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  const stem = base.replace(/\.pdf$/i, '').replace(/[.\s]+$/, '') || '台账';
  return `${stem}.pdf`;
}

function senderIsTrusted(event: SenderInfo, isTrusted: (url: string) => boolean): boolean {
  // A frame that has navigated away or been destroyed has no senderFrame: refuse it.
  const frame = event.senderFrame;
  return frame !== null && frame !== undefined && isTrusted(frame.url);
}

export function createCallHandler(
  core: CoreLike,
  isTrusted: (url: string) => boolean = isTrustedSender,
): (event: SenderInfo, request: unknown) => Promise<Envelope> {
  return async (event, request) => {
    if (!senderIsTrusted(event, isTrusted)) {
      return { ok: false, error: { code: 'forbidden', message: FORBIDDEN_MESSAGE } };
    }
    const parsed = callRequest.safeParse(request);
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid_input', message: '调用格式不正确' } };
    }
    const { session, method, input } = parsed.data;
    try {
      return await core.call(session, method, input);
    } catch {
      // core.call promises never to throw; if it ever does, the renderer still gets an envelope.
      return { ok: false, error: { code: 'internal', message: '程序内部错误，请重试或联系管理员' } };
    }
  };
}

export type PrintFn = (request: PrintRequest, event: SenderInfo) => Promise<PrintResult>;

export function createPrintHandler(
  print: PrintFn,
  isTrusted: (url: string) => boolean = isTrustedSender,
): (event: SenderInfo, request: unknown) => Promise<PrintResult> {
  return async (event, request) => {
    if (!senderIsTrusted(event, isTrusted)) return { ok: false, message: FORBIDDEN_MESSAGE };
    const parsed = printRequest.safeParse(request);
    if (!parsed.success) return { ok: false, message: '打印请求格式不正确' };
    try {
      return await print(parsed.data, event);
    } catch (err) {
      return { ok: false, message: `打印失败：${err instanceof Error ? err.message : String(err)}` };
    }
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  handlers: {
    call: (event: SenderInfo, request: unknown) => Promise<Envelope>;
    print: (event: SenderInfo, request: unknown) => Promise<PrintResult>;
  },
): void {
  ipcMain.handle(CALL_CHANNEL, (event: IpcMainInvokeEvent, request: unknown) => handlers.call(event, request));
  ipcMain.handle(PRINT_CHANNEL, (event: IpcMainInvokeEvent, request: unknown) => handlers.print(event, request));
}
