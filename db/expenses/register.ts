import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like expensesRegisterDefs. */
export const expensesRegisterImpls: Record<string, RegisterImpl<any>> = {};
