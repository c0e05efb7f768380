/**
 * Computes a report's figures: loads the per-person facts in bulk, streams the before/after pairs
 * aggregated in PostgreSQL one parameter after another, and summarises each (parameter, group).
 */
import type { GenerateReportJobData } from '@nastavnik/platform';
import { ParameterAccumulator, type ParameterResult } from './report.accumulator';
import { GroupIndex, indexMemberships, stageOutcome } from './report.grouping';
import { computeSchoolIndicators, type SchoolIndicators } from './report.indicators';
import type { ParameterInfo, PersonFact, ProgramFact, ReportFacts, SchoolFact } from './report.model';
import type { ParameterCatalogue, ProgrammeActivity, ProgramScorecard, ReportScope, ScorecardSource, Stage1SurveySource, ProgrammeActivitySource, Stage1QuestionSummary, Stage1ResponseRate } from './report.seams';
import { loadMemberships, loadPeople, loadPeopleById, loadPrograms, loadSchools, streamStagePairs, type ReportDatabases } from './report.sources';

export interface ReportSources {
  databases: ReportDatabases;
  parameters: ParameterCatalogue;
  stage1: Stage1SurveySource;
  scorecards: ScorecardSource;
  activity: ProgrammeActivitySource;
  /** Rows per FETCH of the measurement cursor. */
  batchSize: number;
}


export interface ComputedReport {
  facts: ReportFacts;
  schools: SchoolFact[];
  /** Parameters with data, in catalogue order (unknown keys last). */
  parameters: ParameterInfo[];
  parameterResults: ParameterResult[];
  indicators: Map<string, SchoolIndicators>;
  /** Distinct participants with a complete pair of at least one parameter, per school. */
  measuredBySchool: Map<string, number>;
  /** Measurements with one stage only (the workbook counts them per programme and parameter). */
  incomplete: number;
  measurementRows: number;
  changes: number;
  stage1: { questions: Stage1QuestionSummary[]; responseRates: Stage1ResponseRate[] } | null;
  scorecards: ProgramScorecard[] | null;
  activity: ProgrammeActivity[] | null;
}

export async function computeReport(
  job: GenerateReportJobData,
  sources: ReportSources,
  onProgress: (fraction: number, stage: 'LOADING_FACTS' | 'READING_MEASUREMENTS') => Promise<void>,
): Promise<ComputedReport> {
  const { databases: db } = sources;
  await onProgress(0, 'LOADING_FACTS');
  const programList = await loadPrograms(db.program, job);
  const programs = new Map<string, ProgramFact>(programList.map((p) => [p.id, p]));
  const programIds = [...programs.keys()];
  const scopeSchoolIds =
    job.scope.kind === 'SCHOOL' ? [job.scope.id] : job.scope.kind === 'PROGRAM' ? [...new Set(programList.map((p) => p.schoolId))] : null;
  // The stream of measurements holds a transaction on the monitoring database while it runs. What
  // else is read from that database (catalogue, stage 1, scorecards) is read before it opens, so a
  // database serving one transaction at a time (the embedded PGlite of `npm start`) cannot deadlock;
  // the per-person facts of the other databases load while the stream starts, and its first batch
  // waits for them.
  const schoolList = await loadSchools(db.participant, job.municipalityId, scopeSchoolIds);
  const schoolIds = schoolList.map((s) => s.id);
  const scope: ReportScope = { municipalityId: job.municipalityId, academicYear: job.academicYear, schoolIds, programIds };
  const [catalogue, stage1, scorecards] = await Promise.all([sources.parameters.load(scope), sources.stage1.load(scope), sources.scorecards.load(scope)]);
  const factsReady = (async () => {
    const [memberships, activity] = await Promise.all([loadMemberships(db.program, job.municipalityId, programIds), sources.activity.load(scope)]);
    const people = new Map<string, PersonFact>((await loadPeople(db.participant, job.municipalityId, schoolIds)).map((p) => [p.id, p]));
    // Participants who have moved to a school outside the scope still count where they were mentored.
    const outside = [...new Set(memberships.map((m) => m.personId).filter((id) => !people.has(id)))];
    for (const person of await loadPeopleById(db.participant, job.municipalityId, outside)) people.set(person.id, person);
    const facts: ReportFacts = {
      municipalityId: job.municipalityId,
      schools: new Map(schoolList.map((s) => [s.id, s])),
      people,
      programs,
      memberships: indexMemberships(memberships),
      allMemberships: memberships,
    };
    await onProgress(1, 'LOADING_FACTS');
    const groupIndex = new GroupIndex(facts);
    return {
      facts,
      schoolList,
      memberships,
      catalogue,
      catalogueByKey: new Map(catalogue.map((p) => [p.key, p])),
      sortedKeys: catalogue.map((p) => p.key).sort(),
      stage1,
      scorecards,
      activity,
      groupIndex,
      accumulator: new ParameterAccumulator(groupIndex.groups),
    };
  })();
  factsReady.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"

  const results = new Map<string, ParameterResult>();
  let incomplete = 0;
  const measuredBySchool = new Map<string, Set<string>>();
  let changes = 0;
  const finish = (accumulator: ParameterAccumulator) => {
    const result = accumulator.finish();
    if (result) results.set(result.parameter.key, result);
  };
  const measurementRows = await streamStagePairs(db.monitoring, job.municipalityId, programIds, sources.batchSize, async (rows) => {
    const { accumulator, groupIndex, catalogueByKey, sortedKeys } = await factsReady;
    for (const row of rows) {
      if (accumulator.parameter?.key !== row.parameterKey) {
        finish(accumulator);
        accumulator.start(catalogueByKey.get(row.parameterKey) ?? uncatalogued(row.parameterKey));
      }
      const groups = groupIndex.groupIdsOf(row.personId, row.programId);
      const outcome = stageOutcome(row.before, row.after);
      if (outcome.kind === 'COMPLETE') {
        accumulator.addChange(groups, outcome.before, outcome.after);
        changes += 1;
        const schoolId = programs.get(row.programId)?.schoolId;
        if (schoolId) getSet(measuredBySchool, schoolId).add(row.personId);
      } else {
        accumulator.addIncomplete(groups, outcome.missing);
        incomplete += 1;
      }
    }
    const last = rows[rows.length - 1].parameterKey;
    await onProgress(sortedKeys.length ? sortedKeys.filter((k) => k < last).length / sortedKeys.length : 0, 'READING_MEASUREMENTS');
  });
  const { facts, memberships, catalogueByKey, activity, accumulator } = await factsReady;
  const people = facts.people;
  finish(accumulator);

  const order = (p: ParameterInfo) => (catalogueByKey.has(p.key) ? catalogue.indexOf(catalogueByKey.get(p.key)!) : catalogue.length);
  const parameterResults = [...results.values()].sort((a, b) => order(a.parameter) - order(b.parameter) || a.parameter.key.localeCompare(b.parameter.key));

  return {
    facts,
    schools: schoolList,
    parameters: parameterResults.map((r) => r.parameter),
    parameterResults,
    indicators: computeSchoolIndicators(schoolList, people.values(), memberships),
    measuredBySchool: new Map([...measuredBySchool].map(([id, set]) => [id, set.size])),
    incomplete,
    measurementRows,
    changes,
    stage1,
    scorecards,
    activity,
  };
}

function uncatalogued(key: string): ParameterInfo {
  return { key, name: key, direction: 'HIGHER_IS_BETTER', scaleMin: null, scaleMax: null, catalogued: false };
}

function getSet(map: Map<string, Set<string>>, key: string): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
