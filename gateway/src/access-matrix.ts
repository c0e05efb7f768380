import { join } from 'node:path';
import { permissionOf, Role, type AccessRule, type SubgraphDefinition } from '@nastavnik/platform';

/** The written access matrix, printed from the rules the subgraphs enforce. */
export const ACCESS_MATRIX_PATH = join(__dirname, '..', '..', 'docs', 'access-matrix.md');

const COLUMNS: readonly [Role, string][] = [
  [Role.MUNICIPAL_ADMIN, 'Office'],
  [Role.SCHOOL_ADMIN, 'School admin'],
  [Role.CURATOR, 'Curator'],
  [Role.PSYCHOLOGIST, 'Psychologist'],
  [Role.MENTOR, 'Mentor'],
  [Role.MENTEE, 'Mentee'],
];
const MARKS = { allow: '✓', own: 'own', deny: '—' } as const;

function row(name: string, rule: AccessRule): string {
  const cells = COLUMNS.map(([role]) => MARKS[permissionOf(rule, role)]);
  return `| \`${name}\` | ${cells.join(' | ')} | ${rule.note ?? ''} |`;
}

function table(title: string, rules: Record<string, AccessRule>): string[] {
  const names = Object.keys(rules).sort();
  if (names.length === 0) return [];
  return [
    `### ${title}`,
    '',
    `| | ${COLUMNS.map(([, label]) => label).join(' | ')} | |`,
    `|---|${COLUMNS.map(() => ':-:').join('|')}|---|`,
    ...names.map((name) => row(name, rules[name])),
    '',
  ];
}

export function renderAccessMatrix(subgraphs: readonly SubgraphDefinition[]): string {
  const lines = [
    '# Access matrix',
    '',
    'Printed by `npm run compose` from `services/*/src/access.ts`, the rules each subgraph enforces on its',
    'resolvers (a test fails when this file is stale, and a subgraph refuses to start when an operation',
    'has no rule). ✓ — within the caller’s scope: the office sees every school of its municipality, every',
    'other role its own school; **own** — only the caller’s own records (the service narrows the query);',
    '— refused with `FORBIDDEN`. A refused sensitive field reads as null (or an empty list).',
    '',
    'The same scope applies to entity references (`_entities`), nested fields, cursors, report',
    'downloads and dashboards.',
    '',
  ];
  for (const subgraph of subgraphs) {
    lines.push(`## ${subgraph.name}`, '');
    lines.push(...table('Queries', subgraph.access.Query), ...table('Mutations', subgraph.access.Mutation), ...table('Sensitive fields', subgraph.access.fields ?? {}));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
