// The handler table: one entry per method in the contract — TypeScript refuses a missing one.
import type { HandlerTable } from './context';
import { accountsHandlers } from '../accounts/handlers';
import { approvalsHandlers } from '../approvals/handlers';
import { auditHandlers } from '../audit/handlers';
import { backupsHandlers } from '../backups/handlers';
import { outputHandlers } from '../output/handlers';
import { settingsHandlers } from '../settings/handlers';
import { suppliesHandlers } from '../supplies/handlers';
import { assetsHandlers } from '../assets/handlers';
import { expensesHandlers } from '../expenses/handlers';
import { sealsHandlers } from '../seals/handlers';
import { vehiclesHandlers } from '../vehicles/handlers';
import { minutesHandlers } from '../minutes/handlers';
import { departmentsHandlers } from '../departments/handlers';

export const handlers: HandlerTable = {
  ...settingsHandlers,
  ...accountsHandlers,
  ...departmentsHandlers,
  ...approvalsHandlers,
  ...auditHandlers,
  ...backupsHandlers,
  ...outputHandlers,
  ...sealsHandlers,
  ...vehiclesHandlers,
  ...minutesHandlers,
  ...suppliesHandlers,
  ...assetsHandlers,
  ...expensesHandlers,
};
