/** kubectl's printing, shared by the UI terminal and the tests: `get` tables, `describe`, ages. */
export { ageSince, humanDuration } from './age';
export { describeObject } from './describe';
export { printGet } from './get';
export type { GetOptions } from './get';
export { resolveResource } from './resources';
export type { PrintResult } from './result';
