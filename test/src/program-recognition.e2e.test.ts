import { Role, startSystem, type TestSystem } from './harness';
import { createActiveMentor, createMentee, createPerson, createProgramAt, createSchool, startedPair } from './fixtures';
import { refusal } from './refusals';

let system: TestSystem;
let office: string;
let schoolId: string;
let curator: string;
let programId: string;

const ADD_EVENT = 'mutation($input: AddProgramEventInput!) { addProgramEvent(input: $input) { id } }';
const PARTICIPANTS = 'mutation($input: AddEventParticipantsInput!) { addEventParticipants(input: $input) { id participants { id } } }';
const CERTIFICATE = 'mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id number issuedOn person { id } } }';
const NOMINATE = 'mutation($input: NominateInput!) { nominate(input: $input) { id kind status evidence } }';
const GRANT = 'mutation($id: ID!, $on: String) { grantAward(id: $id, awardedOn: $on) { id status awardedOn } }';
const PRACTICE = 'mutation($input: AddBestPracticeInput!) { addBestPractice(input: $input) { id tags mentor { id } pairId } }';

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
  schoolId = await createSchool(system, office, 'Школа признания');
  curator = await system.token(Role.CURATOR, schoolId);
  programId = await createProgramAt(system, curator, schoolId, 'PAIRS_AT_WORK');
});

afterAll(() => system?.stop());

const addEvent = async (type: string, heldOn: string) =>
  (await system.request<{ addProgramEvent: { id: string } }>(ADD_EVENT, { input: { programId, type, title: `Мероприятие ${type}`, heldOn } }, curator)).addProgramEvent.id;

