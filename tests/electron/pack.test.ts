// Packs the app with electron-builder (--dir, linux x64) against a placeholder Electron folder and
// checks what an installer would contain. Offline-safe: see build/scripts/pack-check.mjs.
import { describe, expect, it } from 'vitest';
import { packCheck, packCheckUnavailable } from '../../build/scripts/pack-check.mjs';

const unavailable = packCheckUnavailable();
if (unavailable) console.log(`pack test skipped: ${unavailable}`);

describe('packaging', () => {
  it.skipIf(unavailable !== null)(
    'app.asar holds the built app and the better-sqlite3 binding is outside it',
    async () => {
      const result = await packCheck();
      const failed = result.checks.filter((c) => !c.ok);
      expect(failed, failed.map((c) => `${c.name}\n${c.detail ?? ''}`).join('\n')).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.checks.length).toBeGreaterThan(10);
    },
    120_000,
  );
});
