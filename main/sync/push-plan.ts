// Turns pending outbox rows into FHIR requests (docs/fhir-mapping.md#push).
// Idempotent by construction: a record the HIMS has not acknowledged yet is a
// conditional create (ifNoneExist on its client-UUID identifier, or on its
// ABHA number, so a second counter's copy of the same person finds the first);
// a record the HIMS holds is a PUT to its id with If-Match on the version we
// last saw. Sending the same plan twice can never make a second resource.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BundleEntry, Resource } from '@medplum/fhirtypes';
import { toFhirEncounter } from '../fhir/encounter-mapping';
import { toFhirPatient } from '../fhir/patient-mapping';
import { motherIdentifierValue, toFhirMother } from '../fhir/mother-mapping';
import { clientUuidValue, SYSTEMS } from '../fhir/systems';
import { patientForSync, visitForSync } from './local-records';
import { toFhirChargeItem, toFhirPaymentReconciliation } from '../fhir/fee-mapping';
import { chargeForSync, paymentForSync } from './money-records';

/** What the counter sends, and the FHIR type each becomes (fees: docs/fhir-mapping.md "Fees"). */
export type SyncEntity = 'patient' | 'token' | 'charge' | 'receipt' | 'refund';
export const FHIR_TYPE = {
  patient: 'Patient',
  token: 'Encounter',
  charge: 'ChargeItem',
  receipt: 'PaymentReconciliation',
  refund: 'PaymentReconciliation',
} as const satisfies Record<SyncEntity, string>;
export type SyncType = (typeof FHIR_TYPE)[SyncEntity];
import { isHeld, remoteOf, type PendingRow } from './sync-store';

export interface PlanItem {
  entity: SyncEntity;
  localId: string;
  /** Local version being sent (saved as synced_version on success). */
  version: number;
  /** Outbox rows this send delivers (empty for a dependency pulled in). */
  maxSeq: number;
  seqs: number[];
  kind: 'create' | 'update';
  resource: Resource;
  /**
   * The entry's fullUrl for references inside one Bundle: a fresh urn:uuid,
   * never the record's own UUID — servers rewrite every occurrence of a
   * fullUrl in the Bundle (Medplum: any string), which would turn the
   * client-UUID identifier into a reference.
   */
  fullUrl: string;
  /** ifNoneExist for a create; the remote id and If-Match for an update. */
  ifNoneExist?: string;
  remoteId?: string;
  ifMatch?: string;
  /**
   * Entries sent right after this one in the same Bundle: a newborn's mother
   * as a RelatedPerson (a conditional update, so a repeat changes nothing).
   */
  companions?: BundleEntry[];
}

export interface Group {
  entity: PendingRow['entity'];
  entityId: string;
  maxSeq: number;
  seqs: number[];
}

/** Pending rows → one group per record, in the order of each record's first change. */
export function groupRows(rows: PendingRow[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const key = `${row.entity}:${row.entity_id}`;
    const group = groups.get(key);
    if (group) {
      group.maxSeq = Math.max(group.maxSeq, row.seq);
      group.seqs.push(row.seq);
    } else {
      groups.set(key, { entity: row.entity, entityId: row.entity_id, maxSeq: row.seq, seqs: [row.seq] });
    }
  }
  return [...groups.values()];
}

export class Planner {
  readonly items: PlanItem[] = [];
  private readonly planned = new Set<string>();

  constructor(private readonly db: Database) {}

  has(entity: string, id: string): boolean {
    return this.planned.has(`${entity}:${id}`);
  }

  /** Adds a record (and any record it points to that the HIMS lacks); false if it no longer exists. */
  add(entity: SyncEntity, id: string, maxSeq: number, seqs: number[]): boolean {
    const key = `${entity}:${id}`;
    if (this.planned.has(key)) {
      const item = this.items.find((i) => i.entity === entity && i.localId === id)!;
      item.maxSeq = Math.max(item.maxSeq, maxSeq);
      item.seqs.push(...seqs);
      return true;
    }
    const item =
      entity === 'patient'
        ? this.patientItem(id, maxSeq, seqs)
        : entity === 'token'
          ? this.visitItem(id, maxSeq, seqs)
          : entity === 'charge'
            ? this.chargeItem(id, maxSeq, seqs)
            : this.paymentItem(entity, id, maxSeq, seqs);
    if (!item) return false;
    this.planned.add(key);
    this.items.push(item);
    return true;
  }

  private reference(entity: SyncEntity, id: string): string | null {
    const remote = remoteOf(this.db, entity, id);
    if (remote) return `${FHIR_TYPE[entity]}/${remote.remote_id}`;
    // A record the HIMS lacks and a person must decide on holds back what points to it.
    if (isHeld(this.db, entity, id)) return null;
    if (this.has(entity, id) || this.add(entity, id, 0, []))
      return this.items.find((i) => i.entity === entity && i.localId === id)!.fullUrl;
    return null;
  }

