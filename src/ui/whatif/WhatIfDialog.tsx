/**
 * "What if this claim is deleted?": Retain on the left, Delete on the right, both forecast from
 * the frame shown now and played step by step together, each with how it ends.
 */
import { useEffect, useRef, useState } from 'react';
import type { Frame } from '../../worker/protocol';
import { frameAtStep, lastStep } from './lockstep';
import type { ForecastResult, ReclaimForecast } from './reclaim-forecast';
import { forecastReclaim } from './reclaim-forecast';
import { outcomeSentences, reclaimOutcome } from './reclaim-outcome';
import type { ReclaimPolicy } from './reclaim-plan';
import { POLICIES } from './reclaim-plan';
import { WhatIfGraph } from './WhatIfGraph';
import './whatif.css';

/** How long each step shows while playing. */
const STEP_MS = 900;
/** Changes listed under each graph for the step shown. */
const CHANGES_SHOWN = 5;

const POLICY_MEANING: Readonly<Record<ReclaimPolicy, string>> = {
  Retain: 'keep the volume and its storage for an administrator',
  Delete: 'delete the volume and its storage along with the claim',
};

export function WhatIfDialog({
  namespace,
  name,
  onClose,
}: {
  namespace: string;
  name: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [result, setResult] = useState<ForecastResult | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  useEffect(() => {
    let current = true;
    void forecastReclaim(namespace, name).then(
      (answer) => current && setResult(answer),
      (error: unknown) =>
        current && setResult({ ok: false, reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [namespace, name]);

  return (
    <dialog ref={dialog} className="whatif" aria-labelledby="whatif-title" onClose={onClose}>
      <div className="whatif__header">
        <h2 id="whatif-title">
          What if claim {namespace}/{name} is deleted? Retain or Delete
        </h2>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      {result === null && <p role="status">Forecasting both sides…</p>}
      {result && !result.ok && (
        <p role="alert" className="whatif__problem">
          The what-if cannot be played: {result.reason}
        </p>
      )}
      {result?.ok && <WhatIfBody forecast={result.forecast} />}
    </dialog>
  );
}

function WhatIfBody({ forecast }: { forecast: ReclaimForecast }) {
  const { plan, start, sides } = forecast;
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const last = lastStep(sides.Retain, sides.Delete);

  useEffect(() => {
    if (!playing) return;
    if (step >= last) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setStep((current) => Math.min(last, current + 1)), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, step, last]);

  return (
    <>
      <div className="whatif__intro">
        <p>
          Two forecasts from round {start.round} of your cluster, side by side. Your timeline is not changed.
          Volume <code>{plan.volumeName}</code> has reclaim policy <strong>{plan.currentPolicy}</strong> now.
          Each side:
        </p>
        <ol>
          <li>sets the volume&apos;s reclaim policy (Retain or Delete);</li>
          <li>
            {plan.pods.length === 0 ? (
              'deletes no pod: none mounts the claim;'
            ) : (
              <>
                deletes the pod{plan.pods.length === 1 ? '' : 's'} that mount
                {plan.pods.length === 1 ? 's' : ''} the claim ({plan.pods.map((pod) => pod.name).join(', ')}),
                because while a pod uses a claim, protection keeps the claim Terminating;
              </>
            )}
          </li>
          <li>deletes the claim, then lets the controllers run until nothing changes.</li>
        </ol>
      </div>
      <div className="whatif__controls" role="toolbar" aria-label="What-if playback">
        <button
          type="button"
          onClick={() => {
            setPlaying(false);
            setStep(0);
          }}
        >
          Restart
        </button>
        <button
          type="button"
          onClick={() => {
            if (step >= last) setStep(0);
            setPlaying(!playing);
          }}
          aria-pressed={playing}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => setStep(Math.min(last, step + 1))} disabled={step >= last}>
          Step
        </button>
        <span className="whatif__step">
          Step {step} of {last}
          {step >= last ? ' · settled' : ''}
        </span>
      </div>
      <div className="whatif__sides">
        {POLICIES.map((policy) => (
          <WhatIfSide key={policy} policy={policy} forecast={forecast} step={step} />
        ))}
      </div>
    </>
  );
}

function captionOf(frame: Frame): string {
  switch (frame.cause.kind) {
    case 'intent':
      return `You: ${frame.cause.summary}`;
    case 'round':
      return `Round ${frame.state.round}`;
    default:
      return `Your cluster at round ${frame.state.round}`;
  }
}

function WhatIfSide({
  policy,
  forecast,
  step,
}: {
  policy: ReclaimPolicy;
  forecast: ReclaimForecast;
  step: number;
}) {
  const frames = forecast.sides[policy];
  const frame = frameAtStep(frames, step);
  const end = frames.at(-1);
  if (!frame || !end) return null;
  const changes = frame.changes.filter((change) => !change.repeat);
  const outcome = reclaimOutcome(
    forecast.start,
    end.state,
    forecast.plan.volumeName,
    `${forecast.plan.claim.namespace ?? 'default'}/${forecast.plan.claim.name}`,
  );
  const rounds = frames.filter((item) => item.cause.kind === 'round').length;
  return (
    <section className={`whatif-side is-${policy.toLowerCase()}`} aria-label={policy}>
      <h3>
        {policy} <span className="whatif-side__meaning">— {POLICY_MEANING[policy]}</span>
      </h3>
      <WhatIfGraph
        id={`whatif-${policy.toLowerCase()}`}
        state={frame.state}
        focus={forecast.plan.focus}
        label={`${policy}: the cluster at this step`}
      />
      <div className="whatif-side__step">
        <strong>{captionOf(frame)}</strong>
        {changes.length === 0 ? (
          <p className="panel-empty">No changes.</p>
        ) : (
          <ul>
            {changes.slice(0, CHANGES_SHOWN).map((change, index) => (
              <li key={index}>{change.message}</li>
            ))}
            {changes.length > CHANGES_SHOWN && <li>…and {changes.length - CHANGES_SHOWN} more</li>}
          </ul>
        )}
      </div>
      <div className="whatif-side__outcome" role="group" aria-label={`How it ends with ${policy}`}>
        <h4>
          How it ends (settled after {rounds} round{rounds === 1 ? '' : 's'})
        </h4>
        {outcomeSentences(outcome).map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
    </section>
  );
}
