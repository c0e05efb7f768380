import { Directive, Field, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode } from './errors';

@InputType({ description: 'Cursor pagination: the first N items after a cursor' })
export class PageInput {
  @Field(() => Int)
  @Min(1)
  @Max(200)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  @IsOptional()
  @IsString()
  after?: string | null;
}

/** The same type in every subgraph, so it is shareable. */
@ObjectType()
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** A named GraphQL connection type for a node type: `PersonConnection { nodes totalCount pageInfo }`. */
export function Connection<T extends object>(nodeType: ClassType<T>) {
  @ObjectType(`${nodeType.name}Connection`)
  abstract class ConnectionClass {
    @Field(() => [nodeType])
    nodes: T[];

    @Field(() => Int, { description: 'All items matching the filter, on every page' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}

function cursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function encodeCursor(sortValue: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[1] === 'string') return [value[0], value[1]];
  } catch {
    // fall through to the error below
  }
  throw new DomainError(ErrorCode.VALIDATION_FAILED, 'The cursor is not one this service issued', 'page.after');
}

/**
 * Keyset pagination over (sort column, id): stable under inserts, and two statements per page
 * (the count and the page) whatever the page size. The cursor only positions within the caller's
 * own filtered query, so it can never widen what the caller sees.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageInput,
  sort: { column: string; valueOf: (row: T) => unknown; timestamp?: boolean; descending?: boolean },
): Promise<Page<T>> {
  const alias = query.alias;
  // PostgreSQL keeps microseconds, a JavaScript Date milliseconds: a timestamp is sorted and compared
  // at the precision the cursor can carry, or the last row of a page would come back on the next.
  const sortBy = sort.timestamp ? `date_trunc('milliseconds', ${sort.column})` : sort.column;
  const totalCount = await query.clone().getCount();
  const direction = sort.descending ? 'DESC' : 'ASC';
  const pageQuery = query.clone().orderBy(sortBy, direction).addOrderBy(`${alias}.id`, direction).limit(page.first + 1);
  if (page.after) {
    const [sortValue, id] = decodeCursor(page.after);
    const cursorSort = sort.timestamp ? 'CAST(:cursorSort AS timestamptz)' : ':cursorSort';
    pageQuery.andWhere(`(${sortBy}, ${alias}.id) ${sort.descending ? '<' : '>'} (${cursorSort}, :cursorId)`, { cursorSort: sortValue, cursorId: id });
  }
  const rows = await pageQuery.getMany();
  const nodes = rows.slice(0, page.first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor(cursorValue(sort.valueOf(last)), last.id) : null },
  };
}
