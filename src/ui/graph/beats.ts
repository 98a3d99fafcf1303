/**
 * One reconcile round told as beats: the changes of a frame, in the order the engine made them,
 * each as who acted, which cards it went from and to, one line about it, and which cards and
 * lines it changed. And the picture after any beat, so the graph can advance one beat at a time
 * and end exactly at the frame's model. Pure: graph models and changes in, beats out.
 *
 * A frame holds only the state before and after the round, so a card is drawn either as it was
 * or as it ends; it takes its new look at the last beat that writes it (never early), a new card
 * appears at the first. A scheduled pod moves to its node's zone at the scheduler's beat.
 */
import type { Change, ClusterState, ObjectRef } from '../../engine';
import { claimClass, refOf } from '../../engine';
import { objectNodeId } from './ids';
import type { GraphEdgeModel, GraphModel, GraphNodeModel } from './model';

export interface Beat {
  /** Indexes into the frame's changes this beat tells (a bind writes claim and volume: one beat). */
  readonly changeIndexes: readonly number[];
  /** Who acted: "binder", "provisioner for ebs.csi.aws.com", "kubelet on node-a". */
  readonly actor: string;
  /** The same, short enough for the travelling chip: "provisioner", "kubelet". */
  readonly token: string;
  /** One short line, from the change's message. */
  readonly caption: string;
  /** The cards the actor's token travels along, first to last; one card: it acts on that card. */
  readonly path: readonly string[];
  readonly from: string;
  readonly to: string;
  /** Cards that appear, vanish or take their new look at this beat. */
  readonly cards: readonly string[];
  /** Cards that take their new place (zone, where they run) here and their new status later. */
  readonly moves: readonly string[];
  /** Lines that appear or vanish at this beat. */
  readonly edges: readonly string[];
}

export interface BeatPlan {
  readonly beats: readonly Beat[];
  /** Differences no beat tells (a frame skipped to keep up, a change drawn nowhere): shown at once. */
  readonly untoldCards: readonly string[];
  readonly untoldEdges: readonly string[];
  /** The beat each differing card, moved card and line changes at (-1: from the start). */
  readonly cardAt: ReadonlyMap<string, number>;
  readonly moveAt: ReadonlyMap<string, number>;
  readonly edgeAt: ReadonlyMap<string, number>;
}

/** What the changes do not say but the paths need, read from the states around the round. */
export interface BeatContext {
  /** A claim's or a volume's card → the card of its StorageClass. */
  readonly classOf: ReadonlyMap<string, string>;
  /** A VolumeAttachment's name → the card of the node it attaches to. */
  readonly attachmentNode: ReadonlyMap<string, string>;
}

export const NO_BEAT_CONTEXT: BeatContext = { classOf: new Map(), attachmentNode: new Map() };

/** The context of the states before and after a round (the later state wins). */
export function beatContext(...states: readonly (ClusterState | undefined)[]): BeatContext {
  const classOf = new Map<string, string>();
  const attachmentNode = new Map<string, string>();
  for (const state of states) {
    if (!state) continue;
    const classCard = (name: string | undefined) =>
      name && state.objects.StorageClass[name] ? objectNodeId({ kind: 'StorageClass', name }) : undefined;
    for (const claim of Object.values(state.objects.PersistentVolumeClaim)) {
      const card = classCard(claimClass(claim));
      if (card) classOf.set(objectNodeId(refOf(claim)), card);
    }
    for (const volume of Object.values(state.objects.PersistentVolume)) {
      const card = classCard(volume.spec?.storageClassName);
      if (card) classOf.set(objectNodeId(refOf(volume)), card);
    }
    for (const attachment of Object.values(state.objects.VolumeAttachment)) {
      const node = attachment.spec?.nodeName;
      if (node && attachment.metadata?.name)
        attachmentNode.set(attachment.metadata.name, objectNodeId({ kind: 'Node', name: node }));
    }
  }
  return { classOf, attachmentNode };
}

