/**
 * The engine's one public entry point: a simulated cluster. Every mutating call is atomic (a
 * refused call leaves the state exactly as it was) and returns the changes it made, each with the
 * actor and rule behind it. The state itself is plain immutable data: snapshot() returns it,
 * restore() takes it back.
 */
import type { ObjectRef, Pod } from './model/types';
import { KINDS, objectKey } from './model/types';
import type { Result } from './api/errors';
import { fail, notFoundError, ok } from './api/errors';
import type { SubmitMode, SubmitOptions, SubmittedObject } from './api/requests';
import { deleteObject, patchObject, submitManifestText } from './api/requests';
import type { Change } from './sim/changes';
import type { ClusterOptions } from './sim/initial';
import { createClusterState } from './sim/initial';
import type { RoundResult, SettleResult } from './sim/loop';
import { DEFAULT_SETTLE_LIMIT, runRound, settle } from './sim/loop';
import type { FaultTarget } from './sim/faults';
import { setFault } from './sim/faults';
import type { ReadResult } from './sim/pod-files';
import { crashPod, readPodFile, writePodFile } from './sim/pod-files';
import type { ClusterState } from './sim/state';
import { ClusterWriter } from './sim/writer';

export interface Applied<T> {
  readonly value: T;
  readonly changes: readonly Change[];
}

export type Operation<T> = Result<Applied<T>>;

/** Runs a mutation on a writer; commits only if it succeeded. */
export function transact<T>(
  state: ClusterState,
  mutate: (writer: ClusterWriter) => Result<T>,
): { state: ClusterState; result: Operation<T> } {
  const writer = new ClusterWriter(state);
  const result = mutate(writer);
  if (!result.ok) return { state, result };
  // A call that changed nothing (an apply of what is already stored) keeps the very same state.
  const next = writer.changes.length === 0 ? state : writer.commit();
  return { state: next, result: ok({ value: result.value, changes: writer.changes }) };
}

export class Cluster {
  private current: ClusterState;
  /** Changes of successful mutating calls not yet taken by takeJournal() (only when enabled). */
  private journal: Change[] = [];
  private readonly keepJournal: boolean;

  constructor(initial: ClusterState | ClusterOptions = {}, options: { journal?: boolean } = {}) {
    this.current = 'schemaVersion' in initial ? initial : createClusterState(initial);
    this.keepJournal = options.journal ?? false;
  }

  get state(): ClusterState {
    return this.current;
  }

  snapshot(): ClusterState {
    return this.current;
  }

  restore(state: ClusterState): void {
    this.current = state;
  }

  private run<T>(mutate: (writer: ClusterWriter) => Result<T>): Operation<T> {
    const { state, result } = transact(this.current, mutate);
    this.current = state;
    if (result.ok && this.keepJournal) this.journal.push(...result.value.changes);
    return result;
  }

  /**
   * The changes made by mutating calls since the last call, for callers (such as the kubectl
   * line) that only see a call's text output. Needs `{ journal: true }` at construction.
   */
  takeJournal(): Change[] {
    const taken = this.journal;
    this.journal = [];
    return taken;
  }

  /** `kubectl apply -f`: creates or updates every object of a multi-document YAML text. */
  apply(yamlText: string, options: SubmitOptions = {}): Operation<SubmittedObject[]> {
    return this.submit(yamlText, 'apply', options);
  }

  /** `kubectl create -f`: like apply, but an existing object is an AlreadyExists error. */
  create(yamlText: string, options: SubmitOptions = {}): Operation<SubmittedObject[]> {
    return this.submit(yamlText, 'create', options);
  }

  private submit(yamlText: string, mode: SubmitMode, options: SubmitOptions): Operation<SubmittedObject[]> {
    return this.run((writer) => submitManifestText(writer, yamlText, mode, options));
  }

  delete(ref: ObjectRef): Operation<SubmittedObject> {
    return this.run((writer) => deleteObject(writer, withDefaultNamespace(this.current, ref)));
  }

  /** `kubectl patch --type merge -p`. */
  patch(ref: ObjectRef, mergePatch: unknown): Operation<SubmittedObject> {
    return this.run((writer) => patchObject(writer, withDefaultNamespace(this.current, ref), mergePatch));
  }

  /** A running pod writes a file at an absolute path. */
  write(podRef: { namespace?: string; name: string }, path: string, content: string): Operation<string> {
    return this.run((writer) => {
      const pod = findPod(this.current, podRef);
      return pod.ok ? writePodFile(writer, pod.value, path, content) : pod;
    });
  }

  /** What a running pod reads at a path (does not change the cluster). */
  read(podRef: { namespace?: string; name: string }, path: string): Result<ReadResult> {
    const pod = findPod(this.current, podRef);
    return pod.ok ? readPodFile(this.current, pod.value, path) : pod;
  }

  /** The pod's containers crash and restart. */
  crash(podRef: { namespace?: string; name: string }): Operation<string> {
    return this.run((writer) => {
      const pod = findPod(this.current, podRef);
      return pod.ok ? crashPod(writer, pod.value) : pod;
    });
  }

  /** Makes a driver's backend fail, or a node NotReady, until cleared. */
  fault(target: FaultTarget, error: string): Operation<string> {
    return this.run((writer) => setFault(writer, target, error));
  }

  clearFault(target: FaultTarget): Operation<string> {
    return this.run((writer) => setFault(writer, target, undefined));
  }

  /** One reconcile round. */
  step(): RoundResult {
    const result = runRound(this.current);
    this.current = result.state;
    return result;
  }

  /** Rounds until nothing changes (bounded). */
  settle(limit = DEFAULT_SETTLE_LIMIT): SettleResult {
    const result = settle(this.current, limit);
    this.current = result.state;
    return result;
  }
}

function withDefaultNamespace(state: ClusterState, ref: ObjectRef): ObjectRef {
  if (!KINDS[ref.kind].namespaced || ref.namespace) return ref;
  return { ...ref, namespace: state.settings.defaultNamespace };
}

export function findPod(state: ClusterState, ref: { namespace?: string; name: string }): Result<Pod> {
  const namespace = ref.namespace ?? state.settings.defaultNamespace;
  const pod = state.objects.Pod[objectKey(namespace, ref.name)];
  return pod ? ok(pod) : fail(notFoundError({ kind: 'Pod', namespace, name: ref.name }));
}
