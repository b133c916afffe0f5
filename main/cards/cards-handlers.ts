// cards.* — resolve any scan, issue and reissue the hospital's e-health card,
// and manage the keys cards are signed and verified with. docs/cards.md
import { randomUUID } from 'node:crypto';
import type { IssuedCard, Jwks } from '../../preload/contract/methods/card-schemas';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { toPatient } from '../patients/patient-rows';
import { patientById } from '../patients/patient-store';
import { formatUhid } from '../patients/uhid';
import { cardPdf } from './card-pdf';
import { resolveCard } from './card-resolve';
import { recordIssuedCard } from './card-store';
import { findVerifyKey, isKnownIssuer, issuerUrl, listIssuers, ownKeys, signingKey, trustIssuer } from './issuer-store';
import type { SecretStore } from './secret-store';
import { signShc } from './shc-issue';
import type { ShcTrust } from './shc-verify';

export function cardsHandlers(ctx: CoreContext, secrets: SecretStore): HandlerMap {
  const { db } = ctx;
  const iss = () => issuerUrl(db, ctx.identity.hospitalCode);
  const trust: ShcTrust = {
    findKey: (kid) => findVerifyKey(db, kid, iss()),
    isKnownIssuer: (name) => isKnownIssuer(db, name, iss()),
    now: () => ctx.clock.now(),
  };

  async function issue(patientId: string, actor: string): Promise<IssuedCard> {
    const row = patientById(db, patientId);
    if (!row) throw notFound('patient', 'patientId');
    const day = today(ctx);
    const patient = toPatient(row, day);
    const at = nowIso(ctx);
    const signer = await signingKey(db, secrets, at);
    const issuer = iss();
    const cardId = randomUUID();
    const qr = await signShc(
      {
        cardId,
        uhid: patient.uhid,
        name: patient.name,
        gender: patient.gender,
        dateOfBirth: patient.dateOfBirthEstimated ? patient.dateOfBirth.slice(0, 4) : patient.dateOfBirth,
        abhaNumber: patient.abhaNumber,
        abhaAddress: patient.abhaAddress,
      },
      { iss: issuer, kid: signer.kid, key: signer.key },
      ctx.clock.now(),
    );
    const pdf = await cardPdf({
      hospitalName: ctx.identity.hospitalName,
      name: patient.name,
      uhid: formatUhid(patient.uhid),
      gender: patient.gender === 'male' ? 'Male' : patient.gender === 'female' ? 'Female' : 'Other',
      dateOfBirth: patient.dateOfBirthEstimated ? `${patient.dateOfBirth.slice(0, 4)} (age)` : patient.dateOfBirth,
      abhaNumber: patient.abhaNumber,
      qr,
      issuedOn: day,
    });
    const superseded = writeTransaction(db, () => {
      const replaced = recordIssuedCard(db, { id: cardId, patientPk: row.pk, kid: signer.kid, issuer, at });
      appendAudit(db, { at, actor, action: 'card.issue', entity: 'patient', entityId: patient.id, detail: { cardId, superseded: replaced } });
      return replaced;
    });
    return { id: cardId, patientId: patient.id, kid: signer.kid, issuer, issuedAt: at, qr, pdfBase64: Buffer.from(pdf).toString('base64'), superseded };
  }

  return {
    'cards.resolve': ({ text }) => resolveCard(db, text, trust, today(ctx)),
    'cards.issue': ({ patientId }, call) => issue(patientId, call.actor),
    'cards.issuerKeys': async () => {
      if (ownKeys(db).length === 0) await signingKey(db, secrets, nowIso(ctx));
      const jwks: Jwks = { keys: ownKeys(db).map((k) => ({ ...k.jwk, kid: k.kid, alg: 'ES256' as const, use: 'sig' as const })) };
      return { issuer: iss(), jwks };
    },
    'cards.trustIssuer': async ({ iss: issuer, name, jwks }) => {
      await trustIssuer(db, { iss: issuer, name, keys: jwks.keys }, nowIso(ctx));
      return listIssuers(db, iss());
    },
    'cards.trustedIssuers': () => listIssuers(db, iss()),
  };
}
