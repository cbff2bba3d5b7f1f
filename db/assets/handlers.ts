import type { PartialHandlers } from '../core/context';
import type { assetsMethods } from '../contract/assets';

export const assetsHandlers: PartialHandlers<keyof typeof assetsMethods> = {};
