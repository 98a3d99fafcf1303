/**
 * "Tidy": ELK's layered algorithm, one partition per lane, orders each lane to minimise edge
 * crossings. ELK runs in its own worker and is loaded only when asked for.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { GraphModel, Lane } from './model';
import { CARD_HEIGHT, CARD_WIDTH, COLUMN_LANES } from './layout';

export async function computeTidyOrder(model: GraphModel): Promise<Map<Lane, string[]>> {
  const [{ default: ELK }, { default: elkWorkerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  const elk = new ELK({ workerUrl: elkWorkerUrl });
  try {
    const columnNodes = model.nodes.filter((item) => item.lane !== 'machines');
    const ids = new Set(columnNodes.map((item) => item.id));
    const graph: ElkNode = {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'RIGHT',
        'elk.partitioning.activate': 'true',
        'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
        'elk.spacing.nodeNode': '16',
      },
      children: columnNodes.map((item) => ({
        id: item.id,
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        layoutOptions: { 'elk.partitioning.partition': String(COLUMN_LANES.indexOf(item.lane)) },
      })),
      edges: model.edges
        .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
        .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
    };
    const laid = await elk.layout(graph);
    const laneOf = new Map(columnNodes.map((item) => [item.id, item.lane]));
    const order = new Map<Lane, string[]>();
    for (const child of [...(laid.children ?? [])].sort((a, b) => (a.y ?? 0) - (b.y ?? 0))) {
      const lane = laneOf.get(child.id);
      if (!lane) continue;
      order.set(lane, [...(order.get(lane) ?? []), child.id]);
    }
    return order;
  } finally {
    elk.terminateWorker();
  }
}
