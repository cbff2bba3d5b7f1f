import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like assetsRegisterDefs. */
export const assetsRegisterImpls: Record<string, RegisterImpl<any>> = {};
