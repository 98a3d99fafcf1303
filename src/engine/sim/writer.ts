/**
 * The one way to change a cluster. A writer starts from a state, lets callers read what they and
 * earlier callers wrote, records every change with its reason, and produces the next state by
 * copying only the tables it touched (copy-on-write), so states share structure.
 */
import type { KindMap, KindName, KubeObject, ObjectRef } from '../model/types';
import { KINDS, objectKey, refOf } from '../model/types';
import type { Event } from '../model/types';
import type { Change, ChangeAction, Reason } from './changes';
import { deepEqual } from './deep-equal';
import { hexDigest, secondsOf, timestampAt, uidFromCounter } from './ids';
import type { Asset, ClusterState, Counters, Faults, ObjectTable, ObjectTables, PodRuntime } from './state';

/** Identical events are folded into one, and counted again only after this many seconds. */
const EVENT_REPEAT_SECONDS = 15;

export interface EventSource {
  readonly component: string;
  readonly host?: string;
}

type MutableTables = { -readonly [K in KindName]?: Record<string, KindMap[K]> };

export class ClusterWriter {
  private readonly base: ClusterState;
  private readonly copiedTables: MutableTables = {};
  /** list() results per kind, valid until that kind's table is written. */
  private readonly listCache = new Map<KindName, readonly KubeObject[]>();
  private assets: Record<string, Asset> | undefined;
  private pods: Record<string, PodRuntime> | undefined;
  private faults: Faults;
  /** Id counters, bumped in place here and frozen into the state at commit. */
  private readonly counters: { -readonly [K in keyof Counters]: Counters[K] };
  readonly changes: Change[] = [];
  readonly clock: number;
  readonly round: number;
  /** The writer's clock never moves, so its timestamp is computed once. */
  readonly now: string;

  constructor(base: ClusterState, round = base.round) {
    this.base = base;
    this.faults = base.infra.faults;
    this.counters = { ...base.counters };
    this.clock = base.clock;
    this.round = round;
    this.now = timestampAt(base.clock);
  }

  get settings(): ClusterState['settings'] {
    return this.base.settings;
  }

  // ---- reading ---------------------------------------------------------------------------

  table<K extends KindName>(kind: K): ObjectTable<K> {
    return this.copiedTables[kind] ?? this.base.objects[kind];
  }

  get<K extends KindName>(kind: K, key: string): KindMap[K] | undefined {
    return this.table(kind)[key];
  }

  getRef<K extends KindName>(kind: K, namespace: string | undefined, name: string) {
    return this.get(kind, objectKey(KINDS[kind].namespaced ? namespace : undefined, name));
  }

  /**
   * Every object of a kind, in creation order. Cached: enumerating a large record is costly and
   * most controllers list tables nobody has written yet this round. Callers must not mutate it.
   */
  list<K extends KindName>(kind: K): readonly KindMap[K][] {
    let values = this.listCache.get(kind) as readonly KindMap[K][] | undefined;
    if (!values) {
      values = Object.values(this.table(kind));
      this.listCache.set(kind, values);
    }
    return values;
  }

  asset(id: string): Asset | undefined {
    return (this.assets ?? this.base.infra.assets)[id];
  }

  allAssets(): Readonly<Record<string, Asset>> {
    return this.assets ?? this.base.infra.assets;
  }

  podRuntime(podUid: string): PodRuntime | undefined {
    return (this.pods ?? this.base.infra.pods)[podUid];
  }

  allPodRuntimes(): Readonly<Record<string, PodRuntime>> {
    return this.pods ?? this.base.infra.pods;
  }

  get installedDrivers(): Readonly<Record<string, unknown>> {
    return this.base.infra.drivers;
  }

  driverFault(driver: string): string | undefined {
    return this.faults.drivers[driver];
  }

  nodeFault(node: string): string | undefined {
    return this.faults.nodes[node];
  }

  // ---- ids -------------------------------------------------------------------------------

  nextUid(): string {
    this.counters.uid += 1;
    return uidFromCounter(this.counters.uid);
  }

  nextHandleNumber(): number {
    this.counters.handle += 1;
    return this.counters.handle;
  }

  private nextResourceVersion(): string {
    this.counters.resourceVersion += 1;
    return String(this.counters.resourceVersion);
  }

  // ---- writing objects -------------------------------------------------------------------

  private mutableTable<K extends KindName>(kind: K): Record<string, KindMap[K]> {
    this.listCache.delete(kind);
    let table = this.copiedTables[kind];
    if (!table) {
      table = { ...this.base.objects[kind] };
      (this.copiedTables as Record<string, unknown>)[kind] = table;
    }
    return table;
  }

