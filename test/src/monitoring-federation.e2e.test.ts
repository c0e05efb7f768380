import { answersFor, createActiveMentor, createCampaign, createMentee, createProgramAt, createSchool, formPair, QUESTION_FIELDS, shippedQuestionnaireVersion, type QuestionShape } from './fixtures';
import { countStatements, Role, startSystem, type TestSystem } from './harness';

/**
 * MentoringProgram, Pair and Person gain their campaigns, scorecards, measurements and responses
 * from the monitoring subgraph; every nested list is batched, so the number of monitoring SQL
 * statements does not grow with the number of programmes, pairs or people in a request.
 */

let system: TestSystem;
let office: string;

const QUERY = `query($id: ID!) { school(id: $id) { programs {
  campaigns { title stage responseRate { invited responded } questionnaireVersion { title } respondents { responded person { id } } }
  scorecards { total level indicators { score } }
  measurements { parameterKey value }
  pairs { measurements { value } scorecards { id } satisfactionChecks { id } mentees { measurements { value } responses { revision answers { questionKey } } } }
} } }`;

async function schoolWithPrograms(count: number): Promise<{ schoolId: string; curator: string }> {
  const schoolId = await createSchool(system, office, `Школа на ${count} программ`);
  const curator = await system.token(Role.CURATOR, schoolId);
  const versionId = await shippedQuestionnaireVersion(system, curator, 'stage1_mentee', 'STAGE1_PROCESS');
  const questions = (
    await system.request<{ questionnaireVersion: { questions: QuestionShape[] } }>(`query($id: ID!) { questionnaireVersion(id: $id) { ${QUESTION_FIELDS} } }`, { id: versionId }, curator)
  ).questionnaireVersion.questions;
  for (let index = 0; index < count; index += 1) {
    const programId = await createProgramAt(system, curator, schoolId, 'PAIRING', `${2010 + index}/${2011 + index}`);
    const mentee = await createMentee(system, curator, schoolId, 1);
    await formPair(system, curator, programId, await createActiveMentor(system, curator, schoolId), [mentee]);
    const campaignId = await createCampaign(system, curator, { programId, questionnaireVersionId: versionId });
    await system.request('mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { id } }', { input: { campaignId, answers: answersFor(questions) } }, await system.token(Role.MENTEE, schoolId, mentee));
    await system.request(
      'mutation($input: CreateScorecardInput!) { createScorecard(input: $input) { id } }',
      { input: { programId, evaluatorName: 'Куратор', evaluatedOn: '2026-05-20', scores: [{ indicator: 1, score: 2 }] } },
      curator,
    );
    await system.request(
      'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      { input: { personId: mentee, programId, parameterKey: 'motivation', stage: 'BEFORE', value: 2, measuredOn: '2025-09-12' } },
      curator,
    );
  }
  return { schoolId, curator };
}

beforeAll(async () => {
  system = await startSystem();
  office = await system.token(Role.MUNICIPAL_ADMIN);
});

afterAll(() => system?.stop());

it('resolves the monitoring data of a school’s programmes with the same number of statements for 2 programmes and for 5', async () => {
  const small = await schoolWithPrograms(2);
  const large = await schoolWithPrograms(5);
  const run = async ({ schoolId, curator }: { schoolId: string; curator: string }, programs: number) =>
    countStatements(system.monitoring, async () => {
      const data = await system.request<{ school: { programs: { campaigns: { responseRate: { invited: number; responded: number } }[]; scorecards: unknown[]; measurements: unknown[]; pairs: { measurements: unknown[]; mentees: { responses: unknown[] }[] }[] }[] } }>(
        QUERY,
        { id: schoolId },
        curator,
      );
      expect(data.school.programs).toHaveLength(programs);
      for (const program of data.school.programs) {
        expect(program.campaigns[0]!.responseRate).toEqual({ invited: 1, responded: 1 });
        expect(program.scorecards).toHaveLength(1);
        expect(program.measurements).toHaveLength(1);
        expect(program.pairs[0]!.mentees[0]!.responses).toHaveLength(1);
        expect(program.pairs[0]!.measurements).toHaveLength(1);
      }
    });
  const statementsSmall = await run(small, 2);
  const statementsLarge = await run(large, 5);
  expect(statementsLarge).toBe(statementsSmall);
});
