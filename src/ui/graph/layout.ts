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
import type { GraphModel, GraphNodeModel, Lane } from './model';

export const CARD_WIDTH = 150;
/** A typical card (kind line, name, two facts); nodes are shorter. */
export const CARD_HEIGHT = 80;
/** The free gutter between rows of cards (failure lines and their labels run in it). */
export const ROW_GAP = 18;
const COLUMN_GAP = 24;
const MACHINE_GAP = 14;
const MACHINES_PER_ROW = 4;
export const ZONE_PADDING = 10;
const LANE_GAP = 12;

/**
 * The sizes cards and labels are drawn at (styles.css holds the same numbers). Presenter type
 * scales them together, so larger type makes larger cards, not truncated ones; the gaps stay.
 */
export interface CardSizes {
  readonly width: number;
  readonly height: number;
  readonly machineHeight: number;
  /** A class card has its driver chip under its two facts. */
  readonly classHeight: number;
  readonly titleHeight: number;
  readonly zoneLabelHeight: number;
}

/** The fixed height of a card (styles.css gives each kind its height). */
export function cardHeight(item: Pick<GraphNodeModel, 'lane'>, size: CardSizes = cardSizes()): number {
  return item.lane === 'machines'
    ? size.machineHeight
    : item.lane === 'classes'
      ? size.classHeight
      : size.height;
}

