import {
  ROADMAP_RESPONSIBLE_ROLE_LABELS,
  ROADMAP_SECTION_LABELS,
  ROADMAP_SECTIONS,
  ROADMAP_TEMPLATE,
  RoadmapSection,
  periodDates,
} from './roadmap.template';

const CYRILLIC = /[А-Яа-яЁё]/;

function row(number: string) {
  const found = ROADMAP_TEMPLATE.find((r) => r.number === number);
  if (!found) throw new Error(`row ${number} not in template`);
  return found;
}

describe('ROADMAP_TEMPLATE (seed section 9)', () => {
  it('has all four sections, each with at least one row, in the seed order', () => {
    const sections = ROADMAP_TEMPLATE.map((r) => r.section);
    expect(new Set(sections)).toEqual(
      new Set<RoadmapSection>(['NORMATIVE_LEGAL', 'ORGANISATIONAL_METHODICAL', 'MONITORING', 'INFORMATIONAL']),
    );
    // Rows are grouped by section in the order of ROADMAP_SECTIONS.
    const firstIndex = ROADMAP_SECTIONS.map((s) => sections.indexOf(s));
    expect([...firstIndex].sort((a, b) => a - b)).toEqual(firstIndex);
    for (const s of ROADMAP_SECTIONS) expect(ROADMAP_SECTION_LABELS[s]).toMatch(CYRILLIC);
  });

  it('reproduces every row of the seed: 1 + 11 + 2 + 1 rows with the seed numbering', () => {
    expect(ROADMAP_TEMPLATE.map((r) => r.number)).toEqual([
      '1.1',
      '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10', '2.11',
      '3.1', '3.2',
      '4.1',
    ]);
    for (const r of ROADMAP_TEMPLATE) expect(r.number.startsWith(`${ROADMAP_SECTIONS.indexOf(r.section) + 1}.`)).toBe(true);
  });

  it('every row has non-empty Russian text', () => {
    for (const r of ROADMAP_TEMPLATE) {
      expect(r.event.trim()).toMatch(CYRILLIC);
      expect(r.period.label.trim()).toMatch(CYRILLIC);
      expect(r.responsibleLabel.trim()).toMatch(CYRILLIC);
      expect(ROADMAP_RESPONSIBLE_ROLE_LABELS[r.responsibleRole]).toMatch(CYRILLIC);
      // The seed leaves the result form of 4.1 («Информирование педагогического сообщества…») empty.
      if (r.number === '4.1') expect(r.resultForm).toBe('');
      else expect(r.resultForm.trim()).toMatch(CYRILLIC);
    }
  });

  it('months are calendar months 1..12', () => {
    for (const r of ROADMAP_TEMPLATE) {
      for (const m of [r.period.fromMonth, r.period.toMonth]) {
        expect(Number.isInteger(m)).toBe(true);
        expect(m).toBeGreaterThanOrEqual(1);
        expect(m).toBeLessThanOrEqual(12);
      }
    }
  });

  it('maps concrete seed rows to months', () => {
    // 2.3 mentee base and analytical note on deficits — «Август – сентябрь»
    expect(row('2.3').period).toEqual({ fromMonth: 8, toMonth: 9, label: 'Август – сентябрь' });
    expect(row('2.3').responsibleRole).toBe('DEPUTY_DIRECTOR');
    // 2.2 pedagogical council — «Август», director
    expect(row('2.2').period).toEqual({ fromMonth: 8, toMonth: 8, label: 'Август' });
    expect(row('2.2').resultForm).toBe('Протокол педагогического совета');
    expect(row('2.2').responsibleRole).toBe('DIRECTOR');
    // 3.1 monitoring questionnaires — «Апрель - май»
    expect(row('3.1').period).toEqual({ fromMonth: 4, toMonth: 5, label: 'Апрель - май' });
    expect(row('3.1').section).toBe('MONITORING');
    // 2.10 psychological support — «В течение года» = September..May, psychologist
    expect(row('2.10').period).toEqual({ fromMonth: 9, toMonth: 5, label: 'В течение года' });
    expect(row('2.10').responsibleRole).toBe('PSYCHOLOGIST');
    // 2.6 individual route maps — «сентябрь», developed by mentors (approved by the director)
    expect(row('2.6').period).toEqual({ fromMonth: 9, toMonth: 9, label: 'сентябрь' });
    expect(row('2.6').responsibleRole).toBe('MENTOR');
    expect(row('2.6').responsibleLabel).toBe('Наставники Директор школы');
    // 2.7 award ceremony — «Май»
    expect(row('2.7').period).toEqual({ fromMonth: 5, toMonth: 5, label: 'Май' });
    // 1.1 regulation amendments — «Май - август» (preparation)
    expect(row('1.1').period).toEqual({ fromMonth: 5, toMonth: 8, label: 'Май - август' });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ROADMAP_TEMPLATE)).toBe(true);
    expect(Object.isFrozen(ROADMAP_TEMPLATE[0])).toBe(true);
    expect(Object.isFrozen(ROADMAP_TEMPLATE[0].period)).toBe(true);
  });
});

