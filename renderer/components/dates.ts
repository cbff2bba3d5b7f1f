// Dates and times as the forms and lists of the registers show and send them.
import dayjs, { type Dayjs } from 'dayjs';

/** A picked day as the contract's `YYYY-MM-DD`. */
export const dateOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** A picked moment as the contract's ISO time with offset. */
export const timeOf = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined);
/** For `disabledDate`: days after today. */
export const futureDay = (d: Dayjs) => d.isAfter(dayjs(), 'day');
/** An ISO time as `YYYY-MM-DD HH:mm` (empty when there is none). */
export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '');
/** This year and the eleven before it, for a year filter. */
export const years = () => Array.from({ length: 12 }, (_, i) => dayjs().year() - i);
