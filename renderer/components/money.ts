// Money in the forms: the core keeps 分 (integers), people read and type 元.
import { formatYuan } from '../../db/contract/money';

/** 分 → 元 with two decimals (empty when there is no amount). */
export const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : formatYuan(fen));
/** 元 typed by a person → 分; a third decimal survives as a fraction of 分 so the core refuses it by name. */
export const toFen = (y: number | null | undefined) => (y === null || y === undefined ? (undefined as unknown as number) : Math.round(y * 1000) / 10);
