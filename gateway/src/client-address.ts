import { isIP } from 'node:net';

type Env = Record<string, string | undefined>;

/**
 * `TRUSTED_PROXIES`: comma-separated addresses of reverse proxies in front of the gateway. Only a
 * request whose TCP peer is one of them has its `x-forwarded-for` believed; otherwise a client could
 * write any address into the audit log.
 */
export function readTrustedProxies(env: Env): ReadonlySet<string> {
  return new Set(
    (env.TRUSTED_PROXIES ?? '')
      .split(',')
      .map((address) => normaliseAddress(address.trim()))
      .filter((address): address is string => address !== null),
  );
}

function normaliseAddress(address: string | null | undefined): string | null {
  if (!address) return null;
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}

/**
 * The end client's address: the socket peer, or, when the peer is a trusted proxy, the nearest
 * address in `x-forwarded-for` that is not itself a trusted proxy (read from the right, since each
 * proxy appends the address it saw and only the proxies' own entries can be believed).
 */
export function clientAddress(peerAddress: string | null, forwardedFor: string | string[] | undefined, trustedProxies: ReadonlySet<string>): string | null {
  let address = normaliseAddress(peerAddress);
  if (!address || !trustedProxies.has(address)) return address;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '')).split(',').map((hop) => hop.trim());
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = normaliseAddress(hops[index]);
    if (!hop) return address;
    address = hop;
    if (!trustedProxies.has(hop)) return hop;
  }
  return address;
}
