import type { RegisterImpl } from '../output/registry';

/** The output side (print rows, export, import) of this area's registers, keyed like minutesRegisterDefs. */
export const minutesRegisterImpls: Record<string, RegisterImpl<any>> = {};
