// The one object the preload puts on `window.office`. PURE types and constants: the renderer's IPC
// transport imports this file, the preload implements it, ipc.ts serves its channels.
import type { Envelope } from '../../db/contract/common';

export const CALL_CHANNEL = 'office:call';
export const PRINT_CHANNEL = 'office:print';

export interface CallRequest {
  method: string;
  input: unknown;
  /** Session id from accounts.signIn; null before sign-in. */
  session: string | null;
}

export type PrintMode = 'preview' | 'print' | 'pdf';

export interface PrintRequest {
  /** A renderer print route, e.g. `/print/seals/register?year=2025`. */
  route: string;
  mode: PrintMode;
  landscape?: boolean;
  /** File name offered in the save dialog (mode 'pdf'). */
  suggestedName?: string;
}

export interface PrintResult {
  ok: boolean;
  /** Where the PDF was written (modes 'pdf' and 'preview'). */
  path?: string;
  /** Why it did not work, in Chinese, ready to show. */
  message?: string;
}

export interface OfficeBridge {
  platform: 'desktop';
  call(req: CallRequest): Promise<Envelope>;
  print(req: PrintRequest): Promise<PrintResult>;
}
