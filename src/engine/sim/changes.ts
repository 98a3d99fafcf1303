/** A change the engine made, with who made it and why: what the UI narrates. */
import type { ObjectRef } from '../model/types';

/** The components of the simulated control plane that act on the cluster. */
export type Actor =
  | 'user'
  | 'kube-apiserver'
  | 'persistentvolume-controller'
  | 'csi-provisioner'
  | 'pvc-protection-controller'
  | 'pv-protection-controller'
  | 'default-scheduler'
  | 'attachdetach-controller'
  | 'csi-attacher'
  | 'kubelet'
  | 'volume-expand-controller'
  | 'external-resizer'
  | 'namespace-controller'
  | 'pod-garbage-collector';

/** A rule of ../shared/spec/storage-semantics.md ("R26"), or a convention ("C3"). */
export type RuleId = `R${number}` | `C${number}`;

export type ChangeAction =
  'create' | 'update' | 'delete' | 'event' | 'asset-create' | 'asset-delete' | 'data';

export interface Change {
  readonly round: number;
  readonly actor: Actor;
  /** The driver or node the actor acts for, when it runs per driver or node. */
  readonly on?: string;
  readonly rule?: RuleId;
  readonly action: ChangeAction;
  readonly object?: ObjectRef;
  /** Other objects the change involves (the claim a volume was bound to, the pod that mounts it). */
  readonly related?: readonly ObjectRef[];
  /** A plain sentence: "bound claim default/data to pv-10: the smallest Available volume ...". */
  readonly message: string;
  /** Event repeats keep the story honest but are not progress: settle ignores them. */
  readonly repeat?: boolean;
}

/** What a caller states when it writes: everything of a Change the writer cannot fill in. */
export interface Reason {
  readonly actor: Actor;
  readonly on?: string;
  readonly rule?: RuleId;
  readonly message: string;
  readonly related?: readonly ObjectRef[];
}
