/** A graph model edge as the React Flow edge that draws it (main graph and what-if graphs alike). */
import type { GraphEdgeModel } from './model';
import type { RelationFlowEdge } from './RelationEdge';

export function relationFlowEdge(item: GraphEdgeModel, entering: boolean): RelationFlowEdge {
  return {
    id: item.id,
    type: 'relation',
    source: item.source,
    target: item.target,
    data: {
      kind: item.kind,
      ...(item.label ? { label: item.label } : {}),
      entering,
      exiting: false,
    },
    selectable: false,
    focusable: false,
  };
}
