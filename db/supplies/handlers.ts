import type { PartialHandlers } from '../core/context';
import type { suppliesMethods } from '../contract/supplies';

export const suppliesHandlers: PartialHandlers<keyof typeof suppliesMethods> = {};
