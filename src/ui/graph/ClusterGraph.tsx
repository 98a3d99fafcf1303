/** The animated cluster graph: frames in, React Flow nodes and edges out. */
import type { Edge, Node, NodeChange, ReactFlowInstance } from '@xyflow/react';
import { Background, Controls, ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { registerHandle } from '../commands/handles';
import { useAppStore } from '../store';
import type { LaneTitleFlowNode, ZoneFlowNode } from './BackdropNodes';
import { LaneTitleNode, ZoneNode } from './BackdropNodes';
import { CardsNearView, LevelOfDetailWatcher, NearViewProvider, TileViewProvider } from './level-of-detail';
import { useMovingLayer } from './moving-layer';
import type { Placement, Position } from './layout';
import { LayoutMemory, applyOrder, placeNodes } from './layout';
import { BeatCaption } from './BeatCaption';
import { BeatToken, tokenStops } from './BeatToken';
import type { RelationFlowEdge } from './RelationEdge';
import { RelationEdge } from './RelationEdge';
import type { ResourceFlowNode } from './ResourceNode';
import { ResourceNode } from './ResourceNode';
import { computeTidyOrder } from './tidy';
import { relationFlowEdge, resourceFlowNode } from './flow-elements';
import { useBeatPlayer } from './use-beat-player';
import { useGraphTransitions } from './use-graph-transitions';

/** Fitted, the cards fill the view with a small margin; a small cluster is not blown up past 1.25×. */
const FIT_VIEW = { padding: 0.025, maxZoom: 1.25, duration: 300 } as const;
const NODE_TYPES = {
  resource: ResourceNode,
  zone: ZoneNode,
  laneTitle: LaneTitleNode,
};
const EDGE_TYPES = { relation: RelationEdge };
/** Ghosts, zone boxes and lane titles are drawn but never selected. */
const NOT_SELECTABLE = /^(ghost|zone|lane):/;

type FlowNode = ResourceFlowNode | ZoneFlowNode | LaneTitleFlowNode;

/** `children` are drawn under the canvas, inside the graph's box (the demo caption). */
export function ClusterGraph({ children }: { children?: ReactNode }) {
  const selectedId = useAppStore((store) => store.selectedId);
  const highlightedIds = useAppStore((store) => store.highlightedIds);
  const select = useAppStore((store) => store.select);
  const showPanel = useAppStore((store) => store.showPanel);
  // A live frame is drawn beat by beat (the changes of its round in order); a jump at once.
  const beats = useBeatPlayer();
  const model = beats.model;
  const transitions = useGraphTransitions(model);
  const memory = useRef(new LayoutMemory());
  const lastPositions = useRef(new Map<string, Position>());
  const [layoutVersion, setLayoutVersion] = useState(0);
  const [tidying, setTidying] = useState(false);
  const [tiles, setTiles] = useState(false);
  const [cardsNearView] = useState(() => new CardsNearView());
  const flow = useRef<ReactFlowInstance<FlowNode, Edge> | null>(null);
  /** Last frame's node and edge objects: unchanged ones are passed again as the same object. */
  const previousNodes = useRef(new Map<string, FlowNode>());
  const previousEdges = useRef(new Map<string, RelationFlowEdge>());
  /** Once the user pans or zooms, the graph stops re-fitting itself. */
  const userMoved = useRef(false);
  const container = useRef<HTMLDivElement>(null);
  const { moveStarted, moveEnded } = useMovingLayer(container);

  const placement = useMemo(() => {
    void layoutVersion;
    const placed = placeNodes(model, memory.current);
    for (const [id, position] of placed.positions) lastPositions.current.set(id, position);
    return placed;
  }, [model, layoutVersion]);

  const nodes = useMemo<FlowNode[]>(() => {
    const highlighted = new Set(highlightedIds);
    const backdrop: FlowNode[] = [
      ...placement.zones.map((zone): ZoneFlowNode => ({
        id: `zone:${zone.zone}`,
        type: 'zone',
        position: { x: zone.x, y: zone.y },
        data: { zone: zone.zone, width: zone.width, height: zone.height },
        selectable: false,
        focusable: false,
        draggable: false,
        zIndex: -1,
        ariaLabel: `Zone ${zone.zone}`,
      })),
      ...placement.titles.map((title): LaneTitleFlowNode => ({
        id: `lane:${title.lane}`,
        type: 'laneTitle',
        position: { x: title.x, y: title.y },
        data: { title: title.title },
        selectable: false,
        focusable: false,
        draggable: false,
      })),
    ];
    const live = model.nodes.map((item): ResourceFlowNode => ({
      ...resourceFlowNode(item, placement.positions.get(item.id) ?? { x: 0, y: 0 }, transitions, {
        enterFrom: 'none',
        highlighted: highlighted.has(item.id),
      }),
      selected: item.id === selectedId,
      ariaRole: 'button',
    }));
    const ghosts = transitions.ghostNodes.map((item): ResourceFlowNode => ({
      id: `ghost:${item.id}`,
      type: 'resource',
      position: lastPositions.current.get(item.id) ?? { x: 0, y: 0 },
      data: {
        model: item,
        entering: false,
        exiting: true,
        pulse: 0,
        enterFrom: 'none',
        highlighted: false,
      },
      selectable: false,
      focusable: false,
      draggable: false,
      ariaLabel: `${item.ariaLabel} (gone)`,
      ariaRole: 'presentation',
    }));
    return reuseUnchanged([...backdrop, ...live, ...ghosts], previousNodes.current);
  }, [model, placement, transitions, selectedId, highlightedIds]);

  const edges = useMemo<RelationFlowEdge[]>(() => {
    const live = model.edges.map((item) => relationFlowEdge(item, transitions.entering.has(item.id)));
    const present = new Set(model.nodes.map((item) => item.id));
    const ghostIds = new Set(transitions.ghostNodes.map((item) => item.id));
    const nodeFor = (id: string) => (present.has(id) ? id : ghostIds.has(id) ? `ghost:${id}` : undefined);
    const ghosts = transitions.ghostEdges.flatMap((item): RelationFlowEdge[] => {
      const source = nodeFor(item.source);
      const target = nodeFor(item.target);
      if (!source || !target || model.edges.some((edge) => edge.id === item.id)) return [];
      return [
        {
          id: `ghost:${item.id}`,
          type: 'relation',
          source,
          target,
          data: { kind: item.kind, entering: false, exiting: true },
          selectable: false,
          focusable: false,
        },
      ];
    });
    return reuseUnchanged([...live, ...ghosts], previousEdges.current);
  }, [model, transitions]);

  const playing = beats.playing;
  const stops = useMemo(
    () =>
      playing
        ? tokenStops(playing.beat.path, placement.positions, lastPositions.current, [
            ...model.nodes,
            ...transitions.ghostNodes,
          ])
        : [],
    [playing, placement, model, transitions],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<Node>[]) => {
      for (const change of changes) {
        if (change.type !== 'select' || NOT_SELECTABLE.test(change.id)) continue;
        if (change.selected) {
          select(change.id);
          showPanel('inspector');
        } else if (useAppStore.getState().selectedId === change.id) select(null);
      }
    },
    [select, showPanel],
  );

  // Keep everything in view as the layout grows and shrinks, until the user takes over the
  // viewport; an Apply hands the view back, so it eases to what the manifests made.
  const nodeCount = model.nodes.length;
  // Fading cards are still drawn (and fitted); fit again once they have gone.
  const fadingCount = transitions.ghostNodes.length;
  const extent = extentKey(placement);
  const applyOutcome = useAppStore((store) => store.applyOutcome);
  useEffect(() => {
    if (applyOutcome) userMoved.current = false;
  }, [applyOutcome]);
  useEffect(() => {
    if (userMoved.current || nodeCount === 0) return;
    const frame = requestAnimationFrame(() => void flow.current?.fitView(FIT_VIEW));
    return () => cancelAnimationFrame(frame);
  }, [nodeCount, fadingCount, layoutVersion, extent, applyOutcome]);

  // The "fit view" command: fit now, and keep fitting as objects come and go.
  useEffect(
    () =>
      registerHandle('fitView', () => {
        userMoved.current = false;
        void flow.current?.fitView(FIT_VIEW);
      }),
    [],
  );

  const tidy = useCallback(async () => {
    setTidying(true);
    try {
      applyOrder(memory.current, await computeTidyOrder(model));
      setLayoutVersion((version) => version + 1);
    } finally {
      setTidying(false);
    }
  }, [model]);

  return (
    <div
      ref={container}
      className={tiles ? 'cluster-graph is-tiled' : 'cluster-graph'}
      aria-label="Cluster graph"
    >
      <div className="graph-toolbar">
        <button type="button" onClick={() => void tidy()} disabled={tidying || model.nodes.length === 0}>
          {tidying ? 'Tidying…' : 'Tidy layout'}
        </button>
      </div>
      <NearViewProvider value={cardsNearView}>
        <TileViewProvider value={tiles}>
          <ReactFlow<FlowNode, Edge>
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            onNodesChange={onNodesChange}
            onPaneClick={() => select(null)}
            onInit={(instance) => {
              flow.current = instance;
            }}
            onMoveStart={(event) => {
              // Programmatic moves (fitView) come without an event.
              if (event) userMoved.current = true;
              moveStarted();
            }}
            onMoveEnd={moveEnded}
            nodesConnectable={false}
            nodesDraggable={false}
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.1}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
          >
            <LevelOfDetailWatcher cards={cardsNearView} onTilesChange={setTiles} />
            {playing && <BeatToken playing={playing} stops={stops} />}
            <BeatCaption view={beats} />
            <Background gap={24} />
            <Controls
              showInteractive={false}
              onFitView={() => {
                userMoved.current = false;
              }}
            />
          </ReactFlow>
        </TileViewProvider>
      </NearViewProvider>
      {children}
    </div>
  );
}

/** The box the layout takes, as a key: the view refits when it changes. */
function extentKey(placement: Placement): string {
  const xs = [...placement.positions.values()].map((position) => position.x);
  const ys = [...placement.positions.values()].map((position) => position.y);
  const boxes = placement.zones.map((zone) => `${zone.width}x${zone.height}`);
  return `${Math.min(...xs)},${Math.min(...ys)},${Math.max(...xs)},${Math.max(...ys)},${boxes.join(';')}`;
}

/**
 * React Flow and the memoised cards re-render only what changed identity, so a node or edge
 * whose content is the same as last frame's is handed over as last frame's object.
 */
function reuseUnchanged<T extends { id: string }>(items: T[], previous: Map<string, T>): T[] {
  const reused = items.map((item) => {
    const before = previous.get(item.id);
    return before && JSON.stringify(before) === JSON.stringify(item) ? before : item;
  });
  previous.clear();
  for (const item of reused) previous.set(item.id, item);
  return reused;
}
