import type { TestSystem } from './harness';

/** Posts a request that must be refused, and answers the error's extensions (code and field). */
export async function refusal(system: TestSystem, query: string, variables: Record<string, unknown>, token: string): Promise<{ code?: string; field?: string }> {
  const { body } = await system.post(query, variables, token);
  if (!body.errors?.length) throw new Error(`Expected a refusal, got ${JSON.stringify(body.data)}`);
  return (body.errors[0]!.extensions ?? {}) as { code?: string; field?: string };
}
