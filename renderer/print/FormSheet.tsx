// Building blocks of a single printed form (用印审批单, 派车单, 验收单, 报销审批单 …): portrait A4, the
// unit's name in the title, labelled boxes, signature blocks in the approval order with dates, and
// amounts in figures and 人民币大写. A register composes its forms from these.
import type { ReactNode } from 'react';
import { formatYuan, rmbUpper } from '../../db/contract/money';
import { backEnteredOn } from '../../db/contract/time';
import { shanghaiDateTime } from '../../db/contract/paper';

/**
 * `keyedAt` is when the record was entered: a form whose date is earlier says so beside it (补录), so
 * paper written up afterwards never passes for paper kept at the time.
 */
export function FormSheet({ unitName, title, number, date, keyedAt, children, footer }: { unitName: string; title: string; number?: string; date?: string; keyedAt?: string; children: ReactNode; footer?: ReactNode }) {
  const backEntered = date && keyedAt ? backEnteredOn(date, keyedAt) : null;
  return (
    <div className="paper paper-page paper-form">
      <h1 className="paper-title">
        {unitName}
        {title}
      </h1>
      <div className="form-meta">
        <span>{number ? `编号：${number}` : ''}</span>
        <span>
          {date ? `日期：${date}` : ''}
          {backEntered ? <span className="back-entered">（{backEntered} 补录）</span> : null}
        </span>
      </div>
      {children}
      {footer}
    </div>
  );
}

/** Rows of labelled boxes; a row may hold one field spanning the width or two side by side. */
export interface FormField {
  label: string;
  value: ReactNode;
  /** Take the whole row. */
  wide?: boolean;
}

export function FieldGrid({ fields }: { fields: FormField[] }) {
  const rows: FormField[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (!f.wide && last && last.length === 1 && !last[0].wide) last.push(f);
    else rows.push([f]);
  }
  return (
    <table className="form-grid">
      <tbody>
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((f) => [
              <th key={`${f.label}-h`}>{f.label}</th>,
              <td key={`${f.label}-v`} colSpan={r.length === 1 ? 3 : 1}>
                {f.value}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 金额：¥1,234.50　人民币（大写）壹仟贰佰叁拾肆元伍角 */
export function Amount({ fen }: { fen: number }) {
  return (
    <span>
      ¥{formatYuan(fen)}　人民币（大写）<span className="amount-upper">{rmbUpper(fen)}</span>
    </span>
  );
}

export interface SignatureStep {
  /** 申请人意见, 分管领导审批, 监印人 … */
  label: string;
  /** Recorded decision and comment, if any (a co-signed or paper approval). */
  text?: string;
  /** Who signed (already recorded) — printed; the pen signature goes beside it. */
  name?: string;
  at?: string | null;
}

/** Signature blocks in approval order: recorded decisions print with name and date; blanks stay for the pen. */
export function SignatureBlocks({ steps }: { steps: SignatureStep[] }) {
  return (
    <table className="form-grid">
      <tbody>
        {steps.map((s) => (
          <tr key={s.label}>
            <th>{s.label}</th>
            <td colSpan={3} className="signature-box">
              {s.text ?? ''}
              <span className="sig-line">
                签字：{s.name ?? '＿＿＿＿＿＿'}　　日期：{s.at ? shanghaiDateTime(s.at).slice(0, 10) : '＿＿＿＿年＿＿月＿＿日'}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FormFooter({ preparedBy, generatedAt, checkpoint }: { preparedBy: string; generatedAt: string; checkpoint: { seq: number; short: string } }) {
  return (
    <div className="paper-footer form-footer">
      <span>经办人：{preparedBy}</span>
      <span>打印时间：{shanghaiDateTime(generatedAt)}</span>
      <span>
        审计检查点：#{checkpoint.seq} {checkpoint.short}
      </span>
    </div>
  );
}
