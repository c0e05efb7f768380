/**
 * Accumulates the changes of one parameter per group in typed arrays, then summarises each group
 * with the statistics module. Only one parameter is held at a time (the measurement stream is ordered
 * by parameter), so memory stays at the size of one parameter's participants.
 */
import { summarizeChanges, type ChangeSummary, type PairedObservation } from '../statistics/statistics';
import { suppressedGroups, type SuppressionReason } from '@nastavnik/platform';
import { DIMENSIONS, type Dimension, type GroupKey, type ParameterInfo } from './report.model';

class GrowableFloat64Array {
  private data = new Float64Array(8);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  at(index: number): number {
    return this.data[index];
  }
  clear(): void {
    this.length = 0;
  }
}

interface GroupSamples {
  before: GrowableFloat64Array;
  after: GrowableFloat64Array;
  incompleteMissingBefore: number;
  incompleteMissingAfter: number;
  /** Whether the group has any row of the current parameter. */
  used: boolean;
}

export interface GroupResult {
  group: GroupKey;
  summary: ChangeSummary;
  incompleteMissingBefore: number;
  incompleteMissingAfter: number;
  /** Set by suppressSmallGroups: why the group's figures are withheld, or null. */
  suppressed: SuppressionReason | null;
}

export interface ParameterResult {
  parameter: ParameterInfo;
  /** Ordered by dimension (as in DIMENSIONS), then by the group's value. */
  groups: GroupResult[];
}

/**
 * Groups are numbered by the caller (see GroupIndex); `groups[id]` names group `id`. One accumulator
 * serves every parameter in turn (`start`), reusing its arrays, so a report does not leave a
 * parameter's worth of garbage behind per parameter.
 */
export class ParameterAccumulator {
  private readonly samples: Array<GroupSamples | undefined> = [];
  private current: ParameterInfo | null = null;
  /** Observation objects reused from group to group: summarizeChanges reads them and keeps none. */
  private readonly observations: PairedObservation[] = [];
  constructor(private readonly groups: readonly GroupKey[]) {}

  get parameter(): ParameterInfo | null {
    return this.current;
  }

  start(parameter: ParameterInfo): void {
    this.current = parameter;
    for (const samples of this.samples) {
      if (!samples) continue;
      samples.before.clear();
      samples.after.clear();
      samples.incompleteMissingBefore = 0;
      samples.incompleteMissingAfter = 0;
      samples.used = false;
    }
  }

  addChange(groupIds: ArrayLike<number>, before: number, after: number): void {
    for (let i = 0; i < groupIds.length; i++) {
      const samples = this.samplesOf(groupIds[i]);
      samples.before.push(before);
      samples.after.push(after);
    }
  }

  addIncomplete(groupIds: ArrayLike<number>, missing: 'BEFORE' | 'AFTER'): void {
    for (let i = 0; i < groupIds.length; i++) {
      const samples = this.samplesOf(groupIds[i]);
      if (missing === 'BEFORE') samples.incompleteMissingBefore += 1;
      else samples.incompleteMissingAfter += 1;
    }
  }

  /** Summarises the current parameter; null when no parameter was started. */
  finish(): ParameterResult | null {
    const parameter = this.current;
    if (!parameter) return null;
    const results: GroupResult[] = [];
    this.samples.forEach((samples, id) => {
      if (!samples?.used) return;
      const n = samples.before.length;
      while (this.observations.length < n) this.observations.push({ before: 0, after: 0 });
      for (let i = 0; i < n; i++) {
        const observation = this.observations[i];
        observation.before = samples.before.at(i);
        observation.after = samples.after.at(i);
      }
      const pairs = this.observations.slice(0, n);
      results.push({
        group: this.groups[id],
        summary: summarizeChanges(pairs, parameter.direction),
        incompleteMissingBefore: samples.incompleteMissingBefore,
        incompleteMissingAfter: samples.incompleteMissingAfter,
        suppressed: null,
      });
    });
    results.sort(compareGroups);
    this.current = null;
    return { parameter, groups: results };
  }

  private samplesOf(id: number): GroupSamples {
    let samples = this.samples[id];
    if (!samples) {
      samples = { before: new GrowableFloat64Array(), after: new GrowableFloat64Array(), incompleteMissingBefore: 0, incompleteMissingAfter: 0, used: false };
      this.samples[id] = samples;
    }
    samples.used = true;
    return samples;
  }
}

export function compareGroups(a: { group: GroupKey }, b: { group: GroupKey }): number {
  const byDimension = DIMENSIONS.indexOf(a.group.dimension) - DIMENSIONS.indexOf(b.group.dimension);
  return byDimension || (a.group.value < b.group.value ? -1 : a.group.value > b.group.value ? 1 : 0);
}

/**
 * Marks the groups of a parameter whose figures a workbook withholds: within each dimension (the
 * schools, the programmes, the forms, ...), every group of fewer than `threshold` participants with
 * both values, and the complements that keep the municipality's figure minus the shown groups from
 * describing fewer than `threshold` people (suppressedGroups).
 */
export function suppressSmallGroups(result: ParameterResult, threshold: number): ParameterResult {
  const byDimension = new Map<Dimension, GroupResult[]>();
  for (const group of result.groups) {
    const list = byDimension.get(group.group.dimension) ?? [];
    list.push(group);
    byDimension.set(group.group.dimension, list);
  }
  for (const groups of byDimension.values()) {
    const reasons = suppressedGroups(groups.map((g) => g.summary.n), threshold);
    groups.forEach((group, i) => (group.suppressed = reasons[i]!));
  }
  return result;
}
