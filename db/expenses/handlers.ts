import type { PartialHandlers } from '../core/context';
import type { expensesMethods } from '../contract/expenses';

export const expensesHandlers: PartialHandlers<keyof typeof expensesMethods> = {};
