// cards.* — resolve any scan, issue and reissue the hospital's e-health card,
// and manage the keys cards are signed and verified with. docs/cards.md
import type { Jwks } from '../../preload/contract/methods/card-schemas';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../core/app-error';
import { nowIso, today, type CoreContext } from '../core/core-context';
import type { HandlerMap } from '../core/registry';
import { writeTransaction } from '../db/transaction';
import { patientById } from '../patients/patient-store';
import { queueCardSlip, requireSlipPrinter } from '../printing/extra-jobs';
import { publicJob } from '../printing/print-queue';
import { issueCard } from './card-issuer';
import { resolveCard } from './card-resolve';
import { currentPrintableCard } from './card-store';
import {
  findVerifyKey,
  findVerifyKeysByShortKid,
  isKnownIssuer,
  issuerUrl,
  listIssuers,
  ownKeys,
  signingKey,
  trustIssuer,
} from './issuer-store';
import type { SecretStore } from '../config/secret-store';
import type { ShcTrust } from './shc-verify';

export function cardsHandlers(ctx: CoreContext, secrets: SecretStore): HandlerMap {
  const { db } = ctx;
  const iss = () => issuerUrl(db, ctx.identity.hospitalCode);
  const trust: ShcTrust = {
    findKey: (kid) => findVerifyKey(db, kid, iss()),
    findKeysByShortKid: (shortKid) => findVerifyKeysByShortKid(db, shortKid, iss()),
    isKnownIssuer: (name) => isKnownIssuer(db, name, iss()),
    now: () => ctx.clock.now(),
  };

  return {
    'cards.resolve': ({ text }) => resolveCard(db, text, trust, today(ctx)),
    'cards.issue': ({ patientId }, call) => issueCard(ctx, secrets, patientId, call.actor),
    'cards.printSlip': async ({ patientId }, call) => {
      requireSlipPrinter(db); // before issuing: a card is never superseded for a slip that cannot print
      const row = patientById(db, patientId);
      if (!row) throw notFound('patient', 'patientId');
      const current = currentPrintableCard(db, row.pk);
      const cardId = current?.id ?? (await issueCard(ctx, secrets, patientId, call.actor)).id;
      const job = writeTransaction(db, () => {
        const at = nowIso(ctx);
        const queued = queueCardSlip(db, { cardId, actor: call.actor, at });
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'card.print',
          entity: 'patient',
          entityId: patientId,
          detail: { cardId, job: queued.id },
        });
        return queued;
      });
      return { cardId, issued: current === undefined, job: publicJob(job) };
    },
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
