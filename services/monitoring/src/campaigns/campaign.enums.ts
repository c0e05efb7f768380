import { registerEnumType } from 'type-graphql';

export enum CampaignStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  valuesConfig: { CLOSED: { description: 'Responses are final; stage-2 responses have become measurements' } },
});
