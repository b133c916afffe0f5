// Optional auth for the development HIMS, to exercise the client's two modes:
// a static bearer token, and OAuth2 client credentials
// (https://www.rfc-editor.org/rfc/rfc6749#section-4.4) at POST /oauth2/token.
import { randomBytes } from 'node:crypto';

export interface HimsAuth {
  bearerToken?: string;
  client?: { id: string; secret: string };
}

export function issueToken(
  auth: HimsAuth | undefined,
  form: URLSearchParams,
  tokens: Set<string>,
): { status: number; body: Record<string, unknown> } {
  const client = auth?.client;
  if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
  if (!client || form.get('client_id') !== client.id || form.get('client_secret') !== client.secret) {
    return { status: 401, body: { error: 'invalid_client' } };
  }
  const token = randomBytes(24).toString('hex');
  tokens.add(token);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
}
