/** kubectl's printing, shared by the UI terminal and the tests: `get` tables, `describe`, ages. */
export { ageSince, humanDuration } from './age';
export { describeObject } from './describe';
export { podsUsingClaim } from './describe/persistent-volume-claim';
export type { DescriberSettings } from './describe/settings';
export { printGet } from './get';
export type { GetOptions } from './get';
export { qualifiedKindName, resolveResource } from './resources';
export { summarizePod } from './tables/pod-status';
export type { PodSummary } from './tables/pod-status';
export type { PrintResult } from './result';
