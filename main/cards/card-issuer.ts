// Issuing a patient's e-health card (docs/cards.md "Issuing cards"): sign the
// SMART Health Card with this counter's key, draw the CR80 PDF, record the
// card (superseding the previous one) with its audit row. cards.issue and
// cards.printSlip both come here, so a card is signed in one place only.
import { randomUUID } from 'node:crypto';
import type { IssuedCard } from '../../preload/contract/methods/card-schemas';
import { appendAudit } from '../audit/audit-log';
import { enqueueOutbox } from '../core/outbox';
import { notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import { writeTransaction } from '../db/transaction';
import { toPatient } from '../patients/patient-rows';
import { patientById } from '../patients/patient-store';
import { formatUhid } from '../patients/uhid';
import { cardPdf } from './card-pdf';
import { photoOf } from '../patients/photo-store';
import { recordIssuedCard } from './card-store';
import { issuerUrl, signingKey } from './issuer-store';
import type { SecretStore } from '../config/secret-store';
import { signShc } from './shc-issue';
import { signCompactCard } from './compact-card';
import { issuingIdentity } from '../config/counter-identity';

export async function issueCard(ctx: CoreContext, secrets: SecretStore, patientId: string, actor: string): Promise<IssuedCard> {
  const { db } = ctx;
  const row = patientById(db, patientId);
  if (!row) throw notFound('patient', 'patientId');
  const day = today(ctx);
  const patient = toPatient(row, day);
  const at = nowIso(ctx);
  const signer = await signingKey(db, secrets, at);
  const issuer = issuerUrl(db, issuingIdentity(ctx.identity).hospitalCode);
  const cardId = randomUUID();
  const holder = {
    cardId,
    uhid: patient.uhid,
    name: patient.name,
    gender: patient.gender,
    dateOfBirth: patient.dateOfBirthEstimated ? patient.dateOfBirth.slice(0, 4) : patient.dateOfBirth,
    abhaNumber: patient.abhaNumber,
    abhaAddress: patient.abhaAddress,
  };
  // Both forms at once: the compact one for the scanners at the counters and
  // the kiosk, the SMART Health Card for any verifier elsewhere.
  const qr = await signShc(holder, { iss: issuer, kid: signer.kid, key: signer.key }, ctx.clock.now());
  const compactQr = await signCompactCard(holder, signer);
  const pdf = await cardPdf({
    hospitalName: ctx.identity.hospitalName,
    name: patient.name,
    uhid: formatUhid(patient.uhid),
    gender: patient.gender === 'male' ? 'Male' : patient.gender === 'female' ? 'Female' : 'Other',
    dateOfBirth: patient.dateOfBirthEstimated ? `${patient.dateOfBirth.slice(0, 4)} (age)` : patient.dateOfBirth,
    abhaNumber: patient.abhaNumber,
    compactQr,
    shcQr: qr,
    issuedOn: day,
    // The photo, if the patient agreed to one: the card then shows who holds it.
    photoJpeg: photoOf(db, row.pk)?.jpeg ?? null,
  });
  const superseded = writeTransaction(db, () => {
    const replaced = recordIssuedCard(db, { id: cardId, patientPk: row.pk, kid: signer.kid, issuer, at, qr, compactQr });
    // The card id is one of the Patient's identifiers at the HIMS
    // (docs/fhir-mapping.md), so a new card is a change to send. The patient
    // record itself is unchanged: its version stays.
    enqueueOutbox(db, { entity: 'patient', entityId: patient.id, operation: 'update', version: row.version, at });
    appendAudit(db, {
      at,
      actor,
      action: 'card.issue',
      entity: 'patient',
      entityId: patient.id,
      detail: { cardId, superseded: replaced },
    });
    return replaced;
  });
  return {
    id: cardId,
    patientId: patient.id,
    kid: signer.kid,
    issuer,
    issuedAt: at,
    qr,
    compactQr,
    pdfBase64: Buffer.from(pdf).toString('base64'),
    superseded,
  };
}
