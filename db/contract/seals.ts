// The seals register's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const sealsMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const sealsRegisterDefs: Record<string, RegisterDef> = {};
