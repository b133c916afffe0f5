// sync.* — the central HIMS over FHIR R4 (docs/design.md §6).
import { z } from 'zod';
import type { MethodSpec } from '../method-spec';
import { ConnectionTest, ReviewEntry, SaveSyncSettingsInput, SyncSettings, SyncStatus } from './sync-schemas';

export const syncMethods = {
  'sync.status': {
    summary: 'State of the sync engine, what is waiting and what went wrong last.',
    input: z.object({}).strict(),
    output: SyncStatus,
  },
  'sync.getSettings': {
    summary: 'Where the HIMS is and how to reach it (secrets only as "is set").',
    input: z.object({}).strict(),
    output: SyncSettings,
  },
  'sync.saveSettings': {
    summary: 'Save the HIMS settings; credentials go to the secret store. Restarts the engine.',
    input: SaveSyncSettingsInput,
    output: SyncSettings,
  },
  'sync.testConnection': {
    summary: 'Ask the HIMS for its CapabilityStatement with the saved settings.',
    input: z.object({}).strict(),
    output: ConnectionTest,
  },
  'sync.now': {
    summary:
      'Run one push and pull round that starts after this call (after any round already running), and answer the status after it.',
    input: z.object({}).strict(),
    output: SyncStatus,
  },
  'sync.reviewList': {
    summary: 'Changes the HIMS refused for a person to decide: both versions side by side.',
    input: z.object({}).strict(),
    output: z.array(ReviewEntry),
  },
  'sync.resolve': {
    summary: "Decide a review entry: send this counter's version, take the HIMS's, or dismiss.",
    input: z.object({ id: z.number().int().positive(), resolution: z.enum(['keep_local', 'keep_remote', 'dismissed']) }).strict(),
    output: z.object({ resolved: z.literal(true) }),
  },
} as const satisfies Record<string, MethodSpec>;
