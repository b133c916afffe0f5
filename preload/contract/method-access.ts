// Who may call what, in one table a hospital's IT officer can read (docs/design.md
// §7). Levels, from least to most: open (anyone at our window, signed in or
// not), board (a hall board: reads the board feed), kiosk (the entrance kiosk
// and every clerk), clerk, supervisor, admin.
// Each role can do what the roles below it can. Scripts with the API key are
// the hospital's own integrations and may call everything.
//
// `background` marks what the screen polls by itself: those calls do not count
// as the clerk being at the counter, so they never keep the idle lock away.
import type { MethodName } from './methods';

export type AccessLevel = 'open' | 'board' | 'kiosk' | 'clerk' | 'supervisor' | 'admin';

export interface MethodAccess {
  level: AccessLevel;
  background?: true;
}

const open: MethodAccess = { level: 'open' };
const boardPoll: MethodAccess = { level: 'board', background: true };
const kiosk: MethodAccess = { level: 'kiosk' };
const kioskPoll: MethodAccess = { level: 'kiosk', background: true };
const clerk: MethodAccess = { level: 'clerk' };
const clerkPoll: MethodAccess = { level: 'clerk', background: true };
const supervisor: MethodAccess = { level: 'supervisor' };
const admin: MethodAccess = { level: 'admin' };

export const methodAccess: Record<MethodName, MethodAccess> = {
  'auth.status': { level: 'open', background: true },
  'auth.setup': open,
  'auth.signIn': open,
  'auth.startKiosk': open, // checks the supervisor's own credentials
  'auth.startBoard': open, // checks the supervisor's own credentials
  'auth.signOut': open,
  'auth.lock': open,
  'auth.unlock': open,
  'auth.touch': kiosk, // a call like any other: the gate counts it as the clerk being here
  'clerks.list': admin,
  'clerks.create': admin,
  'clerks.update': admin,

  'counter.info': open,
  // Public (on every slip and signboard): the hall board's start form lists them before it has a session.
  'departments.list': open,
  'departments.update': supervisor,

  'patients.register': clerk,
  'patients.findDuplicates': clerk,
  'patients.search': clerk,
  'patients.get': clerk,
  'patients.update': clerk,

  // The kiosk issues a token only for the patient its scanned card named.
  'tokens.issue': kiosk,
  'tokens.cancel': clerk,
  'tokens.transfer': clerk,
  'tokens.list': clerkPoll,

  'cards.resolve': kiosk,
  'cards.issue': clerk,
  'cards.printSlip': clerk,
  'cards.issuerKeys': clerk,
  'cards.trustIssuer': admin,
  'cards.trustedIssuers': supervisor,
  'scanners.status': kioskPoll,
  'scanners.configure': supervisor,

  'printers.getSettings': clerk,
  'printers.saveSettings': supervisor,
  'printers.testPrint': clerk,
  'print.preview': clerk,
  'print.reprint': kiosk,
  'print.notice': kiosk,
  'print.retry': clerk,
  'print.jobs': clerkPoll,
  'print.status': kioskPoll,

  'sync.status': clerkPoll,
  'sync.getSettings': supervisor,
  'sync.saveSettings': admin,
  'sync.testConnection': supervisor,
  'sync.now': clerk,
  'sync.reviewList': clerk,
  'sync.resolve': supervisor,

  // A room screen runs on the doctor's or nurse's own clerk session.
  'queue.list': clerkPoll,
  'queue.callNext': clerk,
  'queue.move': clerk,
  // The hall board reads only this (its departments, names only if allowed: main/auth/auth-gate.ts).
  'queue.board': boardPoll,
  'queue.waitingTimes': clerkPoll,
  'boards.list': supervisor,
  'boards.end': supervisor,
};

const RANK: Record<AccessLevel, number> = { open: 0, board: 1, kiosk: 2, clerk: 3, supervisor: 4, admin: 5 };

/** Whether a holder of `held` may call a method that needs `needed`. */
export function allows(held: AccessLevel, needed: AccessLevel): boolean {
  return RANK[held] >= RANK[needed];
}
