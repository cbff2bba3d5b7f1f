// The supplies area's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const suppliesMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const suppliesRegisterDefs: Record<string, RegisterDef> = {};
