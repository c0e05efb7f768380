/**
 * The one configuration reader. Every service reads its settings from environment variables through
 * these functions, so a missing or malformed value stops start-up with one clear sentence.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

export function readString(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${name} is required but not set`);
}

export function readOptionalString(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function readInteger(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

export function readUrl(env: Env, name: string, fallback?: string): string {
  const value = readString(env, name, fallback);
  try {
    new URL(value);
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${value}"`);
  }
  return value;
}

/** Settings every HTTP service shares: where it listens and how it checks callers. */
export interface ServiceConfig {
  host: string;
  port: number;
  production: boolean;
  auth: AuthConfig;
}

export interface AuthConfig {
  /** HMAC key of the callers' JWTs (HS256). */
  jwtSecret: string;
  jwtAudience: string;
  jwtIssuer: string;
  /** Shared between the gateway and the subgraphs: a subgraph answers only requests that carry it. */
  gatewaySecret: string;
}

/** Development defaults, refused in production so a deployment cannot run on a published key. */
const DEVELOPMENT_JWT_SECRET = 'nastavnik-development-jwt-secret-change-me';
const DEVELOPMENT_GATEWAY_SECRET = 'nastavnik-development-gateway-secret';

export function readAuthConfig(env: Env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const auth: AuthConfig = {
    jwtSecret: readString(env, 'JWT_SECRET', production ? undefined : DEVELOPMENT_JWT_SECRET),
    jwtAudience: readString(env, 'JWT_AUDIENCE', 'nastavnik'),
    jwtIssuer: readString(env, 'JWT_ISSUER', 'nastavnik'),
    gatewaySecret: readString(env, 'GATEWAY_SECRET', production ? undefined : DEVELOPMENT_GATEWAY_SECRET),
  };
  if (auth.jwtSecret.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  if (auth.gatewaySecret.length < 16) throw new ConfigError('GATEWAY_SECRET must be at least 16 characters long');
  return auth;
}

export function readServiceConfig(env: Env, defaultPort: number): ServiceConfig {
  return {
    host: readString(env, 'HOST', '127.0.0.1'),
    port: readInteger(env, 'PORT', defaultPort, 0, 65535),
    production: env.NODE_ENV === 'production',
    auth: readAuthConfig(env),
  };
}

/**
 * The bearer token a Prometheus scraper sends to `/metrics`. Required where `/metrics` is on a public
 * port (the gateway in production); elsewhere, enforced when set.
 */
export function readMetricsToken(env: Env, required: boolean): string | undefined {
  const token = readOptionalString(env, 'METRICS_TOKEN');
  if (!token) {
    if (required) throw new ConfigError('METRICS_TOKEN is required in production: the gateway serves /metrics on its public port');
    return undefined;
  }
  if (token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters long');
  return token;
}
