// Line breaking for the core's PDF writer: the same rules as the print route's CSS.
import { describe, expect, it } from 'vitest';
import { formatCell, textPt, wrapText, widthEm } from '../../db/contract/paper';

const em = (t: string) => widthEm(t);

describe('wrapText', () => {
  it('breaks Chinese between characters and keeps a 文号 whole', () => {
    const lines = wrapText('办公设备维保合同（×司发〔2025〕123号）', 11, em);
    expect(lines.join('')).toBe('办公设备维保合同（×司发〔2025〕123号）');
    expect(lines.some((l) => l.includes('×司发〔2025〕123号'))).toBe(true);
    for (const l of lines) expect(em(l)).toBeLessThanOrEqual(11);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    const lines = wrapText('甲乙丙丁戊，己庚辛（壬癸）子丑', 5, em);
    for (const l of lines) {
      expect(l).not.toMatch(/^[，）]/);
      expect(l).not.toMatch(/（$/);
    }
    expect(lines.join('')).toBe('甲乙丙丁戊，己庚辛（壬癸）子丑');
  });

  it('keeps plates, numbers and Latin runs whole', () => {
    const lines = wrapText('驾驶员张三驾驶湘A·5M9C1前往市局', 6, em);
    expect(lines.some((l) => l.includes('湘A·5M9C1') || l.includes('A·5M9C1'))).toBe(true);
    expect(lines.every((l) => !/^[0-9A-Z]/.test(l) || l.startsWith('A·5M9C1'))).toBe(true);
  });

  it('breaks a token wider than the line rather than cutting it off', () => {
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    const lines = wrapText(long, 5, em);
    expect(lines.join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(1);
  });

  it('returns one empty line for an empty text and keeps a short text on one line', () => {
    expect(wrapText('', 5, em)).toEqual(['']);
    expect(wrapText('赵敏', 5, em)).toEqual(['赵敏']);
  });
});

describe('textPt', () => {
  it('sets a cell smaller when a run that never breaks would not fit its column, and no smaller than the plan allows', () => {
    expect(textPt('修改本人密码', 30)).toBe(9.5);
    // 23 Latin characters ≈ 13 em: with the cell's padding 47 mm at 9.5 pt, 42.4 mm at 8.5 pt, 37.8 mm at 7.5 pt.
    expect(textPt('accounts.changePassword', 48)).toBe(9.5);
    expect(textPt('accounts.changePassword', 44)).toBe(8.5);
    expect(textPt('accounts.changePassword', 40)).toBe(7.5);
    expect(textPt('accounts.changePassword', 20)).toBe(7.5);
  });
});

describe('formatCell on a date column', () => {
  it('prints the Shanghai day of a timestamp, never its first ten characters', () => {
    expect(formatCell('2025-12-31T16:30:00Z', 'date')).toBe('2026-01-01');
    expect(formatCell('2026-01-01T00:30:00+08:00', 'date')).toBe('2026-01-01');
    expect(formatCell('2025-03-04', 'date')).toBe('2025-03-04');
    expect(formatCell('', 'date')).toBe('');
  });
});
