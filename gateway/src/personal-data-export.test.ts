import { personalDataDocument, sheetName } from './personal-data-export';

describe('personal-data export document', () => {
  it('keys rows by column and reads numbers as numbers', () => {
    const document = personalDataDocument(
      'p1',
      [
        {
          service: 'monitoring',
          key: 'monitoring.measurements',
          title: 'Замеры',
          columns: [
            { key: 'parameter_key', title: 'Параметр', kind: 'TEXT' },
            { key: 'value', title: 'Значение', kind: 'NUMBER' },
            { key: 'measured_on', title: 'Дата', kind: 'DATE' },
          ],
          rows: [{ cells: ['motivation', '3.5', '2025-09-12'] }, { cells: ['anxiety', null, null] }],
        },
      ],
      new Date('2026-11-26T10:00:00Z'),
    );
    expect(document).toEqual({
      personId: 'p1',
      generatedAt: '2026-11-26T10:00:00.000Z',
      sections: [
        {
          service: 'monitoring',
          key: 'monitoring.measurements',
          title: 'Замеры',
          columns: [
            { key: 'parameter_key', title: 'Параметр' },
            { key: 'value', title: 'Значение' },
            { key: 'measured_on', title: 'Дата' },
          ],
          rows: [
            { parameter_key: 'motivation', value: 3.5, measured_on: '2025-09-12' },
            { parameter_key: 'anxiety', value: null, measured_on: null },
          ],
        },
      ],
    });
  });

  it('names sheets within Excel limits and never twice', () => {
    const taken = new Set<string>();
    expect(sheetName('Ответственный в дорожной карте: длинное название', taken)).toHaveLength(28);
    expect(sheetName('Замеры', taken)).toBe('Замеры');
    expect(sheetName('замеры', taken)).toBe('замеры 2');
    expect(sheetName('A/B [тест]?', taken)).toBe('A B  тест');
  });
});
