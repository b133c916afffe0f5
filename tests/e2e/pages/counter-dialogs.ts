// The counter screen's dialogs and menus, each with the way a clerk opens it
// (the testids clicked, in order) and what it shows: walked by the Escape
// test and by axe-core, so a dialog added here is checked by both.

/** A way in and what it opens. */
export interface Opening {
  name: string;
  open: string[];
  shows: string;
}

/** Every dialog and menu opened from the counter screen itself. */
export const COUNTER_DIALOGS: Opening[] = [
  { name: 'Settings menu', open: ['tools-menu'], shows: '[role="menu"]' },
  { name: 'Counters', open: ['tools-menu', 'peers-open'], shows: '[data-testid="peers"]' },
  { name: 'Departments', open: ['tools-menu', 'departments-open'], shows: '[data-testid="departments"]' },
  { name: 'Audit log', open: ['tools-menu', 'audit-open'], shows: '[data-testid="audit"]' },
  { name: 'This counter', open: ['tools-menu', 'this-counter-open'], shows: '[data-testid="this-counter"]' },
  { name: 'Accounts', open: ['tools-menu', 'accounts-open'], shows: '[data-testid="accounts"]' },
  { name: 'Maintenance', open: ['tools-menu', 'maintenance-open'], shows: '[data-testid="maintenance"]' },
  { name: 'Cash', open: ['cash-open'], shows: '[data-testid="cash"]' },
  { name: 'Fees', open: ['fees-open'], shows: '[data-testid="fees"]' },
  { name: 'Reports', open: ['reports-open'], shows: '[data-testid="reports"]' },
  { name: 'Printers', open: ['printer-settings-open'], shows: '[data-testid="printer-settings"]' },
  { name: 'HIMS settings', open: ['sync-settings-open'], shows: '[data-testid="sync-settings"]' },
  { name: 'Emergency', open: ['emergency-open'], shows: '[data-testid="emergency-dialog"]' },
  { name: 'Duplicates', open: ['duplicates-open'], shows: '[data-testid="duplicates-dialog"]' },
  { name: 'MLC register', open: ['mlc-register-open'], shows: '[data-testid="mlc-register"]' },
];
