// A small QR decoder for tests: reads an upright, unrotated QR code (as printed on our labels and
// rendered by pdftoppm) from a grayscale image, versions 1–6, single-block error correction levels
// (what the label's short asset numbers need), numeric / alphanumeric / byte segments. It locates
// the three finder patterns, samples the module grid, reads the format information, removes the
// mask and parses the data. No error correction: a clean render has no errors to correct.

export interface Gray {
  width: number;
  height: number;
  /** 0 = black … 255 = white, row by row. */
  data: Uint8Array;
}

/** A binary PGM (P5), as written by `pdftoppm -gray`. */
export function readPgm(buf: Buffer): Gray {
  let pos = 0;
  const token = () => {
    while (pos < buf.length) {
      const ch = buf[pos];
      if (ch === 0x23) while (pos < buf.length && buf[pos] !== 0x0a) pos++;
      else if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) pos++;
      else break;
    }
    const start = pos;
    while (pos < buf.length && ![0x20, 0x0a, 0x0d, 0x09].includes(buf[pos])) pos++;
    return buf.toString('latin1', start, pos);
  };
  if (token() !== 'P5') throw new Error('not a binary PGM');
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  if (max > 255) throw new Error('16-bit PGM not supported');
  pos++;
  return { width, height, data: new Uint8Array(buf.subarray(pos, pos + width * height)) };
}

interface Finder {
  x: number;
  y: number;
  module: number;
  hits: number;
}

const ratioOk = (runs: number[]) => {
  const total = runs.reduce((a, b) => a + b, 0);
  if (total < 7) return false;
  const m = total / 7;
  const tol = m * 0.6;
  return Math.abs(runs[0] - m) < tol && Math.abs(runs[1] - m) < tol && Math.abs(runs[2] - 3 * m) < 3 * tol && Math.abs(runs[3] - m) < tol && Math.abs(runs[4] - m) < tol;
};

/** Runs of equal colour along a line, with the start of each run. */
function runs(get: (i: number) => boolean, n: number) {
  const out: { dark: boolean; start: number; len: number }[] = [];
  for (let i = 0; i < n; i++) {
    const d = get(i);
    const last = out[out.length - 1];
    if (last && last.dark === d) last.len++;
    else out.push({ dark: d, start: i, len: 1 });
  }
  return out;
}

function findFinders(img: Gray, dark: (x: number, y: number) => boolean): Finder[] {
  const found: Finder[] = [];
  for (let y = 0; y < img.height; y++) {
    const r = runs((x) => dark(x, y), img.width);
    for (let k = 0; k + 4 < r.length; k++) {
      if (!r[k].dark) continue;
      const five = r.slice(k, k + 5);
      if (!ratioOk(five.map((s) => s.len))) continue;
      const cx = Math.floor(five[2].start + five[2].len / 2);
      // Confirm vertically through the centre column.
      const col = runs((yy) => dark(cx, yy), img.height);
      const at = col.findIndex((s) => s.start <= y && y < s.start + s.len);
      if (at < 2 || at + 2 >= col.length) continue;
      const v = col.slice(at - 2, at + 3);
      if (!v[2].dark || !ratioOk(v.map((s) => s.len))) continue;
      const cy = v[2].start + v[2].len / 2;
      const module = (five.reduce((a, s) => a + s.len, 0) + v.reduce((a, s) => a + s.len, 0)) / 14;
      const near = found.find((f) => Math.abs(f.x - cx) < module * 3 && Math.abs(f.y - cy) < module * 3);
      if (near) {
        near.x = (near.x * near.hits + cx) / (near.hits + 1);
        near.y = (near.y * near.hits + cy) / (near.hits + 1);
        near.module = (near.module * near.hits + module) / (near.hits + 1);
        near.hits++;
      } else found.push({ x: cx, y: cy, module, hits: 1 });
    }
  }
  return found.filter((f) => f.hits >= 2);
}

const ALIGN: Record<number, number[]> = { 2: [6, 18], 3: [6, 22], 4: [6, 26], 5: [6, 30], 6: [6, 34] };
/** [total codewords, data codewords] for single-block levels, by version and level bits (M=0, L=1, H=2, Q=3). */
const CAPACITY: Record<number, Partial<Record<number, [number, number]>>> = {
  1: { 1: [26, 19], 0: [26, 16], 3: [26, 13], 2: [26, 9] },
  2: { 1: [44, 34], 0: [44, 28], 3: [44, 22], 2: [44, 16] },
  3: { 1: [70, 55], 0: [70, 44] },
  4: { 1: [100, 80] },
  5: { 1: [134, 108] },
};

function bchFormat(data: number): number {
  let d = data << 10;
  const g = 0b10100110111;
  for (let i = 14; i >= 10; i--) if (d & (1 << i)) d ^= g << (i - 10);
  return ((data << 10) | d) ^ 0b101010000010010;
}

const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

