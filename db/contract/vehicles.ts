// The vehicles register's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const vehiclesMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const vehiclesRegisterDefs: Record<string, RegisterDef> = {};
