import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, rmbUpper } from '../../db/contract/money';

describe('人民币大写', () => {
  it.each([
    [0, '零元整'],
    [1, '壹分'],
    [10, '壹角'],
    [11, '壹角壹分'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1050, '壹拾元零伍角'],
    [1005, '壹拾元零伍分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [140950, '壹仟肆佰零玖元伍角'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [10000000000, '壹亿元整'],
    [10000000009, '壹亿元零玖分'],
    [10000100000, '壹亿零壹仟元整'],
    [10001000000, '壹亿零壹万元整'],
    [11000000000, '壹亿壹仟万元整'],
    [100000100, '壹佰万零壹元整'],
    [101010100, '壹佰零壹万零壹佰零壹元整'],
    [500000000, '伍佰万元整'],
    [2000000, '贰万元整'],
    [2000100, '贰万零壹元整'],
    [1000000000000 - 1, '玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%i 分 → %s', (fen, text) => {
    expect(rmbUpper(fen)).toBe(text);
  });

  it('refuses what is not an amount', () => {
    for (const bad of [-1, 0.5, NaN, Infinity, 1e14]) expect(() => rmbUpper(bad)).toThrow('金额超出范围');
  });

  it('never has two 零 in a row, never ends in 零, and always says 元 or 角/分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), (fen) => {
        const t = rmbUpper(fen);
        expect(t).not.toMatch(/零零|零$|零元(?!整)|零[万亿元]/);
        expect(t).toMatch(/[元角分]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('formats figures with thousands separators and two decimals', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(100000000000)).toBe('1,000,000,000.00');
  });
});
