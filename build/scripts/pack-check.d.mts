// Types for pack-check.mjs.
export interface PackCheckResult {
  ok: boolean;
  /** Set when this machine cannot run the check at all (a packaging tool is not installed). */
  skipped?: string;
  checks: { name: string; ok: boolean; detail?: string }[];
  seconds: number;
  workDir?: string;
  /** electron-builder's output when it failed. */
  log?: string;
}
export function packCheckUnavailable(): string | null;
export function packCheck(options?: { real?: boolean; keep?: boolean }): Promise<PackCheckResult>;
