// Medplum's in-memory repository with its gaps closed for our use:
//  - search by `identifier=system|value` is answered from an index instead of
//    a scan of every stored resource (a conditional create on the client-UUID
//    identifier otherwise gets slower with every resource stored);
//  - a journal so a transaction Bundle can be rolled back: the stock
//    withTransaction just runs the callback, so a failed entry left the
//    earlier ones applied;
//  - an invalid resource is refused (400), never stored;
//  - history from a log of every change (resource-history.ts): newest first
//    and the same on every call (the stock one reverses its array in place,
//    so the order flips between calls), per type too, deletions included;
//  - a deleted resource reads as 410 Gone, not 404.
import { badRequest, gone, matchesSearchRequest, OperationOutcomeError, type SearchRequest, type WithId } from '@medplum/core';
import { MemoryRepository, type ReadHistoryOptions } from '@medplum/fhir-router';
import type { Bundle, Identifier, Resource } from '@medplum/fhirtypes';
import { r4Problems } from '../fhir/fhir-validate';
import { codeProblems } from './code-bindings';
import { changeTime, historyBundle, type Change } from './resource-history';

/** The private maps of MemoryRepository (type → id → resource / versions). */
interface MemoryMaps {
  resources: Map<string, Map<string, Resource>>;
  history: Map<string, Map<string, Resource[]>>;
}

interface JournalEntry {
  resourceType: string;
  id: string;
  before: Resource | undefined;
  historyLength: number;
  /** How long the change log was before this write. */
  changeCount: number;
}

const indexKey = (type: string, system: string | undefined, value: string) => `${type}|${system ?? ''}|${value}`;

export class IndexedMemoryRepository extends MemoryRepository {
  /** "Type|system|value" → ids holding that identifier. */
  private readonly byIdentifier = new Map<string, Set<string>>();
  private journal: JournalEntry[] | undefined;
  /** Every write and delete, oldest first: what history answers from. */
  private readonly changes: Change[] = [];

  private maps(): MemoryMaps {
    return this as unknown as MemoryMaps;
  }

  private current(type: string, id: string): Resource | undefined {
    return this.maps().resources.get(type)?.get(id);
  }

