import 'reflect-metadata';
import { AuditEntry, type SubgraphDefinition } from '@nastavnik/platform';
import { programAccess } from './access';
import { Certificate, EventParticipant, ProgramEvent } from './events/event.entity';
import { Meeting } from './meetings/meeting.entity';
import { ProgramInitial1764100000000 } from './migrations/1764100000000-ProgramInitial';
import { ProgramCycle1764200000000 } from './migrations/1764200000000-ProgramCycle';
import { ProgramRecognition1764300000000 } from './migrations/1764300000000-ProgramRecognition';
import { ProgramAudit1766100000000 } from './migrations/1766100000000-ProgramAudit';
import { Pair, PairMentee } from './pairs/pair.entity';
import { DevelopmentPlan, PlanTask } from './plans/plan.entity';
import { BestPractice } from './practices/practice.entity';
import { MentoringProgram, ProgramStageChange } from './programs/program.entity';
import { Award } from './recognition/award.entity';
import { RoadmapItem } from './roadmap/roadmap-item.entity';
import { buildProgramSchema } from './schema';
import { MunicipalitySettings } from './settings/settings.entity';

export const programSubgraph: SubgraphDefinition = {
  name: 'program',
  defaultPort: 4002,
  access: programAccess,
  entities: [
    AuditEntry,
    MentoringProgram,
    ProgramStageChange,
    Pair,
    PairMentee,
    Meeting,
    RoadmapItem,
    DevelopmentPlan,
    PlanTask,
    MunicipalitySettings,
    ProgramEvent,
    EventParticipant,
    Certificate,
    Award,
    BestPractice,
  ],
  migrations: [ProgramInitial1764100000000, ProgramCycle1764200000000, ProgramRecognition1764300000000, ProgramAudit1766100000000],
  buildSchema: buildProgramSchema,
};

/** The seed's roadmap, for tests and tools that check what a new programme receives. */
export { ROADMAP_TEMPLATE } from './roadmap/roadmap.template';
