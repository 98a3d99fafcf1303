/** A relation between two cards; a new binding draws itself, a broken one fades. */
import type { Edge, EdgeProps } from '@xyflow/react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import { motion } from 'motion/react';
import { memo } from 'react';
import { useTileView } from './level-of-detail';
import type { GraphEdgeKind } from './model';

export interface RelationEdgeData extends Record<string, unknown> {
  readonly kind: GraphEdgeKind;
  readonly label?: string;
  readonly entering: boolean;
  readonly exiting: boolean;
}

export type RelationFlowEdge = Edge<RelationEdgeData, 'relation'>;

function RelationEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<RelationFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  // Zoomed out to tiles, a label would be an unreadable smudge.
  const label = useTileView() ? undefined : data?.label;
  const kind = data?.kind ?? 'uses';
  const entering = data?.entering ?? false;
  const exiting = data?.exiting ?? false;
  if (kind === 'bound' || entering || exiting) {
    return (
      <>
        <motion.path
          id={id}
          d={path}
          className={`relation-edge relation-${kind}`}
          fill="none"
          initial={entering ? { pathLength: 0, opacity: 0.3 } : false}
          animate={exiting ? { opacity: 0 } : { pathLength: 1, opacity: 1 }}
          transition={{ duration: exiting ? 0.5 : 0.6, ease: 'easeInOut' }}
        />
        {label && <EdgeText x={labelX} y={labelY} text={label} />}
      </>
    );
  }
  return (
    <>
      <BaseEdge id={id} path={path} className={`relation-edge relation-${kind}`} interactionWidth={0} />
      {label && <EdgeText x={labelX} y={labelY} text={label} />}
    </>
  );
}

function EdgeText({ x, y, text }: { x: number; y: number; text: string }) {
  return (
    <EdgeLabelRenderer>
      <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}>
        {text}
      </div>
    </EdgeLabelRenderer>
  );
}

export const RelationEdge = memo(RelationEdgeView);
