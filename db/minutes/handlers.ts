import type { PartialHandlers } from '../core/context';
import type { minutesMethods } from '../contract/minutes';

export const minutesHandlers: PartialHandlers<keyof typeof minutesMethods> = {};
