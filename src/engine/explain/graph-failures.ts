/**
 * Failures where they happen: for the graph, each thing that keeps an object from making
 * progress, as a pair of objects (the one that fails and what it fails on) and a short label.
 * Computed from the state with the controllers' own predicates and the binding explanation, so
 * the picture says what the controllers would do. Pure: a state in, a list out.
 */
import { nameOf, uidOf } from '../model/object-helpers';
import type { Event, KubeObject, ObjectRef } from '../model/types';
import { KINDS, isKindName, objectKey, refOf } from '../model/types';
import { secondsOf } from '../sim/ids';
import type { ClusterState } from '../sim/state';
import { ClusterWriter } from '../sim/writer';
import { claimFailures } from './claim-failures';
import { podFailures } from './pod-failures';
import type { BindingCriterion } from './types';

/** A Warning event about an object, as its warning mark lists it. */
export interface WarningEventSummary {
  readonly reason: string;
  readonly message: string;
  /** How many times it happened (the event's count). */
  readonly count: number;
  /** The Event object's name and namespace, to find its row in the events list. */
  readonly eventName: string;
  readonly eventNamespace: string;
}

export type GraphFailure =
  /** A Pending claim that waits in vain, and the volume that came closest to fitting it. */
  | {
      readonly kind: 'claim-closest';
      readonly claim: ObjectRef;
      readonly volume: ObjectRef;
      /** The first criterion the volume fails, in the binding criteria's order. */
      readonly criterion: BindingCriterion;
      readonly label: string;
    }
  /** A Pending claim that waits in vain with no volume to compare: nothing fits, nothing provisions. */
  | { readonly kind: 'claim-alone'; readonly claim: ObjectRef; readonly label: string }
  /** A Terminating claim kept by its protection finalizer because scheduled pods use it (R43). */
  | {
      readonly kind: 'claim-held';
      readonly claim: ObjectRef;
      /** The first pod that holds it; `pods` has them all. */
      readonly pod: ObjectRef;
      readonly pods: readonly ObjectRef[];
      readonly label: string;
    }
  /** A pod no node can take because a volume's node affinity excludes the nodes it may use (R48). */
  | {
      readonly kind: 'pod-zone';
      readonly pod: ObjectRef;
      readonly target: { readonly volume: ObjectRef; readonly assetId?: string };
      readonly label: string;
    }
  /** A scheduled pod whose ReadWriteOnce disk is attached to another node (Multi-Attach, R55). */
  | {
      readonly kind: 'pod-multi-attach';
      readonly pod: ObjectRef;
      readonly target: { readonly volume: ObjectRef; readonly attachment: ObjectRef; readonly node: string };
      readonly label: string;
    }
  /** A pod waiting for an object that does not exist: its claim (R47) or ConfigMap (R63). */
  | {
      readonly kind: 'pod-missing';
      readonly pod: ObjectRef;
      readonly missing: ObjectRef;
      readonly label: string;
    }
  /** An object with Warning events, oldest first. */
  | { readonly kind: 'warning'; readonly object: ObjectRef; readonly events: readonly WarningEventSummary[] };

export type GraphFailureKind = GraphFailure['kind'];

/** Claims' failures first, then pods', then the warning marks; each group in a stable order. */
export function graphFailures(state: ClusterState): GraphFailure[] {
  // A writer that is never committed: a read view, so the controllers' predicates apply as they are.
  const view = new ClusterWriter(state);
  return [...claimFailures(state, view), ...podFailures(state, view), ...warningMarks(state)];
}

function warningMarks(state: ClusterState): GraphFailure[] {
  const byUid = new Map<string, Event[]>();
  for (const event of Object.values(state.objects.Event)) {
    const uid = event.involvedObject.uid;
    if (event.type !== 'Warning' || !uid) continue;
    byUid.set(uid, [...(byUid.get(uid) ?? []), event]);
  }
  const marks: { object: KubeObject; events: Event[] }[] = [];
  for (const [uid, events] of byUid) {
    const object = involvedObject(state, events[0]);
    // Events outlive their object; one about an earlier object of the same name is not this one's.
    if (object && uidOf(object) === uid) marks.push({ object, events });
  }
  return marks
    .sort((a, b) => sortKey(a.object).localeCompare(sortKey(b.object)))
    .map(({ object, events }) => ({
      kind: 'warning',
      object: refOf(object),
      events: [...events]
        .sort(
          (a, b) =>
            secondsOf(a.lastTimestamp) - secondsOf(b.lastTimestamp) || nameOf(a).localeCompare(nameOf(b)),
        )
        .map((event) => ({
          reason: event.reason ?? '',
          message: event.message ?? '',
          count: event.count ?? 1,
          eventName: nameOf(event),
          eventNamespace: event.metadata?.namespace ?? '',
        })),
    }));
}

function involvedObject(state: ClusterState, event: Event | undefined): KubeObject | undefined {
  const involved = event?.involvedObject;
  if (!involved || !isKindName(involved.kind)) return undefined;
  const namespace = KINDS[involved.kind].namespaced ? involved.namespace : undefined;
  const table: Readonly<Record<string, KubeObject>> = state.objects[involved.kind];
  return table[objectKey(namespace, involved.name ?? '')];
}

function sortKey(object: KubeObject): string {
  const ref = refOf(object);
  return `${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}
