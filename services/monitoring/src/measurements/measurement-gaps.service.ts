import { assertRole, isSmallGroup, MIN_GROUP_SIZE, type ParticipantDirectory, type RequestContext } from '@nastavnik/platform';
import { AGGREGATE_READERS, seesPersonsBehindAggregates } from '../access';
import type { ProgramDirectory } from '../programs/program.directory';
import { instrumentParameters, measurementGap } from './measurement-gaps.rules';
import type { MeasurementService } from './measurement.service';
import type { MeasurementGaps, PairGap, ParticipantGap, SchoolGap } from './measurement-gaps.types';

/** A dissolved pair stopped working; its people are not expected to be measured after it. */
const MEASURED_PAIR_STATUSES = new Set(['FORMING', 'ACTIVE', 'PAUSED', 'COMPLETED']);

/**
 * Who still lacks a before or an after value: each participant of the programmes' pairs against
 * the parameters of their instruments (and any parameter already measured for them), then rolled up
 * per pair and per school. One call to each other service and one SQL statement, whatever the size.
 */
export class MeasurementGapService {
  constructor(
    private readonly measurements: MeasurementService,
    private readonly programs: ProgramDirectory,
    private readonly directory: ParticipantDirectory,
  ) {}

  async gaps(context: RequestContext, programIds: readonly string[]): Promise<MeasurementGaps> {
    assertRole(context.caller, AGGREGATE_READERS);
    const programs = await this.programs.programs(context, programIds);
    const members: { programId: string; schoolId: string; pairId: string; personId: string; role: 'MENTOR' | 'MENTEE' }[] = [];
    for (const program of programs.values()) {
      for (const pair of program.pairs) {
        if (!MEASURED_PAIR_STATUSES.has(pair.status)) continue;
        const base = { programId: program.id, schoolId: program.schoolId, pairId: pair.id };
        members.push({ ...base, personId: pair.mentor.id, role: 'MENTOR' });
        for (const mentee of pair.mentees) members.push({ ...base, personId: mentee.id, role: 'MENTEE' });
      }
    }
    const personIds = [...new Set(members.map((member) => member.personId))];
    const [people, values] = await Promise.all([
      this.directory.people(context, personIds),
      personIds.length ? this.measurements.forAggregatesOfPrograms(context.caller, [...programs.keys()]) : Promise.resolve([]),
    ]);

    const participants = new Map<string, ParticipantGap>();
    for (const member of members) {
      const key = `${member.programId}:${member.personId}`;
      const participant = participants.get(key) ?? {
        programId: member.programId,
        schoolId: member.schoolId,
        personId: member.personId,
        person: { id: member.personId },
        roles: [],
        pairIds: [],
        expectedParameters: [],
        missingBefore: [],
        missingAfter: [],
      };
      if (!participant.roles.includes(member.role)) participant.roles.push(member.role);
      if (!participant.pairIds.includes(member.pairId)) participant.pairIds.push(member.pairId);
      participants.set(key, participant);
    }
    for (const participant of participants.values()) {
      const categories = people.get(participant.personId)?.menteeProfile?.categories ?? [];
      participant.expectedParameters = [...new Set(participant.roles.flatMap((role) => instrumentParameters(role, categories)))].sort();
      const own = values.filter((value) => value.personId === participant.personId && value.programId === participant.programId);
      Object.assign(participant, measurementGap(participant.expectedParameters, own));
    }

    const incomplete = [...participants.values()].filter((p) => p.missingBefore.length > 0 || p.missingAfter.length > 0);
    const pairs = new Map<string, PairGap>();
    for (const member of members) {
      const gap = participants.get(`${member.programId}:${member.personId}`)!;
      const pair = pairs.get(member.pairId) ?? { pairId: member.pairId, pair: { id: member.pairId }, programId: member.programId, participantsMissingBefore: 0, participantsMissingAfter: 0 };
      if (gap.missingBefore.length > 0) pair.participantsMissingBefore += 1;
      if (gap.missingAfter.length > 0) pair.participantsMissingAfter += 1;
      pairs.set(member.pairId, pair);
    }
    const schools = new Map<string, SchoolGap>();
    for (const participant of participants.values()) {
      const school = schools.get(participant.schoolId) ?? { schoolId: participant.schoolId, participants: 0, participantsMissingBefore: 0, participantsMissingAfter: 0, suppressed: false };
      school.participants += 1;
      if (participant.missingBefore.length > 0) school.participantsMissingBefore! += 1;
      if (participant.missingAfter.length > 0) school.participantsMissingAfter! += 1;
      schools.set(participant.schoolId, school);
    }
    if (!seesPersonsBehindAggregates(context.caller)) {
      // The office and a school's administration get the schools' counts only, small schools suppressed.
      return {
        participants: [],
        pairs: [],
        schools: [...schools.values()].map((school) =>
          isSmallGroup(school.participants, MIN_GROUP_SIZE) ? { ...school, participantsMissingBefore: null, participantsMissingAfter: null, suppressed: true } : school,
        ),
      };
    }
    return {
      participants: incomplete,
      pairs: [...pairs.values()].filter((pair) => pair.participantsMissingBefore + pair.participantsMissingAfter > 0),
      schools: [...schools.values()],
    };
  }
}
