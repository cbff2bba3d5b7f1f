// A register on paper: the title and period, the header row and the footer (制表人 / 审核人 / print
// time / audit checkpoint) repeated on every page, a 序号 before the declared columns, rows never split,
// and the sign-off block after the last row. Widths come from layout.ts: numbers, dates, amounts and
// plates never break; a long text is set smaller to stay within two lines.
import { useMemo, type ReactNode } from 'react';
import type { ColumnDef, RegisterDef } from '../../db/contract/registers';
import { CONTENT_MM, SEQ, UNBREAKABLE, textPt, dateColumnKey, formatCell, planColumns, printedColumns, shanghaiDateTime, type PaperRow } from '../../db/contract/paper';

export interface PrintMeta {
  unitName: string;
  preparedBy: string;
  generatedAt: string;
  checkpoint: { seq: number; short: string };
}

export type PrintRow = PaperRow;


const text = (v: unknown, c: ColumnDef) => formatCell(v, c.kind);

/** A text with its 文号 and codes held together (layout.ts sized the column for the longest). */
function keepTogether(s: string): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of s.matchAll(UNBREAKABLE)) {
    if (m.index > at) parts.push(s.slice(at, m.index));
    parts.push(
      <span key={m.index} className="nobr">
        {m[0]}
      </span>,
    );
    at = m.index + m[0].length;
  }
  if (!parts.length) return s;
  if (at < s.length) parts.push(s.slice(at));
  return parts;
}

/** With a title, the register stands alone: title and period on every page, the sign-off after it. Without, it is a section of a larger paper. */
export function RegisterTable({ def, rows, meta, title, period }: { def: RegisterDef; rows: PrintRow[]; meta: PrintMeta; title?: string; period?: string }) {
  const cols = useMemo(() => printedColumns(def), [def]);
  const numbered = useMemo<PrintRow[]>(() => (cols[0] === SEQ ? rows.map((r, i) => ({ ...r, _seq: i + 1 })) : rows), [rows, cols]);
  const plan = useMemo(() => planColumns(cols, numbered, text, CONTENT_MM[def.orientation]), [cols, numbered, def.orientation]);
  const total = plan.reduce((n, p) => n + p.mm, 0);
  const dateKey = dateColumnKey(cols);
  const signOff = def.signOff ?? ['保管人', '负责人'];
  return (
    <table className="paper-table">
      <colgroup>
        {plan.map((p) => (
          <col key={p.col.key} style={{ width: `${((p.mm / total) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
        {title ? (
          <tr className="paper-head">
            <th colSpan={cols.length}>
              <h1 className="paper-title">{title}</h1>
              {period ? <div className="paper-caption">{period}</div> : null}
            </th>
          </tr>
        ) : null}
        <tr>
          {cols.map((c) => (
            <th key={c.key}>{c.title}</th>
          ))}
        </tr>
      </thead>
      <tfoot>
        <tr>
          <td colSpan={cols.length}>
            <div className="paper-footer">
              <span>制表人：{meta.preparedBy}</span>
              <span>审核人：＿＿＿＿＿＿</span>
              <span>打印时间：{shanghaiDateTime(meta.generatedAt)}</span>
              <span>
                审计检查点：#{meta.checkpoint.seq} {meta.checkpoint.short}
              </span>
            </div>
          </td>
        </tr>
      </tfoot>
      <tbody>
        {numbered.length === 0 ? (
          <tr>
            <td colSpan={cols.length} className="paper-empty">
              （本期无登记）
            </td>
          </tr>
        ) : (
          numbered.map((r, i) => (
            <tr key={i} className={r._flag ? 'flagged' : undefined}>
              {plan.map(({ col: c, mm, atomic }) => {
                const value = c.signature ? '' : text(r[c.key], c);
                const pt = atomic || c.signature ? null : textPt(value, mm);
                return (
                  <td
                    key={c.key}
                    className={[c.signature ? 'signature' : '', atomic ? 'atomic' : '', c.align ? `align-${c.align}` : ''].join(' ').trim() || undefined}
                    style={pt && pt < 9.5 ? { fontSize: `${pt}pt` } : undefined}
                  >
                    {atomic ? value : keepTogether(value)}
                    {c.key === dateKey && typeof r._keyedOn === 'string' ? (
                      <div className="paper-keyed">
                        <span>{r._keyedOn}</span> 补录
                      </div>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))
        )}
        {title ? (
          <tr className="paper-signoff">
            <td colSpan={cols.length}>
              {signOff.map((who) => (
                <span key={who}>{who}（签字）：＿＿＿＿＿＿</span>
              ))}
              <span>日期：＿＿＿＿年＿＿月＿＿日</span>
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