  private patientItem(id: string, maxSeq: number, seqs: number[]): PlanItem | null {
    const patient = patientForSync(this.db, id);
    if (!patient) return null;
    // A merge as Patient.link: the duplicate is replaced-by the survivor (which
    // joins this Bundle if the HIMS lacks it); the survivor replaces each
    // duplicate the HIMS already holds (push-follow-ups.ts sends the rest later).
    const links: { type: 'replaced-by' | 'replaces'; reference: string }[] = [];
    const survivor = patient.mergedIntoId ? this.reference('patient', patient.mergedIntoId) : null;
    if (survivor) links.push({ type: 'replaced-by', reference: survivor });
    for (const other of patient.replacesIds) {
      const remote = remoteOf(this.db, 'patient', other);
      if (remote) links.push({ type: 'replaces', reference: `Patient/${remote.remote_id}` });
    }
    const resource = toFhirPatient({ ...patient, links });
    // The ABHA number is the person's national id: matching on it makes a
    // second counter's offline registration of the same person find the
    // first one at the HIMS instead of creating a twin (push.ts reviews it).
    const criterion = patient.abhaNumber
      ? `identifier=${SYSTEMS.abhaNumber}|${patient.abhaNumber}`
      : `identifier=${SYSTEMS.clientUuid}|${clientUuidValue(id)}`;
    const item = this.item('patient', id, patient.version, resource, criterion, maxSeq, seqs);
    // The mother needs the baby's id at the HIMS: sent with the first update after the create.
    if (patient.mother && item.kind === 'update') {
      const mother = toFhirMother({ babyId: id, ...patient.mother }, `Patient/${item.remoteId!}`);
      const url = `RelatedPerson?identifier=${encodeURIComponent(`${SYSTEMS.relatedPerson}|${motherIdentifierValue(id)}`)}`;
      item.companions = [{ resource: mother, request: { method: 'PUT', url } }];
    }
    return item;
  }

  private visitItem(id: string, maxSeq: number, seqs: number[]): PlanItem | null {
    const visit = visitForSync(this.db, id);
    if (!visit) return null;
    const subject = this.reference('patient', visit.patientId);
    if (!subject) return null;
    const from = visit.transferredFromId ? this.reference('token', visit.transferredFromId) : null;
    const resource = toFhirEncounter(visit, { reference: subject }, from ? { reference: from } : undefined);
    const criterion = `identifier=${SYSTEMS.clientUuid}|${clientUuidValue(id)}`;
    return this.item('token', id, visit.version, resource, criterion, maxSeq, seqs);
  }

  /** A fee record: its patient and visit go first when the HIMS lacks them. */
  private chargeItem(id: string, maxSeq: number, seqs: number[]): PlanItem | null {
    const charge = chargeForSync(this.db, id);
    if (!charge) return null;
    const subject = this.reference('patient', charge.patientId);
    const context = subject && this.reference('token', charge.tokenId);
    if (!subject || !context) return null;
    const resource = toFhirChargeItem(charge, { reference: subject }, { reference: context });
    return this.item(
      'charge',
      id,
      charge.version,
      resource,
      `identifier=${SYSTEMS.clientUuid}|${clientUuidValue(id)}`,
      maxSeq,
      seqs,
    );
  }

  /** A receipt or refund: created once (never changed), pointing at its fee record. */
  private paymentItem(entity: 'receipt' | 'refund', id: string, maxSeq: number, seqs: number[]): PlanItem | null {
    const payment = paymentForSync(this.db, entity, id);
    if (!payment) return null;
    const charge = this.reference('charge', payment.chargeId);
    if (!charge) return null;
    const resource = toFhirPaymentReconciliation(payment, { reference: charge });
    return this.item(
      entity,
      id,
      payment.version,
      resource,
      `identifier=${SYSTEMS.clientUuid}|${clientUuidValue(id)}`,
      maxSeq,
      seqs,
    );
  }

  /** An update (PUT with If-Match) once the HIMS knows the record, else a conditional create. */
  private item(
    entity: PlanItem['entity'],
    localId: string,
    version: number,
    resource: PlanItem['resource'],
    ifNoneExist: string,
    maxSeq: number,
    seqs: number[],
  ): PlanItem {
    const remote = remoteOf(this.db, entity, localId);
    const base = { entity, localId, version, maxSeq, seqs: [...seqs], fullUrl: `urn:uuid:${randomUUID()}` };
    if (remote) {
      return {
        ...base,
        kind: 'update',
        resource: { ...resource, id: remote.remote_id },
        remoteId: remote.remote_id,
        ...ifMatch(remote.version_id),
      };
    }
    return { ...base, kind: 'create', resource, ifNoneExist };
  }
}

function ifMatch(versionId: string | null): { ifMatch?: string } {
  return versionId ? { ifMatch: `W/"${versionId}"` } : {};
}

export function typeOf(item: PlanItem): SyncType {
  return FHIR_TYPE[item.entity];
}

/** The item's own entry and its companions, in Bundle order. */
export function bundleEntries(item: PlanItem): BundleEntry[] {
  return [bundleEntry(item), ...(item.companions ?? [])];
}

export function bundleEntry(item: PlanItem): BundleEntry {
  if (item.kind === 'create') {
    return {
      fullUrl: item.fullUrl,
      resource: item.resource,
      request: { method: 'POST', url: typeOf(item), ifNoneExist: item.ifNoneExist! },
    };
  }
  return {
    fullUrl: `${typeOf(item)}/${item.remoteId!}`,
    resource: item.resource,
    request: { method: 'PUT', url: `${typeOf(item)}/${item.remoteId!}`, ...(item.ifMatch ? { ifMatch: item.ifMatch } : {}) },
  };
}
