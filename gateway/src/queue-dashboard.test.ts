import { dashboardToken } from './queue-dashboard';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('dashboardToken', () => {
  it.each([
    ['a bearer token', 'Bearer abc.def.ghi', 'abc.def.ghi'],
    ['Basic with the token as the password', basic('office:abc.def.ghi'), 'abc.def.ghi'],
    ['Basic with no user name', basic(':abc.def.ghi'), 'abc.def.ghi'],
    ['Basic whose password holds a colon', basic('office:a:b'), 'a:b'],
  ])('reads %s', (_case, header, token) => {
    expect(dashboardToken(header)).toBe(token);
  });

  it.each([
    ['nothing', undefined],
    ['Basic without a password', basic('office:')],
    ['Basic without a colon', basic('office')],
    ['another scheme', 'Digest username="office"'],
  ])('finds no token in %s', (_case, header) => {
    expect(dashboardToken(header)).toBeUndefined();
  });
});
