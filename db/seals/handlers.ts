import type { PartialHandlers } from '../core/context';
import type { sealsMethods } from '../contract/seals';

export const sealsHandlers: PartialHandlers<keyof typeof sealsMethods> = {};
