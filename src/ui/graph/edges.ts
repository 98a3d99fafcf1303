/**
 * The graph's edges, read from the engine's relations table: each relation kind maps to the edge
 * kind that draws it (or to none). Dangling relations (a missing claim or ConfigMap) draw no edge
 * here; their ghosts are another matter.
 */
import type { ClusterState, Relation, RelationName } from '../../engine';
import { allRelations, isObjectEnd, refKey } from '../../engine';
import { relationEndNodeId } from './ids';
import type { GraphEdgeKind, GraphEdgeModel } from './model';

interface EdgeShape {
  readonly kind: GraphEdgeKind;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

type EdgeOf = (relation: Relation, state: ClusterState) => EdgeShape | undefined;

const forward =
  (kind: GraphEdgeKind, label?: string): EdgeOf =>
  (relation) => ({
    kind,
    source: relationEndNodeId(relation.from),
    target: relationEndNodeId(relation.to),
    ...(label ? { label } : {}),
  });

/** Drawn from the driver to what it made, as the lines have always run. */
const fromDriver =
  (kind: GraphEdgeKind, label?: string): EdgeOf =>
  (relation) => ({
    kind,
    source: relationEndNodeId(relation.to),
    target: relationEndNodeId(relation.from),
    ...(label ? { label } : {}),
  });

const claimToVolume: EdgeOf = (relation, state) => {
  const claim = isObjectEnd(relation.from)
    ? state.objects.PersistentVolumeClaim[refKey(relation.from)]
    : undefined;
  const bound = claim?.status?.phase === 'Bound';
  // A bound line says so by its colour and weight; a claim only naming its volume says it.
  return forward(bound ? 'bound' : 'uses', bound ? undefined : 'names')(relation, state);
};

/** Every relation kind, and the edge that draws it; the compiler names a new kind left out. */
const EDGE_OF_RELATION: Readonly<Record<RelationName, EdgeOf | undefined>> = {
  'mounts-claim': forward('uses'),
  'mounts-config': forward('uses'),
  'mounts-empty-dir': forward('uses'),
  'claims-volume': claimToVolume,
  'stored-on': forward('stored-on'),
  'runs-on': forward('runs-on'),
  'located-on': forward('located'),
  'provisioned-by': fromDriver('provisioned', 'provisioned'),
  'served-by': fromDriver('created-by'),
  // Written on the cards (a claim's and a volume's class) or implied by the claim's own edge.
  'of-class': undefined,
  'bound-to-claim': undefined,
};

/** The edges of every relation whose target exists, each once, in the relations' order. */
export function relationEdges(state: ClusterState): GraphEdgeModel[] {
  const edges = new Map<string, GraphEdgeModel>();
  for (const relation of allRelations(state)) {
    if (!relation.targetExists) continue;
    const shape = EDGE_OF_RELATION[relation.name]?.(relation, state);
    if (!shape) continue;
    const id = `${shape.kind}:${shape.source}->${shape.target}`;
    // A pod naming one claim in two volumes still has one line to it.
    if (!edges.has(id)) edges.set(id, { id, ...shape });
  }
  return [...edges.values()];
}
