import { loadDemoData } from '@nastavnik/infra';
import { Role, startSystem, type TestSystem } from './harness';

/**
 * The demo loader of `npm start` goes through the public API like a curator, so every rule of the
 * API applies to it: it must keep loading as rules (consents among them) are added.
 */

let system: TestSystem;

beforeAll(async () => {
  system = await startSystem();
});

afterAll(() => system?.stop());

it('loads the demo municipality, with the consents its processing needs', async () => {
  const office = await system.token(Role.MUNICIPAL_ADMIN);
  const summary = await loadDemoData(system.gatewayUrl, office);
  expect(summary).toMatchObject({ people: 45, pairs: 24, measurements: 120 });
  expect(summary.schools).toHaveLength(3);

  const data = await system.request<{ people: { nodes: { activeConsentScopes: string[] }[] } }>(
    '{ people(filter: { base: MENTEE }, page: { first: 100 }) { nodes { activeConsentScopes } } }',
    {},
    office,
  );
  expect(data.people.nodes).toHaveLength(24);
  for (const mentee of data.people.nodes) expect(mentee.activeConsentScopes).toEqual(['MONITORING', 'PERSONAL_DATA', 'PSYCHOLOGICAL_DIAGNOSTICS']);
});
