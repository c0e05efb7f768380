import { assertRole, DomainError, ErrorCode, Role, type Caller, type DataSource, type EntityManager } from '@nastavnik/platform';
import { IsNull } from 'typeorm';
import { Parameter } from './parameter.entity';
import type { AddParameterInput } from './parameter.types';

export class ParameterService {
  constructor(private readonly db: DataSource) {}

  /** The shipped catalogue plus the caller's municipality's own parameters. */
  private visible(caller: Caller, manager: EntityManager = this.db.manager) {
    return manager
      .getRepository(Parameter)
      .createQueryBuilder('parameter')
      .where('(parameter.municipality_id IS NULL OR parameter.municipality_id = :municipalityId)', { municipalityId: caller.municipalityId });
  }

  list(caller: Caller): Promise<Parameter[]> {
    return this.visible(caller).orderBy('parameter.municipality_id', 'ASC', 'NULLS FIRST').addOrderBy('parameter.key').getMany();
  }

  find(caller: Caller, key: string, manager?: EntityManager): Promise<Parameter | null> {
    return this.visible(caller, manager).andWhere('parameter.key = :key', { key }).getOne();
  }

  async get(caller: Caller, key: string, field: string, manager?: EntityManager): Promise<Parameter> {
    const parameter = await this.find(caller, key, manager);
    if (!parameter) throw new DomainError(ErrorCode.UNKNOWN_PARAMETER, `There is no parameter "${key}" in the catalogue`, field);
    return parameter;
  }

  /** The office adds parameters for all its schools; a key is never reused, so values stay comparable. */
  async add(caller: Caller, input: AddParameterInput): Promise<Parameter> {
    assertRole(caller, [Role.MUNICIPAL_ADMIN]);
    if (input.scaleMin >= input.scaleMax) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The scale needs a minimum below its maximum', 'input.scaleMax');
    }
    return this.db.transaction(async (manager) => {
      const repository = manager.getRepository(Parameter);
      const inserted = await repository
        .createQueryBuilder()
        .insert()
        .values({ ...input, name: input.name.trim(), municipalityId: caller.municipalityId, createdBy: caller.userId })
        .orIgnore()
        .returning('id')
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      // A key of the shipped catalogue is refused too: the same key must mean the same thing everywhere.
      const shippedClash = await repository.existsBy({ key: input.key, municipalityId: IsNull() });
      if (!id || shippedClash) throw new DomainError(ErrorCode.PARAMETER_EXISTS, `The parameter "${input.key}" already exists`, 'input.key');
      return repository.findOneByOrFail({ id });
    });
  }
}
