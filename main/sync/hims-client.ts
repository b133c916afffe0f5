// HTTP to the HIMS with axios (docs/design.md §6): base URL, time-outs, a custom
// CA, and auth by a static bearer token or OAuth2 client credentials
// (RFC 6749 §4.4). Every failure is sorted into what the engine needs to know:
// try again later (TransientError, with the server's Retry-After if any) or a
// person must fix something (PermanentError: 401/403, a bad URL or certificate).
import { Agent as HttpsAgent } from 'node:https';
import axios, { AxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import type { SyncSettingsRow } from './sync-store';

export class TransientError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'TransientError';
  }
}

export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

export interface HimsCredentials {
  bearerToken: string | null;
  clientSecret: string | null;
}

export interface HimsResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export interface HimsClient {
  request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HimsResponse<T>>;
}

/** Seconds or an HTTP date (RFC 9110 §10.2.3), as milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export function createHimsClient(
  settings: SyncSettingsRow,
  credentials: HimsCredentials,
  now: () => Date,
  /** Each answer's Date header, for the clock check (main/clock/clock-monitor.ts). */
  onServerDate?: (serverDate: Date, localAt: Date) => void,
): HimsClient {
  if (!settings.base_url) throw new PermanentError('No HIMS address is set');
  const httpsAgent = settings.ca_pem ? new HttpsAgent({ ca: settings.ca_pem, keepAlive: true }) : undefined;
  const http: AxiosInstance = axios.create({
    baseURL: settings.base_url.replace(/\/+$/, '') + '/',
    timeout: settings.timeout_ms,
    validateStatus: () => true,
    maxRedirects: 0,
    // A body cut short must be an error, not a string handed on as if it were the answer.
    transitional: { silentJSONParsing: false, forcedJSONParsing: true, clarifyTimeoutError: true },
    // A Bundle of 500 resources is a few MB; the HIMS's answer likewise.
    maxContentLength: 64 * 1024 * 1024,
    maxBodyLength: 64 * 1024 * 1024,
    ...(httpsAgent ? { httpsAgent } : {}),
    headers: { accept: 'application/fhir+json', 'content-type': 'application/fhir+json' },
  });
  let accessToken: { value: string; expiresAt: number } | null = null;

  async function authorization(force: boolean): Promise<string | null> {
    if (settings.auth_kind === 'none') return null;
    if (settings.auth_kind === 'bearer') {
      if (!credentials.bearerToken) throw new PermanentError('The HIMS bearer token is not set');
      return `Bearer ${credentials.bearerToken}`;
    }
    if (!force && accessToken && accessToken.expiresAt > now().getTime() + 30_000) return `Bearer ${accessToken.value}`;
    if (!settings.token_url || !settings.client_id || !credentials.clientSecret) {
      throw new PermanentError('OAuth2 needs a token URL, a client id and a client secret');
    }
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: settings.client_id,
      client_secret: credentials.clientSecret,
    });
    if (settings.scope) form.set('scope', settings.scope);
    const answer = await send(() =>
      http.post(settings.token_url!, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      }),
    );
    const data = answer.data as { access_token?: string; expires_in?: number };
    if (answer.status === 400 || answer.status === 401) throw new PermanentError('The HIMS refused the client id or secret');
    if (answer.status >= 500 || answer.status === 429) throw transientFromStatus(answer, now());
    if (answer.status !== 200 || !data.access_token)
      throw new PermanentError(`The HIMS token endpoint answered ${answer.status}`);
    accessToken = { value: data.access_token, expiresAt: now().getTime() + (data.expires_in ?? 300) * 1000 };
    return `Bearer ${accessToken.value}`;
  }

  return {
    async request(method, path, body, headers = {}) {
      let auth = await authorization(false);
      for (let attempt = 0; ; attempt++) {
        const response = await send(() =>
          http.request({ method, url: path, data: body, headers: { ...headers, ...(auth ? { authorization: auth } : {}) } }),
        );
        // An expired OAuth2 token: fetch a new one once.
        if (response.status === 401 && settings.auth_kind === 'client_credentials' && attempt === 0) {
          auth = await authorization(true);
          continue;
        }
        const date = flatHeaders(response)['date'];
        if (date && onServerDate) onServerDate(new Date(date), now());
        if (response.status === 401 || response.status === 403)
          throw new PermanentError(`The HIMS refused our credentials (${response.status})`);
        if (response.status === 429 || response.status === 408 || response.status >= 500)
          throw transientFromStatus(response, now());
        return { status: response.status, data: response.data as never, headers: flatHeaders(response) };
      }
    },
  };
}

function flatHeaders(response: AxiosResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(response.headers ?? {}))
    if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

function transientFromStatus(response: AxiosResponse, now: Date): TransientError {
  const retryAfter = parseRetryAfter(flatHeaders(response)['retry-after'], now);
  const words =
    response.status === 429
      ? 'The HIMS is busy (429)'
      : response.status >= 500
        ? `The HIMS had an error (${response.status})`
        : `The HIMS timed out (${response.status})`;
  return new TransientError(words, retryAfter);
}

async function send(call: () => Promise<AxiosResponse>): Promise<AxiosResponse> {
  try {
    return await call();
  } catch (err) {
    throw classifyNetworkError(err);
  }
}

/** A request that never got a complete answer: always worth retrying, except a bad certificate or URL. */
function classifyNetworkError(err: unknown): Error {
  if (!(err instanceof AxiosError)) return new TransientError(err instanceof Error ? err.message : String(err));
  const code = err.code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code))
    return new PermanentError(`The HIMS's certificate is not trusted (${code})`);
  if (code === 'ERR_INVALID_URL') return new PermanentError('The HIMS address is not a valid URL');
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return new TransientError('The HIMS did not answer in time');
  if (code === 'ECONNREFUSED') return new TransientError('The HIMS is not reachable (connection refused)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TransientError('The HIMS address cannot be found (DNS)');
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_BAD_RESPONSE')
    return new TransientError('The connection to the HIMS was cut');
  return new TransientError(`The HIMS could not be reached (${code || err.message})`);
}
