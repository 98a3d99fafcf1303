/** "Why is my claim Pending?": the binding criteria of every volume, and what the claim waits for. */
export { explainClaimBinding } from './claim-binding';
export type { BindingCriterion, ClaimBindingExplanation, CriterionCell, VolumeRow } from './types';
export { graphFailures } from './graph-failures';
export type { GraphFailure, GraphFailureKind, WarningEventSummary } from './graph-failures';
