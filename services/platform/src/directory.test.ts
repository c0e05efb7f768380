import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Role } from './auth';
import { RequestContext } from './context';
import { SubgraphClient } from './directory';
import { DomainError } from './errors';

/** A service that answers every request with the given status and body. */
async function answering(status: number, body: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, server };
}

const context = new RequestContext(
  { userId: 'u', role: Role.CURATOR, municipalityId: 'm', schoolId: 's', personId: null },
  'request-1',
  pino({ level: 'silent' }),
  'token',
);

async function codeOf(status: number, body: unknown): Promise<string> {
  const { url, server } = await answering(status, body);
  try {
    await new SubgraphClient('participant', url, 'secret').query(context, '{ x }', {});
    return 'no error';
  } catch (error) {
    return (error as DomainError).code;
  } finally {
    server.close();
  }
}

describe('SubgraphClient', () => {
  it('keeps the code of a refusal of the caller', async () => {
    expect(await codeOf(200, { data: null, errors: [{ message: 'Person not found', extensions: { code: 'NOT_FOUND' } }] })).toBe('NOT_FOUND');
    expect(await codeOf(200, { data: { x: null }, errors: [{ message: 'No', extensions: { code: 'FORBIDDEN' } }] })).toBe('FORBIDDEN');
  });

  it('answers SERVICE_UNAVAILABLE for a failure of the service, an unknown code or a refused service identity', async () => {
    expect(await codeOf(500, { errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).toBe('SERVICE_UNAVAILABLE');
    expect(await codeOf(200, { errors: [{ message: 'odd', extensions: { code: 'SOMETHING_ELSE' } }] })).toBe('SERVICE_UNAVAILABLE');
    expect(await codeOf(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] })).toBe('SERVICE_UNAVAILABLE');
    expect(await codeOf(200, 'not json')).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers SERVICE_UNAVAILABLE when the service cannot be reached', async () => {
    const { url, server } = await answering(200, {});
    server.close();
    await expect(new SubgraphClient('program', url, 'secret').query(context, '{ x }', {})).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers the data of a clean answer', async () => {
    const { url, server } = await answering(200, { data: { x: 1 } });
    await expect(new SubgraphClient('program', url, 'secret').query(context, '{ x }', {})).resolves.toEqual({ x: 1 });
    server.close();
  });
});
