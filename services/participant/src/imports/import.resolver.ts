import { RequestContext } from '@nastavnik/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { ImportService } from './import.service';
import { StaffImportInput, StaffImportResult } from './import.types';

@Resolver()
export class ImportResolver {
  constructor(private readonly importService: ImportService) {}

  @Mutation(() => StaffImportResult, {
    description: 'Imports a school\'s staff and base entries from .xlsx or CSV: validates every row, then writes in one transaction',
  })
  importStaff(@Arg('input') input: StaffImportInput, @Ctx() context: RequestContext): Promise<StaffImportResult> {
    return this.importService.importStaff(context, input);
  }

  @Query(() => String, { description: 'The staff import template: an .xlsx, base64-encoded' })
  async staffImportTemplate(): Promise<string> {
    return (await this.importService.template()).toString('base64');
  }
}
