// Local OPD token (one visit) → FHIR R4 Encounter (https://hl7.org/fhir/R4/encounter.html).
// See docs/fhir-mapping.md. The queue's moves reach the HIMS as
// Encounter.status and Encounter.statusHistory, each entry carrying the
// counter's own finer status (called, no-show …) and the room as extensions.
import type { Encounter, EncounterStatusHistory, Extension, Patient, Reference } from '@medplum/fhirtypes';
import type { TokenStatus } from '../../preload/contract/fields';
import { clientUuidValue, EXTENSIONS, SYSTEMS } from './systems';

/** One status the token had, from when (the issue, then each recorded move). */
export interface VisitStatusChange {
  status: TokenStatus;
  at: string;
  room: string | null;
}

export interface LocalVisit {
  id: string;
  label: string;
  departmentCode: string;
  departmentName: string;
  visitDate: string;
  priority: 'none' | 'senior' | 'divyang' | 'pregnant' | 'emergency' | 'staff';
  visitType: 'new' | 'follow_up';
  feeCategory: string;
  status: TokenStatus;
  issuedAt: string;
  cancelledAt: string | null;
  transferredFromId: string | null;
  /** A medico-legal case: a complex extension on the Encounter. */
  mlc?: { number: string; policeStation: string; broughtBy: string; at: string } | null;
  /** The room that last called the patient in (null until called). */
  room?: string | null;
  /** Oldest first, starting with the issue; empty for a token without recorded moves (before the queue existed). */
  history?: readonly VisitStatusChange[];
}

const STATUS: Record<TokenStatus, Encounter['status']> = {
  // The patient is at the hospital, in the department's queue.
  issued: 'arrived',
  // Called to the room: still arrived until they are seen.
  called: 'arrived',
  in_consultation: 'in-progress',
  done: 'finished',
  // R4 Encounter has no no-show (Appointment has): the visit did not happen,
  // unless the token is put back in the queue, when it is arrived again.
  no_show: 'cancelled',
  // Set aside for now (a test first, stepped out): still at the hospital.
  skipped: 'arrived',
  cancelled: 'cancelled',
  // The visit moved to another department: this Encounter ends, the new one
  // carries a transferred-from extension pointing here.
  transferred: 'cancelled',
  entered_in_error: 'entered-in-error',
};

/** Statuses after which the visit is over: the period gets its end. */
const ENDED: ReadonlySet<TokenStatus> = new Set(['done', 'no_show', 'cancelled', 'transferred', 'entered_in_error']);

/** The token's label is unique per department and day, so all three make its value. */
export const tokenIdentifierValue = (v: Pick<LocalVisit, 'visitDate' | 'departmentCode' | 'label'>) =>
  `${v.visitDate}/${v.departmentCode}/${v.label}`;

function queueStatus(status: TokenStatus): Extension {
  return { url: EXTENSIONS.queueStatus, valueCoding: { system: SYSTEMS.queueStatus, code: status } };
}

function roomExtension(room: string): Extension {
  return { url: EXTENSIONS.room, valueString: room };
}

/** One entry per change of the counter's status (a recall is not a change), each closed by the next. */
export function statusHistory(history: readonly VisitStatusChange[]): EncounterStatusHistory[] {
  const changes = history.filter((c, i) => i === 0 || c.status !== history[i - 1]!.status);
  return changes.map((c, i) => {
    const next = changes[i + 1];
    return {
      status: STATUS[c.status],
      period: { start: c.at, ...(next ? { end: next.at } : {}) },
      extension: [queueStatus(c.status), ...(c.room ? [roomExtension(c.room)] : [])],
    };
  });
}

export function toFhirEncounter(v: LocalVisit, subject: Reference<Patient>, transferredFrom?: Reference<Encounter>): Encounter {
  const history = v.history ?? [];
  const last = history.at(-1);
  const end = v.cancelledAt ?? (ENDED.has(v.status) && last ? last.at : undefined);
  const encounter: Encounter = {
    resourceType: 'Encounter',
    identifier: [
      { use: 'usual', type: { text: 'OPD token' }, system: SYSTEMS.opdToken, value: tokenIdentifierValue(v) },
      { use: 'secondary', system: SYSTEMS.clientUuid, value: clientUuidValue(v.id) },
    ],
    status: STATUS[v.status],
    class: { system: SYSTEMS.actCode, code: 'AMB', display: 'ambulatory' },
    type: [
      { coding: [{ system: SYSTEMS.visitType, code: v.visitType, display: v.visitType === 'new' ? 'New visit' : 'Follow-up' }] },
    ],
    serviceType: {
      coding: [{ system: SYSTEMS.department, code: v.departmentCode, display: v.departmentName }],
      text: v.departmentName,
    },
    priority: {
      coding: [
        { system: SYSTEMS.actPriority, code: v.priority === 'emergency' ? 'EM' : 'R' },
        { system: SYSTEMS.priorityCategory, code: v.priority },
      ],
    },
    subject,
    period: { start: v.issuedAt, ...(end ? { end } : {}) },
    extension: [
      { url: EXTENSIONS.feeCategory, valueCoding: { system: SYSTEMS.feeCategory, code: v.feeCategory } },
      queueStatus(v.status),
    ],
  };
  if (history.length > 0) encounter.statusHistory = statusHistory(history);
  if (v.room) {
    // The room by name only: rooms are not Location resources at the HIMS (yet).
    encounter.location = [
      {
        location: { display: `Room ${v.room}` },
        status: v.status === 'called' || v.status === 'in_consultation' ? 'active' : 'completed',
      },
    ];
  }
  if (transferredFrom) encounter.extension!.push({ url: EXTENSIONS.transferredFrom, valueReference: transferredFrom });
  if (v.mlc) {
    encounter.extension!.push({
      url: EXTENSIONS.medicoLegalCase,
      extension: [
        { url: 'number', valueString: v.mlc.number },
        { url: 'policeStation', valueString: v.mlc.policeStation },
        { url: 'broughtBy', valueString: v.mlc.broughtBy },
        { url: 'recordedAt', valueDateTime: v.mlc.at },
      ],
    });
  }
  return encounter;
}