  /** Stores a new object, filling in uid, resourceVersion and creationTimestamp. */
  create<K extends KindName>(kind: K, object: KindMap[K], reason: Reason): KindMap[K] {
    const metadata = object.metadata ?? {};
    const stored = {
      ...object,
      metadata: {
        ...metadata,
        uid: metadata.uid ?? this.nextUid(),
        resourceVersion: this.nextResourceVersion(),
        creationTimestamp: metadata.creationTimestamp ?? this.now,
      },
    } as KindMap[K];
    this.mutableTable(kind)[keyOf(stored)] = stored;
    this.record('create', stored, reason);
    return stored;
  }

  /**
   * Replaces an object. Identical content is not a change. An object that is being deleted and
   * has no finalizers left is removed, as the API server does.
   */
  update<K extends KindName>(kind: K, object: KindMap[K], reason: Reason): KindMap[K] {
    const key = keyOf(object);
    const previous = this.table(kind)[key];
    if (previous && sameContent(previous, object)) return previous;
    const stored = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: this.nextResourceVersion() },
    } as KindMap[K];
    if (isRemovable(stored)) {
      this.remove(kind, key, reason);
      return stored;
    }
    this.mutableTable(kind)[key] = stored;
    this.record('update', stored, reason);
    return stored;
  }

  /**
   * Deletes as the API server does: at once when no finalizer holds the object, otherwise by
   * setting deletionTimestamp (the object shows as Terminating until its finalizers are gone).
   */
  delete<K extends KindName>(kind: K, key: string, reason: Reason, gracePeriodSeconds = 0): void {
    const object = this.table(kind)[key];
    if (!object || object.metadata?.deletionTimestamp) return;
    const marked = {
      ...object,
      metadata: {
        ...object.metadata,
        deletionTimestamp: this.now,
        ...(gracePeriodSeconds > 0 ? { deletionGracePeriodSeconds: gracePeriodSeconds } : {}),
      },
    } as KindMap[K];
    if (isRemovable(marked)) {
      this.remove(kind, key, reason);
      return;
    }
    this.update(kind, marked, reason);
  }

  /** Removes an object from storage immediately. */
  remove<K extends KindName>(kind: K, key: string, reason: Reason): void {
    const object = this.table(kind)[key];
    if (!object) return;

    delete this.mutableTable(kind)[key];
    this.record('delete', object, reason);
  }

  private record(action: ChangeAction, object: KubeObject, reason: Reason, repeat = false) {
    // Built field by field: this runs for every write, and optional fields stay absent, not undefined.
    const change: { -readonly [K in keyof Change]: Change[K] } = {
      round: this.round,
      actor: reason.actor,
      action,
      object: refOf(object),
      message: reason.message,
    };
    if (reason.on !== undefined) change.on = reason.on;
    if (reason.rule !== undefined) change.rule = reason.rule;
    if (reason.related !== undefined) change.related = reason.related;
    if (repeat) change.repeat = true;
    this.changes.push(change);
  }

  // ---- events ----------------------------------------------------------------------------

  /**
   * Records a Kubernetes Event for an object. Identical events (same object, type, reason and
   * message) are one Event whose count grows, as the event recorder's correlator folds them.
   */
  event(
    involved: KubeObject,
    type: 'Normal' | 'Warning',
    reasonText: string,
    message: string,
    source: EventSource,
    why: Omit<Reason, 'message'>,
  ): void {
    const involvedRef = refOf(involved);
    const uid = involved.metadata?.uid ?? '';
    const namespace = involvedRef.namespace ?? 'default';
    const name = `${involvedRef.name}.${hexDigest(`${uid}|${type}|${reasonText}|${message}`, 16)}`;
    const key = objectKey(namespace, name);
    const existing = this.table('Event')[key];
    const narration = { ...why, message: `${reasonText}: ${message}` };
    if (existing) {
      const last = secondsOf(existing.lastTimestamp ?? existing.firstTimestamp ?? this.now);
      if (this.clock - last < EVENT_REPEAT_SECONDS) return;
      const updated: Event = {
        ...existing,
        count: (existing.count ?? 1) + 1,
        lastTimestamp: this.now,
      };
      this.mutableTable('Event')[key] = updated;
      this.record('event', involved, narration, true);
      return;
    }
    const created: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name,
        namespace,
        uid: this.nextUid(),
        creationTimestamp: this.now,
      },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: involvedRef.name,
        uid,
        ...(involvedRef.namespace ? { namespace: involvedRef.namespace } : {}),
      },
      reason: reasonText,
      message,
      type,
      count: 1,
      firstTimestamp: this.now,
      lastTimestamp: this.now,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      reportingComponent: source.component,
    };
    this.mutableTable('Event')[key] = created;
    this.record('event', involved, narration);
  }

  // ---- infrastructure --------------------------------------------------------------------

  putAsset(asset: Asset, reason: Reason, action: ChangeAction = 'asset-create'): void {
    this.assets ??= { ...this.base.infra.assets };
    const existed = this.assets[asset.id] !== undefined;
    this.assets[asset.id] = asset;
    if (action === 'data') {
      this.changes.push({ round: this.round, ...reason, action: 'data' });
    } else if (!existed || action !== 'asset-create') {
      this.changes.push({ round: this.round, ...reason, action });
    }
  }

  removeAsset(id: string, reason: Reason): void {
    if (!this.asset(id)) return;
    this.assets ??= { ...this.base.infra.assets };

    delete this.assets[id];
    this.changes.push({ round: this.round, ...reason, action: 'asset-delete' });
  }

  /** Kubelet bookkeeping: not a change of its own (the pod's status change narrates it). */
  putPodRuntime(runtime: PodRuntime): void {
    this.pods ??= { ...this.base.infra.pods };
    this.pods[runtime.podUid] = runtime;
  }

  removePodRuntime(podUid: string): void {
    if (!this.podRuntime(podUid)) return;
    this.pods ??= { ...this.base.infra.pods };

    delete this.pods[podUid];
  }

  setFaults(faults: Faults, reason: Reason): void {
    this.faults = faults;
    this.changes.push({ round: this.round, ...reason, action: 'update' });
  }

  // ---- result ----------------------------------------------------------------------------

  /** Whether anything other than repeated events happened. */
  get madeProgress(): boolean {
    return this.changes.some((change) => !change.repeat);
  }

  commit(next: { clock?: number; round?: number } = {}): ClusterState {
    const objects = { ...this.base.objects, ...this.copiedTables } as ObjectTables;
    const infraChanged =
      this.assets !== undefined || this.pods !== undefined || this.faults !== this.base.infra.faults;
    return {
      ...this.base,
      clock: next.clock ?? this.base.clock,
      round: next.round ?? this.base.round,
      counters: { ...this.counters },
      objects,
      infra: infraChanged
        ? {
            ...this.base.infra,
            assets: this.assets ?? this.base.infra.assets,
            pods: this.pods ?? this.base.infra.pods,
            faults: this.faults,
          }
        : this.base.infra,
    };
  }
}

