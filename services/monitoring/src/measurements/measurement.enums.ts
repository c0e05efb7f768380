import { registerEnumType } from 'type-graphql';

/** Stage 2 of monitoring measures every parameter twice: before the programme and after it. */
export enum MeasurementStage {
  BEFORE = 'BEFORE',
  AFTER = 'AFTER',
}
registerEnumType(MeasurementStage, { name: 'MeasurementStage' });

export enum MeasurementSource {
  RESPONSE = 'RESPONSE',
  DIRECT_ENTRY = 'DIRECT_ENTRY',
}
registerEnumType(MeasurementSource, {
  name: 'MeasurementSource',
  valuesConfig: {
    RESPONSE: { description: 'Computed from a stage-2 questionnaire response' },
    DIRECT_ENTRY: { description: 'Entered by the psychologist or the curator' },
  },
});
