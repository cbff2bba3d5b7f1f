export declare const MISSING_CHROMIUM: string;
export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  candidates?: string[];
  fallback?: () => string | null;
}
export declare function findChromium(opts?: FindChromiumOptions): string | null;
export declare function requireChromium(opts?: FindChromiumOptions): string;
