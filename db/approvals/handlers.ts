import type { PartialHandlers } from '../core/context';
import { approvalsFor } from '../core/approvals';

export const approvalsHandlers: PartialHandlers<'approvals.forObject'> = {
  'approvals.forObject': (ctx, input) => approvalsFor(ctx, input.objectType, input.objectId),
};
