import { assertRole, notFound, Role, type Caller, type DataSource } from '@nastavnik/platform';
import { Municipality, School } from './school.entity';
import type { CreateSchoolInput } from './school.types';

export class SchoolService {
  constructor(private readonly db: DataSource) {}

  private visible(caller: Caller) {
    const query = this.db.getRepository(School).createQueryBuilder('school').where('school.municipality_id = :municipalityId', {
      municipalityId: caller.municipalityId,
    });
    if (caller.schoolId !== null) query.andWhere('school.id = :schoolId', { schoolId: caller.schoolId });
    return query;
  }

  async getVisible(caller: Caller, id: string, field = 'id'): Promise<School> {
    const school = await this.visible(caller).andWhere('school.id = :id', { id }).getOne();
    if (!school) throw notFound('School', field);
    return school;
  }

  findVisibleByIds(caller: Caller, ids: readonly string[]): Promise<School[]> {
    return this.visible(caller).andWhere('school.id = ANY(:ids)', { ids }).getMany();
  }

  list(caller: Caller): Promise<School[]> {
    return this.visible(caller).orderBy('school.name').getMany();
  }

  async municipality(caller: Caller, id: string): Promise<Municipality> {
    const municipality = id === caller.municipalityId ? await this.db.getRepository(Municipality).findOneBy({ id }) : null;
    if (!municipality) throw notFound('Municipality');
    return municipality;
  }

  async create(caller: Caller, input: CreateSchoolInput): Promise<School> {
    assertRole(caller, [Role.MUNICIPAL_ADMIN]);
    const repository = this.db.getRepository(School);
    return repository.save(repository.create({ municipalityId: caller.municipalityId, name: input.name.trim(), address: input.address ?? null }));
  }
}
