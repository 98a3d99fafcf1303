/**
 * A relation between two cards; a new binding draws itself, a broken one fades. A failure line
 * runs through the gutters between cards (failure-route.ts), its label under its source card.
 * Zoomed in, a line both of whose cards are far from the view draws nothing: every drawn path is
 * work for the compositor on each frame of a pan, seen or not.
 */
import type { Edge, EdgeProps } from '@xyflow/react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath } from '@xyflow/react';
import { motion } from 'motion/react';
import { memo } from 'react';
import { useNearView, useTileView } from './level-of-detail';
import { failureRoute } from './failure-route';
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
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<RelationFlowEdge>) {
  const tile = useTileView();
  const nearSource = useNearView(source);
  const nearTarget = useNearView(target);
  // Tiles are drawn whole (nearness is not kept up to date then); cards only near the view.
  if (!tile && !nearSource && !nearTarget) return null;
  if (data?.kind === 'failure') {
    const route = failureRoute({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
    return (
      <>
        <motion.path
          id={id}
          d={route.path}
          className="relation-edge relation-failure"
          fill="none"
          initial={data.entering ? { pathLength: 0 } : false}
          animate={data.exiting ? { opacity: 0 } : { pathLength: 1, opacity: 1 }}
          transition={{ duration: data.exiting ? 0.5 : 0.6, ease: 'easeInOut' }}
        />
        {!tile && data.label && (
          <EdgeText x={route.label.x} y={route.label.y} text={data.label} className="failure-label" />
        )}
      </>
    );
  }
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  // Zoomed out to tiles, a label would be an unreadable smudge.
  const label = tile ? undefined : data?.label;
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

/** A label at (x, y); too long for its room, it ends in an ellipsis and shows in full on hover. */
function EdgeText({ x, y, text, className }: { x: number; y: number; text: string; className?: string }) {
  return (
    <EdgeLabelRenderer>
      <div
        className={className ? `edge-label ${className}` : 'edge-label'}
        title={text}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
      >
        {text}
      </div>
    </EdgeLabelRenderer>
  );
}

export const RelationEdge = memo(RelationEdgeView);
