export * from './errors';
export * from './fields';
export * from './methods';
export * from './records';
export * from './queue-rule';
export type { CounterApi } from './api';
