// Shapes of sync.* (docs/fhir-mapping.md).
import { z } from 'zod';

export const SyncState = z.enum(['disabled', 'idle', 'syncing', 'offline', 'error']);

export const SyncStatus = z.object({
  state: SyncState,
  /** Outbox rows not yet at the HIMS (held review rows included). */
  pending: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  oldestPendingAgeSeconds: z.number().int().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** In words, for the clerk: what went wrong the last time. */
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  reviewOpen: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const AuthKind = z.enum(['none', 'bearer', 'client_credentials']);

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), 'must be an http(s) URL');

export const SyncSettings = z.object({
  enabled: z.boolean(),
  baseUrl: z.string().nullable(),
  authKind: AuthKind,
  tokenUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  scope: z.string().nullable(),
  caPem: z.string().nullable(),
  timeoutMs: z.number().int(),
  batchSize: z.number().int(),
  hasBearerToken: z.boolean(),
  hasClientSecret: z.boolean(),
});
export type SyncSettings = z.infer<typeof SyncSettings>;

export const SaveSyncSettingsInput = z
  .object({
    enabled: z.boolean(),
    baseUrl: httpUrl.nullable(),
    authKind: AuthKind.default('none'),
    tokenUrl: httpUrl.nullable().optional(),
    clientId: z.string().trim().max(200).nullable().optional(),
    scope: z.string().trim().max(500).nullable().optional(),
    caPem: z
      .string()
      .max(64_000)
      .refine((v) => v.includes('-----BEGIN CERTIFICATE-----'), 'must be a PEM certificate')
      .nullable()
      .optional(),
    timeoutMs: z.number().int().min(1000).max(300_000).default(15_000),
    batchSize: z.number().int().min(1).max(500).default(100),
    /** Absent: keep the stored secret; null or "": forget it. */
    bearerToken: z.string().max(4000).nullable().optional(),
    clientSecret: z.string().max(4000).nullable().optional(),
  })
  .strict();

export const ConnectionTest = z.object({
  ok: z.boolean(),
  message: z.string(),
  fhirVersion: z.string().nullable(),
  software: z.string().nullable(),
  elapsedMs: z.number().int(),
});

export const ReviewEntry = z.object({
  id: z.number().int(),
  /** charge, receipt and refund: fees. */
  entity: z.enum(['patient', 'token', 'charge', 'receipt', 'refund']),
  localId: z.string(),
  reason: z.enum(['version_conflict', 'multiple_matches', 'same_identifier', 'rejected']),
  message: z.string(),
  /** The FHIR resource this counter would send, and the HIMS's copy (if any). */
  local: z.record(z.string(), z.unknown()),
  remote: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;