/** The PV controller's reclaim rules (spec §3): its work on a released volume is the reclaimer's. */
const RECLAIM_RULES: ReadonlySet<string> = new Set(['R36', 'R37', 'R38', 'R39', 'R40', 'R41', 'R42']);
/** The hand-off of a claim to its class's external provisioner (spec R29). */
const HAND_OFF_RULE = 'R29';

/** The controller as a learner knows it, from a change's actor and the driver or node it runs for. */
export function actorLabel(change: Pick<Change, 'actor' | 'on' | 'rule'>): string {
  const forDriver = (name: string) => (change.on ? `${name} for ${change.on}` : name);
  switch (change.actor) {
    case 'user':
      return 'you';
    case 'kube-apiserver':
      return 'API server';
    case 'persistentvolume-controller':
      return change.rule && RECLAIM_RULES.has(change.rule) ? 'reclaimer' : 'binder';
    case 'csi-provisioner':
      return forDriver('provisioner');
    case 'pvc-protection-controller':
      return 'claim protection';
    case 'pv-protection-controller':
      return 'volume protection';
    case 'default-scheduler':
      return 'scheduler';
    case 'attachdetach-controller':
      return 'attach/detach controller';
    case 'csi-attacher':
      return forDriver('attacher');
    case 'kubelet':
      return change.on ? `kubelet on ${change.on}` : 'kubelet';
    case 'volume-expand-controller':
      return 'expander';
    case 'external-resizer':
      return forDriver('resizer');
    case 'namespace-controller':
      return 'namespace controller';
    case 'pod-garbage-collector':
      return 'pod garbage collector';
  }
}

/** The actor for the chip that travels on the canvas; the caption line names it in full. */
export function tokenLabel(actor: string): string {
  return actor.replace(/ (for|on) .*$/, '').replace(/ controller$/, '');
}

/** A caption fits on one line of the graph's overlay. */
export const CAPTION_MAX = 90;
/** Longer words (disk handles, export paths) are cut to their last part. */
const LONG_WORD = 28;

