import { ROADMAP_TEMPLATE } from '@nastavnik/program';
import { Role, startSystem, type TestSystem } from './harness';
import { createPerson, createProgram, createSchool } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;
let schoolA: string;
let schoolB: string;
let curatorA: string;
let curatorB: string;

const APPLY = 'mutation($id: ID!) { applyRoadmapTemplate(programId: $id) { id number section event resultForm periodLabel startsOn endsOn responsibleRole status } }';
const UPDATE = 'mutation($id: ID!, $input: UpdateRoadmapItemInput!) { updateRoadmapItem(id: $id, input: $input) { id status completedOn documentTitle documentNumber documentDate documentUrl } }';
const OVERDUE = 'query($asOf: String, $filter: OverdueRoadmapFilter) { overdueRoadmapItems(asOf: $asOf, filter: $filter, page: { first: 200 }) { totalCount nodes { id schoolId number endsOn } } }';

interface Item {
  id: string;
  number: string;
  section: string;
  event: string;
  periodLabel: string;
  startsOn: string;
  endsOn: string;
  responsibleRole: string;
  status: string;
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolA = await createSchool(system, office, 'Школа А');
  schoolB = await createSchool(system, office, 'Школа Б');
  curatorA = await system.token(Role.CURATOR, schoolA);
  curatorB = await system.token(Role.CURATOR, schoolB);
});

afterAll(() => system?.stop());

describe('roadmap template', () => {
  it('gives a new programme the seed’s section 9 in one mutation, dated in its academic year, in four sections', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2025/2026');
    const items = (await system.request<{ applyRoadmapTemplate: Item[] }>(APPLY, { id: programId }, curatorA)).applyRoadmapTemplate;
    expect(items).toHaveLength(ROADMAP_TEMPLATE.length);
    expect(new Set(items.map((item) => item.section))).toEqual(new Set(['NORMATIVE_LEGAL', 'ORGANISATIONAL_METHODICAL', 'MONITORING', 'INFORMATIONAL']));
    const first = items.find((item) => item.number === '1.1')!;
    expect(first).toMatchObject({ section: 'NORMATIVE_LEGAL', periodLabel: 'Май - август', startsOn: '2025-05-01', endsOn: '2025-08-31', responsibleRole: 'DIRECTOR' });
    const throughTheYear = items.find((item) => item.periodLabel === 'В течение года')!;
    expect(throughTheYear).toMatchObject({ startsOn: '2025-09-01', endsOn: '2026-05-31' });
    // Read back through the programme, in the seed's section order.
    const read = await system.request<{ program: { roadmap: { section: string }[] } }>('query($id: ID!) { program(id: $id) { roadmap { section } } }', { id: programId }, curatorA);
    const sections = read.program.roadmap.map((item) => item.section);
    expect(sections.indexOf('INFORMATIONAL')).toBeGreaterThan(sections.lastIndexOf('NORMATIVE_LEGAL'));
  });

  it('refuses the template into a roadmap that is not empty, and a caller who may not manage the school', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2026/2027');
    await system.request(APPLY, { id: programId }, curatorA);
    expect(await refusal(system, APPLY, { id: programId }, curatorA)).toEqual({ code: 'ROADMAP_NOT_EMPTY', field: 'programId' });
    const other = await createProgram(system, curatorA, schoolA, '2027/2028');
    expect((await refusal(system, APPLY, { id: other }, await system.token(Role.MENTOR, schoolA))).code).toBe('FORBIDDEN');
    expect((await refusal(system, APPLY, { id: other }, curatorB)).code).toBe('NOT_FOUND');
  });
});

