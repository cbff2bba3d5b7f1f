// Helpers of the supplies area; the shared pieces (SQL helpers, money, shared settings) live in db/core
// and are re-exported here for the area's own files.
import type { Ctx } from '../core/context';

export type C = Ctx<unknown>;
export { stmt, today, pastDate, userLite, activeUser, insertRow, updateRow, dateRange, whereSql, type UserLite } from '../core/rows';
export { yuan, mulDiv } from '../core/money';
export { suppliesSettings, saveSuppliesSettings, assetsSettings, saveAssetsSettings } from '../core/area-settings';
