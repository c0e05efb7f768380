import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, sendJson, verifyToken, type AuthConfig } from '@nastavnik/platform';

/**
 * The verified bearer token of a request to one of the gateway's file routes (report downloads,
 * personal-data exports). Without a valid one the 401 is sent and the answer is null.
 */
export async function verifiedBearer(request: IncomingMessage, response: ServerResponse, auth: AuthConfig): Promise<string | null> {
  const token = bearerToken(request.headers.authorization);
  const caller = token ? await verifyToken(token, auth).catch(() => null) : null;
  if (caller) return token!;
  sendJson(response, 401, { errors: [{ message: 'A valid access token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
  return null;
}
