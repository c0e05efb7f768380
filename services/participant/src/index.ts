import 'reflect-metadata';
import { AuditEntry, type SubgraphDefinition } from '@nastavnik/platform';
import { participantAccess } from './access';
import { Consent } from './consents/consent.entity';
import { MenteeProfile, MenteeStatusChange } from './mentees/mentee-profile.entity';
import { MentorProfile, MentorStatusChange } from './mentors/mentor-profile.entity';
import { ParticipantInitial1764100000000 } from './migrations/1764100000000-ParticipantInitial';
import { PersonStaffNumber1764200000000 } from './migrations/1764200000000-PersonStaffNumber';
import { ParticipantAudit1766100000000 } from './migrations/1766100000000-ParticipantAudit';
import { PersonErasure1766300000000 } from './migrations/1766300000000-PersonErasure';
import { ErasureAct, ErasureConfirmation } from './personal-data/erasure.entity';
import { Person, SchoolMembership } from './people/person.entity';
import { buildParticipantSchema } from './schema';
import { Municipality, School } from './schools/school.entity';

export const participantSubgraph: SubgraphDefinition = {
  name: 'participant',
  defaultPort: 4001,
  access: participantAccess,
  entities: [AuditEntry, Municipality, School, Person, SchoolMembership, MentorProfile, MentorStatusChange, MenteeProfile, MenteeStatusChange, Consent, ErasureAct, ErasureConfirmation],
  migrations: [ParticipantInitial1764100000000, PersonStaffNumber1764200000000, ParticipantAudit1766100000000, PersonErasure1766300000000],
  buildSchema: buildParticipantSchema,
};