function shortWord(word: string): string {
  if (word.length <= LONG_WORD) return word;
  const last =
    word
      .split(/[/#:]+/)
      .filter(Boolean)
      .at(-1) ?? word;
  return last.length <= LONG_WORD && last !== word ? `…/${last}` : `${word.slice(0, LONG_WORD - 1)}…`;
}

/**
 * The change's message as one short line: no rule numbers (the narration has them), no
 * "default/" namespace, generated names cut to their first part, at most CAPTION_MAX characters.
 */
export function beatCaption(message: string): string {
  const text = message
    .replace(/\s*\([RC]\d+(?:\s*[-–,]\s*[RC]?\d+)*\)/g, '')
    .replace(/\bdefault\//g, '')
    .replace(/\b(pvc-[0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '$1…')
    .replace(/\b([0-9a-f]{8})[0-9a-f]{16,}\b/g, '$1…')
    .split(/\s+/)
    .filter(Boolean)
    .map(shortWord)
    .join(' ');
  if (text.length <= CAPTION_MAX) return text;
  const cut = text.slice(0, CAPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > CAPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

const ASSET_ACTIONS: ReadonlySet<Change['action']> = new Set(['asset-create', 'asset-delete', 'data']);

const refId = (ref: ObjectRef) => objectNodeId(ref);

/** The objects a change names, as card ids (drawn or not). */
function involved(change: Change): string[] {
  return [change.object, ...(change.related ?? [])].filter((ref) => ref !== undefined).map(refId);
}

/**
 * Events record a write made in the same round ("Scheduled" beside the scheduler's write of the
 * pod): only an event no write of its actor explains is a beat of its own (waiting, a warning).
 */
function explainedEvents(changes: readonly Change[]): Set<number> {
  const writes = new Map<string, Set<string>>();
  for (const change of changes) {
    if (change.action === 'event' || change.repeat) continue;
    const ids = writes.get(change.actor) ?? new Set<string>();
    for (const id of involved(change)) ids.add(id);
    writes.set(change.actor, ids);
  }
  const explained = new Set<number>();
  changes.forEach((change, index) => {
    if (change.action !== 'event' || !change.object) return;
    if (writes.get(change.actor)?.has(refId(change.object))) explained.add(index);
  });
  return explained;
}

function differs(before: unknown, after: unknown): boolean {
  return JSON.stringify(before) !== JSON.stringify(after);
}

interface GraphDiff {
  readonly added: ReadonlySet<string>;
  readonly removed: ReadonlySet<string>;
  /** In both, drawn differently. */
  readonly changed: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

function diffGraphs(previous: GraphModel, next: GraphModel): GraphDiff {
  const before = new Map(previous.nodes.map((item) => [item.id, item]));
  const after = new Map(next.nodes.map((item) => [item.id, item]));
  const added = new Set([...after.keys()].filter((id) => !before.has(id)));
  const removed = new Set([...before.keys()].filter((id) => !after.has(id)));
  const changed = new Set(
    [...after].filter(([id, item]) => before.has(id) && differs(before.get(id), item)).map(([id]) => id),
  );
  const edgesBefore = new Map(previous.edges.map((item) => [item.id, item]));
  const edgesAfter = new Map(next.edges.map((item) => [item.id, item]));
  const edges = new Set<string>();
  for (const [id, item] of edgesAfter) if (differs(edgesBefore.get(id), item)) edges.add(id);
  for (const id of edgesBefore.keys()) if (!edgesAfter.has(id)) edges.add(id);
  return { added, removed, changed, edges };
}

/** Cards and lines of both models, to look things up whichever side they are on. */
class Drawn {
  readonly cards = new Map<string, GraphNodeModel>();
  readonly edges: GraphEdgeModel[] = [];

  constructor(previous: GraphModel, next: GraphModel) {
    for (const item of [...previous.nodes, ...next.nodes]) this.cards.set(item.id, item);
    this.edges = [...next.edges, ...previous.edges];
  }

  has(id: string | undefined): id is string {
    return id !== undefined && this.cards.has(id);
  }

  /** The disk, share or directory behind a volume card. */
  storageOf(volumeId: string): string | undefined {
    return (
      this.edges.find((item) => item.kind === 'stored-on' && item.source === volumeId)?.target ??
      [...this.cards.values()].find((item) => item.kind === 'Asset' && item.anchor === volumeId)?.id
    );
  }
}

/** Which asset card an asset change is about: the one its message names, else one it relates to. */
function matchAsset(change: Change, diff: GraphDiff, drawn: Drawn, taken: Set<string>): string | undefined {
  const pool =
    change.action === 'asset-create'
      ? diff.added
      : change.action === 'asset-delete'
        ? diff.removed
        : new Set([...diff.changed, ...diff.added]);
  const candidates = [...pool].filter((id) => drawn.cards.get(id)?.kind === 'Asset' && !taken.has(id));
  const related = new Set(
    involved(change)
      .map((id) => drawn.storageOf(id))
      .filter((id) => id !== undefined),
  );
  const match =
    candidates.find((id) => change.message.includes(drawn.cards.get(id)?.name ?? '\u0000')) ??
    candidates.find((id) => related.has(id)) ??
    candidates[0];
  if (match) taken.add(match);
  return match;
}

const kindOf = (id: string) => id.split('/')[0];

/** The cards a beat's token travels along, by what the actor does. */
function pathOf(
  changes: readonly Change[],
  asset: string | undefined,
  drawn: Drawn,
  context: BeatContext,
  attachmentNodes: Map<string, string>,
): (string | undefined)[] {
  const first = changes[0];
  if (!first) return [];
  const ids = [...new Set(changes.flatMap(involved))];
  const object = first.object ? refId(first.object) : undefined;
  const ofKind = (kind: string) => ids.find((id) => kindOf(id) === kind);
  const claim = ofKind('PersistentVolumeClaim');
  const volume = ofKind('PersistentVolume');
  const pod = ofKind('Pod');
  const node = ofKind('Node');
  const classOf = (id: string | undefined) => (id ? context.classOf.get(id) : undefined);
  switch (first.actor) {
    case 'persistentvolume-controller':
      if (first.rule === HAND_OFF_RULE && claim) return [claim, classOf(claim) ?? claim];
      if (claim && volume) return [claim, volume];
      return [object, asset, ...ids];
    case 'csi-provisioner': {
      const className = classOf(claim) ?? classOf(volume);
      if (first.action === 'asset-create') return [className, asset];
      if (first.action === 'create' && volume) return [className, volume, drawn.storageOf(volume)];
      return [volume ?? object, asset, ...ids];
    }
    case 'default-scheduler':
      if (pod && node) return [pod, node];
      if (pod && claim) return [pod, claim];
      return [object];
    case 'attachdetach-controller':
    case 'csi-attacher': {
      const attachment = first.object?.kind === 'VolumeAttachment' ? first.object.name : undefined;
      const target =
        node ??
        (attachment
          ? (attachmentNodes.get(attachment) ?? context.attachmentNode.get(attachment))
          : undefined);
      if (attachment && target) attachmentNodes.set(attachment, target);
      const storage = first.actor === 'csi-attacher' && volume ? (drawn.storageOf(volume) ?? volume) : volume;
      return [storage, target];
    }
    case 'kubelet': {
      const machine = first.on ? objectNodeId({ kind: 'Node', name: first.on }) : undefined;
      return [machine, asset ?? object, ...(asset ? [] : ids)];
    }
    default:
      return [object, ...ids, asset];
  }
}

/** Consecutive changes by one actor with one sentence are one beat (a bind writes both sides). */
function sameBeat(a: Change, b: Change): boolean {
  return a.actor === b.actor && a.on === b.on && a.message === b.message && a.action === b.action;
}

interface DraftBeat {
  readonly changeIndexes: number[];
  readonly changes: Change[];
}

/** The beats of a round: from the model before it, the model after it, and its changes. */
export function planBeats(
  previous: GraphModel,
  next: GraphModel,
  changes: readonly Change[],
  context: BeatContext = NO_BEAT_CONTEXT,
): BeatPlan {
  const diff = diffGraphs(previous, next);
  const drawn = new Drawn(previous, next);
  const explained = explainedEvents(changes);
  const drafts: DraftBeat[] = [];
  changes.forEach((change, index) => {
    if (change.repeat || explained.has(index)) return;
    const last = drafts.at(-1);
    const lastChange = last?.changes.at(-1);
    if (last && lastChange && sameBeat(lastChange, change)) {
      last.changeIndexes.push(index);
      last.changes.push(change);
    } else drafts.push({ changeIndexes: [index], changes: [change] });
  });

  const takenAssets = new Set<string>();
  const attachmentNodes = new Map<string, string>();
  const told: {
    draft: DraftBeat;
    path: string[];
    writes: string[];
    movesPod: string | undefined;
  }[] = [];
  for (const draft of drafts) {
    const first = draft.changes[0];
    if (!first) continue;
    const asset = ASSET_ACTIONS.has(first.action) ? matchAsset(first, diff, drawn, takenAssets) : undefined;
    const path = pathOf(draft.changes, asset, drawn, context, attachmentNodes)
      .filter((id) => drawn.has(id))
      .filter((id, position, all) => all.indexOf(id) === position);
    if (path.length === 0) continue;
    const writes =
      first.action === 'event'
        ? []
        : [
            ...draft.changes.map((change) => (change.object ? refId(change.object) : undefined)),
            asset,
          ].filter((id) => drawn.has(id));
    const scheduled =
      first.actor === 'default-scheduler' && first.object?.kind === 'Pod' && path.length > 1
        ? refId(first.object)
        : undefined;
    told.push({ draft, path, writes, movesPod: scheduled });
  }

  // When each differing card changes: a new card at its first write, others at their last.
  const cardAt = new Map<string, number>();
  const moveAt = new Map<string, number>();
  const differing = new Set([...diff.added, ...diff.removed, ...diff.changed]);
  told.forEach(({ writes, movesPod }, index) => {
    for (const id of writes) {
      if (!differing.has(id)) continue;
      if (diff.added.has(id) && cardAt.has(id)) continue;
      cardAt.set(id, index);
    }
    if (movesPod && diff.changed.has(movesPod)) moveAt.set(movesPod, index);
  });
  for (const id of differing) if (!cardAt.has(id)) cardAt.set(id, -1);
  for (const [id, at] of moveAt) if ((cardAt.get(id) ?? -1) <= at) moveAt.delete(id);

  // A line changes with the later of its ends; a line between unchanged cards with the first
  // beat that travels along it.
  const edgeAt = new Map<string, number>();
  const edgesById = new Map(drawn.edges.map((item) => [item.id, item]));
  for (const id of diff.edges) {
    const edge = edgesById.get(id);
    if (!edge) continue;
    const ends = [cardAt.get(edge.source), cardAt.get(edge.target)].filter((at) => at !== undefined);
    const along = told.findIndex(({ path }) => path.includes(edge.source) && path.includes(edge.target));
    edgeAt.set(id, ends.length > 0 ? Math.max(...ends) : along);
  }

  const beats = told.map(({ draft, path }, index): Beat => {
    const first = draft.changes[0] as Change;
    const actor = actorLabel(first);
    return {
      changeIndexes: draft.changeIndexes,
      actor,
      token: tokenLabel(actor),
      caption: beatCaption(first.message),
      path,
      from: path[0] as string,
      to: path.at(-1) as string,
      cards: [...cardAt].filter(([, at]) => at === index).map(([id]) => id),
      moves: [...moveAt].filter(([, at]) => at === index).map(([id]) => id),
      edges: [...edgeAt].filter(([, at]) => at === index).map(([id]) => id),
    };
  });
  return {
    beats,
    untoldCards: [...cardAt].filter(([, at]) => at < 0).map(([id]) => id),
    untoldEdges: [...edgeAt].filter(([, at]) => at < 0).map(([id]) => id),
    cardAt,
    moveAt,
    edgeAt,
  };
}

/** A card where it will be (zone, where it runs) but still with its old status. */
function moved(before: GraphNodeModel, after: GraphNodeModel): GraphNodeModel {
  const { zone: _zone, ...rest } = before;
  return after.zone === undefined
    ? { ...rest, facts: after.facts }
    : { ...rest, facts: after.facts, zone: after.zone };
}

/**
 * The graph after beat `index` (-1: as the round starts, with only what no beat tells). What a
 * later beat changes is drawn as before the round, or not yet; after the last beat it is `next`.
 */
export function graphAfterBeat(
  previous: GraphModel,
  next: GraphModel,
  plan: BeatPlan,
  index: number,
): GraphModel {
  const before = new Map(previous.nodes.map((item) => [item.id, item]));
  const after = new Set(next.nodes.map((item) => item.id));
  const nodes: GraphNodeModel[] = [];
  for (const item of next.nodes) {
    const at = plan.cardAt.get(item.id);
    const old = before.get(item.id);
    if (at === undefined || at <= index) nodes.push(item);
    else if (old) {
      const movedAt = plan.moveAt.get(item.id);
      nodes.push(movedAt !== undefined && movedAt <= index ? moved(old, item) : old);
    }
  }
  for (const item of previous.nodes)
    if (!after.has(item.id) && (plan.cardAt.get(item.id) ?? -1) > index) nodes.push(item);

  const shown = new Set(nodes.map((item) => item.id));
  const edgesBefore = new Map(previous.edges.map((item) => [item.id, item]));
  const edgesAfter = new Set(next.edges.map((item) => item.id));
  const edges: GraphEdgeModel[] = [];
  for (const item of next.edges) {
    const at = plan.edgeAt.get(item.id);
    const old = edgesBefore.get(item.id);
    if (at === undefined || at <= index) edges.push(item);
    else if (old) edges.push(old);
  }
  for (const item of previous.edges)
    if (!edgesAfter.has(item.id) && (plan.edgeAt.get(item.id) ?? -1) > index) edges.push(item);
  return {
    nodes,
    edges: edges.filter((item) => shown.has(item.source) && shown.has(item.target)),
    zones: next.zones,
  };
}
