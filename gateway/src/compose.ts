import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { ACCESS_MATRIX_PATH, renderAccessMatrix } from './access-matrix';
import { composeSupergraph, SUBGRAPHS, SUPERGRAPH_PATH } from './supergraph';

composeSupergraph().then(
  async (sdl) => {
    await writeFile(SUPERGRAPH_PATH, sdl);
    console.log(`supergraph written to ${SUPERGRAPH_PATH}`);
    await writeFile(ACCESS_MATRIX_PATH, renderAccessMatrix(SUBGRAPHS));
    console.log(`access matrix written to ${ACCESS_MATRIX_PATH}`);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
