// The expenses register's one entry in features/registry.ts: menu, routes, home tile, paper forms.
import { AccountBookOutlined } from '@ant-design/icons';
import type { RegisterFeature } from '../registry';
import { ExpensesPage } from './ExpensesPage';
import { ExpensesPrint } from './Print';
import { ExpensesTile } from './Tile';
import './i18n';
import './expenses.css';

export const expensesFeature: RegisterFeature = {
  key: 'expenses',
  titleKey: 'expenses:menu',
  icon: <AccountBookOutlined aria-hidden />,
  roles: ['clerk', 'approver', 'auditor', 'admin'],
  Page: ExpensesPage,
  Tile: ExpensesTile,
  Print: ExpensesPrint,
};
