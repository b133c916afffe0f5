export * from './errors';
export * from './fields';
export * from './methods';
export * from './records';
export type { CounterApi } from './api';
