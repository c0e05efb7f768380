import { open } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatError, sendJson, subgraphContext, type AuthConfig, type HttpRoutes, type Logger } from '@nastavnik/platform';
import { GraphQLError } from 'graphql';
import type { ReportService } from './report.service';
import { downloadName } from './report.rules';

const DOWNLOAD = /^\/reports\/([0-9a-f-]{36})\/file$/;

/**
 * GET /reports/<id>/file: the workbook of a completed report, for a caller who may see it. The same
 * checks as GraphQL apply (gateway secret, token, school scope); errors answer with their code.
 */
export function reportDownloadRoutes(reports: ReportService, auth: AuthConfig, log: Logger): HttpRoutes {
  return async (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string) => {
    const match = DOWNLOAD.exec(url.pathname);
    if (!match || request.method !== 'GET') return false;
    try {
      const context = await subgraphContext(request.headers, requestId, auth, log);
      const { path, report } = await reports.file(context.caller, match[1]!);
      const name = downloadName(report.scopeKind, report.academicYear);
      // Open first: a missing file answers an error, not a 200 that breaks off.
      const file = await open(path, 'r');
      response.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        ...(report.size ? { 'content-length': String(report.size) } : {}),
        ...(report.sha256 ? { 'x-content-sha256': report.sha256 } : {}),
      });
      await new Promise<void>((resolve, reject) => file.createReadStream().on('error', reject).on('end', resolve).pipe(response));
    } catch (error) {
      const formatted = formatError(error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }), error);
      const code = formatted.extensions?.code;
      const status = code === 'UNAUTHENTICATED' ? 401 : code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' ? 403 : code === 'CONFLICT' ? 409 : 500;
      if (status === 500) log.error({ err: error }, 'report download failed');
      if (!response.headersSent) sendJson(response, status, { errors: [formatted] });
      else response.destroy();
    }
    return true;
  };
}
