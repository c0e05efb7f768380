import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { MunicipalitySettings } from './settings.entity';
import type { SettingsService } from './settings.service';
import { UpdateMunicipalitySettingsInput } from './settings.types';

@Resolver(() => MunicipalitySettings)
export class SettingsResolver {
  constructor(private readonly settingsService: SettingsService) {}

  @Query(() => MunicipalitySettings, { description: 'Matching weights, the municipal mentor pool and the meeting gap of the caller’s municipality' })
  municipalitySettings(@Ctx() context: RequestContext): Promise<MunicipalitySettings> {
    return this.settingsService.of(context.caller);
  }

  @Mutation(() => MunicipalitySettings)
  updateMunicipalitySettings(@Arg('input') input: UpdateMunicipalitySettingsInput, @Ctx() context: RequestContext): Promise<MunicipalitySettings> {
    return this.settingsService.update(context.caller, input);
  }
}
