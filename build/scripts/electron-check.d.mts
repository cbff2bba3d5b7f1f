// Types for electron-check.mjs, so TypeScript callers and tests are checked under strict.
export interface ElectronRuntimeStatus {
  installed: boolean;
  version: string | null;
  executable: string | null;
  /** One line saying why the runtime is not usable; null when it is. */
  reason: string | null;
}
export function electronRuntimeStatus(root?: string): ElectronRuntimeStatus;
export function tryDownloadElectronOnce(options?: {
  root?: string;
  timeoutMs?: number;
  onOutput?: (text: string) => void;
}): Promise<boolean>;
