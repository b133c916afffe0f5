// Push: pending outbox rows → transaction Bundles → the HIMS
// (https://hl7.org/fhir/R4/http.html#transaction). A Bundle is all or
// nothing at the HIMS; any failure to get its answer (time-out, reset,
// 5xx, 429) leaves the rows pending and the same plan is rebuilt and sent
// again, which push-plan.ts makes harmless. A Bundle the HIMS refuses as a
// whole (412, 409, 400) is split and each record sent alone, so one bad
// record goes to the review list instead of blocking — or looping — the rest.
import type { Database } from 'better-sqlite3';
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { r4Problems } from '../fhir/fhir-validate';
import { clientUuidOf } from '../fhir/patient-mapping';
import { PermanentError, type HimsClient, type HimsResponse } from './hims-client';
import { bundleEntries, groupRows, Planner, typeOf, type PlanItem } from './push-plan';
import { followUpsOfCreate } from './push-follow-ups';
import { addReview, markSent, pendingRows, saveRemote } from './sync-store';
import { writeTransaction } from '../db/transaction';

export interface PushOptions {
  batchSize: number;
  /** 'bundle' (the product) or 'single': one request per resource, for the bench's comparison. */
  mode?: 'bundle' | 'single';
  now: () => string;
}

export interface PushResult {
  sent: number;
  reviewed: number;
  /** More rows were waiting than one round takes. */
  more: boolean;
  /** Outbox seqs this round tried (for attempts/last_error on failure). */
  tried: number[];
  /** A create made a follow-up send possible (push-follow-ups.ts): run another round now. */
  followUps?: boolean;
}

export async function pushOnce(db: Database, client: HimsClient, options: PushOptions): Promise<PushResult> {
  const limit = options.batchSize * 4;
  const rows = pendingRows(db, limit);
  const result: PushResult = { sent: 0, reviewed: 0, more: false, tried: rows.map((r) => r.seq) };
  const planner = new Planner(db);
  for (const group of groupRows(rows)) {
    if (planner.items.length >= options.batchSize) break;
    if (group.entity === 'department') {
      // Departments are configuration the HIMS owns and we pull: nothing to send.
      writeTransaction(db, () => markSent(db, group.entity, group.entityId, group.maxSeq, options.now()));
      continue;
    }
    planner.add(group.entity, group.entityId, group.maxSeq, group.seqs);
  }
  const items = planner.items.filter((item) => {
    const problems = [item.resource, ...(item.companions ?? []).map((c) => c.resource!)].flatMap(r4Problems);
    if (problems.length === 0) return true;
    review(db, item, 'rejected', `Not valid FHIR R4: ${problems.slice(0, 3).join('; ')}`, null, options.now());
    result.reviewed++;
    return false;
  });
  if (options.mode === 'single') {
    for (const item of items) await sendAlone(db, client, item, options, result);
  } else if (items.length > 0) {
    await sendBundle(db, client, items, options, result);
  }
  result.more = (rows.length === limit && result.sent + result.reviewed > 0) || result.followUps === true;
  return result;
}

async function sendBundle(
  db: Database,
  client: HimsClient,
  items: PlanItem[],
  options: PushOptions,
  result: PushResult,
): Promise<void> {
  const sent = items.flatMap(bundleEntries);
  const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: sent };
  const response = await client.request<Bundle>('POST', '', bundle);
  if (response.status === 200 && response.data?.resourceType === 'Bundle') {
    const entries = response.data.entry ?? [];
    if (entries.length !== sent.length)
      throw new PermanentError(`The HIMS answered ${entries.length} entries for ${sent.length}`);
    writeTransaction(db, () => {
      let at = 0; // an item's own answer, then its companions'
      for (const item of items) {
        applySuccess(db, item, entries[at]!, options.now(), result);
        at += 1 + (item.companions?.length ?? 0);
      }
    });
    return;
  }
  if (items.length === 1) return settleRefusal(db, client, items[0]!, response, options, result);
  // Refused as a whole: each record alone finds the one(s) at fault.
  for (const item of items) await sendAlone(db, client, item, options, result);
}

/** One resource in one request (the split path, and the bench's baseline). */
async function sendAlone(
  db: Database,
  client: HimsClient,
  item: PlanItem,
  options: PushOptions,
  result: PushResult,
): Promise<void> {
  // Rebuild: a record sent earlier in this loop may have given this one its reference.
  const planner = new Planner(db);
  if (!planner.add(item.entity, item.localId, item.maxSeq, item.seqs)) return;
  for (const fresh of planner.items) {
    const type = typeOf(fresh);
    const response =
      fresh.kind === 'create'
        ? await client.request<Resource>('POST', type, fresh.resource, { 'if-none-exist': fresh.ifNoneExist! })
        : await client.request<Resource>(
            'PUT',
            `${type}/${fresh.remoteId!}`,
            fresh.resource,
            fresh.ifMatch ? { 'if-match': fresh.ifMatch } : {},
          );
    if (response.status === 200 || response.status === 201) {
      const entry: BundleEntry = {
        resource: response.data,
        response: { status: String(response.status), location: response.headers.location, etag: response.headers.etag },
      };
      writeTransaction(db, () => applySuccess(db, fresh, entry, options.now(), result));
      const refused = await sendCompanions(client, fresh);
      if (refused) {
        review(db, fresh, 'rejected', `The HIMS refused the ${refused} sent with this patient.`, null, options.now());
        result.reviewed++;
      }
    } else {
      await settleRefusal(db, client, fresh, response, options, result);
      return;
    }
  }
}

