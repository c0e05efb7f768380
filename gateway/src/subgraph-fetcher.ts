import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

export interface SubgraphFetcherOptions {
  /** Sockets kept per subgraph; requests beyond it wait for a free one. */
  maxSockets: number;
  /** A subgraph answer slower than this fails the subgraph fetch. */
  timeoutMs: number;
}

/** Read-only response headers, keyed in lower case as node:http delivers them. */
class ResponseHeaders {
  private readonly map = new Map<string, string>();
  constructor(raw: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) this.map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  append(name: string, value: string): void {
    const current = this.get(name);
    this.map.set(name.toLowerCase(), current === null ? value : `${current}, ${value}`);
  }
  set(name: string, value: string): void {
    this.map.set(name.toLowerCase(), value);
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.map.entries();
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
  values(): IterableIterator<string> {
    return this.map.values();
  }
  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.map.entries();
  }
}

class SubgraphResponse {
  bodyUsed = false;
  readonly redirected = false;
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: ResponseHeaders,
    private readonly body: Buffer,
  ) {}
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }
  async text(): Promise<string> {
    this.bodyUsed = true;
    return this.body.toString('utf8');
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
  clone(): SubgraphResponse {
    return new SubgraphResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }
}

/**
 * The gateway's fetch to its subgraphs: plain node:http over keep-alive sockets. Apollo's default
 * (make-fetch-happen with its cache, retry and proxy layers) costs more CPU per subgraph request than
 * the rest of the gateway's work on a small query; the gateway needs none of those layers.
 */
export function subgraphFetcher(options: SubgraphFetcherOptions): { fetch: Fetcher; close(): void } {
  // Idle sockets close before the subgraphs' keep-alive timeout (65 s), so a reused socket is not already closing.
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, timeout: 30_000, scheduling: 'lifo' as const };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);
  const fetch = (url: string, init: Parameters<Fetcher>[1] = {}): Promise<FetcherResponse> =>
    send(url, init).catch((error: Error & { reusedSocket?: boolean; code?: string }) => {
      // A kept-alive socket the subgraph closed just as it was reused (e.g. while that replica shut down):
      // the request never reached it, so it is sent once more on a fresh socket (Node's documented pattern).
      if (error.reusedSocket && error.code === 'ECONNRESET') return send(url, init);
      throw error;
    });
  const send = (url: string, init: Parameters<Fetcher>[1] = {}): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const secure = url.startsWith('https:');
      const open = secure ? httpsRequest : httpRequest;
      const body = init.body === undefined ? undefined : Buffer.isBuffer(init.body) ? init.body : Buffer.from(init.body);
      const headers: Record<string, string | number> = { ...init.headers };
      if (body) headers['content-length'] = body.length;
      const request = open(url, { method: init.method ?? 'GET', headers, agent: secure ? https : http }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve(new SubgraphResponse(url, response.statusCode ?? 0, response.statusMessage ?? '', new ResponseHeaders(response.headers), Buffer.concat(chunks)) as unknown as FetcherResponse),
        );
      });
      request.setTimeout(options.timeoutMs, () => request.destroy(new Error(`The subgraph did not answer within ${options.timeoutMs} ms`)));
      request.on('error', (error: Error & { reusedSocket?: boolean }) => {
        error.reusedSocket = request.reusedSocket;
        reject(error);
      });
      request.end(body);
    });
  return {
    fetch,
    close: () => {
      http.destroy();
      https.destroy();
    },
  };
}
