// Password hashing (scrypt, self-describing string) and the password rule.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Settings } from '../contract/settings';

const KEY_LEN = 32;
/** N = 2^17, r = 8, p = 1 as SECURITY.md sets; ~128 MiB, so maxmem is raised. */
export const DEFAULT_LOG_N = 17;

function scryptAsync(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LEN, { N: 2 ** logN, r, p, maxmem: 300 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$<logN>$<r>$<p>$<salt b64>$<key b64>` — the parameters travel with the hash. */
export async function hashPassword(password: string, logN = DEFAULT_LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, logN, 8, 1);
  return `scrypt$${logN}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, key] = parts;
  const expected = Buffer.from(key, 'base64');
  const got = await scryptAsync(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A hash that never verifies, at the cost real hashes have: unknown logins take as long as known ones. */
export const dummyHash = (logN = DEFAULT_LOG_N) => `scrypt$${logN}$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=`;

/** The configurable rule: length, character classes, not the login name. Problems in Chinese. */
export function passwordProblems(password: string, login: string, s: Pick<Settings, 'passwordMinLength' | 'passwordMinClasses'>): string[] {
  const problems: string[] = [];
  if ([...password].length < s.passwordMinLength) problems.push(`至少 ${s.passwordMinLength} 个字符`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < s.passwordMinClasses) problems.push(`须包含小写字母、大写字母、数字、符号中的至少 ${s.passwordMinClasses} 类`);
  const l = login.trim().toLowerCase();
  if (l && (password.toLowerCase() === l || password.toLowerCase().includes(l))) problems.push('不能包含登录名');
  return problems;
}
