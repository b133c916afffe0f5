// Local OPD token (one visit) → FHIR R4 Encounter (https://hl7.org/fhir/R4/encounter.html).
// See docs/fhir-mapping.md.
import type { Encounter, Patient, Reference } from '@medplum/fhirtypes';
import { clientUuidValue, EXTENSIONS, SYSTEMS } from './systems';

export interface LocalVisit {
  id: string;
  label: string;
  departmentCode: string;
  departmentName: string;
  visitDate: string;
  priority: 'none' | 'senior' | 'divyang' | 'pregnant' | 'emergency' | 'staff';
  visitType: 'new' | 'follow_up';
  feeCategory: string;
  status: 'issued' | 'cancelled' | 'transferred';
  issuedAt: string;
  cancelledAt: string | null;
  transferredFromId: string | null;
  /** A medico-legal case (issue #13): a complex extension on the Encounter. */
  mlc?: { number: string; policeStation: string; broughtBy: string; at: string } | null;
}

const STATUS: Record<LocalVisit['status'], Encounter['status']> = {
  // The patient is at the hospital, waiting in the department's queue.
  issued: 'arrived',
  cancelled: 'cancelled',
  // The visit moved to another department: this Encounter ends, the new one
  // carries a transferred-from extension pointing here.
  transferred: 'cancelled',
};

/** The token's label is unique per department and day, so all three make its value. */
export const tokenIdentifierValue = (v: Pick<LocalVisit, 'visitDate' | 'departmentCode' | 'label'>) =>
  `${v.visitDate}/${v.departmentCode}/${v.label}`;

export function toFhirEncounter(v: LocalVisit, subject: Reference<Patient>, transferredFrom?: Reference<Encounter>): Encounter {
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
    period: { start: v.issuedAt, ...(v.cancelledAt ? { end: v.cancelledAt } : {}) },
    extension: [{ url: EXTENSIONS.feeCategory, valueCoding: { system: SYSTEMS.feeCategory, code: v.feeCategory } }],
  };
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
