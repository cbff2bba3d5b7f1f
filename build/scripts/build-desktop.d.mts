// Types for build-desktop.mjs.
export function buildDesktop(options?: { production?: boolean; outDir?: string; root?: string }): Promise<{ main: string; preload: string }>;