export function keyOf(object: KubeObject): string {
  const kind = object.kind as KindName;
  const namespaced = KINDS[kind].namespaced;
  return objectKey(namespaced ? object.metadata?.namespace : undefined, object.metadata?.name ?? '');
}

/**
 * The API server removes a deleted object once nothing holds it: no finalizers (for namespaces
 * also none in spec.finalizers) and no grace period left (pods wait for kubelet).
 */
export function isRemovable(object: KubeObject): boolean {
  const metadata = object.metadata;
  if (!metadata?.deletionTimestamp) return false;
  if ((metadata.finalizers ?? []).length > 0) return false;
  if ((metadata.deletionGracePeriodSeconds ?? 0) > 0) return false;
  if (object.kind === 'Namespace') {
    const spec = (object as { spec?: { finalizers?: string[] } }).spec;
    if ((spec?.finalizers ?? []).length > 0) return false;
  }
  return true;
}

/**
 * Whether two versions of an object differ in anything but resourceVersion. Unchanged parts are
 * usually the same reference, and status (what controllers change most) is compared first, so a
 * real change is usually found at once. Allocation-free: this runs on every write.
 */
function sameContent(a: KubeObject, b: KubeObject): boolean {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  if (!sameField(left, right, 'status') || !sameField(left, right, 'spec')) return false;
  for (const key in left) {
    if (key !== 'status' && key !== 'spec' && key !== 'metadata' && !sameField(left, right, key))
      return false;
  }
  for (const key in right) {
    if (!(key in left) && right[key] !== undefined) return false;
  }
  return sameMetadata(a.metadata, b.metadata);
}

function sameField(left: Record<string, unknown>, right: Record<string, unknown>, key: string): boolean {
  return left[key] === right[key] || deepEqual(left[key], right[key]);
}

function sameMetadata(a: KubeObject['metadata'], b: KubeObject['metadata']): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) {
    if (key !== 'resourceVersion' && !sameField(left, right, key)) return false;
  }
  for (const key in right) {
    if (key !== 'resourceVersion' && !(key in left) && right[key] !== undefined) return false;
  }
  return true;
}

export type { ObjectRef };
