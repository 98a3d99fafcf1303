/**
 * Stable lane layout. Each lane is a column of slots (machines are a band above the columns). A
 * node takes a slot when it first appears — the free slot nearest the neighbour it relates to —
 * and keeps it for life, so updates never move existing nodes. `applyOrder` re-slots whole lanes
 * in a given order: that is how the ELK "tidy" layout is applied, on request only.
 */
import type { GraphModel, GraphNodeModel, Lane } from './model';

export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 88;
const ROW_HEIGHT = 104;
const COLUMN_STRIDE = CARD_WIDTH + 80;
const MACHINE_STRIDE = CARD_WIDTH + 30;
const MACHINE_ZONE_GAP = 40;
export const ZONE_PADDING = 14;
const COLUMNS_TOP = CARD_HEIGHT + 2 * ZONE_PADDING + 90;

export const COLUMN_LANES: readonly Lane[] = ['pods', 'claims', 'volumes', 'storage', 'classes'];

export const LANE_TITLES: Readonly<Record<Lane, string>> = {
  pods: 'Pods',
  claims: 'Claims (PVC)',
  volumes: 'Volumes (PV)',
  storage: 'Disks, shares, directories',
  classes: 'StorageClasses and drivers',
  machines: 'Nodes by zone',
};

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

/** What the layout remembers between frames. */
export class LayoutMemory {
  readonly slots = new Map<Lane, (string | null)[]>();
  readonly slotOf = new Map<string, number>();

  laneSlots(lane: Lane): (string | null)[] {
    let slots = this.slots.get(lane);
    if (!slots) {
      slots = [];
      this.slots.set(lane, slots);
    }
    return slots;
  }

  release(id: string, lane: Lane): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const slots = this.laneSlots(lane);
    if (slots[slot] === id) slots[slot] = null;
    this.slotOf.delete(id);
  }
}

export function columnX(lane: Lane): number {
  return Math.max(0, COLUMN_LANES.indexOf(lane)) * COLUMN_STRIDE;
}

export function slotY(slot: number): number {
  return COLUMNS_TOP + slot * ROW_HEIGHT;
}

export interface Placement {
  readonly positions: ReadonlyMap<string, Position>;
  readonly zones: readonly ZoneBox[];
}

export function placeNodes(model: GraphModel, memory: LayoutMemory): Placement {
  const present = new Set(model.nodes.map((item) => item.id));
  const laneOf = new Map(model.nodes.map((item) => [item.id, item.lane]));
  // Free the slots of nodes that are gone.
  for (const [lane, slots] of memory.slots) {
    for (const id of slots) if (id && !present.has(id)) memory.release(id, lane);
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of model.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const positions = new Map<string, Position>();
  for (const item of model.nodes) {
    if (item.lane === 'machines') continue;
    let slot = memory.slotOf.get(item.id);
    if (slot === undefined) {
      slot = takeSlot(memory, item, preferredSlot(item, neighbours, memory, laneOf));
    }
    positions.set(item.id, { x: columnX(item.lane), y: slotY(slot) });
  }
  const zones = placeMachines(
    model.nodes.filter((item) => item.lane === 'machines'),
    positions,
  );
  return { positions, zones };
}

function preferredSlot(
  item: GraphNodeModel,
  neighbours: ReadonlyMap<string, string[]>,
  memory: LayoutMemory,
  laneOf: ReadonlyMap<string, Lane>,
): number {
  const anchored = item.anchor === undefined ? undefined : memory.slotOf.get(item.anchor);
  if (anchored !== undefined) return anchored;
  const ownColumn = COLUMN_LANES.indexOf(item.lane);
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const neighbour of neighbours.get(item.id) ?? []) {
    const slot = memory.slotOf.get(neighbour);
    const lane = laneOf.get(neighbour);
    if (slot === undefined || !lane || lane === 'machines') continue;
    const distance = Math.abs(COLUMN_LANES.indexOf(lane) - ownColumn);
    if (distance < bestDistance) {
      best = slot;
      bestDistance = distance;
    }
  }
  return best ?? 0;
}

/** The free slot nearest the preferred one (ties go downward), in the node's lane. */
function takeSlot(memory: LayoutMemory, item: GraphNodeModel, preferred: number): number {
  const slots = memory.laneSlots(item.lane);
  for (let offset = 0; ; offset += 1) {
    for (const candidate of [preferred + offset, preferred - offset]) {
      if (candidate < 0) continue;
      if (!slots[candidate]) {
        slots[candidate] = item.id;
        memory.slotOf.set(item.id, candidate);
        return candidate;
      }
    }
  }
}

/** Machines: one box per zone, nodes side by side, ordered by zone then name. */
function placeMachines(machines: readonly GraphNodeModel[], positions: Map<string, Position>): ZoneBox[] {
  const byZone = new Map<string, GraphNodeModel[]>();
  for (const machine of machines) {
    const zone = machine.zone ?? '(no zone)';
    byZone.set(zone, [...(byZone.get(zone) ?? []), machine]);
  }
  const boxes: ZoneBox[] = [];
  let x = 0;
  for (const zone of [...byZone.keys()].sort()) {
    const members = (byZone.get(zone) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    const start = x;
    for (const member of members) {
      positions.set(member.id, { x: x + ZONE_PADDING, y: ZONE_PADDING + 22 });
      x += MACHINE_STRIDE;
    }
    boxes.push({
      zone,
      x: start,
      y: 0,
      width: x - start - 30 + 2 * ZONE_PADDING,
      height: CARD_HEIGHT + 2 * ZONE_PADDING + 22,
    });
    x += MACHINE_ZONE_GAP;
  }
  return boxes;
}

/** Re-slots every listed lane in the given order (top to bottom), e.g. from an ELK layout. */
export function applyOrder(memory: LayoutMemory, order: ReadonlyMap<Lane, readonly string[]>): void {
  for (const [lane, ids] of order) {
    const slots = memory.laneSlots(lane);
    for (const id of slots) if (id) memory.slotOf.delete(id);
    slots.length = 0;
    ids.forEach((id, index) => {
      slots[index] = id;
      memory.slotOf.set(id, index);
    });
  }
}
