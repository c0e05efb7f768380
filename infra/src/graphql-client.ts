/** A GraphQL error as the gateway answers it. */
export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string } & Record<string, unknown>;
}

export interface GraphQLResponseBody<T> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
  }
}

/** Posts one operation; answers the whole body (data and errors) and the HTTP status. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponseBody<T> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponseBody<T> };
}

/** Posts one operation and answers its data, throwing on any GraphQL error. */
export async function requestGraphQL<T>(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const { body } = await postGraphQL<T>(url, query, variables, token);
  if (body.errors?.length || !body.data) throw new GraphQLRequestError(body.errors ?? [{ message: 'No data in the answer' }]);
  return body.data;
}
