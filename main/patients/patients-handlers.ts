// patients.* — register, find, read and change patients.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { PatientChanges, RegisterPatientInput } from '../../preload/contract/methods';
import type { DuplicateDetails, Patient } from '../../preload/contract/records';
import { appendAudit } from '../audit/audit-log';
import { AppError, conflict, notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import { enqueueOutbox } from '../core/outbox';
import { stampNow } from '../clock/clock-watermark';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { resolveBirth } from './birth';
import { findDuplicates } from './duplicate-finder';
import { toPatient, toSummary } from './patient-rows';
import {
  IDENTIFIER_SYSTEMS,
  insertPatient,
  patientById,
  patientByIdentifier,
  searchPatients,
  setIdentifier,
} from './patient-store';
import { refreshDuplicateSummary } from './duplicate-summary';
import { updatePatientRow } from './patient-update';
import { classifyQuery } from './search-query';
import { formatUhid, nextUhid } from './uhid';
import { issuingIdentity } from '../config/counter-identity';
import { isKnownPincode, placeOfPincode } from '../places/pincode-directory';
import { followMerged, requireNotMerged } from './merge-store';

/** A PIN India Post does not have is a typing mistake, said at its field (resources/pincodes). */
export function checkPincode(pincode: string | null | undefined): void {
  if (pincode && !isKnownPincode(pincode)) {
    const message = 'is not a PIN code in the India Post directory';
    throw new AppError('VALIDATION_FAILED', `address.pincode: ${message}`, {
      field: 'address.pincode',
      issues: [{ field: 'address.pincode', message, code: 'unknown_pincode' }],
    });
  }
}

/**
 * District and state filled from the PIN where the caller left them empty
 * (and, for a change, the record has none): the rule is the core's, so a
 * script or a peer registering by PIN alone gets the same record as the form.
 * Never over a district or state someone gave.
 */
export function withPlaceFromPincode<A extends { pincode?: string | null; district?: string | null; state?: string | null }>(
  address: A | undefined,
  stored: { district: string | null; state: string | null } = { district: null, state: null },
): A | undefined {
  if (!address?.pincode) return address;
  const place = placeOfPincode(address.pincode);
  const filled = { ...address };
  if (place.district && !address.district && !stored.district) filled.district = place.district;
  if (place.state && !address.state && !stored.state) filled.state = place.state;
  return filled;
}

/** "S/o" without a name (or a name without S/o, D/o …) is half a guardian. */
export function checkGuardian(name: string | null | undefined, relation: string | null | undefined): void {
  if (name && !relation)
    throw new AppError('VALIDATION_FAILED', 'guardianRelation: choose S/o, D/o, W/o or C/o', {
      field: 'guardianRelation',
      issues: [{ field: 'guardianRelation', message: 'choose S/o, D/o, W/o or C/o' }],
    });
  if (relation && !name)
    throw new AppError('VALIDATION_FAILED', "guardianName: the guardian's name is required", {
      field: 'guardianName',
      issues: [{ field: 'guardianName', message: "the guardian's name is required" }],
    });
}

/** An ABHA number or address belongs to one patient only. */
export function checkIdentifiersFree(
  db: Database,
  ids: { abhaNumber?: string | null; abhaAddress?: string | null },
  selfId?: string,
): void {
  for (const [field, system] of Object.entries(IDENTIFIER_SYSTEMS) as [keyof typeof IDENTIFIER_SYSTEMS, string][]) {
    const value = ids[field];
    if (!value) continue;
    const found = patientByIdentifier(db, system, value);
    // A merged duplicate's identifier belongs to the record it was merged into.
    const holder = found ? followMerged(db, found) : undefined;
    if (holder && holder.id !== selfId && found?.id !== selfId) {
      throw conflict(`${field}: already registered to patient ${holder.name} (${holder.uhid})`, field, { patientId: holder.id });
    }
  }
}

export function patientsHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx;

  function register(input: RegisterPatientInput, actor: string): Patient {
    checkGuardian(input.guardianName, input.guardianRelation);
    checkPincode(input.address?.pincode);
    const address = withPlaceFromPincode(input.address);
    const day = today(ctx);
    const birth = resolveBirth(input, day);
    const { hospitalCode, counterLetter } = issuingIdentity(ctx.identity);
    const id = input.id ?? randomUUID();
    return writeTransaction(db, () => {
      // A retried registration (same client id) gets the first one back.
      const existing = patientById(db, id);
      if (existing) return toPatient(existing, day);
      checkIdentifiersFree(db, input);
      if (!input.confirmNotDuplicate) {
        const candidates = findDuplicates(db, { ...input, dateOfBirth: birth.dateOfBirth, dobEstimated: birth.estimated }, day);
        if (candidates.length > 0) {
          const details: DuplicateDetails = { candidates };
          throw new AppError('DUPLICATE_SUSPECTED', `${candidates.length} patient(s) look like this one`, { details });
        }
      }
      // The UHID's year and the record's date never go back past what this counter already wrote.
      const at = stampNow(ctx, day);
      const uhid = nextUhid(db, hospitalCode, counterLetter, Number(day.slice(0, 4)));
      const pk = insertPatient(db, {
        id,
        uhid,
        name: input.name,
        nameOtherScript: input.nameOtherScript ?? null,
        gender: input.gender,
        dateOfBirth: birth.dateOfBirth,
        dobEstimated: birth.estimated,
        phone: input.phone ?? null,
        guardianName: input.guardianName ?? null,
        guardianRelation: input.guardianRelation ?? null,
        addressLine: address?.line ?? null,
        district: address?.district ?? null,
        state: address?.state ?? null,
        pincode: address?.pincode ?? null,
        originCounter: ctx.identity.counterId,
        at,
        idProofType: input.idProof?.type ?? null,
        idProofNumber: input.idProof?.number ?? null,
      });
      setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaNumber, input.abhaNumber ?? null);
      setIdentifier(db, pk, IDENTIFIER_SYSTEMS.abhaAddress, input.abhaAddress ?? null);
      // The supervisor's duplicate list learns of this registration now, not when it is opened.
      refreshDuplicateSummary(db, day, pk);
      enqueueOutbox(db, { entity: 'patient', entityId: id, operation: 'create', version: 1, at });
      appendAudit(db, {
        at,
        actor,
        action: 'patient.register',
        entity: 'patient',
        entityId: id,
        detail: { duplicateWarningOverridden: input.confirmNotDuplicate === true },
      });
      return toPatient(patientById(db, id)!, day);
    });
  }

  function update(id: string, version: number, changes: PatientChanges, actor: string): Patient {
    checkGuardian(changes.guardianName, changes.guardianRelation);
    checkPincode(changes.address?.pincode);
    const day = today(ctx);
    return writeTransaction(db, () => {
      const current = patientById(db, id);
      if (!current) throw notFound('patient', 'id');
      requireNotMerged(db, current);
      if (current.version !== version) {
        throw new AppError('VERSION_CONFLICT', 'this patient was changed by someone else; reload and try again', {
          field: 'version',
          details: { current: toPatient(current, day) },
        });
      }
      checkIdentifiersFree(db, changes, id);
      const at = nowIso(ctx);
      const address = withPlaceFromPincode(changes.address, current);
      const changed = updatePatientRow(db, current, address ? { ...changes, address } : changes, day, at);
      refreshDuplicateSummary(db, day, current.pk);
      enqueueOutbox(db, { entity: 'patient', entityId: id, operation: 'update', version: version + 1, at });
      // Naming an unidentified emergency patient is its own action in the log: who identified them, when.
      const action = changed.includes('unidentified') ? 'patient.identify' : 'patient.update';
      appendAudit(db, { at, actor, action, entity: 'patient', entityId: id, detail: { fields: changed } });
      return toPatient(patientById(db, id)!, day);
    });
  }

  return {
    'patients.register': (input, call) => register(input, call.actor),
    'patients.findDuplicates': (input) => {
      const day = today(ctx);
      const birth = resolveBirth(input, day);
      return findDuplicates(
        db,
        { ...input, dateOfBirth: birth.dateOfBirth, dobEstimated: birth.estimated, ...(input.id ? { excludeId: input.id } : {}) },
        day,
      );
    },
    'patients.search': ({ query, limit }) => {
      const classified = classifyQuery(query);
      const day = today(ctx);
      const rows = searchPatients(db, classified, limit ?? 20);
      // An exact id (UHID, ABHA) of a merged duplicate finds the patient it was merged into, and says so.
      const merged = rows.length === 1 && rows[0]!.merged_into_pk !== null ? rows[0]! : null;
      const shown = merged ? [followMerged(db, merged)] : rows;
      return {
        kind: classified.kind,
        patients: shown.map((row) => toSummary(row, day)),
        mergedFrom: merged ? { id: merged.id, uhid: formatUhid(merged.uhid), name: merged.name } : null,
      };
    },
    'patients.get': ({ id }, call) => {
      const row = patientById(db, id);
      if (!row) throw notFound('patient', 'id');
      writeTransaction(db, () =>
        appendAudit(db, { at: nowIso(ctx), actor: call.actor, action: 'patient.view', entity: 'patient', entityId: id }),
      );
      return toPatient(row, today(ctx));
    },
    'patients.update': ({ id, version, changes }, call) => update(id, version, changes, call.actor),
  };
}
