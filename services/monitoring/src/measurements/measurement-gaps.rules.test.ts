import { instrumentParameters, measurementGap } from './measurement-gaps.rules';

describe('instrumentParameters', () => {
  it('gives a young specialist the parameters of the young-specialist instrument', () => {
    const keys = instrumentParameters('MENTEE', ['YOUNG_SPECIALIST']);
    expect(keys).toContain('adaptation');
    expect(keys).toContain('professional_difficulties');
    expect(keys).not.toContain('digital_skills');
  });
  it('unites the instruments of several categories', () => {
    const both = instrumentParameters('MENTEE', ['BURNOUT', 'DIGITAL_SKILLS']);
    expect(both).toEqual(expect.arrayContaining(['fatigue', 'digital_skills']));
  });
  it('gives a mentee without a category nothing, and a mentor the mentors’ instrument', () => {
    expect(instrumentParameters('MENTEE', [])).toEqual([]);
    expect(instrumentParameters('MENTOR', [])).toEqual(['anxiety', 'fatigue', 'motivation', 'professional_competence', 'work_satisfaction']);
  });
});

describe('measurementGap', () => {
  it.each<[string, string[], { parameterKey: string; stage: string }[], string[], string[]]>([
    ['nothing measured', ['anxiety', 'motivation'], [], ['anxiety', 'motivation'], ['anxiety', 'motivation']],
    ['before only', ['motivation'], [{ parameterKey: 'motivation', stage: 'BEFORE' }], [], ['motivation']],
    ['both', ['motivation'], [{ parameterKey: 'motivation', stage: 'BEFORE' }, { parameterKey: 'motivation', stage: 'AFTER' }], [], []],
    ['after only', ['motivation'], [{ parameterKey: 'motivation', stage: 'AFTER' }], ['motivation'], []],
    ['an extra parameter measured once', [], [{ parameterKey: 'leadership', stage: 'BEFORE' }], [], ['leadership']],
  ])('%s', (_case, expected, values, missingBefore, missingAfter) => {
    expect(measurementGap(expected, values)).toEqual({ missingBefore, missingAfter });
  });
});
