import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './ports';

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

/** Uses REDIS_URL when given; otherwise starts a redis-server from PATH on a free port. */
export async function ensureRedis(env: Record<string, string | undefined>): Promise<LocalRedis> {
  if (env.REDIS_URL) return { url: env.REDIS_URL, stop: async () => {} };
  if (spawnSync('redis-server', ['--version']).error) {
    throw new RedisUnavailableError(
      'Redis is needed for the analytics queue: install it (Debian/Ubuntu: "sudo apt-get install redis-server", macOS: "brew install redis") or set REDIS_URL to a running server.',
    );
  }
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitForRedis(port);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitForRedis(port: number): Promise<void> {
  const { Socket } = await import('node:net');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
