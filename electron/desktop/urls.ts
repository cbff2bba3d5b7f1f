// URL rules of the desktop shell. PURE: node:path only, no electron, so tests run under plain Node
// and the browser host can reuse resolveAppPath for its static files.
import nodePath from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'office';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Hosts the app may hand to the system browser. Kept tiny on purpose: every entry is a way out. */
export const EXTERNAL_HOSTS: readonly string[] = ['www.gov.cn'];

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Only our own origin, exactly: no credentials, no port, no look-alike hosts. */
export function isAllowedAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === '' &&
    (url as string).toLowerCase().startsWith(`${APP_ORIGIN}/`)
  );
}

/** A frame may call the core only while it shows our own pages. */
export function isTrustedSender(frameUrl: unknown): boolean {
  return isAllowedAppUrl(frameUrl);
}

/** https links to an allow-listed host only; everything else stays closed. */
export function isAllowedExternal(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === 'https:' &&
    u.username === '' &&
    u.password === '' &&
    u.port === '' &&
    EXTERNAL_HOSTS.includes(u.hostname)
  );
}

// Windows opens devices for these names in any folder (reading "CON" would block forever).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function safeSegment(segment: string): boolean {
  return (
    segment !== '' &&
    segment !== '.' &&
    segment !== '..' &&
    // separators, drive letters / NTFS streams, null bytes, a second round of encoding
    !/[\\/:\0%]/.test(segment) &&
    // Windows silently drops trailing dots and spaces (".. " would become "..")
    !/[. ]$/.test(segment) &&
    !WINDOWS_DEVICE.test(segment) &&
    // control characters never appear in our build output
    !/[\u0000-\u001f\u007f]/.test(segment)
  );
}

/**
 * Maps `app://office/<path>` to a file under `root`, or null when the URL is not ours or tries to
 * leave `root`. The raw text is inspected before any URL normalisation, because `new URL()` would
 * quietly resolve `..` and `%2e%2e` and hide the attempt.
 */
export function resolveAppPath(root: string, url: unknown, path: typeof nodePath = nodePath): string | null {
  if (typeof url !== 'string' || url.length > 2048 || url.includes('\\') || url.includes('\0')) return null;
  if (!isAllowedAppUrl(url)) return null;
  const rest = url.slice(APP_ORIGIN.length); // starts with '/'
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';
  if (rawPath === '/' || rawPath === '') return path.join(path.resolve(root), 'index.html');

  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null; // malformed escapes
    }
    if (!safeSegment(segment)) return null;
    segments.push(segment);
  }
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  // Belt and braces: whatever slipped through above must still land inside root.
  return file.startsWith(base + path.sep) ? file : null;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** With nosniff on, an unknown type is served as bytes and never executed. */
export function mimeType(file: string): string {
  return MIME[nodePath.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
