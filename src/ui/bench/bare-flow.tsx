/**
 * The benchmark's baseline: plain React Flow with default nodes, drawing a graph of the same size
 * and shape as the app's (lanes of cards, one edge per card), with labels updated in the same
 * rhythm as reconcile rounds. Only `npm run bench:ui` opens it.
 */
import type { Edge, Node } from '@xyflow/react';
import { ReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const COUNT = Number(params.get('nodes') ?? '300');
/** How many nodes a "round" relabels: the app's benchmark round touches about this many. */
const CHANGED = Number(params.get('changed') ?? '30');
const LANES = 5;

function makeNode(index: number, round: number): Node {
  return {
    id: `n${index}`,
    position: { x: (index % LANES) * 300, y: Math.floor(index / LANES) * 104 },
    data: { label: index < CHANGED ? `object ${index} · round ${round}` : `object ${index}` },
    style: { width: 220, height: 88 },
  };
}

/** Idiomatic React Flow: unchanged nodes keep their objects; only the changed ones are new. */
const STABLE_NODES: Node[] = Array.from({ length: COUNT }, (_, index) => makeNode(index, 0));
const EDGES: Edge[] = STABLE_NODES.slice(1).map((node, index) => ({
  id: `e${index}`,
  source: `n${index}`,
  target: node.id,
}));

function BareFlow() {
  const [round, setRound] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setRound((value) => value + 1), 500);
    return () => clearInterval(timer);
  }, []);
  const nodes = useMemo(
    () => STABLE_NODES.map((node, index) => (index < CHANGED ? makeNode(index, round) : node)),
    [round],
  );
  return <ReactFlow nodes={nodes} edges={EDGES} fitView proOptions={{ hideAttribution: true }} />;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<BareFlow />);
