import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { monitoringSubgraph } from '@nastavnik/monitoring';
import { participantSubgraph } from '@nastavnik/participant';
import { buildSubgraphRuntime, createDataSource, type SubgraphDefinition } from '@nastavnik/platform';
import { programSubgraph } from '@nastavnik/program';
import { parse } from 'graphql';

export const SUBGRAPHS: readonly SubgraphDefinition[] = [participantSubgraph, programSubgraph, monitoringSubgraph];

/** The committed supergraph the gateway serves in deployment. */
export const SUPERGRAPH_PATH = join(__dirname, '..', 'supergraph.graphql');

/** A subgraph's SDL, built from its code; no database is opened for it. */
export async function subgraphSdl(definition: SubgraphDefinition): Promise<string> {
  const idle = createDataSource({ url: 'postgres://compose@127.0.0.1/compose', entities: definition.entities, migrations: [] });
  const runtime = await buildSubgraphRuntime(definition, idle, {});
  await runtime.close?.();
  return printSubgraphSchema(runtime.schema);
}

/** Composes the supergraph offline from the subgraphs' code, exactly as `npm run compose` does. */
export async function composeSupergraph(): Promise<string> {
  const services = await Promise.all(
    SUBGRAPHS.map(async (definition) => ({
      name: definition.name,
      url: `http://127.0.0.1:${definition.defaultPort}/graphql`,
      typeDefs: parse(await subgraphSdl(definition)),
    })),
  );
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((error) => error.message).join('\n')}`);
  return result.supergraphSdl;
}

export function readCommittedSupergraph(): Promise<string> {
  return readFile(SUPERGRAPH_PATH, 'utf8');
}
