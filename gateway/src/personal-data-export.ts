import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type AuthConfig, type HttpRoutes, type Logger } from '@nastavnik/platform';
import ExcelJS from 'exceljs';
import { verifiedBearer } from './route-auth';

const EXPORT = /^\/people\/([0-9a-f-]{36})\/personal-data\.(json|xlsx)$/;

const SECTION = 'service key title columns { key title kind } rows { cells }';
const QUERY = `query PersonalDataExport($id: ID!) {
  person(id: $id) {
    id
    participantRecords { ${SECTION} }
    programRecords { ${SECTION} }
    monitoringRecords { ${SECTION} }
  }
}`;

interface Section {
  service: string;
  key: string;
  title: string;
  columns: { key: string; title: string; kind: 'TEXT' | 'NUMBER' | 'DATE' }[];
  rows: { cells: (string | null)[] }[];
}

interface Answer {
  data?: { person: { id: string; participantRecords: Section[]; programRecords: Section[]; monitoringRecords: Section[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** The export document: every section of the three services, rows as objects keyed by column, numbers as numbers. */
export interface PersonalDataDocument {
  personId: string;
  generatedAt: string;
  sections: { service: string; key: string; title: string; columns: { key: string; title: string }[]; rows: Record<string, string | number | null>[] }[];
}

export function personalDataDocument(personId: string, sections: readonly Section[], generatedAt: Date): PersonalDataDocument {
  return {
    personId,
    generatedAt: generatedAt.toISOString(),
    sections: sections.map((section) => ({
      service: section.service,
      key: section.key,
      title: section.title,
      columns: section.columns.map(({ key, title }) => ({ key, title })),
      rows: section.rows.map(({ cells }) =>
        Object.fromEntries(section.columns.map((column, index) => [column.key, typed(cells[index] ?? null, column.kind)])),
      ),
    })),
  };
}

function typed(cell: string | null, kind: Section['columns'][number]['kind']): string | number | null {
  if (cell === null || kind !== 'NUMBER') return cell;
  const number = Number(cell);
  return Number.isFinite(number) ? number : cell;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Лист';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function personalDataWorkbook(document: PersonalDataDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Наставник';
  workbook.created = new Date(document.generatedAt);
  const taken = new Set<string>();
  const about = workbook.addWorksheet(sheetName('Сведения', taken));
  about.columns = [{ width: 34 }, { width: 60 }];
  about.addRows([
    ['Выгрузка персональных данных', ''],
    ['Идентификатор человека', document.personId],
    ['Сформирована', document.generatedAt],
    ['Разделов', document.sections.length],
  ]);
  about.getRow(1).font = { bold: true };
  for (const section of document.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken));
    sheet.columns = section.columns.map((column) => ({ header: column.title, key: column.key, width: Math.min(60, Math.max(12, column.title.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of section.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

/**
 * GET /people/<id>/personal-data.json|.xlsx: one federated query through this gateway with the
 * caller's token, so every subgraph applies its own rule (the person, their school administration and
 * curator, the office); any refusal or missing part refuses the whole export rather than give a partial one.
 */
export function personalDataExport(gatewayUrl: () => string, auth: AuthConfig, log: Logger): HttpRoutes {
  return async (request: IncomingMessage, response: ServerResponse, url: URL, requestId: string) => {
    const match = EXPORT.exec(url.pathname);
    if (!match || request.method !== 'GET') return false;
    const [, personId, format] = match as unknown as [string, string, 'json' | 'xlsx'];
    const token = await verifiedBearer(request, response, auth);
    if (!token) return true;
    const answer = (await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: QUERY, variables: { id: personId } }),
    })
      .then((upstream) => upstream.json())
      .catch((error: unknown) => {
        log.error({ err: error }, 'personal-data export query failed');
        return null;
      })) as Answer | null;
    if (!answer) {
      sendJson(response, 502, { errors: [{ message: 'A service did not answer; the export is not made incomplete', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      return true;
    }
    const person = answer.data?.person;
    if (answer.errors?.length || !person) {
      const code = answer.errors?.map((error) => error.extensions?.code).find((c) => c && c in STATUS_OF) ?? (answer.errors?.length ? 'SERVICE_UNAVAILABLE' : 'NOT_FOUND');
      const status = STATUS_OF[code] ?? 502;
      const message = status === 502 ? 'A service did not answer; the export is not made incomplete' : (answer.errors?.[0]?.message ?? 'Person not found');
      sendJson(response, status, { errors: [{ message, extensions: { code } }] });
      return true;
    }
    const document = personalDataDocument(person.id, [...person.participantRecords, ...person.programRecords, ...person.monitoringRecords], new Date());
    log.info({ requestId, personId, format, sections: document.sections.length }, 'personal data exported');
    const headers = { 'x-request-id': requestId, 'cache-control': 'no-store' };
    if (format === 'json') {
      response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="personal-data-${personId}.json"` });
      response.end(JSON.stringify(document, null, 2));
      return true;
    }
    const bytes = await personalDataWorkbook(document);
    response.writeHead(200, {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="personal-data-${personId}.xlsx"`,
      'content-length': String(bytes.length),
    });
    response.end(bytes);
    return true;
  };
}
