/** Non-interactive backdrop: zone boxes behind the nodes, and lane titles above the columns. */
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

export type ZoneFlowNode = Node<{ zone: string; width: number; height: number }, 'zone'>;
export type LaneTitleFlowNode = Node<{ title: string }, 'laneTitle'>;

export const ZoneNode = memo(function ZoneNode({ data }: NodeProps<ZoneFlowNode>) {
  return (
    <div className="zone-box" style={{ width: data.width, height: data.height }}>
      <span className="zone-box__label">{data.zone}</span>
    </div>
  );
});

export const LaneTitleNode = memo(function LaneTitleNode({ data }: NodeProps<LaneTitleFlowNode>) {
  return <div className="lane-title">{data.title}</div>;
});
