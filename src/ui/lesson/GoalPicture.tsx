/**
 * A faint picture of the graph once the step's goal is met, on request. The worker plays the
 * step's solution on a scratch copy of the cluster (a forecast); the real cluster is untouched.
 */
import { useEffect, useId, useState } from 'react';
import type { LessonStep } from '../../lessons';
import { engineClient } from '../engine/connection';
import { TONE_COLORS } from '../graph/tones';
import { useAppStore } from '../store';
import type { GoalSketch } from './goal-sketch';
import { SKETCH_CARD, SKETCH_TEXT_INSET, describeSketch, sketchGoal } from './goal-sketch';
import './goal-picture.css';

type Picture =
  | { readonly kind: 'idle' }
  | { readonly kind: 'ready'; readonly sketch: GoalSketch }
  | { readonly kind: 'unavailable'; readonly reason: string };

export function GoalPicture({ step }: { step: LessonStep }) {
  const [open, setOpen] = useState(false);
  const [picture, setPicture] = useState<Picture>({ kind: 'idle' });
  const startSeq = useAppStore((store) => store.stepStartSeq);

  useEffect(() => {
    setPicture({ kind: 'idle' });
  }, [step]);

  useEffect(() => {
    if (!open || picture.kind !== 'idle') return;
    let cancelled = false;
    void (async () => {
      const client = await engineClient();
      const forecast = await client.forecast(step.solution, startSeq ?? undefined);
      const now = useAppStore.getState().frame?.state;
      if (cancelled) return;
      const goal = forecast.ok ? forecast.frames.at(-1)?.state : undefined;
      setPicture(
        goal && now
          ? { kind: 'ready', sketch: sketchGoal(now, goal) }
          : { kind: 'unavailable', reason: forecast.ok ? 'no frame' : forecast.reason },
      );
    })();
    return () => {
      cancelled = true;
    };
  }, [open, picture.kind, step, startSeq]);

  return (
    <details className="goal-picture" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Goal picture</summary>
      {picture.kind === 'ready' && <Sketch sketch={picture.sketch} />}
      {picture.kind === 'unavailable' && (
        <p className="goal-picture__note">No picture from here ({picture.reason}).</p>
      )}
    </details>
  );
}

function Sketch({ sketch }: { sketch: GoalSketch }) {
  const description = describeSketch(sketch);
  // The lines are cut to fit by character count; the clip catches a line of unusually wide letters.
  const cardClip = `goal-card-${useId().replace(/[^\w-]/g, '')}`;
  return (
    <figure className="goal-picture__figure">
      <svg
        viewBox={`0 0 ${sketch.width} ${sketch.height}`}
        role="img"
        aria-label={`Goal picture. ${description}`}
      >
        <defs>
          <clipPath id={cardClip}>
            <rect
              x={SKETCH_TEXT_INSET / 2}
              width={SKETCH_CARD.width - SKETCH_TEXT_INSET}
              height={SKETCH_CARD.height}
            />
          </clipPath>
        </defs>
        {sketch.edges.map((edge) => (
          <line
            key={edge.id}
            x1={edge.from.x}
            y1={edge.from.y}
            x2={edge.to.x}
            y2={edge.to.y}
            className="goal-picture__edge"
          />
        ))}
        {sketch.nodes.map((node) => {
          const tone = TONE_COLORS[node.tone];
          return (
            <g key={node.id} transform={`translate(${node.x} ${node.y})`} className={`is-${node.change}`}>
              <title>{node.ariaLabel}</title>
              <rect
                width={SKETCH_CARD.width}
                height={SKETCH_CARD.height}
                rx={10}
                className="goal-picture__card"
              />
              <rect width={SKETCH_CARD.width} height={26} rx={10} fill={tone.fill} />
              <g clipPath={`url(#${cardClip})`}>
                <text x={SKETCH_TEXT_INSET} y={18} fill={tone.text} className="goal-picture__status">
                  {node.statusLine}
                </text>
                <text x={SKETCH_TEXT_INSET} y={58} className="goal-picture__name">
                  {node.nameLine}
                </text>
              </g>
            </g>
          );
        })}
      </svg>
      <figcaption>{description}</figcaption>
    </figure>
  );
}
