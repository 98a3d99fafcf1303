/**
 * The storage layout. Left to right the chain a learner follows: Pods → claims → volumes →
 * disks/shares/directories (columns with nothing in them are left out). StorageClasses sit in a
 * row above the chain, over the volumes they make. Below, one lane per zone holds its nodes and
 * the chains that live there: a pod sits in its node's zone, a disk in its own, and a claim and
 * its volume follow the pod (or disk) they belong to; a chain with no zone yet sits in the lane
 * above the zones.
 *
 * Stable: a card takes a row in its lane and column when it first appears — the free row nearest
 * the neighbour it relates to — and keeps it for life. It moves only when its zone lane changes
 * (a pod is scheduled), and that move is the story. `applyOrder` re-slots whole columns in a
 * given order: that is how the ELK "tidy" layout is applied, on request only.
 */
import type { GraphModel, GraphNodeKind, GraphNodeModel, Lane } from './model';

export const CARD_WIDTH = 150;
/** A typical card (kind line, name, two facts); nodes are shorter. */
export const CARD_HEIGHT = 80;
const MACHINE_HEIGHT = 48;
/** A class card has its driver chip under its two facts. */
const CLASS_HEIGHT = 100;
const CLASS_ROW_STRIDE = CLASS_HEIGHT + 14;
const ROW_STRIDE = CARD_HEIGHT + 14;
const COLUMN_GAP = 28;
const COLUMN_STRIDE = CARD_WIDTH + COLUMN_GAP;
const MACHINE_GAP = 14;
export const ZONE_PADDING = 10;
const ZONE_LABEL_HEIGHT = 22;
const LANE_GAP = 12;
const TITLE_HEIGHT = 24;

/** A card's height by kind, as styles.css draws it (the beats' token sits on its bottom edge). */
export function cardHeight(kind: GraphNodeKind): number {
  return kind === 'Node' ? MACHINE_HEIGHT : kind === 'StorageClass' ? CLASS_HEIGHT : CARD_HEIGHT;
}

export const COLUMN_LANES: readonly Lane[] = ['pods', 'claims', 'volumes', 'storage'];

export const LANE_TITLES: Readonly<Record<Lane, string>> = {
  pods: 'Pods',
  claims: 'Claims (PVC)',
  volumes: 'Volumes (PV)',
  storage: 'Disks & shares',
  classes: 'StorageClasses',
  machines: 'Nodes',
};

/** The lane above the zones, for chains not tied to a zone (yet). */
const NO_ZONE = '';

export interface Position {
  readonly x: number;
  readonly y: number;
}

export interface ZoneBox {
  readonly zone: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaneTitle {
  readonly lane: Lane;
  readonly title: string;
  readonly x: number;
  readonly y: number;
}

/** What the layout remembers between frames: each card's zone lane and row. */
export class LayoutMemory {
  /** Rows of each column of each zone lane: `${zone}|${lane}` → card ids by row. */
  readonly slots = new Map<string, (string | null)[]>();
  readonly slotOf = new Map<string, number>();
  readonly zoneOf = new Map<string, string>();
  readonly laneOf = new Map<string, Lane>();

  laneSlots(zone: string, lane: Lane): (string | null)[] {
    const key = `${zone}|${lane}`;
    let slots = this.slots.get(key);
    if (!slots) {
      slots = [];
      this.slots.set(key, slots);
    }
    return slots;
  }

  take(id: string, zone: string, lane: Lane, slot: number): void {
    this.laneSlots(zone, lane)[slot] = id;
    this.slotOf.set(id, slot);
    this.zoneOf.set(id, zone);
    this.laneOf.set(id, lane);
  }

