import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like suppliesRegisterDefs. */
export const suppliesRegisterImpls: Record<string, RegisterImpl<any>> = {};
