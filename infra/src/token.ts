import { parseArgs } from 'node:util';
import { readAuthConfig, Role, signToken } from '@nastavnik/platform';
import { DEMO_MUNICIPALITY } from './demo-data';

/** `npm run token -- --role curator --school <id>`: prints a development token signed with JWT_SECRET. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'MUNICIPAL_ADMIN' },
      school: { type: 'string' },
      municipality: { type: 'string', default: DEMO_MUNICIPALITY.id },
      person: { type: 'string' },
      user: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const role = values.role!.toUpperCase();
  if (!(role in Role)) throw new Error(`--role must be one of: ${Object.values(Role).join(', ')}`);
  if (role !== Role.MUNICIPAL_ADMIN && !values.school) throw new Error(`--school <id> is required for the role ${role}`);
  const token = await signToken(
    {
      userId: values.user ?? `dev-${role.toLowerCase()}`,
      role: role as Role,
      municipalityId: values.municipality!,
      schoolId: role === Role.MUNICIPAL_ADMIN ? null : values.school!,
      personId: values.person ?? null,
    },
    readAuthConfig(process.env),
    values.expires,
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
