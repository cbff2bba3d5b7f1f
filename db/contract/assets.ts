// The assets area's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const assetsMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const assetsRegisterDefs: Record<string, RegisterDef> = {};