  release(id: string): void {
    const slot = this.slotOf.get(id);
    const zone = this.zoneOf.get(id);
    const lane = this.laneOf.get(id);
    if (slot !== undefined && zone !== undefined && lane !== undefined) {
      const slots = this.laneSlots(zone, lane);
      if (slots[slot] === id) slots[slot] = null;
    }
    this.slotOf.delete(id);
    this.zoneOf.delete(id);
    this.laneOf.delete(id);
  }
}

export interface Placement {
  readonly positions: ReadonlyMap<string, Position>;
  readonly zones: readonly ZoneBox[];
  readonly titles: readonly LaneTitle[];
}

export function placeNodes(model: GraphModel, memory: LayoutMemory): Placement {
  const present = new Map(model.nodes.map((item) => [item.id, item]));
  // Free the rows of cards that are gone.
  for (const id of [...memory.slotOf.keys()]) if (!present.has(id)) memory.release(id);
  const neighbours = new Map<string, string[]>();
  for (const edge of model.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const chain = model.nodes.filter((item) => COLUMN_LANES.includes(item.lane));
  const zoneOfChain = chainZones(chain, neighbours);
  for (const item of chain) {
    const zone = zoneOfChain.get(item.id) ?? NO_ZONE;
    if (memory.zoneOf.has(item.id) && memory.zoneOf.get(item.id) !== zone) memory.release(item.id);
    if (memory.slotOf.get(item.id) === undefined) {
      takeSlot(memory, item, zone, preferredSlot(item, zone, neighbours, memory));
    }
  }

  const lanesShown = COLUMN_LANES.filter((lane) => chain.some((item) => item.lane === lane));
  const columnOf = new Map(lanesShown.map((lane, index) => [lane, index * COLUMN_STRIDE]));
  const chainWidth = Math.max(1, lanesShown.length) * COLUMN_STRIDE - COLUMN_GAP;
  const machines = model.nodes.filter((item) => item.lane === 'machines');
  const classes = model.nodes.filter((item) => item.lane === 'classes');
  const width = Math.max(
    chainWidth,
    ...machineRows(machines).map((row) => row.length * (CARD_WIDTH + MACHINE_GAP) - MACHINE_GAP),
  );

  const positions = new Map<string, Position>();
  const titles: LaneTitle[] = [];
  let y = 0;
  if (lanesShown.length > 0) {
    for (const lane of lanesShown)
      titles.push({
        lane,
        title: LANE_TITLES[lane],
        x: columnOf.get(lane) ?? 0,
        y,
      });
    y += TITLE_HEIGHT;
  }

  // Classes: a row over the volumes they make, wrapping at the chain's right edge.
  if (classes.length > 0) {
    const start = Math.min(columnOf.get('volumes') ?? 0, Math.max(0, width - CARD_WIDTH));
    const perRow = Math.max(1, Math.floor((width - start + COLUMN_GAP) / COLUMN_STRIDE));
    const sorted = [...classes].sort((a, b) => a.name.localeCompare(b.name));
    sorted.forEach((item, index) => {
      positions.set(item.id, {
        x: start + (index % perRow) * COLUMN_STRIDE,
        y: y + Math.floor(index / perRow) * CLASS_ROW_STRIDE,
      });
    });
    y += Math.ceil(sorted.length / perRow) * CLASS_ROW_STRIDE + LANE_GAP;
  }

  const zones = [...new Set([...machines.map((item) => item.zone ?? NO_ZONE), ...zoneOfChain.values()])]
    .filter((zone) => zone !== NO_ZONE)
    .sort();
  const boxes: ZoneBox[] = [];
  const noZoneMachines = machines.filter((item) => !item.zone);
  for (const zone of [NO_ZONE, ...zones]) {
    const members = zone === NO_ZONE ? noZoneMachines : machines.filter((item) => item.zone === zone);
    const rows = Math.max(0, ...lanesShown.map((lane) => usedRows(memory.laneSlots(zone, lane))));
    if (zone === NO_ZONE && rows === 0 && members.length === 0) continue;
    const boxed = zone !== NO_ZONE || members.length > 0;
    const top = y;
    let inner = y + (boxed ? ZONE_LABEL_HEIGHT : 0);
    machineRows(members).forEach((row) => {
      row.forEach((machine, index) =>
        positions.set(machine.id, {
          x: index * (CARD_WIDTH + MACHINE_GAP),
          y: inner,
        }),
      );
      inner += MACHINE_HEIGHT + MACHINE_GAP;
    });
    for (const lane of lanesShown) {
      memory.laneSlots(zone, lane).forEach((id, slot) => {
        if (id && present.has(id))
          positions.set(id, {
            x: columnOf.get(lane) ?? 0,
            y: inner + slot * ROW_STRIDE,
          });
      });
    }
    inner += rows * ROW_STRIDE;
    const bottom = inner + (boxed ? ZONE_PADDING : 0) - (rows > 0 ? ROW_STRIDE - CARD_HEIGHT : MACHINE_GAP);
    if (boxed) {
      boxes.push({
        zone: zone === NO_ZONE ? 'no zone' : zone,
        x: -ZONE_PADDING,
        y: top - ZONE_PADDING / 2,
        width: width + 2 * ZONE_PADDING,
        height: bottom - top + ZONE_PADDING / 2,
      });
    }
    y = bottom + LANE_GAP + (boxed ? ZONE_PADDING : 0);
  }
  return { positions, zones: boxes, titles };
}

/** Nodes of one zone, side by side, in rows of at most four. */
function machineRows(machines: readonly GraphNodeModel[]): GraphNodeModel[][] {
  const sorted = [...machines].sort((a, b) => a.name.localeCompare(b.name));
  const rows: GraphNodeModel[][] = [];
  for (let index = 0; index < sorted.length; index += 4) rows.push(sorted.slice(index, index + 4));
  return rows;
}

function usedRows(slots: readonly (string | null)[]): number {
  for (let index = slots.length - 1; index >= 0; index -= 1) if (slots[index]) return index + 1;
  return 0;
}

/**
 * The zone lane of every chain card: pods and storage by their own zone; claims and volumes by
 * the first zoned pod, else the first zoned disk, of the chain they are part of.
 */
function chainZones(
  chain: readonly GraphNodeModel[],
  neighbours: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const byId = new Map(chain.map((item) => [item.id, item]));
  const zoneOf = new Map<string, string>();
  const seen = new Set<string>();
  for (const start of chain) {
    if (seen.has(start.id)) continue;
    const component: GraphNodeModel[] = [];
    const queue = [start.id];
    seen.add(start.id);
    while (queue.length > 0) {
      const item = byId.get(queue.pop() ?? '');
      if (!item) continue;
      component.push(item);
      for (const next of neighbours.get(item.id) ?? []) {
        if (!seen.has(next) && byId.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    const sorted = [...component].sort((a, b) => a.id.localeCompare(b.id));
    const shared =
      sorted.find((item) => item.lane === 'pods' && item.zone)?.zone ??
      sorted.find((item) => item.lane === 'storage' && item.zone)?.zone;
    for (const item of component) {
      const own = item.lane === 'pods' || item.lane === 'storage' ? item.zone : undefined;
      const zone = own ?? (item.lane === 'pods' ? undefined : shared);
      if (zone) zoneOf.set(item.id, zone);
    }
  }
  return zoneOf;
}

function preferredSlot(
  item: GraphNodeModel,
  zone: string,
  neighbours: ReadonlyMap<string, string[]>,
  memory: LayoutMemory,
): number {
  const sameZone = (id: string) => memory.zoneOf.get(id) === zone;
  if (item.anchor !== undefined && sameZone(item.anchor)) {
    const anchored = memory.slotOf.get(item.anchor);
    if (anchored !== undefined) return anchored;
  }
  for (const neighbour of neighbours.get(item.id) ?? []) {
    const slot = memory.slotOf.get(neighbour);
    if (slot !== undefined && sameZone(neighbour)) return slot;
  }
  return 0;
}

/** The free row nearest the preferred one (ties go downward), in the card's zone and column. */
function takeSlot(memory: LayoutMemory, item: GraphNodeModel, zone: string, preferred: number): number {
  const slots = memory.laneSlots(zone, item.lane);
  for (let offset = 0; ; offset += 1) {
    for (const candidate of [preferred + offset, preferred - offset]) {
      if (candidate < 0) continue;
      if (!slots[candidate]) {
        memory.take(item.id, zone, item.lane, candidate);
        return candidate;
      }
    }
  }
}

/** Re-slots every listed column in the given order (top to bottom, per zone lane), e.g. from ELK. */
export function applyOrder(memory: LayoutMemory, order: ReadonlyMap<Lane, readonly string[]>): void {
  for (const [lane, ids] of order) {
    const byZone = new Map<string, string[]>();
    for (const id of ids) {
      const zone = memory.zoneOf.get(id);
      if (zone === undefined) continue;
      byZone.set(zone, [...(byZone.get(zone) ?? []), id]);
    }
    for (const [zone, members] of byZone) {
      const slots = memory.laneSlots(zone, lane);
      for (const id of slots) if (id) memory.slotOf.delete(id);
      slots.length = 0;
      members.forEach((id, index) => memory.take(id, zone, lane, index));
    }
  }
}