describe('events, participants and certificates', () => {
  it('records an event with its participants and issues certificates to trained mentors', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const teacher = await createPerson(system, curator, schoolId);
    const training = await addEvent('MENTOR_TRAINING', '2025-08-28');
    const added = await system.request<{ addEventParticipants: { participants: { id: string }[] } }>(PARTICIPANTS, { input: { eventId: training, personIds: [mentor, teacher] } }, curator);
    expect(added.addEventParticipants.participants.map((p) => p.id).sort()).toEqual([mentor, teacher].sort());

    const issued = await system.request<{ issueCertificate: { number: string; person: { id: string } } }>(
      CERTIFICATE,
      { input: { eventId: training, personId: mentor, number: 'У-17', issuedOn: '2025-08-29' } },
      curator,
    );
    expect(issued.issueCertificate).toMatchObject({ number: 'У-17', person: { id: mentor } });
    expect(await refusal(system, CERTIFICATE, { input: { eventId: training, personId: mentor, number: 'У-18', issuedOn: '2025-08-29' } }, curator)).toEqual({ code: 'CONFLICT', field: 'input.personId' });
    expect(await refusal(system, CERTIFICATE, { input: { eventId: training, personId: teacher, number: 'У-19', issuedOn: '2025-08-29' } }, curator)).toEqual({
      code: 'MENTOR_NOT_ACTIVE',
      field: 'input.personId',
    });
    const absent = await createActiveMentor(system, curator, schoolId);
    expect(await refusal(system, CERTIFICATE, { input: { eventId: training, personId: absent, number: 'У-20', issuedOn: '2025-08-29' } }, curator)).toEqual({
      code: 'NOT_EVENT_PARTICIPANT',
      field: 'input.personId',
    });

    const lesson = await addEvent('OPEN_LESSON', '2025-10-10');
    await system.request(PARTICIPANTS, { input: { eventId: lesson, personIds: [mentor] } }, curator);
    expect(await refusal(system, CERTIFICATE, { input: { eventId: lesson, personId: mentor, number: 'У-21', issuedOn: '2025-10-10' } }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.eventId' });
    const future = await addEvent('SEMINAR', '2099-01-15');
    await system.request(PARTICIPANTS, { input: { eventId: future, personIds: [mentor] } }, curator);
    expect(await refusal(system, CERTIFICATE, { input: { eventId: future, personId: mentor, number: 'У-22', issuedOn: '2099-01-15' } }, curator)).toEqual({ code: 'EVENT_NOT_HELD', field: 'input.eventId' });

    const read = await system.request<{ person: { certificates: { number: string }[] }; program: { events: { type: string; certificates: { number: string }[] }[] } }>(
      'query($person: ID!, $program: ID!) { person(id: $person) { certificates { number } } program(id: $program) { events { type certificates { number } } } }',
      { person: mentor, program: programId },
      curator,
    );
    expect(read.person.certificates).toEqual([{ number: 'У-17' }]);
    expect(read.program.events.map((event) => event.type)).toEqual(expect.arrayContaining(['MENTOR_TRAINING', 'OPEN_LESSON', 'SEMINAR']));
  });

  it('takes participants only from the programme’s school', async () => {
    const other = await createSchool(system, office, 'Школа гостей');
    const guest = await createPerson(system, office, other);
    const event = await addEvent('JOINT_MEETING', '2025-09-12');
    expect(await refusal(system, PARTICIPANTS, { input: { eventId: event, personIds: [guest] } }, office)).toEqual({ code: 'OTHER_SCHOOL', field: 'input.personIds' });
  });
});

describe('nominations and awards', () => {
  it('nominates mentors and pairs with evidence, grants one winner per contest, and shows awards on people', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const mentee = await createMentee(system, curator, schoolId, 1);
    const pairId = await startedPair(system, curator, programId, mentor, [mentee]);
    const rival = await createActiveMentor(system, curator, schoolId);
    await startedPair(system, curator, programId, rival, [await createMentee(system, curator, schoolId, 1)]);

    expect(await refusal(system, NOMINATE, { input: { programId, kind: 'BEST_PAIR', personId: mentor, evidence: 'Результаты' } }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.pairId' });
    expect(await refusal(system, NOMINATE, { input: { programId, kind: 'MENTOR_OF_THE_YEAR', personId: mentor, evidence: '' } }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.evidence' });
    const outsider = await createActiveMentor(system, curator, schoolId);
    expect(await refusal(system, NOMINATE, { input: { programId, kind: 'MENTOR_OF_THE_YEAR', personId: outsider, evidence: 'Много работал' } }, curator)).toEqual({
      code: 'NOMINEE_NOT_IN_PROGRAM',
      field: 'input.personId',
    });

    const nominate = async (input: Record<string, unknown>) => (await system.request<{ nominate: { id: string; status: string } }>(NOMINATE, { input: { programId, ...input } }, curator)).nominate;
    const first = await nominate({ kind: 'MENTOR_OF_THE_YEAR', personId: mentor, evidence: 'Наставляемый победил в конкурсе молодых педагогов', evidenceUrl: 'https://school.example/news/1' });
    const second = await nominate({ kind: 'MENTOR_OF_THE_YEAR', personId: rival, evidence: 'Открытые уроки' });
    expect(first.status).toBe('NOMINATED');
    expect((await system.request<{ grantAward: { status: string; awardedOn: string } }>(GRANT, { id: first.id, on: '2026-05-25' }, curator)).grantAward).toMatchObject({ status: 'AWARDED', awardedOn: '2026-05-25' });
    expect(await refusal(system, GRANT, { id: second.id, on: '2026-05-25' }, curator)).toEqual({ code: 'CONFLICT', field: 'id' });
    expect(await refusal(system, GRANT, { id: first.id, on: '2026-05-25' }, curator)).toEqual({ code: 'INVALID_STATUS_CHANGE', field: 'id' });
    // Certificates «Лучший наставник» go to as many mentors as deserve them.
    await system.request(GRANT, { id: (await nominate({ kind: 'BEST_MENTOR_CERTIFICATE', personId: mentor, evidence: 'Грамота' })).id }, curator);
    await system.request(GRANT, { id: (await nominate({ kind: 'BEST_MENTOR_CERTIFICATE', personId: rival, evidence: 'Грамота' })).id }, curator);
    const bestPair = await nominate({ kind: 'BEST_PAIR', pairId, evidence: 'Совместный проект' });
    await system.request(GRANT, { id: bestPair.id }, curator);

    const read = await system.request<{ mentor: { awards: { kind: string; status: string }[] }; mentee: { awards: { kind: string; pair: { id: string } }[] } }>(
      'query($mentor: ID!, $mentee: ID!) { mentor: person(id: $mentor) { awards { kind status } } mentee: person(id: $mentee) { awards { kind pair { id } } } }',
      { mentor, mentee },
      curator,
    );
    expect(read.mentor.awards.map((award) => award.kind).sort()).toEqual(['BEST_MENTOR_CERTIFICATE', 'BEST_PAIR', 'MENTOR_OF_THE_YEAR']);
    expect(read.mentee.awards).toEqual([{ kind: 'BEST_PAIR', pair: { id: pairId } }]);
    expect((await refusal(system, NOMINATE, { input: { programId, kind: 'BEST_PAIR', pairId, evidence: 'Совместный проект' } }, await system.token(Role.MENTOR, schoolId, mentor))).code).toBe('FORBIDDEN');
  });
});

describe('the best-practice library', () => {
  it('keeps practices with their pair or mentor and finds them by tag and text, per school and for the municipality', async () => {
    const mentor = await createActiveMentor(system, curator, schoolId);
    const pairId = await startedPair(system, curator, programId, mentor, [await createMentee(system, curator, schoolId, 1)]);
    const added = await system.request<{ addBestPractice: { tags: string[]; mentor: { id: string }; pairId: string } }>(
      PRACTICE,
      { input: { programId, title: 'Кейс-метод на уроках математики', description: 'Разработки уроков', url: 'https://school.example/kopilka/1', tags: ['Математика', 'кейсы'], pairId } },
      curator,
    );
    expect(added.addBestPractice).toMatchObject({ tags: ['математика', 'кейсы'], mentor: { id: mentor }, pairId });
    const stranger = await createActiveMentor(system, curator, schoolId);
    expect(await refusal(system, PRACTICE, { input: { programId, title: 'Чужая практика', tags: [], pairId, mentorId: stranger } }, curator)).toEqual({ code: 'VALIDATION_FAILED', field: 'input.mentorId' });
    expect(await refusal(system, PRACTICE, { input: { programId, title: 'Чужая практика', tags: [], mentorId: stranger } }, curator)).toEqual({ code: 'NOMINEE_NOT_IN_PROGRAM', field: 'input.mentorId' });

    const otherSchool = await createSchool(system, office, 'Школа с копилкой');
    const otherCurator = await system.token(Role.CURATOR, otherSchool);
    const otherProgram = await createProgramAt(system, otherCurator, otherSchool, 'PAIRS_AT_WORK');
    await system.request(PRACTICE, { input: { programId: otherProgram, title: 'Цифровые инструменты учителя', tags: ['икт'] } }, otherCurator);

    const find = async (token: string, filter: Record<string, unknown>) =>
      (await system.request<{ bestPractices: { totalCount: number; nodes: { title: string }[] } }>('query($filter: BestPracticeFilter) { bestPractices(filter: $filter) { totalCount nodes { title } } }', { filter }, token))
        .bestPractices;
    expect((await find(curator, { tag: 'кейсы' })).nodes.map((node) => node.title)).toEqual(['Кейс-метод на уроках математики']);
    expect((await find(curator, { search: 'цифров' })).totalCount).toBe(0);
    expect((await find(office, { search: 'цифров' })).nodes.map((node) => node.title)).toEqual(['Цифровые инструменты учителя']);
    expect((await find(await system.token(Role.MENTEE, schoolId), {})).totalCount).toBe(1);
  });
});
