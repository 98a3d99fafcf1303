/** The animated cluster graph: frames in, React Flow nodes and edges out. */
import type { Edge, Node, NodeChange, ReactFlowInstance, Viewport } from '@xyflow/react';
import { Background, ControlButton, Controls, ReactFlow } from '@xyflow/react';
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
import { LayoutMemory, applyOrder, cardSizes, placeNodes } from './layout';
import { FAILURE_HANDLE } from './failure-route';
import { BeatCaption } from './BeatCaption';
import { BeatToken, tokenStops } from './BeatToken';
import type { RelationFlowEdge } from './RelationEdge';
import { RelationEdge } from './RelationEdge';
import type { ResourceFlowNode } from './ResourceNode';
import { ResourceNode } from './ResourceNode';
import { computeTidyOrder } from './tidy';
import { Legend } from './Legend';
import { relationFlowEdge, resourceFlowNode } from './flow-elements';
import { useBeatPlayer } from './use-beat-player';
import { useGraphTransitions } from './use-graph-transitions';

/** Fitted, the cards fill the view with a small margin; a small cluster is not blown up past 1.25×. */
/** Fitting leaves the left strip to the view controls, so no control ever covers a card at fit. */
const FIT_VIEW = {
  padding: { top: '10px', right: '10px', bottom: '10px', left: '48px' },
  maxZoom: 1.25,
  duration: 300,
} as const;
const NODE_TYPES = {
  resource: ResourceNode,
  zone: ZoneNode,
  laneTitle: LaneTitleNode,
};
const EDGE_TYPES = { relation: RelationEdge };
/** Ghosts, missing objects, zone boxes and lane titles are drawn but never selected. */
const NOT_SELECTABLE = /^(ghost|missing|zone|lane):/;

type FlowNode = ResourceFlowNode | ZoneFlowNode | LaneTitleFlowNode;

/** `children` are drawn under the canvas, inside the graph's box (the demo caption). */
export function ClusterGraph({ children }: { children?: ReactNode }) {
  const selectedId = useAppStore((store) => store.selectedId);
  const highlightedIds = useAppStore((store) => store.highlightedIds);
  const select = useAppStore((store) => store.select);
  const showPanel = useAppStore((store) => store.showPanel);
  // A live frame is drawn beat by beat (the changes of its round in order); a jump at once. The
  // director's models carry the failures, added before the layout like everything else.
  const beats = useBeatPlayer();
  const model = beats.model;
  const transitions = useGraphTransitions(model);
  const memory = useRef(new LayoutMemory());
  const lastPositions = useRef(new Map<string, Position>());
  const [layoutVersion, setLayoutVersion] = useState(0);
  const [tidying, setTidying] = useState(false);
  const [legendOpen, setLegendOpen] = useState(false);
  const [tiles, setTiles] = useState(false);
  const [cardsNearView] = useState(() => new CardsNearView());
  const flow = useRef<ReactFlowInstance<FlowNode, Edge> | null>(null);
  /** Last frame's node and edge objects: unchanged ones are passed again as the same object. */
  const previousNodes = useRef(new Map<string, FlowNode>());
  const previousEdges = useRef(new Map<string, RelationFlowEdge>());
  /** Once the user pans or zooms, the graph stops re-fitting itself. */
  const userMoved = useRef(false);
  const moveStartedAt = useRef<Viewport | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const { moveStarted, moveEnded } = useMovingLayer(container);

  // Presenter type grows the cards with it (styles scale them by the same factor).
  const uiScale = useAppStore((store) => store.uiScale);
  const sizes = useMemo(() => cardSizes(uiScale), [uiScale]);
  const placement = useMemo(() => {
    void layoutVersion;
    const placed = placeNodes(model, memory.current, sizes);
    for (const [id, position] of placed.positions) lastPositions.current.set(id, position);
    return placed;
  }, [model, layoutVersion, sizes]);

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
        highlighted: highlighted.has(item.id),
      }),
      selected: item.id === selectedId,
      // A missing object has nothing to inspect: a picture, not a control.
      ...(item.missing ? { selectable: false, focusable: false, ariaRole: 'img' } : { ariaRole: 'button' }),
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
          // A fading failure line keeps its route (from the bottom of its card).
          ...(item.kind === 'failure' ? { sourceHandle: FAILURE_HANDLE } : {}),
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
        ? tokenStops(
            playing.beat.path,
            placement.positions,
            lastPositions.current,
            [...model.nodes, ...transitions.ghostNodes],
            sizes,
          )
        : [],
    [playing, placement, model, transitions, sizes],
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

  // A pane collapsed, a separator dragged, the window resized: the graph refits to its new room.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (!userMoved.current) void flow.current?.fitView({ ...FIT_VIEW, duration: 0 });
      });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [container]);

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
            onMoveStart={(_event, viewport) => {
              moveStartedAt.current = viewport;
              moveStarted();
            }}
            onMoveEnd={(event, viewport) => {
              // Programmatic moves (fitView) come without an event; a click on the pane is a move
              // that went nowhere: neither takes the view from the automatic fit.
              const from = moveStartedAt.current;
              if (event && from && !sameViewport(from, viewport)) userMoved.current = true;
              moveEnded();
            }}
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
            >
              <ControlButton
                onClick={() => void tidy()}
                disabled={tidying || model.nodes.length === 0}
                title={tidying ? 'Tidying…' : 'Tidy layout: reorder each column to untangle lines'}
                aria-label="Tidy layout"
              >
                <TidyIcon />
              </ControlButton>
              <ControlButton
                onClick={() => setLegendOpen((open) => !open)}
                title="What the colours mean"
                aria-label="Colour key"
                aria-expanded={legendOpen}
              >
                <KeyIcon />
              </ControlButton>
            </Controls>
          </ReactFlow>
        </TileViewProvider>
      </NearViewProvider>
      {legendOpen && (
        <div className="graph-legend">
          <Legend />
        </div>
      )}
      {children}
    </div>
  );
}

function sameViewport(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.zoom - b.zoom) < 1e-3;
}

function TidyIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <path d="M2 3h5v3H2zM9 3h5v3H9zM2 10h5v3H2zM9 10h5v3H9z" fill="currentColor" />
    </svg>
  );
}

function KeyIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="4" cy="4" r="2.5" fill="#1f8a4c" />
      <circle cx="12" cy="4" r="2.5" fill="#1b6ec2" />
      <circle cx="4" cy="12" r="2.5" fill="#b7791f" />
      <circle cx="12" cy="12" r="2.5" fill="#c53030" />
    </svg>
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
