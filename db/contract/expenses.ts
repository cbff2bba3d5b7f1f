// The expenses area's methods and register declarations. PURE.
import { defineMethods } from './method';
import type { RegisterDef } from './registers';

export const expensesMethods = defineMethods({});

/** Printable/exportable registers of this area (see registers.ts). */
export const expensesRegisterDefs: Record<string, RegisterDef> = {};