describe('items, evidence and overdue', () => {
  it('adds items by months or by dates, with a responsible role or person', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2028/2029');
    const byMonths = await system.request<{ addRoadmapItem: { startsOn: string; endsOn: string; status: string } }>(
      'mutation($input: AddRoadmapItemInput!) { addRoadmapItem(input: $input) { startsOn endsOn status } }',
      { input: { programId, section: 'INFORMATIONAL', event: 'Публикация на сайте школы', resultForm: 'Страница сайта', fromMonth: 4, toMonth: 5, responsibleRole: 'CURATOR' } },
      curatorA,
    );
    expect(byMonths.addRoadmapItem).toEqual({ startsOn: '2029-04-01', endsOn: '2029-05-31', status: 'PLANNED' });
    expect(
      await refusal(
        system,
        'mutation($input: AddRoadmapItemInput!) { addRoadmapItem(input: $input) { id } }',
        { input: { programId, section: 'MONITORING', event: 'Анкетирование', startsOn: '2029-05-01', endsOn: '2029-04-01' } },
        curatorA,
      ),
    ).toEqual({ code: 'VALIDATION_FAILED', field: 'input.endsOn' });
    // The responsible person works at the programme's school.
    const own = await createPerson(system, curatorA, schoolA);
    const stranger = await createPerson(system, curatorB, schoolB);
    const add = (responsiblePersonId: string) => ({
      input: { programId, section: 'MONITORING', event: 'Анкетирование', resultForm: 'Анкеты', fromMonth: 4, toMonth: 5, responsiblePersonId },
    });
    const added = await system.request<{ addRoadmapItem: { id: string } }>('mutation($input: AddRoadmapItemInput!) { addRoadmapItem(input: $input) { id } }', add(own), curatorA);
    expect(added.addRoadmapItem.id).toBeDefined();
    expect(await refusal(system, 'mutation($input: AddRoadmapItemInput!) { addRoadmapItem(input: $input) { id } }', add(stranger), office)).toEqual({
      code: 'OTHER_SCHOOL',
      field: 'input.responsiblePersonId',
    });
  });

  it('marks an item done only with its document as evidence, and never sets OVERDUE by hand', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2029/2030');
    const items = (await system.request<{ applyRoadmapTemplate: Item[] }>(APPLY, { id: programId }, curatorA)).applyRoadmapTemplate;
    const order = items.find((item) => item.number === '2.1')!;
    expect(await refusal(system, UPDATE, { id: order.id, input: { status: 'DONE' } }, curatorA)).toEqual({ code: 'EVIDENCE_REQUIRED', field: 'input.documentTitle' });
    expect(await refusal(system, UPDATE, { id: order.id, input: { status: 'OVERDUE' } }, curatorA)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.status' });
    expect((await refusal(system, UPDATE, { id: order.id, input: { documentUrl: 'not a link' } }, curatorA)).code).toBe('VALIDATION_FAILED');
    const done = await system.request<{ updateRoadmapItem: Record<string, string> }>(
      UPDATE,
      { id: order.id, input: { status: 'DONE', documentTitle: 'Приказ о назначении наставников', documentNumber: '112-од', documentDate: '2029-09-02', documentUrl: 'https://school.example/docs/112', completedOn: '2029-09-02' } },
      curatorA,
    );
    expect(done.updateRoadmapItem).toMatchObject({ status: 'DONE', completedOn: '2029-09-02', documentNumber: '112-од', documentDate: '2029-09-02' });
  });

  it('makes open items overdue by themselves once their period ends, for a school and for the whole municipality', async () => {
    const programA = await createProgram(system, curatorA, schoolA, '2030/2031');
    const programB = await createProgram(system, curatorB, schoolB, '2030/2031');
    const itemsA = (await system.request<{ applyRoadmapTemplate: Item[] }>(APPLY, { id: programA }, curatorA)).applyRoadmapTemplate;
    await system.request(APPLY, { id: programB }, curatorB);
    const endedBy = (date: string) => ROADMAP_TEMPLATE.filter((row) => itemsA.find((item) => item.number === row.number)!.endsOn < date).length;

    const overdue = async (token: string, asOf: string, filter: Record<string, unknown> = {}) =>
      (await system.request<{ overdueRoadmapItems: { totalCount: number; nodes: { id: string; schoolId: string }[] } }>(OVERDUE, { asOf, filter }, token)).overdueRoadmapItems;

    expect((await overdue(curatorA, '2030-05-01', { programId: programA })).totalCount).toBe(0);
    const inSeptember = await overdue(curatorA, '2030-09-01', { programId: programA });
    expect(inSeptember.totalCount).toBe(endedBy('2030-09-01'));
    expect(inSeptember.totalCount).toBeGreaterThan(0);
    // The curator of school A sees only school A; the office sees both schools.
    expect((await overdue(curatorA, '2030-09-01')).nodes.every((node) => node.schoolId === schoolA)).toBe(true);
    const municipality = await overdue(office, '2030-09-01', { programId: undefined });
    expect(new Set(municipality.nodes.filter((node) => [schoolA, schoolB].includes(node.schoolId)).map((node) => node.schoolId))).toEqual(new Set([schoolA, schoolB]));

    // Finishing an item takes it off the list.
    const late = itemsA.find((item) => item.endsOn < '2030-09-01' && item.number === '1.1')!;
    await system.request(UPDATE, { id: late.id, input: { status: 'CANCELLED' } }, curatorA);
    expect((await overdue(curatorA, '2030-09-01', { programId: programA })).totalCount).toBe(inSeptember.totalCount - 1);
  });

  it('shows the status OVERDUE on items of a past year without anyone setting it', async () => {
    const programId = await createProgram(system, curatorA, schoolA, '2019/2020');
    await system.request(APPLY, { id: programId }, curatorA);
    const read = await system.request<{ program: { roadmap: { status: string }[] } }>('query($id: ID!) { program(id: $id) { roadmap { status } } }', { id: programId }, curatorA);
    expect(new Set(read.program.roadmap.map((item) => item.status))).toEqual(new Set(['OVERDUE']));
  });
});