describe('periodDates', () => {
  it('Aug–Sep of 2025/26 is 2025-08-01..2025-09-30', () => {
    expect(periodDates({ fromMonth: 8, toMonth: 9 }, 2025)).toEqual({ startsOn: '2025-08-01', endsOn: '2025-09-30' });
  });

  it('Apr–May of 2025/26 is 2026-04-01..2026-05-31', () => {
    expect(periodDates({ fromMonth: 4, toMonth: 5 }, 2025)).toEqual({ startsOn: '2026-04-01', endsOn: '2026-05-31' });
  });

  it('«В течение года» crosses the year boundary: 2025-09-01..2026-05-31', () => {
    expect(periodDates(row('2.8').period, 2025)).toEqual({ startsOn: '2025-09-01', endsOn: '2026-05-31' });
  });

  it('May–Aug is preparation before the year starts', () => {
    expect(periodDates(row('1.1').period, 2025)).toEqual({ startsOn: '2025-05-01', endsOn: '2025-08-31' });
    expect(periodDates(row('4.1').period, 2025)).toEqual({ startsOn: '2025-06-01', endsOn: '2025-08-31' });
  });

  it('single months land in the right calendar year', () => {
    expect(periodDates(row('2.2').period, 2025)).toEqual({ startsOn: '2025-08-01', endsOn: '2025-08-31' });
    expect(periodDates(row('2.6').period, 2025)).toEqual({ startsOn: '2025-09-01', endsOn: '2025-09-30' });
    expect(periodDates(row('2.7').period, 2025)).toEqual({ startsOn: '2026-05-01', endsOn: '2026-05-31' });
    expect(periodDates({ fromMonth: 12, toMonth: 12 }, 2025)).toEqual({ startsOn: '2025-12-01', endsOn: '2025-12-31' });
    expect(periodDates({ fromMonth: 1, toMonth: 1 }, 2025)).toEqual({ startsOn: '2026-01-01', endsOn: '2026-01-31' });
  });

  it('February ends on the 29th in a leap year and on the 28th otherwise', () => {
    // 2027/28: February 2028 is a leap February
    expect(periodDates({ fromMonth: 1, toMonth: 2 }, 2027)).toEqual({ startsOn: '2028-01-01', endsOn: '2028-02-29' });
    // 2023/24: February 2024, a Dec–Feb period wrapping over New Year
    expect(periodDates({ fromMonth: 12, toMonth: 2 }, 2023)).toEqual({ startsOn: '2023-12-01', endsOn: '2024-02-29' });
    // 2024/25: February 2025 is not leap
    expect(periodDates({ fromMonth: 2, toMonth: 2 }, 2024)).toEqual({ startsOn: '2025-02-01', endsOn: '2025-02-28' });
    // 2099/2100: 2100 is not a leap year (century rule)
    expect(periodDates({ fromMonth: 2, toMonth: 2 }, 2099).endsOn).toBe('2100-02-28');
  });

  it('every template row yields a non-empty, ordered date range', () => {
    for (const r of ROADMAP_TEMPLATE) {
      const { startsOn, endsOn } = periodDates(r.period, 2025);
      expect(startsOn < endsOn).toBe(true);
      expect(startsOn >= '2025-05-01').toBe(true);
      expect(endsOn <= '2026-05-31').toBe(true);
    }
  });

  it('rejects invalid months and years', () => {
    expect(() => periodDates({ fromMonth: 0, toMonth: 5 }, 2025)).toThrow(RangeError);
    expect(() => periodDates({ fromMonth: 4, toMonth: 13 }, 2025)).toThrow(RangeError);
    expect(() => periodDates({ fromMonth: 4.5, toMonth: 5 }, 2025)).toThrow(RangeError);
    expect(() => periodDates({ fromMonth: 4, toMonth: 5 }, 2025.5)).toThrow(RangeError);
    expect(() => periodDates({ fromMonth: 4, toMonth: 5 }, Number.NaN)).toThrow(RangeError);
  });
});