export function cardSizes(scale = 1): CardSizes {
  return {
    width: CARD_WIDTH * scale,
    height: CARD_HEIGHT * scale,
    machineHeight: 48 * scale,
    classHeight: 100 * scale,
    titleHeight: 24 * scale,
    zoneLabelHeight: 22 * scale,
  };
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

export function placeNodes(
  model: GraphModel,
  memory: LayoutMemory,
  size: CardSizes = cardSizes(),
): Placement {
  const rowStride = size.height + ROW_GAP;
  const columnStride = size.width + COLUMN_GAP;
  const classRowStride = size.classHeight + ROW_GAP;
  // Zones with only their nodes in them may fill a row this wide before the next row starts.
  const idleRowMinWidth = 6 * (size.width + MACHINE_GAP);
  const present = new Map(model.nodes.map((item) => [item.id, item]));
  // Free the rows of cards that are gone.
  for (const id of [...memory.slotOf.keys()]) if (!present.has(id)) memory.release(id);
  // A failure line joins objects that do not belong together (a claim and a volume it does not
  // fit), so it places a new card near its partner but never pulls a chain into another zone.
  const relations = neighbourMap(model.edges.filter((edge) => edge.kind !== 'failure'));
  const neighbours = neighbourMap(model.edges);
  const chain = model.nodes.filter((item) => COLUMN_LANES.includes(item.lane));
  const zoneOfChain = chainZones(chain, relations);
  for (const item of chain) {
    // A missing object a pod waits for has no relations of its own: it sits in its pod's zone.
    const followed = item.missing && item.anchor !== undefined ? zoneOfChain.get(item.anchor) : undefined;
    const zone = zoneOfChain.get(item.id) ?? followed ?? NO_ZONE;
    if (memory.zoneOf.has(item.id) && memory.zoneOf.get(item.id) !== zone) memory.release(item.id);
    if (memory.slotOf.get(item.id) === undefined) {
      takeSlot(memory, item, zone, preferredSlot(item, zone, neighbours, memory));
    }
  }

  const lanesShown = COLUMN_LANES.filter((lane) => chain.some((item) => item.lane === lane));
  const columnOf = new Map(lanesShown.map((lane, index) => [lane, index * columnStride]));
  const chainWidth = Math.max(1, lanesShown.length) * columnStride - COLUMN_GAP;
  const machines = model.nodes.filter((item) => item.lane === 'machines');
  const classes = model.nodes.filter((item) => item.lane === 'classes');
  const width = Math.max(
    chainWidth,
    ...machineRows(machines).map((row) => row.length * (size.width + MACHINE_GAP) - MACHINE_GAP),
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
    y += size.titleHeight;
  }

  // Classes: a row over the volumes they make, wrapping at the chain's right edge.
  if (classes.length > 0) {
    const start = Math.min(columnOf.get('volumes') ?? 0, Math.max(0, width - size.width));
    const perRow = Math.max(1, Math.floor((width - start + COLUMN_GAP) / columnStride));
    const sorted = [...classes].sort((a, b) => a.name.localeCompare(b.name));
    sorted.forEach((item, index) => {
      positions.set(item.id, {
        x: start + (index % perRow) * columnStride,
        y: y + Math.floor(index / perRow) * classRowStride,
      });
    });
    y += Math.ceil(sorted.length / perRow) * classRowStride + LANE_GAP;
  }

  const zones = [...new Set([...machines.map((item) => item.zone ?? NO_ZONE), ...zoneOfChain.values()])]
    .filter((zone) => zone !== NO_ZONE)
    .sort();
  const boxes: ZoneBox[] = [];
  const noZoneMachines = machines.filter((item) => !item.zone);
  const rowsIn = (zone: string) =>
    Math.max(0, ...lanesShown.map((lane) => usedRows(memory.laneSlots(zone, lane))));
  // Zones holding only their nodes share one row at the bottom, side by side: a zone lane opens to
  // the full width when something is placed in it.
  const occupied = [NO_ZONE, ...zones].filter(
    (zone) => rowsIn(zone) > 0 || (zone === NO_ZONE && noZoneMachines.length > 0),
  );
  const idle = zones.filter((zone) => rowsIn(zone) === 0);
  for (const zone of occupied) {
    const members = zone === NO_ZONE ? noZoneMachines : machines.filter((item) => item.zone === zone);
    const rows = rowsIn(zone);
    const boxed = zone !== NO_ZONE || members.length > 0;
    const top = y;
    let inner = y + (boxed ? size.zoneLabelHeight : 0);
    inner = placeMachineRows(members, 0, inner, positions, size);
    for (const lane of lanesShown) {
      memory.laneSlots(zone, lane).forEach((id, slot) => {
        if (id && present.has(id))
          positions.set(id, {
            x: columnOf.get(lane) ?? 0,
            y: inner + slot * rowStride,
          });
      });
    }
    inner += rows * rowStride;
    // The gap under the last row stays in the lane, as under every other row: a failure line's
    // label sits in the gap under its card (failure-route.ts), clear of the box's edge.
    const bottom =
      rows > 0 ? inner + (boxed ? ZONE_PADDING / 2 : 0) : inner + (boxed ? ZONE_PADDING : 0) - MACHINE_GAP;
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
  let x = 0;
  let rowBottom = y;
  for (const zone of idle) {
    const members = machines.filter((item) => item.zone === zone);
    const boxWidth =
      Math.max(1, Math.min(members.length, MACHINES_PER_ROW)) * (size.width + MACHINE_GAP) - MACHINE_GAP;
    if (x > 0 && x + boxWidth > Math.max(width, idleRowMinWidth)) {
      x = 0;
      y = rowBottom + LANE_GAP + ZONE_PADDING;
    }
    const inner = placeMachineRows(members, x, y + size.zoneLabelHeight, positions, size);
    const bottom = inner - MACHINE_GAP + ZONE_PADDING;
    boxes.push({
      zone,
      x: x - ZONE_PADDING,
      y: y - ZONE_PADDING / 2,
      width: boxWidth + 2 * ZONE_PADDING,
      height: bottom - y + ZONE_PADDING / 2,
    });
    rowBottom = Math.max(rowBottom, bottom);
    x += boxWidth + 2 * ZONE_PADDING + LANE_GAP;
  }
  return { positions, zones: boxes, titles };
}

function neighbourMap(edges: GraphModel['edges']): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  return neighbours;
}

/** Nodes of one zone, side by side, in rows of at most four. */
function machineRows(machines: readonly GraphNodeModel[]): GraphNodeModel[][] {
  const sorted = [...machines].sort((a, b) => a.name.localeCompare(b.name));
  const rows: GraphNodeModel[][] = [];
  for (let index = 0; index < sorted.length; index += MACHINES_PER_ROW)
    rows.push(sorted.slice(index, index + MACHINES_PER_ROW));
  return rows;
}

/** Places a zone's nodes in rows from (`x`, `y`); returns the y under the last row. */
function placeMachineRows(
  machines: readonly GraphNodeModel[],
  x: number,
  y: number,
  positions: Map<string, Position>,
  size: CardSizes,
): number {
  let inner = y;
  for (const row of machineRows(machines)) {
    row.forEach((machine, index) =>
      positions.set(machine.id, { x: x + index * (size.width + MACHINE_GAP), y: inner }),
    );
    inner += size.machineHeight + MACHINE_GAP;
  }
  return inner;
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
