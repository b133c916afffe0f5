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

export type AccessLevel = 'open' | 'board' | 'kiosk' | 'clerk' | 'supervisor' | 'admin' | 'peer';

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
/** Another counter of the hospital, paired with the network key: these methods only, and nothing else. */
const peer: MethodAccess = { level: 'peer' };

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
  'counter.update': admin,
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

  'peer.hello': peer,
  'peer.lookup': peer,
  'peer.patient': peer,
  'peer.queue': peer,
  'peer.tokens': peer,
  'peer.board': peer,
  'peer.call': peer,
  'peer.move': peer,
  'peer.departments': peer,
  'peer.offerDepartments': peer,
  'peers.status': { level: 'clerk', background: true },
  'peers.setNetworkKey': supervisor,
  'peers.add': supervisor,
  'peers.remove': supervisor,
  'peers.check': clerk,
  'peers.discover': supervisor,
  'screens.pairing': clerk,
  'patients.searchElsewhere': clerk,
  'patients.bringOver': clerk,

  // Money: clerks collect and print; a supervisor sets fees, gives money back and signs off a count.
  'fees.settings': clerk,
  'fees.saveSettings': supervisor,
  'fees.saveSchedule': supervisor,
  'fees.saveExemption': supervisor,
  'fees.quote': clerk,
  'fees.forToken': clerk,
  'fees.refund': supervisor,
  'fees.reprintReceipt': clerk,
  'fees.printUpiRequest': clerk,
  'cash.current': clerk,
  'cash.openShift': clerk,
  'cash.closeShift': clerk,
  'cash.signOff': supervisor,
  'cash.shifts': clerk,
  'cash.dayBook': clerk,
  'cash.reprintClosing': clerk,
  'reports.census': clerk,
  'reports.hmis': clerk,
  'reports.fees': supervisor,
  'reports.export': supervisor,
  'reports.hospitalCensus': supervisor,
  'reports.hospitalHmis': supervisor,
  'peer.census': peer,
  'peer.hmis': peer,
  'peer.ticket': peer,
  // Keeping the counter safe to run: every clerk sees a wrong clock
  // or a failed backup; the audit is a supervisor's; the rest an administrator's.
  'clock.status': clerkPoll,
  'clock.accept': admin,
  'backups.status': clerkPoll,
  'backups.getSettings': admin,
  'backups.saveSettings': admin,
  'backups.newRecoveryCode': admin,
  'backups.run': admin,
  'backups.list': admin,
  'backups.restore': admin,
  'audit.list': supervisor,
  'audit.exportCsv': supervisor,
  'audit.verify': supervisor,
  'maintenance.diskEncryption': admin,
  'maintenance.supportBundle': admin,
  'updates.getSettings': admin,
  'updates.saveSettings': admin,
  // Patients who walk in without a card, duplicates, photos, places.
  'patients.registerEmergency': clerk,
  'patients.registerNewborn': clerk,
  'tokens.setMlc': clerk,
  'tokens.mlcList': supervisor,
  'patients.duplicatePairs': supervisor,
  'patients.merge': supervisor,
  'patients.unmerge': supervisor,
  'patients.merges': supervisor,
  'patients.setPhoto': clerk,
  'patients.photo': clerk,
  'patients.removePhoto': clerk,
  'photos.getSettings': clerk,
  'photos.saveSettings': admin,
  'places.pincode': clerk,
  'places.states': clerk,
  'places.districts': clerk,
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

const RANK: Record<Exclude<AccessLevel, 'peer'>, number> = { open: 0, board: 1, kiosk: 2, clerk: 3, supervisor: 4, admin: 5 };

/**
 * Whether a holder of `held` may call a method that needs `needed`. The peer
 * level stands apart: a peer may call peer methods only, and no window may.
 */
export function allows(held: AccessLevel, needed: AccessLevel): boolean {
  if (held === 'peer' || needed === 'peer') return held === needed;
  return RANK[held] >= RANK[needed];
}