  /** Every create and update comes here (the stock update calls it): checked first, then logged. */
  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    const problems = [...r4Problems(resource), ...codeProblems(resource)];
    if (problems.length > 0)
      throw new OperationOutcomeError(badRequest(`Invalid ${resource.resourceType}: ${problems.join('; ')}`));
    const type = resource.resourceType;
    const id = resource.id;
    const before = id ? this.current(type, id) : undefined;
    const changeCount = this.changes.length;
    const saved = await super.createResource(resource);
    const historyLength = (this.maps().history.get(type)?.get(saved.id)?.length ?? 1) - 1;
    this.journal?.push({ resourceType: type, id: saved.id, before, historyLength, changeCount });
    this.changes.push({ resourceType: type, id: saved.id, version: structuredClone(saved), created: historyLength === 0 });
    this.reindex(type, saved.id, before, saved);
    return saved;
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    const before = this.current(resourceType, id);
    const historyLength = this.maps().history.get(resourceType)?.get(id)?.length ?? 0;
    const changeCount = this.changes.length;
    await super.deleteResource(resourceType, id);
    this.journal?.push({ resourceType, id, before, historyLength, changeCount });
    this.changes.push({ resourceType, id, version: null, at: new Date().toISOString() });
    this.reindex(resourceType, id, before, undefined);
  }

  /** 410 for a resource that was deleted (it has a history), 404 for one that never was. */
  override async readResource<T extends Resource>(resourceType: string, id: string): Promise<T> {
    if (!this.current(resourceType, id) && this.wasDeleted(resourceType, id)) throw new OperationOutcomeError(gone);
    return super.readResource<T>(resourceType, id);
  }

  /** An earlier version stays readable after a delete. */
  override async readVersion<T extends Resource>(resourceType: string, id: string, versionId: string): Promise<T> {
    if (this.current(resourceType, id)) return super.readVersion<T>(resourceType, id, versionId);
    const version = this.maps()
      .history.get(resourceType)
      ?.get(id)
      ?.find((v) => v.meta?.versionId === versionId);
    if (!version) return super.readVersion<T>(resourceType, id, versionId); // its 404
    return structuredClone(version) as T;
  }

  override async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
    options?: ReadHistoryOptions,
  ): Promise<Bundle<T>> {
    if (!this.current(resourceType, id) && !this.wasDeleted(resourceType, id)) await super.readResource(resourceType, id); // its 404
    const changes = this.changes.filter((c) => c.resourceType === resourceType && c.id === id);
    return historyBundle<T>(changes, { offset: options?.offset, count: options?.limit });
  }

  /** GET /<type>/_history: every change of that type, newest first, optionally since an instant. */
  typeHistory(resourceType: string, options: { since?: string; offset?: number; count?: number }): Bundle {
    const since = options.since ? Date.parse(options.since) : null;
    const changes = this.changes.filter(
      (c) => c.resourceType === resourceType && (since === null || Date.parse(changeTime(c)) >= since),
    );
    return historyBundle(changes, options);
  }

  private wasDeleted(resourceType: string, id: string): boolean {
    return (this.maps().history.get(resourceType)?.get(id)?.length ?? 0) > 0;
  }

  /** All-or-nothing: on any error every write made inside is undone. */
  override async withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    if (this.journal) return callback(undefined); // nested: the outer one decides
    this.journal = [];
    try {
      const result = await callback(undefined);
      return result;
    } catch (err) {
      this.rollback(this.journal);
      throw err;
    } finally {
      this.journal = undefined;
    }
  }

  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const filters = request.filters ?? [];
    const idFilter = filters.find((f) => f.code === 'identifier' && f.operator === 'eq' && f.value.includes('|'));
    if (!idFilter || request.sortRules?.length || request.include || request.revInclude) return super.search(request);
    const ids = new Set<string>();
    for (const token of idFilter.value.split(',')) {
      const cut = token.indexOf('|');
      for (const id of this.byIdentifier.get(indexKey(request.resourceType, token.slice(0, cut), token.slice(cut + 1))) ?? [])
        ids.add(id);
    }
    const matches: WithId<T>[] = [];
    for (const id of ids) {
      const resource = this.current(request.resourceType, id) as WithId<T> | undefined;
      if (resource && matchesSearchRequest(resource, request)) matches.push(structuredClone(resource));
    }
    const offset = request.offset ?? 0;
    const page = request.count === undefined ? matches.slice(offset) : matches.slice(offset, offset + request.count);
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      entry: page.map((resource) => ({ fullUrl: `${request.resourceType}/${resource.id}`, resource, search: { mode: 'match' } })),
    };
  }

  private reindex(type: string, id: string, before: Resource | undefined, after: Resource | undefined): void {
    for (const ident of identifiersOf(before)) this.byIdentifier.get(indexKey(type, ident.system, ident.value ?? ''))?.delete(id);
    for (const ident of identifiersOf(after)) {
      const key = indexKey(type, ident.system, ident.value ?? '');
      let set = this.byIdentifier.get(key);
      if (!set) this.byIdentifier.set(key, (set = new Set()));
      set.add(id);
    }
  }

  private rollback(journal: JournalEntry[]): void {
    const { resources, history } = this.maps();
    if (journal[0]) this.changes.length = journal[0].changeCount;
    for (const entry of journal.reverse()) {
      const now = this.current(entry.resourceType, entry.id);
      const byId = resources.get(entry.resourceType);
      if (entry.before) byId?.set(entry.id, entry.before);
      else byId?.delete(entry.id);
      const versions = history.get(entry.resourceType)?.get(entry.id);
      if (versions) versions.length = entry.historyLength;
      if (versions?.length === 0) history.get(entry.resourceType)?.delete(entry.id);
      this.reindex(entry.resourceType, entry.id, now, entry.before);
    }
  }
}

function identifiersOf(resource: Resource | undefined): Identifier[] {
  if (!resource || !('identifier' in resource)) return [];
  const value = (resource as { identifier?: Identifier | Identifier[] }).identifier;
  return Array.isArray(value) ? value : value ? [value] : [];
}
