// Money is integer 分 everywhere; these turn it into what people read and sign. PURE.

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

/** 1234567 → "12,345.67" */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Four digits with their units, one 零 for any run of inner zeros (trailing zeros silent). */
function section(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += DIGITS[d] + UNITS[i];
    }
  }
  return out;
}

/**
 * 人民币大写 following the payment-settlement rules (《支付结算办法》附件): 壹拾元整, 壹仟陆佰捌拾元零叁角贰分,
 * 壹亿元零玖分; 整 after 元, none after 分; one 零 for a run of zeros. Input in 分, 0 ≤ fen < 10^14.
 */
export function rmbUpper(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0 || fen >= 1e14) throw new RangeError(`金额超出范围：${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let yuanText = '';
  let zeroBefore = false;
  for (let s = 2; s >= 0; s--) {
    const part = Math.floor(yuan / 10_000 ** s) % 10_000;
    if (part === 0) {
      if (yuanText) zeroBefore = true;
      continue;
    }
    if (yuanText && (zeroBefore || part < 1000)) yuanText += '零';
    zeroBefore = false;
    yuanText += section(part) + SECTIONS[s];
  }
  if (yuan === 0) {
    if (jiao === 0 && fenDigit === 0) return '零元整';
    return (jiao ? `${DIGITS[jiao]}角` : '') + (fenDigit ? `${DIGITS[fenDigit]}分` : '');
  }
  let out = `${yuanText}元`;
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  // 元位 zero before 角 (1,680.32), or no 角 before 分 (325.04): one 零.
  if (jiao === 0 || yuan % 10 === 0) out += '零';
  if (jiao) out += `${DIGITS[jiao]}角`;
  if (fenDigit) out += `${DIGITS[fenDigit]}分`;
  return out;
}
