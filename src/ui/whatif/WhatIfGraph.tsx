/**
 * One side of the what-if as a small read-only graph: the app's cards and edges, limited to the
 * pods, claim, volume and storage the question is about. Cards keep their places between steps.
 */
import type { Edge, ReactFlowInstance } from '@xyflow/react';
import { ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import type { ClusterState } from '../../engine';
import { LayoutMemory, placeNodes } from '../graph/layout';
import type { GraphModel } from '../graph/model';
import { buildGraphModel } from '../graph/model';
import type { RelationFlowEdge } from '../graph/RelationEdge';
import { RelationEdge } from '../graph/RelationEdge';
import type { ResourceFlowNode } from '../graph/ResourceNode';
import { ResourceNode } from '../graph/ResourceNode';
import { useGraphTransitions } from '../graph/use-graph-transitions';
import { relationFlowEdge, resourceFlowNode } from '../graph/flow-elements';
import { boxKey, cardsBox } from './fit-box';

const NODE_TYPES = { resource: ResourceNode };
const EDGE_TYPES = { relation: RelationEdge };
const FIT = { padding: 0.12 } as const;
const REFIT_MS = 300;

function focused(model: GraphModel, focus: ReadonlySet<string>): GraphModel {
  const nodes = model.nodes.filter((item) => focus.has(item.id));
  const ids = new Set(nodes.map((item) => item.id));
  return {
    nodes,
    edges: model.edges.filter((item) => ids.has(item.source) && ids.has(item.target)),
    zones: [],
  };
}

export function WhatIfGraph({
  id,
  state,
  focus,
  label,
}: {
  /** Unique per graph on the page (React Flow's marker and element ids). */
  id: string;
  state: ClusterState;
  focus: readonly string[];
  label: string;
}) {
  const focusSet = useMemo(() => new Set(focus), [focus]);
  const model = useMemo(() => focused(buildGraphModel(state), focusSet), [state, focusSet]);
  const transitions = useGraphTransitions(model);
  const memory = useRef(new LayoutMemory());
  const placement = useMemo(() => placeNodes(model, memory.current), [model]);
  const flow = useRef<ReactFlowInstance<ResourceFlowNode, Edge> | null>(null);
  // The first fit is React Flow's own (the fitView prop); after that, refit when the cards' box
  // changes: cards that leave (the claim and pod on the Retain side) would leave the rest small
  // and off centre. Steps that only change statuses keep the view still.
  const fitKey = boxKey(cardsBox(model.nodes.flatMap((item) => placement.positions.get(item.id) ?? [])));
  const fittedKey = useRef(fitKey);
  useEffect(() => {
    if (fitKey === fittedKey.current || fitKey === '') return;
    fittedKey.current = fitKey;
    // React Flow waits until arriving cards are measured before fitting.
    void flow.current?.fitView({ ...FIT, duration: REFIT_MS });
  }, [fitKey]);
  const nodes = useMemo(
    () =>
      model.nodes.map((item): ResourceFlowNode => ({
        ...resourceFlowNode(item, placement.positions.get(item.id) ?? { x: 0, y: 0 }, transitions),
        selectable: false,
        focusable: false,
        // Read-only cards: named pictures, not controls.
        ariaRole: 'img',
      })),
    [model, placement, transitions],
  );
  const edges = useMemo(
    () =>
      model.edges.map((item): RelationFlowEdge => ({
        ...relationFlowEdge(item, transitions.entering.has(item.id)),
        ariaRole: 'presentation',
      })),
    [model, transitions],
  );
  return (
    <div className="whatif-graph" role="group" aria-label={label}>
      <ReactFlow<ResourceFlowNode, Edge>
        id={id}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        nodesConnectable={false}
        nodesDraggable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        zoomOnScroll={false}
        preventScrolling={false}
        onInit={(instance) => {
          flow.current = instance;
        }}
        fitView
        fitViewOptions={FIT}
        minZoom={0.2}
        maxZoom={1}
        proOptions={{ hideAttribution: true }}
      />
      {model.nodes.length === 0 && (
        <p className="whatif-graph__empty">Nothing is left of the claim, its volume or its storage.</p>
      )}
    </div>
  );
}
