import { registerEnumType } from 'type-graphql';

export enum MentorKind {
  EXPERIENCED_TEACHER = 'EXPERIENCED_TEACHER',
  VETERAN = 'VETERAN',
  COMMUNITY_LEADER = 'COMMUNITY_LEADER',
  INNOVATOR = 'INNOVATOR',
  EXPERIENCED_CLASS_TEACHER = 'EXPERIENCED_CLASS_TEACHER',
  EXPERIENCED_SUBJECT_TEACHER = 'EXPERIENCED_SUBJECT_TEACHER',
}
registerEnumType(MentorKind, {
  name: 'MentorKind',
  valuesConfig: {
    EXPERIENCED_TEACHER: { description: 'Опытный педагог' },
    VETERAN: { description: 'Ветеран педагогического труда' },
    COMMUNITY_LEADER: { description: 'Лидер педагогического сообщества' },
    INNOVATOR: { description: 'Педагог-новатор' },
    EXPERIENCED_CLASS_TEACHER: { description: 'Опытный классный руководитель' },
    EXPERIENCED_SUBJECT_TEACHER: { description: 'Опытный предметник' },
  },
});

export enum MentorStatus {
  CANDIDATE = 'CANDIDATE',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  LEFT = 'LEFT',
}
registerEnumType(MentorStatus, { name: 'MentorStatus' });

export enum InterviewResult {
  PENDING = 'PENDING',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(InterviewResult, { name: 'InterviewResult', description: 'Result of the selection interview (собеседование)' });
