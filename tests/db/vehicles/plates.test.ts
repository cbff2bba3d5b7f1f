// Plates, VINs and litres: what the vehicle file accepts, normalised once at the boundary.
import { describe, expect, it } from 'vitest';
import { formatPlate, litresField, normalisePlate, plateField, vinField } from '../../../db/contract/vehicles';

describe('mainland plates', () => {
  it('accepts ordinary and new-energy plates and normalises how people write them', () => {
    const cases: [string, string][] = [
      ['湘B12345', '湘B12345'],
      ['湘B·12345', '湘B12345'],
      ['湘BD12345', '湘BD12345'],
      ['湘B·D12345', '湘BD12345'],
      ['湘b·d12345', '湘BD12345'],
      ['湘B D12345', '湘BD12345'],
      ['湘B-F1234A'.replace('A', '5'), '湘BF12345'],
      ['粤BDA1234', '粤BDA1234'], // 新能源小型车: D + letter + 4 digits
      ['湘B12345D', '湘B12345D'], // 新能源大型车
      ['京A·8K3P2', '京A8K3P2'],
      ['湘ＢＤ１２３４５', '湘BD12345'], // full-width letters and digits from a Chinese input method
      ['湘B1234学', '湘B1234学'],
      ['湘A1234警', '湘A1234警'],
      ['湘B·1234挂', '湘B1234挂'],
    ];
    for (const [input, want] of cases) expect(normalisePlate(input), input).toBe(want);
    expect(formatPlate('湘BD12345')).toBe('湘B·D12345');
    expect(formatPlate('湘B12345')).toBe('湘B·12345');
  });

  it('refuses malformed plates', () => {
    for (const bad of ['', '湘12345', '湘B1234', '湘B123456', '湘BI2345', '湘BO2345', 'XB12345', 'AB12345', '湘B1234X学', '湘BD12345D', '湘ID12345', '湘湘12345', '湘BM12345']) {
      expect(normalisePlate(bad), bad).toBeNull();
    }
    const r = plateField.safeParse('湘B1234');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].message).toContain('车牌号格式不正确');
  });

  it('five characters after the city letter are an ordinary plate, six a new-energy one', () => {
    expect(normalisePlate('湘BD1234')).toBe('湘BD1234');
    expect(normalisePlate('湘BD123')).toBeNull();
    expect(normalisePlate('湘BDA12')).toBeNull();
  });
});

describe('VIN', () => {
  it('is 17 characters without I, O or Q, upper-cased', () => {
    expect(vinField.parse(' lsvab2bm3jn123456 ')).toBe('LSVAB2BM3JN123456');
    for (const bad of ['LSVAB2BM3JN12345', 'LSVAB2BM3JN1234567', 'LSVAB2BM3JN12345I', 'LSVAB2BM3JN12345O', 'LSVAB2BM3JN12345Q', 'LSVAB2BM3JN1234-5']) {
      const r = vinField.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0].message).toContain('17 位');
    }
  });
});

describe('litres', () => {
  it('takes at most two decimals and refuses negatives, zero and nonsense', () => {
    const f = litresField();
    expect(f.parse(45.67)).toBe(45.67);
    expect(f.parse(0.1 + 0.2)).toBeCloseTo(0.3); // floating-point noise is still two decimals
    for (const bad of [-1, 0, 45.678, Number.NaN, Number.POSITIVE_INFINITY, 5000, '45']) expect(f.safeParse(bad).success, String(bad)).toBe(false);
  });
});
