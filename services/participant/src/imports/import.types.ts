import { IsBase64, IsBoolean, IsEnum, IsUUID } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ImportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}
registerEnumType(ImportFormat, { name: 'ImportFormat', description: 'XLSX: the first sheet; CSV: UTF-8 (BOM optional), «;» or «,» separated' });

export enum ImportMode {
  VALID_ROWS = 'VALID_ROWS',
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
}
registerEnumType(ImportMode, {
  name: 'ImportMode',
  valuesConfig: {
    VALID_ROWS: { description: 'Import every valid row, report the others' },
    ALL_OR_NOTHING: { description: 'Import nothing when any row has a problem' },
  },
});

@InputType({ description: 'A staff list of one school, the file as base64 (the request body may not exceed 1 MB)' })
export class StaffImportInput {
  @Field(() => ID)
  @IsUUID()
  schoolId: string;

  @Field({ description: 'The file, base64-encoded; at most 700 KB before encoding' })
  @IsBase64()
  fileBase64: string;

  @Field(() => ImportFormat)
  @IsEnum(ImportFormat)
  format: ImportFormat;

  @Field(() => ImportMode, { defaultValue: ImportMode.VALID_ROWS })
  @IsEnum(ImportMode)
  mode: ImportMode = ImportMode.VALID_ROWS;

  @Field({ defaultValue: false, description: 'Validate and count only; nothing is written' })
  @IsBoolean()
  dryRun: boolean = false;
}

@ObjectType({ description: 'A problem of one row and column of the file' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row as the spreadsheet shows it; the header is row 1' })
  row: number;

  @Field(() => String, { nullable: true, description: 'The column header, in Russian' })
  column: string | null;

  @Field(() => String, { nullable: true })
  value: string | null;

  @Field({ description: 'Stable: REQUIRED, INVALID_DATE, INVALID_EMAIL, DUPLICATE_KEY, EMAIL_TAKEN, …' })
  code: string;

  @Field({ description: 'In Russian, for the curator' })
  message: string;
}

@ObjectType()
export class StaffImportResult {
  @Field(() => Int, { description: 'Data rows read (blank rows not counted)' })
  rows: number;

  @Field(() => Int, { description: 'New people' })
  created: number;

  @Field(() => Int, { description: 'Existing people with changed fields or a newly opened base entry' })
  updated: number;

  @Field(() => Int, { description: 'Existing people the row did not change' })
  unchanged: number;

  @Field(() => Int, { description: 'Rows not imported' })
  skipped: number;

  @Field({ description: 'Whether anything was written (false for a dry run or a refused all-or-nothing import)' })
  committed: boolean;

  @Field(() => [ImportProblem])
  problems: ImportProblem[];
}
