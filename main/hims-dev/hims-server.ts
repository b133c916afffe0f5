// The development HIMS: Medplum's FHIR R4 router and in-memory repository
// behind a small node:http server on loopback. Gaps of the stock pieces that
// this wrapper closes: transactions are atomic (transaction.ts), unknown
// search parameters are refused (search-params.ts), identifier searches use
// an index (indexed-repository.ts), conditional entries are not capped,
// invalid resources are refused, history is newest first and per type too,
// a deleted resource is 410 Gone, and paging links are absolute URLs.
// Requests are handled one at a time, like a serialisable database.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  badRequest,
  getStatus,
  isResourceType,
  normalizeOperationOutcome,
  OperationOutcomeError,
  unauthorized,
} from '@medplum/core';
import { FhirRouter, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { loadR4Definitions } from '../fhir/definitions';
import { IndexedMemoryRepository } from './indexed-repository';
import { checkSearchParams } from './search-params';
import { runTransaction } from './transaction';
import { issueToken, type HimsAuth } from './hims-auth';

export interface HimsServerOptions {
  port?: number;
  auth?: HimsAuth;
  /** Largest request body accepted (default 32 MB). */
  maxBodyBytes?: number;
}

export interface HimsServer {
  /** FHIR base URL, e.g. http://127.0.0.1:8103/fhir */
  baseUrl: string;
  port: number;
  repo: IndexedMemoryRepository;
  close(): Promise<void>;
}

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export async function startHimsServer(options: HimsServerOptions = {}): Promise<HimsServer> {
  loadR4Definitions();
  const repo = new IndexedMemoryRepository();
  const router = new FhirRouter();
  const tokens = new Set<string>();
  const maxBody = options.maxBodyBytes ?? 32 * 1024 * 1024;
  let queue: Promise<unknown> = Promise.resolve();
  let port = 0;

  const server = createServer((req, res) => {
    // One request at a time: conditional creates and transactions see a stable store.
    queue = queue.then(() => handle(req, res).catch((err: unknown) => sendOutcome(res, normalizeOperationOutcome(err))));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hims.local');
    const body = await readBody(req, maxBody);
    if (url.pathname === '/oauth2/token' && req.method === 'POST') {
      const answer = issueToken(options.auth, new URLSearchParams(body.toString('utf8')), tokens);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      return;
    }
    if (!url.pathname.startsWith('/fhir')) return sendOutcome(res, badRequest('FHIR base is /fhir'), 404);
    if (!authorized(req, options.auth, tokens)) return sendOutcome(res, unauthorized);
    const path = url.pathname.slice('/fhir'.length).replace(/^\/+/, '');
    const method = (req.method ?? 'GET') as HttpMethod;
    if (method === 'GET' && path === 'metadata') return sendResource(res, 200, capabilityStatement());

    let parsed: unknown;
    if (body.length > 0) {
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        return sendOutcome(res, badRequest('Body is not JSON'));
      }
    }
    const segments = path.split('/').filter(Boolean);
    // Links in Bundles are absolute, on the address the client used (a proxy in between stays in between).
    const base = new URL(`http://${header(req, 'host') ?? `127.0.0.1:${port}`}${url.pathname}${url.search}`);
    if (method === 'GET' && segments.length === 2 && segments[1] === '_history') {
      return sendResource(res, 200, withPageLinks(typeHistory(repo, segments[0]!, url.searchParams), base));
    }
    if (method === 'GET' && segments.length === 1) checkSearchParams(segments[0]!, url.searchParams);
    if ((method === 'PUT' || method === 'DELETE') && segments.length === 1) checkSearchParams(segments[0]!, url.searchParams);
    const ifNoneExist = header(req, 'if-none-exist');
    if (method === 'POST' && segments.length === 1 && ifNoneExist)
      checkSearchParams(segments[0]!, new URLSearchParams(ifNoneExist));

    const fhirReq: FhirRequest = {
      method,
      url: `${path}${url.search}`,
      pathname: '',
      body: parsed,
      params: {},
      query: {},
      headers: req.headers,
      config: { transactions: false },
    };
    const bundle = parsed as Bundle | undefined;
    if (method === 'POST' && path === '' && bundle?.resourceType === 'Bundle' && bundle.type === 'transaction') {
      const result = await runTransaction(fhirReq, repo, router, bundle);
      return sendResource(res, 200, result);
    }
    const [outcome, resource] = await router.handleRequest(fhirReq, repo);
    const status = getStatus(outcome);
    if (status >= 400 || !resource) return sendOutcome(res, outcome);
    if (resource.resourceType === 'Bundle' && (resource.type === 'searchset' || resource.type === 'history'))
      withPageLinks(resource, base);
    sendResource(res, status, resource);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/fhir`,
    port,
    repo,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function authorized(req: IncomingMessage, auth: HimsAuth | undefined, tokens: Set<string>): boolean {
  if (!auth) return true;
  const given = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1];
  return given !== undefined && (given === auth.bearerToken || tokens.has(given));
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new OperationOutcomeError(badRequest('Request body too large'));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * `self`, and `next` while more remain (the stock search answers none), as
 * absolute URLs: a relative one resolves against the base differently in
 * every client (`fhir/Patient?…` under `/fhir/` is `/fhir/fhir/Patient`).
 */
function withPageLinks<T extends Bundle>(bundle: T, request: URL): T {
  const count = Number(request.searchParams.get('_count') ?? NaN);
  const offset = Number(request.searchParams.get('_offset') ?? 0);
  bundle.link = [{ relation: 'self', url: request.href }];
  if (Number.isFinite(count) && bundle.total !== undefined && offset + count < bundle.total) {
    const next = new URL(request);
    next.searchParams.set('_offset', String(offset + count));
    bundle.link.push({ relation: 'next', url: next.href });
  }
  return bundle;
}

const HISTORY_PARAMS = new Set(['_count', '_offset', '_since']);

/** GET /<type>/_history (the stock router has only a resource's own). */
function typeHistory(repo: IndexedMemoryRepository, resourceType: string, params: URLSearchParams): Bundle {
  if (!isResourceType(resourceType)) throw new OperationOutcomeError(badRequest(`Unknown resource type ${resourceType}`));
  for (const name of params.keys()) {
    if (!HISTORY_PARAMS.has(name)) throw new OperationOutcomeError(badRequest(`Unknown history parameter "${name}"`));
  }
  const since = params.get('_since') ?? undefined;
  if (since !== undefined && Number.isNaN(Date.parse(since)))
    throw new OperationOutcomeError(badRequest('_since is not an instant'));
  const number = (name: string) => (params.has(name) ? Math.max(0, Number.parseInt(params.get(name)!, 10) || 0) : undefined);
  return repo.typeHistory(resourceType, { since, offset: number('_offset'), count: number('_count') });
}

function sendResource(res: ServerResponse, status: number, resource: Resource): void {
  const headers: Record<string, string> = { 'content-type': FHIR_JSON };
  if (resource.meta?.versionId) headers.etag = `W/"${resource.meta.versionId}"`;
  if (resource.meta?.lastUpdated) headers['last-modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  if (status === 201 && resource.id)
    headers.location = `${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? ''}`;
  res.writeHead(status, headers).end(JSON.stringify(resource));
}

function sendOutcome(res: ServerResponse, outcome: OperationOutcome, status = getStatus(outcome)): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'content-type': FHIR_JSON }).end(JSON.stringify(outcome));
}

function capabilityStatement(): Resource {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'HIMS Counter development HIMS (Medplum fhir-router, in memory)' },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', interaction: [{ code: 'transaction' }, { code: 'batch' }] }],
  };
}
