/** One cluster object (or disk, or driver) as a card: kind, name, status, key facts, data badge. */
import type { Node, NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import { motion } from 'motion/react';
import { memo, useEffect, useRef } from 'react';
import { KindIcon } from './icons';
import { useNearView, useTileView } from './level-of-detail';
import { useAppStore } from '../store';
import { FAILURE_HANDLE } from './failure-route';
import type { DriverChip, GraphNodeModel, WarningMark } from './model';
import { toneStyle } from './tones';

export interface ResourceNodeData extends Record<string, unknown> {
  readonly model: GraphNodeModel;
  /** The node appeared in this frame (entry animation). */
  readonly entering: boolean;
  /** The node is gone; it fades out before it is removed from the graph. */
  readonly exiting: boolean;
  /** Changes whenever the node's status changes, to replay the pulse. */
  readonly pulse: number;
  readonly highlighted: boolean;
}

export type ResourceFlowNode = Node<ResourceNodeData, 'resource'>;

function ResourceNodeView({ id, data, selected }: NodeProps<ResourceFlowNode>) {
  const { model, entering, exiting, pulse, highlighted } = data;
  const nearView = useNearView(id);
  const tile = useTileView() || !nearView;
  const pulseIsNew = useIsNew(pulse);
  const filesAreNew = useIsNew(model.files);
  const className = [
    'resource-node',
    `kind-${model.kind}`,
    `tone-${model.tone}`,
    selected ? 'is-selected' : '',
    highlighted ? 'is-highlighted' : '',
    model.status === 'Terminating' ? 'is-terminating' : '',
    model.missing ? 'is-missing' : '',
    tile ? 'is-tile' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const motionProps = {
    className,
    initial: entering ? { opacity: 0, scale: 0.7 } : false,
    animate: exiting ? { opacity: 0, scale: 0.85 } : { opacity: 1, scale: 1, x: 0 },
    transition: { duration: exiting ? 0.5 : 0.45, ease: 'easeOut' },
  } as const;
  if (tile) {
    // Cards have fixed heights by kind (styles.css), so a tile keeps its card's box and handles.
    return (
      <motion.div {...motionProps} style={toneStyle(model.tone)}>
        <Handle type="target" position={Position.Left} className="node-handle" isConnectable={false} />
        <Handle type="source" position={Position.Right} className="node-handle" isConnectable={false} />
        <FailureHandle />
      </motion.div>
    );
  }
  const statusPill = (
    <motion.span
      key={pulse}
      className="status-pill"
      style={toneStyle(model.tone)}
      initial={pulseIsNew ? { scale: 1.35 } : false}
      animate={{ scale: 1 }}
      transition={{ duration: 0.4 }}
    >
      {model.status}
    </motion.span>
  );
  return (
    <motion.div {...motionProps}>
      <Handle type="target" position={Position.Left} className="node-handle" isConnectable={false} />
      <div className="resource-node__header">
        <KindIcon kind={model.kind} label={model.kindLabel} />
        <span className="resource-node__kind">{model.kindLabel}</span>
        {model.files !== undefined ? (
          // Storage shows what it holds where other cards show a status: the data travels with it.
          <motion.span
            key={`files-${model.files}`}
            className={`data-badge ${model.files === 0 ? 'is-empty' : ''}`}
            initial={filesAreNew ? { scale: 1.4 } : false}
            animate={{ scale: 1 }}
            aria-label={`${model.files} file${model.files === 1 ? '' : 's'}`}
          >
            {model.files} {model.files === 1 ? 'file' : 'files'}
          </motion.span>
        ) : (
          // A missing object's kind ("ConfigMap") takes the header; its status opens its fact line.
          // A status that is the kind's ordinary state, or none (a ConfigMap has no phase), has no pill.
          !model.missing && !model.quietStatus && model.status && statusPill
        )}
      </div>
      <div className="resource-node__name-row">
        <div className="resource-node__name" title={model.name}>
          {model.name}
        </div>
        {model.warnings && <WarningMarkButton mark={model.warnings} />}
      </div>
      {model.facts.map((fact, index) => (
        <div
          key={fact}
          className={fact === model.alertFact ? 'resource-node__fact is-alert' : 'resource-node__fact'}
          title={fact}
        >
          {model.missing && index === 0 ? (
            <>
              {statusPill} {fact}
            </>
          ) : (
            fact
          )}
        </div>
      ))}
      {model.driver && <DriverChipButton chip={model.driver} />}
      <Handle type="source" position={Position.Right} className="node-handle" isConnectable={false} />
      <FailureHandle />
    </motion.div>
  );
}

/**
 * Whether `value` differs from what this card last showed. A card that comes back from a tile
 * (panned near the view) mounts its pill and badge afresh: they pulse only for a real change,
 * or every pan would replay dozens of animations (and repaint the graph on every frame).
 */
function useIsNew<T>(value: T): boolean {
  const shown = useRef(value);
  const isNew = shown.current !== value;
  useEffect(() => {
    if (!isNew) return;
    // The pulse lasts 0.4 s; after it, the value counts as shown.
    const timer = window.setTimeout(() => {
      shown.current = value;
    }, 400);
    return () => window.clearTimeout(timer);
  }, [isNew, value]);
  return isNew;
}

/** Where failure lines leave the card (after the right-hand handle, which stays the default source). */
function FailureHandle() {
  return (
    <Handle
      type="source"
      id={FAILURE_HANDLE}
      position={Position.Bottom}
      className="node-handle node-handle--failure"
      isConnectable={false}
    />
  );
}

/** "⚠ 2": the card's Warning events; it opens the events panel on them. */
function WarningMarkButton({ mark }: { mark: WarningMark }) {
  const focusEvents = useAppStore((store) => store.focusEvents);
  const showPanel = useAppStore((store) => store.showPanel);
  return (
    <button
      type="button"
      className="warning-mark nodrag"
      aria-label={mark.ariaLabel}
      title={mark.ariaLabel}
      onClick={(event) => {
        // The click opens the events, it does not select the card around it.
        event.stopPropagation();
        focusEvents(mark.eventKeys);
        showPanel('events');
      }}
      // Enter and Space on the mark press the mark; the card around it must not take them too.
      onKeyDown={(event) => event.stopPropagation()}
    >
      ⚠ {mark.count}
    </button>
  );
}

/** The class's driver: selecting it opens the driver (its faults) in the inspector. */
function DriverChipButton({ chip }: { chip: DriverChip }) {
  if (!chip.selectable)
    return (
      <span className="driver-chip is-none" aria-label={chip.ariaLabel} title={`${chip.name}: ${chip.label}`}>
        {chip.name}
      </span>
    );
  return <SelectableDriverChip chip={chip} />;
}

function SelectableDriverChip({ chip }: { chip: DriverChip }) {
  const select = useAppStore((store) => store.select);
  const showPanel = useAppStore((store) => store.showPanel);
  return (
    <button
      type="button"
      className={`driver-chip nodrag ${chip.failed ? 'is-failed' : ''}`}
      aria-label={chip.ariaLabel}
      title={`${chip.name} (${chip.label})`}
      onClick={(event) => {
        // The click selects the driver, not the class card around it.
        event.stopPropagation();
        select(chip.id);
        showPanel('inspector');
      }}
    >
      {chip.name}
    </button>
  );
}

export const ResourceNode = memo(ResourceNodeView);
