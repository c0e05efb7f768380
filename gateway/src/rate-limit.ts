import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, readInteger } from '@nastavnik/platform';

type Env = Record<string, string | undefined>;

export interface RateLimitConfig {
  /** Requests a caller may make per minute, sustained. */
  perMinute: number;
  /** Requests a caller may make at once after being idle (the bucket's capacity). */
  burst: number;
}

/** `RATE_LIMIT_PER_MINUTE` (default 600) and `RATE_LIMIT_BURST` (default: one minute's budget). */
export function readRateLimitConfig(env: Env): RateLimitConfig {
  const perMinute = readInteger(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000);
  return { perMinute, burst: readInteger(env, 'RATE_LIMIT_BURST', perMinute, 1, 1_000_000) };
}

export type Decision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per caller, in memory (per gateway process): `burst` tokens to start with, refilled
 * at `perMinute / 60` a second, one taken per request. `now` is injected so the logic is testable.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private takesSinceSweep = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = config.perMinute / 60_000;
  }

  take(key: string): Decision {
    const now = this.now();
    if (++this.takesSinceSweep >= 1000) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.config.burst, updatedAt: now };
    bucket.tokens = Math.min(this.config.burst, bucket.tokens + Math.max(0, now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  /** Callers tracked; buckets that have refilled completely are forgotten (they start full anyway). */
  get size(): number {
    return this.buckets.size;
  }

  sweep(now = this.now()): void {
    this.takesSinceSweep = 0;
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.config.burst) this.buckets.delete(key);
    }
  }
}

/** The refusal: 429 with `retry-after`, code RATE_LIMITED and `retryAfterSeconds`. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Too many requests: try again in ${retryAfterSeconds} s`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}
