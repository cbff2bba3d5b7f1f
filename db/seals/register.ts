import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like sealsRegisterDefs. */
export const sealsRegisterImpls: Record<string, RegisterImpl<any>> = {};
