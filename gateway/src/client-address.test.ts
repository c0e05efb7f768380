import { clientAddress, readTrustedProxies } from './client-address';

describe('client address for the audit log', () => {
  const proxies = readTrustedProxies({ TRUSTED_PROXIES: '10.0.0.1, 10.0.0.2,not-an-ip' });

  it.each([
    ['a direct client: the socket, whatever it forwards', '203.0.113.7', '198.51.100.1', '203.0.113.7'],
    ['an IPv4-mapped socket address is written plainly', '::ffff:203.0.113.7', undefined, '203.0.113.7'],
    ['behind a trusted proxy: the forwarded client', '10.0.0.1', '198.51.100.1', '198.51.100.1'],
    ['a client-forged hop left of the real one is ignored', '10.0.0.1', '6.6.6.6, 198.51.100.1', '198.51.100.1'],
    ['two trusted proxies in a row', '10.0.0.1', '198.51.100.1, 10.0.0.2', '198.51.100.1'],
    ['a trusted proxy without the header: the proxy', '10.0.0.1', undefined, '10.0.0.1'],
    ['a garbled hop stops the walk at the last good address', '10.0.0.1', '198.51.100.1, garbage', '10.0.0.1'],
  ])('%s', (_case, peer, forwarded, expected) => {
    expect(clientAddress(peer, forwarded, proxies)).toBe(expected);
  });

  it('reads only valid addresses from TRUSTED_PROXIES', () => {
    expect([...proxies]).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(readTrustedProxies({}).size).toBe(0);
  });

  it('answers null without a socket address', () => {
    expect(clientAddress(null, '198.51.100.1', proxies)).toBeNull();
  });
});
