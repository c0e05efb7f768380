import { byKeys, RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Municipality, School } from './school.entity';
import type { SchoolService } from './school.service';
import { CreateSchoolInput } from './school.types';

export function loadSchool(context: RequestContext, schools: SchoolService, id: string): Promise<School | null> {
  return context
    .loader<string, School | null>('participant.school', async (ids) => byKeys(ids, await schools.findVisibleByIds(context.caller, ids), (school) => school.id))
    .load(id);
}

@Resolver(() => School)
export class SchoolResolver {
  constructor(private readonly schoolService: SchoolService) {}

  @Query(() => School, { description: 'A school the caller may see' })
  school(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<School> {
    return this.schoolService.getVisible(context.caller, id);
  }

  @Query(() => [School], { description: "The caller's schools: all of the municipality for the office, one otherwise" })
  schools(@Ctx() context: RequestContext): Promise<School[]> {
    return this.schoolService.list(context.caller);
  }

  @Query(() => Municipality, { description: "The caller's municipality" })
  myMunicipality(@Ctx() context: RequestContext): Promise<Municipality> {
    return this.schoolService.municipality(context.caller, context.caller.municipalityId);
  }

  @Mutation(() => School)
  createSchool(@Arg('input') input: CreateSchoolInput, @Ctx() context: RequestContext): Promise<School> {
    return this.schoolService.create(context.caller, input);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() school: School, @Ctx() context: RequestContext): Promise<Municipality> {
    return this.schoolService.municipality(context.caller, school.municipalityId);
  }
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  constructor(private readonly schoolService: SchoolService) {}

  @FieldResolver(() => [School])
  schools(@Ctx() context: RequestContext): Promise<School[]> {
    return this.schoolService.list(context.caller);
  }
}
