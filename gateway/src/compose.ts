import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, SUPERGRAPH_PATH } from './supergraph';

composeSupergraph().then(
  async (sdl) => {
    await writeFile(SUPERGRAPH_PATH, sdl);
    console.log(`supergraph written to ${SUPERGRAPH_PATH}`);
  },
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
