import 'reflect-metadata';

export * from './analytics-queue';
export * from './auth';
export * from './config';
export * from './context';
export * from './dates';
export * from './directory';
export * from './database';
export * from './errors';
export * from './federation';
export * from './limits';
export * from './logger';
export * from './metrics';
export * from './pagination';
export * from './scope';
export * from './server';
export * from './suppression';
export * from './subgraph';
