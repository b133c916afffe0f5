// The audit chain's head, sent to the HIMS as an AuditEvent after a sync
// round that left nothing waiting (at most every 15 minutes, and only when
// the chain has grown). Once the HIMS holds a head, rewriting this counter's
// audit up to it cannot go unnoticed: audit.verify (or the verify command
// with --expect SEQ:HASH) compares. Mapping: docs/fhir-mapping.md "Audit checkpoint".
import type { AuditEvent } from '@medplum/fhirtypes';
import type { Database } from 'better-sqlite3';
import { r4Problems } from '../fhir/fhir-validate';
import { NS } from '../fhir/systems';
import type { CounterIdentity } from '../config/counter-identity';
import type { HimsClient } from '../sync/hims-client';
import { PermanentError } from '../sync/hims-client';
import { readCursor, writeCursor } from '../sync/sync-store';
import { chainHead, type ChainHead } from './audit-chain';

export const CHECKPOINT_CURSOR = 'audit-checkpoint';
export const CHECKPOINT_EVERY_MS = 15 * 60_000;

export const AUDIT_SYSTEMS = {
  /** Our counters as the observer and agent of the event. */
  counter: `${NS}/sid/counter`,
  subtype: `${NS}/CodeSystem/audit-event-subtype`,
} as const;

/** entity.name: fixed-length, so the HIMS's "starts with" string search matches only this checkpoint. */
export function checkpointName(counterId: string, head: ChainHead): string {
  return `audit-chain ${counterId} ${head.hash}`;
}

export function checkpointEvent(identity: CounterIdentity, head: ChainHead, recorded: string): AuditEvent {
  const counter = {
    identifier: { system: AUDIT_SYSTEMS.counter, value: identity.counterId },
    display: `${identity.hospitalCode} counter ${identity.counterLetter}`,
  };
  return {
    resourceType: 'AuditEvent',
    // DICOM 110100 "Application Activity": the counter application reports on itself.
    type: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: '110100', display: 'Application Activity' },
    subtype: [{ system: AUDIT_SYSTEMS.subtype, code: 'audit-chain-checkpoint', display: 'Audit chain checkpoint' }],
    action: 'E',
    recorded,
    outcome: '0',
    agent: [{ who: counter, requestor: false }],
    source: {
      ...(identity.hospitalCode ? { site: identity.hospitalCode } : {}),
      observer: counter,
      type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '4', display: 'Application Server' }],
    },
    entity: [
      {
        what: { identifier: { system: AUDIT_SYSTEMS.counter, value: identity.counterId } },
        name: checkpointName(identity.counterId, head),
        description: 'SHA-256 chain head of the counter audit log (docs/fhir-mapping.md)',
        detail: [
          { type: 'seq', valueString: String(head.seq) },
          { type: 'sha256', valueString: head.hash },
        ],
      },
    ],
  };
}

/** The sync engine's afterRound step. */
export function auditCheckpointStep(db: Database, identity: () => CounterIdentity, clock: () => Date) {
  return async (client: HimsClient, now: () => string): Promise<void> => {
    const head = chainHead(db);
    if (!head) return;
    const last = readCursor(db, CHECKPOINT_CURSOR);
    const sent = last ? (JSON.parse(last) as { seq: number; at: string }) : null;
    if (sent && sent.seq >= head.seq) return;
    if (sent && clock().getTime() - Date.parse(sent.at) < CHECKPOINT_EVERY_MS) return;
    const event = checkpointEvent(identity(), head, now());
    // Checked like every resource we send (main/fhir/fhir-validate.ts).
    const problems = r4Problems(event);
    if (problems.length) throw new PermanentError(`the audit checkpoint is not valid FHIR: ${problems.join('; ')}`);
    const ifNoneExist = `entity-name=${encodeURIComponent(checkpointName(identity().counterId, head))}`;
    const answer = await client.request('POST', 'AuditEvent', event, { 'if-none-exist': ifNoneExist });
    if (answer.status !== 200 && answer.status !== 201)
      throw new PermanentError(`The HIMS refused the audit checkpoint (${answer.status})`);
    db.transaction(() => writeCursor(db, CHECKPOINT_CURSOR, JSON.stringify({ seq: head.seq, at: now() }), now())).immediate();
  };
}
