import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { subgraphFetcher } from './subgraph-fetcher';

let server: Server;
let url: string;
const sockets = new Set<Socket>();
let handler: (body: string, respond: (status: number, text: string) => void, socket: Socket) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () =>
      handler(body, (status, text) => response.writeHead(status, { 'content-type': 'application/json' }).end(text), request.socket),
    );
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => sockets.clear());

describe('subgraphFetcher', () => {
  it('posts the body with its headers and answers status, headers and JSON', async () => {
    handler = (body, respond) => respond(200, JSON.stringify({ data: { echo: JSON.parse(body) } }));
    const fetcher = subgraphFetcher({ maxSockets: 4, timeoutMs: 5000 });
    try {
      const response = await fetcher.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ x }"}' });
      expect(response.ok).toBe(true);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('application/json');
      expect(await response.json()).toEqual({ data: { echo: { query: '{ x }' } } });
    } finally {
      fetcher.close();
    }
  });

  it('sends one request after another over one kept-alive connection', async () => {
    handler = (_body, respond) => respond(200, '{}');
    const fetcher = subgraphFetcher({ maxSockets: 4, timeoutMs: 5000 });
    try {
      for (let i = 0; i < 5; i += 1) await fetcher.fetch(url, { method: 'POST', body: '{}' });
      expect(sockets.size).toBe(1);
    } finally {
      fetcher.close();
    }
  });

  it('fails a subgraph that does not answer in time', async () => {
    handler = () => undefined;
    const fetcher = subgraphFetcher({ maxSockets: 4, timeoutMs: 200 });
    try {
      await expect(fetcher.fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow('The subgraph did not answer within 200 ms');
    } finally {
      fetcher.close();
    }
  });

  it('resends once when a reused connection is reset before an answer', async () => {
    // Each connection answers its first request and is reset on the next, as a subgraph going away would.
    const served = new WeakMap<Socket, number>();
    handler = (_body, respond, socket) => {
      const count = (served.get(socket) ?? 0) + 1;
      served.set(socket, count);
      if (count > 1) return void socket.destroy();
      respond(200, '{}');
    };
    const fetcher = subgraphFetcher({ maxSockets: 4, timeoutMs: 5000 });
    try {
      await fetcher.fetch(url, { method: 'POST', body: '{}' });
      const second = await fetcher.fetch(url, { method: 'POST', body: '{}' });
      expect(second.status).toBe(200);
      expect(sockets.size).toBe(2);
    } finally {
      fetcher.close();
    }
  });
});
