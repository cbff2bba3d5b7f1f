#!/usr/bin/env node
// Draws build/icons/icon.png (512×512): a red seal — rounded square, inner border, a ruled ledger page —
// so packaging needs no image tools. electron-builder derives the .ico and Linux sizes from it.
//   node build/scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const RED = [196, 30, 36];
const PAPER = [253, 246, 236];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Inside a rounded rectangle [x0,x1]×[y0,y1] with corner radius r? */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Colour of one sample point: transparent, red seal, or paper-coloured engraving. */
function sample(x, y) {
  if (!inRoundRect(x, y, 24, 24, 488, 488, 64)) return null;
  const ring = inRoundRect(x, y, 60, 60, 452, 452, 36) && !inRoundRect(x, y, 76, 76, 436, 436, 24);
  // a ledger: a bound spine on the left and ruled entries of differing length
  const spine = inRoundRect(x, y, 128, 128, 168, 384, 8);
  const rules = [
    [200, 136, 384],
    [200, 204, 384],
    [200, 272, 340],
    [200, 340, 300],
  ].some(([x0, y0, x1]) => inRoundRect(x, y, x0, y0, x1, y0 + 36, 10));
  return ring || spine || rules ? PAPER : RED;
}

export function drawIcon() {
  const SS = 4; // 4×4 supersampling for smooth corners
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
        }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../icons/icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, drawIcon());
console.log(`icon: ${out}`);