/** Decode a module matrix (true = dark), size 21…41. */
export function decodeMatrix(m: boolean[][]): string {
  const size = m.length;
  const version = (size - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 6) throw new Error(`unsupported QR size ${size}`);
  // Format information from the copy beside the top-left finder (column 8, then row 8).
  const at = (r: number, c: number) => (m[r][c] ? 1 : 0);
  let raw = 0;
  const vertical = [0, 1, 2, 3, 4, 5, 7, 8];
  for (let i = 0; i < 15; i++) {
    const bit = i < 8 ? at(vertical[i], 8) : at(8, 14 - i + (14 - i >= 6 ? 1 : 0));
    raw |= bit << i;
  }
  let best = { data: -1, dist: 99 };
  for (let data = 0; data < 32; data++) {
    const x = bchFormat(data) ^ raw;
    const dist = x.toString(2).replace(/0/g, '').length;
    if (dist < best.dist) best = { data, dist };
  }
  if (best.dist > 3) throw new Error('format information unreadable');
  const level = best.data >> 3;
  const mask = MASKS[best.data & 7];
  // Function modules.
  const reserved = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  const box = (r0: number, c0: number, h: number, w: number) => {
    for (let r = r0; r < r0 + h; r++) for (let c = c0; c < c0 + w; c++) if (r >= 0 && c >= 0 && r < size && c < size) reserved[r][c] = true;
  };
  box(0, 0, 9, 9);
  box(0, size - 8, 9, 8);
  box(size - 8, 0, 8, 9);
  for (let i = 0; i < size; i++) reserved[6][i] = reserved[i][6] = true;
  const pos = ALIGN[version] ?? [];
  for (const r of pos) for (const c of pos) if (!((r === 6 && c === 6) || (r === 6 && c === pos[pos.length - 1]) || (r === pos[pos.length - 1] && c === 6))) box(r - 2, c - 2, 5, 5);
  // Data bits in the zigzag order, unmasked.
  const bits: number[] = [];
  let upward = true;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let k = 0; k < size; k++) {
      const r = upward ? size - 1 - k : k;
      for (const c of [col, col - 1]) if (!reserved[r][c]) bits.push((m[r][c] ? 1 : 0) ^ (mask(r, c) ? 1 : 0));
    }
    upward = !upward;
  }
  const cap = CAPACITY[version]?.[level];
  if (!cap) throw new Error(`version ${version} at this level has several blocks: not supported`);
  const dataBits = bits.slice(0, cap[1] * 8);
  let p = 0;
  const read = (n: number) => {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | (dataBits[p++] ?? 0);
    return v;
  };
  let out = '';
  const bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += new TextDecoder().decode(new Uint8Array(bytes.splice(0)));
  };
  while (p + 4 <= dataBits.length) {
    const modeBits = read(4);
    if (modeBits === 0) break;
    if (modeBits === 1) {
      flush();
      let n = read(10);
      while (n >= 3) {
        out += String(read(10)).padStart(3, '0');
        n -= 3;
      }
      if (n === 2) out += String(read(7)).padStart(2, '0');
      else if (n === 1) out += String(read(4));
    } else if (modeBits === 2) {
      flush();
      let n = read(9);
      while (n >= 2) {
        const v = read(11);
        out += ALNUM[Math.floor(v / 45)] + ALNUM[v % 45];
        n -= 2;
      }
      if (n === 1) out += ALNUM[read(6)];
    } else if (modeBits === 4) {
      const n = read(8);
      for (let i = 0; i < n; i++) bytes.push(read(8));
    } else throw new Error(`unsupported mode ${modeBits}`);
  }
  flush();
  return out;
}

/** Find one QR code in an image and decode it. */
export function decodeQr(img: Gray): string {
  let threshold = 128;
  const dark = (x: number, y: number) => img.data[y * img.width + x] < threshold;
  const finders = findFinders(img, dark).sort((a, b) => b.hits - a.hits);
  if (finders.length < 3) throw new Error(`found ${finders.length} finder patterns`);
  const three = finders.slice(0, 3);
  // Top-left: the corner between the other two; top-right is to its right, bottom-left below it.
  const d = (a: Finder, b: Finder) => Math.hypot(a.x - b.x, a.y - b.y);
  const tl = three.reduce((best, f) => {
    const others = three.filter((o) => o !== f);
    const bestOthers = three.filter((o) => o !== best);
    return d(others[0], others[1]) > d(bestOthers[0], bestOthers[1]) ? f : best;
  });
  const rest = three.filter((f) => f !== tl);
  const tr = rest[0].x > rest[1].x ? rest[0] : rest[1];
  const bl = rest[0].x > rest[1].x ? rest[1] : rest[0];
  const module = (tl.module + tr.module + bl.module) / 3;
  let dim = Math.round((tr.x - tl.x) / module) + 7;
  dim = Math.round((dim - 17) / 4) * 4 + 17;
  const mx = (tr.x - tl.x) / (dim - 7);
  const my = (bl.y - tl.y) / (dim - 7);
  threshold = 128;
  const matrix = Array.from({ length: dim }, (_, r) => Array.from({ length: dim }, (_, c) => dark(Math.round(tl.x + (c - 3) * mx), Math.round(tl.y + (r - 3) * my))));
  return decodeMatrix(matrix);
}
