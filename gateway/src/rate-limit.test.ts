import { ConfigError } from '@nastavnik/platform';
import { rateLimited, RateLimiter, readRateLimitConfig } from './rate-limit';

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('token bucket per caller', () => {
  it('lets a burst through, then refuses with the seconds until the next token', () => {
    const time = clock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, time.now);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at perMinute / 60 a second, never above the burst', () => {
    const time = clock();
    const limiter = new RateLimiter({ perMinute: 6, burst: 2 }, time.now);
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.advance(4_000);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    time.advance(6_000);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    time.advance(3_600_000);
    expect([1, 2, 3].map(() => limiter.take('a').allowed)).toEqual([true, true, false]);
  });

  it('keeps one budget per caller', () => {
    const limiter = new RateLimiter({ perMinute: 60, burst: 1 }, clock().now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    expect(limiter.take('b').allowed).toBe(true);
  });

  it('forgets callers whose bucket is full again', () => {
    const time = clock();
    const limiter = new RateLimiter({ perMinute: 60, burst: 2 }, time.now);
    limiter.take('a');
    limiter.take('b');
    limiter.take('b');
    time.advance(1_000);
    limiter.sweep();
    expect(limiter.size).toBe(1);
    time.advance(1_000);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it('answers RATE_LIMITED with 429, retry-after and retryAfterSeconds', () => {
    const error = rateLimited(7);
    expect(error.extensions.code).toBe('RATE_LIMITED');
    expect(error.extensions.retryAfterSeconds).toBe(7);
    const http = error.extensions.http as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(http.headers.get('retry-after')).toBe('7');
  });
});

describe('rate limit configuration', () => {
  it('defaults to 600 a minute with a minute of burst', () => {
    expect(readRateLimitConfig({})).toEqual({ perMinute: 600, burst: 600 });
    expect(readRateLimitConfig({ RATE_LIMIT_PER_MINUTE: '30' })).toEqual({ perMinute: 30, burst: 30 });
    expect(readRateLimitConfig({ RATE_LIMIT_PER_MINUTE: '30', RATE_LIMIT_BURST: '5' })).toEqual({ perMinute: 30, burst: 5 });
  });

  it('refuses a malformed value naming it', () => {
    expect(() => readRateLimitConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(ConfigError);
    expect(() => readRateLimitConfig({ RATE_LIMIT_BURST: 'many' })).toThrow('RATE_LIMIT_BURST');
  });
});
