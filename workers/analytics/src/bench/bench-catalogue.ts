import type { ParameterCatalogue } from '../reports/report.seams';

/** The benchmark measures 25 parameters (the code catalogue has 9): p01…p25, every fifth lower-is-better. */
export const BENCH_PARAMETERS = Array.from({ length: 25 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return { key: `p${n}`, name: `Параметр ${n}`, direction: (i + 1) % 5 === 0 ? 'LOWER_IS_BETTER' : 'HIGHER_IS_BETTER', scaleMin: 1, scaleMax: 5, catalogued: true } as const;
});

export const benchCatalogue: ParameterCatalogue = { load: async () => BENCH_PARAMETERS.map((p) => ({ ...p })) };
