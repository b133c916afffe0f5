// sync.* handlers (preload/contract/methods/sync-methods.ts).
import type { Database } from 'better-sqlite3';
import type { SyncSettings } from '../../preload/contract/methods/sync-schemas';
import { appendAudit } from '../audit/audit-log';
import { notFound } from '../core/app-error';
import { enqueueOutbox } from '../core/outbox';
import type { HandlerMap } from '../core/registry';
import type { Clock } from '../core/clock';
import { writeTransaction } from '../db/transaction';
import type { Resource } from '@medplum/fhirtypes';
import { createHimsClient } from './hims-client';
import { fromFhirPatient } from '../fhir/patient-mapping';
import {
  closeReview,
  openReviews,
  readSettings,
  reviewById,
  saveRemote,
  writeSettings,
  type SyncSettingsRow,
} from './sync-store';
import type { SyncEngine } from './sync-engine';
import { SECRET_NAMES, type SecretStore } from './sync-types';
import { sql } from '../db/statements';
import { updateLocalPatient } from './local-patient-update';
import { moneyVersion } from './money-records';

export function syncHandlers(db: Database, engine: SyncEngine, secrets: SecretStore, clock: Clock): HandlerMap {
  const settingsView = (): SyncSettings => {
    const s = readSettings(db);
    return {
      enabled: s.enabled === 1,
      baseUrl: s.base_url,
      authKind: s.auth_kind,
      tokenUrl: s.token_url,
      clientId: s.client_id,
      scope: s.scope,
      caPem: s.ca_pem,
      timeoutMs: s.timeout_ms,
      batchSize: s.batch_size,
      hasBearerToken: !!secrets.read(SECRET_NAMES.bearerToken),
      hasClientSecret: !!secrets.read(SECRET_NAMES.clientSecret),
    };
  };
  return {
    'sync.status': () => engine.status(),
    'sync.getSettings': () => settingsView(),
    'sync.saveSettings': (input) => {
      const row: SyncSettingsRow = {
        enabled: input.enabled ? 1 : 0,
        base_url: input.baseUrl ?? null,
        auth_kind: input.authKind,
        token_url: input.tokenUrl ?? null,
        client_id: input.clientId ?? null,
        scope: input.scope ?? null,
        ca_pem: input.caPem ?? null,
        timeout_ms: input.timeoutMs,
        batch_size: input.batchSize,
      };
      if (input.bearerToken !== undefined) secrets.write(SECRET_NAMES.bearerToken, input.bearerToken ?? '');
      if (input.clientSecret !== undefined) secrets.write(SECRET_NAMES.clientSecret, input.clientSecret ?? '');
      writeTransaction(db, () => writeSettings(db, row, clock.now().toISOString()));
      engine.reconfigure();
      return settingsView();
    },
    'sync.testConnection': async () => {
      const started = Date.now();
      try {
        const client = createHimsClient(
          readSettings(db),
          {
            bearerToken: secrets.read(SECRET_NAMES.bearerToken) || null,
            clientSecret: secrets.read(SECRET_NAMES.clientSecret) || null,
          },
          () => clock.now(),
        );
        const answer = await client.request<{ resourceType?: string; fhirVersion?: string; software?: { name?: string } }>(
          'GET',
          'metadata',
        );
        const ok = answer.status === 200 && answer.data?.resourceType === 'CapabilityStatement';
        const version = answer.data?.fhirVersion ?? null;
        return {
          ok: ok && (version ?? '').startsWith('4.0'),
          message: !ok
            ? `The server answered ${answer.status}, not a FHIR CapabilityStatement`
            : (version ?? '').startsWith('4.0')
              ? 'Connected: a FHIR R4 server'
              : `Connected, but it speaks FHIR ${version ?? '?'}, not R4 (4.0.x)`,
          fhirVersion: version,
          software: answer.data?.software?.name ?? null,
          elapsedMs: Date.now() - started,
        };
      } catch (err) {
        return {
          ok: false,
          message: err instanceof Error ? err.message : String(err),
          fhirVersion: null,
          software: null,
          elapsedMs: Date.now() - started,
        };
      }
    },
    'sync.now': async () => {
      await engine.roundAfterNow();
      return engine.status();
    },
    'sync.reviewList': () =>
      openReviews(db).map((r) => ({
        id: r.id,
        entity: r.entity,
        localId: r.local_id,
        reason: r.reason,
        message: r.message,
        local: JSON.parse(r.local_json) as Record<string, unknown>,
        remote: r.remote_json ? (JSON.parse(r.remote_json) as Record<string, unknown>) : null,
        createdAt: r.created_at,
      })),
    'sync.resolve': ({ id, resolution }, call) => {
      const entry = reviewById(db, id);
      if (!entry || entry.resolved_at) throw notFound(`no open review entry ${id}`);
      const at = clock.now().toISOString();
      writeTransaction(db, () => {
        const remote = entry.remote_json ? (JSON.parse(entry.remote_json) as Resource) : null;
        if (resolution === 'keep_local' && remote?.id && remote.meta?.versionId) {
          // Our version goes over theirs: If-Match on the version the person saw.
          const version =
            entry.entity === 'patient' || entry.entity === 'token'
              ? (sql<[string], { version: number }>(
                  db,
                  entry.entity === 'patient'
                    ? 'SELECT version FROM patients WHERE id = ?'
                    : 'SELECT version FROM tokens WHERE id = ?',
                ).get(entry.local_id)?.version ?? 1)
              : moneyVersion(db, entry.entity, entry.local_id);
          saveRemote(db, entry.entity, entry.local_id, {
            remote_id: remote.id,
            version_id: remote.meta.versionId,
            last_updated: remote.meta.lastUpdated ?? null,
            synced_version: version - 1,
          });
          enqueueOutbox(db, { entity: entry.entity, entityId: entry.local_id, operation: 'update', version, at });
        }
        if (resolution === 'keep_remote' && remote?.resourceType === 'Patient' && remote.id) {
          const local = fromFhirPatient(remote, remote.id);
          const row = sql<[string], { pk: number }>(db, 'SELECT pk FROM patients WHERE id = ?').get(entry.local_id);
          if (local && row) {
            // The same fields a pull copies; our unsent changes to this patient are dropped.
            const version = updateLocalPatient(db, row.pk, local, at);
            saveRemote(db, 'patient', entry.local_id, {
              remote_id: remote.id,
              version_id: remote.meta?.versionId ?? null,
              last_updated: remote.meta?.lastUpdated ?? null,
              synced_version: version,
            });
            sql(db, "UPDATE outbox SET sent_at = ? WHERE entity = 'patient' AND entity_id = ? AND sent_at IS NULL").run(
              at,
              entry.local_id,
            );
          }
        }
        appendAudit(db, {
          at,
          actor: call.actor,
          action: 'sync.resolve',
          entity: entry.entity,
          entityId: entry.local_id,
          detail: { review: id, reason: entry.reason, resolution },
        });
        closeReview(db, id, resolution, at);
      });
      engine.reconfigure();
      return { resolved: true as const };
    },
  };
}
