import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Parameter } from './parameter.entity';
import type { ParameterService } from './parameter.service';
import { AddParameterInput } from './parameter.types';

@Resolver(() => Parameter)
export class ParameterResolver {
  constructor(private readonly parameterService: ParameterService) {}

  @Query(() => [Parameter], { description: 'The catalogue of stage-2 parameters: shipped ones first, then the municipality’s' })
  parameters(@Ctx() context: RequestContext): Promise<Parameter[]> {
    return this.parameterService.list(context.caller);
  }

  @Mutation(() => Parameter, { description: 'Adds a parameter for every school of the municipality (office only)' })
  addParameter(@Arg('input') input: AddParameterInput, @Ctx() context: RequestContext): Promise<Parameter> {
    return this.parameterService.add(context.caller, input);
  }
}
