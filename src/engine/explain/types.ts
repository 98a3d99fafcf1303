/**
 * "Why is my claim Pending?": every volume checked against every criterion the PV controller and
 * the scheduler use to match a claim (spec R19-R25, R51).
 */

export type BindingCriterion =
  'class' | 'capacity' | 'accessModes' | 'volumeMode' | 'selector' | 'nodeAffinity' | 'claimRef' | 'phase';

export interface CriterionCell {
  readonly criterion: BindingCriterion;
  /** 'n/a' when the rule does not apply (e.g. the class of a volume pre-bound to the claim, R21). */
  readonly result: 'pass' | 'fail' | 'n/a';
  /** A short plain explanation: "5Gi < 10Gi requested". */
  readonly detail: string;
}

export interface VolumeRow {
  readonly volume: string;
  readonly cells: readonly CriterionCell[];
  /** Every applicable criterion passes: the binder (or scheduler) could choose this volume. */
  readonly eligible: boolean;
}

export interface ClaimBindingExplanation {
  readonly claim: { readonly namespace: string; readonly name: string };
  readonly phase: string;
  readonly criteria: readonly BindingCriterion[];
  readonly rows: readonly VolumeRow[];
  /** One or two sentences: what the claim waits for and what would fix it. */
  readonly summary: string;
}
