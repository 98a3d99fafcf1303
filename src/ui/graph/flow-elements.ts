/** Graph model cards and edges as the React Flow nodes and edges that draw them (main graph and what-if graphs alike). */
import { failureEdgeAriaLabel } from './failure-overlay';
import type { Position } from './layout';
import type { GraphEdgeModel, GraphNodeModel } from './model';
import type { RelationFlowEdge } from './RelationEdge';
import type { ResourceFlowNode, ResourceNodeData } from './ResourceNode';
import { FAILURE_HANDLE } from './failure-route';
import type { GraphTransitions } from './use-graph-transitions';

/** A live card as a React Flow node; each graph adds how it may be selected and focused. */
export function resourceFlowNode(
  item: GraphNodeModel,
  position: Position,
  transitions: GraphTransitions,
  look: Partial<Pick<ResourceNodeData, 'highlighted'>> = {},
): ResourceFlowNode {
  return {
    id: item.id,
    type: 'resource',
    position,
    data: {
      model: item,
      entering: transitions.entering.has(item.id),
      exiting: false,
      pulse: transitions.pulses.get(item.id) ?? 0,
      highlighted: look.highlighted ?? false,
    },
    draggable: false,
    ariaLabel: item.ariaLabel,
  };
}

export function relationFlowEdge(item: GraphEdgeModel, entering: boolean): RelationFlowEdge {
  const failure = item.kind === 'failure';
  return {
    id: item.id,
    type: 'relation',
    source: item.source,
    target: item.target,
    // A failure line leaves its card at the bottom, into the gutter under the row (failure-route.ts).
    ...(failure ? { sourceHandle: FAILURE_HANDLE, ariaLabel: failureEdgeAriaLabel(item) } : {}),
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
