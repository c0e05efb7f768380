import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { sendJson, type AuthConfig, type HttpRoutes, type Logger } from '@nastavnik/platform';
import { verifiedBearer } from './route-auth';

const DOWNLOAD = /^\/reports\/[0-9a-f-]{36}\/file$/;
const PASSED_HEADERS = ['content-type', 'content-disposition', 'content-length', 'x-content-sha256'];

/**
 * Report workbooks are files, not GraphQL: GET /reports/<id>/file on the gateway checks the token
 * and streams the monitoring service's answer, which applies the caller's scope like any query.
 */
export function reportDownloadProxy(monitoringGraphqlUrl: string, auth: AuthConfig, log: Logger): HttpRoutes {
  const monitoring = new URL(monitoringGraphqlUrl);
  return async (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string) => {
    if (!DOWNLOAD.test(url.pathname) || request.method !== 'GET') return false;
    const token = await verifiedBearer(request, response, auth);
    if (!token) return true;
    const upstream = await fetch(new URL(url.pathname, monitoring), {
      headers: { authorization: `Bearer ${token}`, 'x-gateway-secret': auth.gatewaySecret, 'x-request-id': requestId },
    }).catch((error: unknown) => {
      log.error({ err: error }, 'monitoring unreachable for a report download');
      return null;
    });
    if (!upstream?.body) {
      sendJson(response, 502, { errors: [{ message: 'The report service is unavailable', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return true;
    }
    const headers: Record<string, string> = { 'x-request-id': requestId };
    for (const name of PASSED_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) headers[name] = value;
    }
    response.writeHead(upstream.status, headers);
    await new Promise<void>((resolve, reject) => Readable.fromWeb(upstream.body as never).on('error', reject).on('end', resolve).pipe(response));
    return true;
  };
}
