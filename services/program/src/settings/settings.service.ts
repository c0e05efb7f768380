import { assertRole, Role, type Caller, type DataSource, type EntityManager } from '@nastavnik/platform';
import { DEFAULT_SETTINGS, MunicipalitySettings } from './settings.entity';
import type { UpdateMunicipalitySettingsInput } from './settings.types';

export class SettingsService {
  constructor(private readonly db: DataSource) {}

  /** The caller's municipality's settings, the defaults where the office has set nothing. */
  async of(caller: Caller, manager: EntityManager = this.db.manager): Promise<MunicipalitySettings> {
    const stored = await manager.getRepository(MunicipalitySettings).findOneBy({ municipalityId: caller.municipalityId });
    return stored ?? Object.assign(new MunicipalitySettings(), { municipalityId: caller.municipalityId, updatedAt: new Date(0), ...DEFAULT_SETTINGS });
  }

  /** Only the office decides for its municipality. */
  async update(caller: Caller, input: UpdateMunicipalitySettingsInput): Promise<MunicipalitySettings> {
    assertRole(caller, [Role.MUNICIPAL_ADMIN]);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    return this.db.transaction(async (manager) => {
      const current = await this.of(caller, manager);
      await manager.getRepository(MunicipalitySettings).upsert({ ...current, ...changes, municipalityId: caller.municipalityId }, ['municipalityId']);
      return this.of(caller, manager);
    });
  }
}
