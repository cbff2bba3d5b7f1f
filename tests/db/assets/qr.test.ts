// The labels' QR code encodes the asset number: the test decoder reads back what the qrcode package
// (the one the label print uses) draws, so the e2e test can decode the label PDF with it.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { formatAssetNumber } from '../../../db/contract/assets';
import { decodeMatrix, decodeQr, type Gray } from './qr-decode';

function render(text: string, scale = 5, quiet = 4): Gray {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const width = (n + quiet * 2) * scale;
  const data = new Uint8Array(width * width).fill(255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (qr.modules.get(r, c))
        for (let y = 0; y < scale; y++) for (let x = 0; x < scale; x++) data[((r + quiet) * scale + y) * width + (c + quiet) * scale + x] = 0;
  return { width, height: width, data };
}

describe('QR labels', () => {
  it('asset numbers in every pattern style decode back from the drawn code', () => {
    const numbers = [formatAssetNumber('ZC-{year}-{seq:5}', 2026, 1), formatAssetNumber('SFJ-{year}-{seq:3}', 2025, 42), 'SFJ-2015-031', '资产-0001', 'ZC2026000123456789', 'zc-2026-00001'];
    for (const n of numbers) expect(decodeQr(render(n))).toBe(n);
  });

  it('the decoder refuses what it cannot read (so a blank label cannot pass)', () => {
    const blank: Gray = { width: 100, height: 100, data: new Uint8Array(10_000).fill(255) };
    expect(() => decodeQr(blank)).toThrow(/finder/);
    const qr = QRCode.create('ZC-2026-00001', { errorCorrectionLevel: 'M' });
    const m = Array.from({ length: qr.modules.size }, (_, r) => Array.from({ length: qr.modules.size }, (_, c) => !!qr.modules.get(r, c)));
    expect(decodeMatrix(m)).toBe('ZC-2026-00001');
    m[8][0] = !m[8][0];
    m[8][1] = !m[8][1];
    m[8][2] = !m[8][2];
    m[8][3] = !m[8][3];
    m[0][8] = !m[0][8];
    expect(() => decodeMatrix(m)).toThrow();
  });
});
