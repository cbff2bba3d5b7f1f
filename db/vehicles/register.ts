import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like vehiclesRegisterDefs. */
export const vehiclesRegisterImpls: Record<string, RegisterImpl<any>> = {};
