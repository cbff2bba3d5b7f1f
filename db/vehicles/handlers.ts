import type { PartialHandlers } from '../core/context';
import type { vehiclesMethods } from '../contract/vehicles';

export const vehiclesHandlers: PartialHandlers<keyof typeof vehiclesMethods> = {};
