/** The simulation engine's public surface. Nothing here touches the DOM, React or workers. */
export { Cluster, transact, findPod } from './cluster';
export type { Applied, Operation } from './cluster';
export { createClusterState } from './sim/initial';
export type { ClusterOptions, NodeConfig } from './sim/initial';
export { runRound, settle } from './sim/loop';
export type { RoundResult, SettleResult } from './sim/loop';
export type { Change, Actor, RuleId } from './sim/changes';
export type { ClusterState, Asset, PodRuntime } from './sim/state';
export type { ApiError, ApiErrorKind, FieldError, Result, SourcePosition } from './api/errors';
export type { SubmittedObject } from './api/requests';
export type { FaultTarget } from './sim/faults';
export { ALL_DRIVERS, DEFAULT_DRIVERS, DRIVER_CATALOG } from './infra/drivers';
export * from './model/types';
export * from './print';
