import { describe, expect, it } from 'vitest';
import { LayoutMemory, applyOrder, placeNodes } from './layout';
import type { GraphModel, GraphNodeModel, Lane } from './model';

const node = (id: string, lane: Lane): GraphNodeModel => ({
  id,
  kind: 'PersistentVolume',
  lane,
  kindLabel: 'PV',
  name: id,
  status: 'Available',
  tone: 'available',
  facts: [],
  ariaLabel: id,
});

const model = (nodes: GraphNodeModel[], edges: [string, string][] = []): GraphModel => ({
  nodes,
  edges: edges.map(([source, target]) => ({
    id: `${source}->${target}`,
    kind: 'bound',
    source,
    target,
  })),
  zones: [],
});

describe('stable lane layout', () => {
  it('never moves a node that is already placed', () => {
    const memory = new LayoutMemory();
    const first = placeNodes(
      model([node('a', 'volumes'), node('b', 'volumes'), node('p', 'claims')]),
      memory,
    );
    const second = placeNodes(
      model([
        node('x', 'volumes'),
        node('b', 'volumes'),
        node('a', 'volumes'),
        node('c', 'claims'),
        node('p', 'claims'),
      ]),
      memory,
    );
    expect(second.positions.get('a')).toEqual(first.positions.get('a'));
    expect(second.positions.get('b')).toEqual(first.positions.get('b'));
  });

  it('places a new node next to the neighbour it relates to, reusing freed slots', () => {
    const memory = new LayoutMemory();
    placeNodes(model([node('v1', 'volumes'), node('v2', 'volumes'), node('v3', 'volumes')]), memory);
    const placed = placeNodes(
      model(
        [node('v1', 'volumes'), node('v2', 'volumes'), node('v3', 'volumes'), node('claim', 'claims')],
        [['claim', 'v3']],
      ),
      memory,
    );
    expect(placed.positions.get('claim')?.y).toBe(placed.positions.get('v3')?.y);
    const afterDelete = placeNodes(
      model([node('v1', 'volumes'), node('v3', 'volumes'), node('v4', 'volumes')]),
      memory,
    );
    expect(afterDelete.positions.get('v4')?.y).toBe(placed.positions.get('v2')?.y);
  });

  it('re-slots whole lanes only when asked (tidy)', () => {
    const memory = new LayoutMemory();
    placeNodes(model([node('a', 'pods'), node('b', 'pods')]), memory);
    applyOrder(memory, new Map([['pods', ['b', 'a']]]));
    const placed = placeNodes(model([node('a', 'pods'), node('b', 'pods')]), memory);
    expect((placed.positions.get('b')?.y ?? 0) < (placed.positions.get('a')?.y ?? 0)).toBe(true);
  });
});
