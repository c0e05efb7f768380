import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Consent } from './consent.entity';
import type { ConsentService } from './consent.service';
import { GiveConsentInput, WithdrawConsentInput } from './consent.types';

@Resolver(() => Consent)
export class ConsentResolver {
  constructor(private readonly consentService: ConsentService) {}

  @Mutation(() => Consent, { description: 'Records a consent to personal-data processing' })
  giveConsent(@Arg('input') input: GiveConsentInput, @Ctx() context: RequestContext): Promise<Consent> {
    return this.consentService.give(context, input);
  }

  @Mutation(() => Consent, { description: 'Withdraws a consent; it takes effect at once' })
  withdrawConsent(@Arg('input') input: WithdrawConsentInput, @Ctx() context: RequestContext): Promise<Consent> {
    return this.consentService.withdraw(context, input);
  }
}
