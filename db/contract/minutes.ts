// The minutes register's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const minutesMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const minutesRegisterDefs: Record<string, RegisterDef> = {};