/**
 * Alone, a record's companions go after it, each a conditional update of its
 * own. Returns what the HIMS refused (for the review list), or null.
 */
async function sendCompanions(client: HimsClient, item: PlanItem): Promise<string | null> {
  for (const companion of item.companions ?? []) {
    const answer = await client.request<Resource>('PUT', companion.request!.url, companion.resource);
    if (answer.status !== 200 && answer.status !== 201)
      return `${companion.resource?.resourceType ?? 'record'} (${answer.status})`;
  }
  return null;
}

function applySuccess(db: Database, item: PlanItem, entry: BundleEntry, at: string, result: PushResult): void {
  const resource = entry.resource;
  const fromLocation = /^(?:.*\/)?(Patient|Encounter|ChargeItem|PaymentReconciliation)\/([^/]+)(?:\/_history\/([^/]+))?$/.exec(
    entry.response?.location ?? '',
  );
  const remoteId = resource?.id ?? fromLocation?.[2] ?? item.remoteId;
  if (!remoteId) throw new PermanentError('The HIMS did not say which id it gave a record');
  const versionId = resource?.meta?.versionId ?? fromLocation?.[3] ?? /"([^"]+)"/.exec(entry.response?.etag ?? '')?.[1] ?? null;
  saveRemote(db, item.entity, item.localId, {
    remote_id: remoteId,
    version_id: versionId,
    last_updated: resource?.meta?.lastUpdated ?? null,
    synced_version: item.version,
  });
  markSent(db, item.entity, item.localId, item.maxSeq, at);
  result.sent++;
  if (item.kind === 'create' && followUpsOfCreate(db, item.entity, item.localId, at)) result.followUps = true;
  // A create that matched an existing Patient made by another counter (same
  // ABHA number): one Patient at the HIMS, and a person decides whose details win.
  if (item.entity === 'patient' && item.kind === 'create' && resource && resource.resourceType === 'Patient') {
    const owner = clientUuidOf(resource);
    if (owner && owner !== item.localId) {
      review(
        db,
        item,
        'same_identifier',
        'The HIMS already has this ABHA number on a patient registered at another counter; both are linked to that one record.',
        resource,
        at,
        remoteId,
      );
      result.reviewed++;
    }
  }
}

/** A refusal of one record: settle it as sent or as a review entry, never a retry. */
async function settleRefusal(
  db: Database,
  client: HimsClient,
  item: PlanItem,
  response: HimsResponse,
  options: PushOptions,
  result: PushResult,
): Promise<void> {
  const at = options.now();
  const text = outcomeText(response.data);
  if (item.kind === 'update' && (response.status === 412 || response.status === 409)) {
    const current = await client.request<Resource>('GET', `${typeOf(item)}/${item.remoteId!}`);
    if (current.status === 200 && sameContent(current.data, item.resource)) {
      // Our earlier send did land; only its answer was lost.
      writeTransaction(db, () => applySuccess(db, item, { resource: current.data }, at, result));
      return;
    }
    review(
      db,
      item,
      'version_conflict',
      'Changed at the HIMS since this counter last saw it.',
      current.status === 200 ? current.data : null,
      at,
      item.remoteId,
    );
  } else if (item.kind === 'create' && response.status === 412) {
    const matches = await client.request<Bundle>('GET', `${typeOf(item)}?${item.ifNoneExist!}&_count=5`);
    const first = matches.status === 200 ? (matches.data.entry?.[0]?.resource ?? null) : null;
    review(db, item, 'multiple_matches', 'Several records at the HIMS have this identifier.', first, at, first?.id ?? null);
  } else {
    review(db, item, 'rejected', `The HIMS refused it (${response.status}${text ? `: ${text}` : ''}).`, null, at);
  }
  result.reviewed++;
}

function review(
  db: Database,
  item: PlanItem,
  reason: 'version_conflict' | 'multiple_matches' | 'same_identifier' | 'rejected',
  message: string,
  remote: Resource | null,
  at: string,
  remoteId: string | null = null,
): void {
  addReview(db, { entity: item.entity, localId: item.localId, reason, message, local: item.resource, remote, remoteId, at });
}

function outcomeText(data: unknown): string {
  const issues = (data as { issue?: { details?: { text?: string }; diagnostics?: string }[] } | null)?.issue ?? [];
  return issues
    .map((i) => i.details?.text ?? i.diagnostics ?? '')
    .filter(Boolean)
    .join('; ')
    .slice(0, 300);
}

/** Equal apart from what the server adds (id, meta, narrative). */
export function sameContent(a: Resource, b: Resource): boolean {
  const strip = (r: Resource) => canonical({ ...r, id: undefined, meta: undefined, text: undefined });
  return strip(a) === strip(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(
      ([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '',
    );
    return `{${entries
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
