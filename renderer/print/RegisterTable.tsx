// A register on paper: the declared columns, header row repeated on every page (thead), footer with
// 制表人 / 审核人 / print time / audit checkpoint repeated too (tfoot), rows never split.
import type { RegisterDef } from '../../db/contract/registers';
import { formatCell, shanghaiDateTime } from './format';

export interface PrintMeta {
  unitName: string;
  preparedBy: string;
  generatedAt: string;
  checkpoint: { seq: number; short: string };
}

export type PrintRow = Record<string, string | number | boolean | null>;

export function RegisterTable({ def, rows, meta }: { def: RegisterDef; rows: PrintRow[]; meta: PrintMeta }) {
  const cols = def.columns.filter((c) => !c.exportOnly);
  // A record keyed in after its act's day (row field `_keyedOn`) says so under its date.
  const dateKey = cols.find((c) => c.kind === 'date' || c.key === 'date')?.key;
  const total = cols.reduce((n, c) => n + c.width, 0);
  return (
    <table className="paper-table">
      <colgroup>
        {cols.map((c) => (
          <col key={c.key} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
        ))}
      </colgroup>
      <thead>
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
        {rows.length === 0 ? (
          <tr>
            <td colSpan={cols.length} className="paper-empty">
              （本期无登记）
            </td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={i} className={r._flag ? 'flagged' : undefined}>
              {cols.map((c) => (
                <td key={c.key} className={[c.signature ? 'signature' : '', c.align ? `align-${c.align}` : ''].join(' ').trim() || undefined}>
                  {c.signature ? '' : formatCell(r[c.key], c.kind)}
                  {c.key === dateKey && typeof r._keyedOn === 'string' ? <div className="paper-keyed">
                      <span>{r._keyedOn}</span> 补录
                    </div> : null}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
