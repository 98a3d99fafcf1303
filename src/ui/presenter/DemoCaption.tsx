/** The demo's caption under the graph: where we are, the step's narration in large type, next/previous. */
import { CommandButton } from '../commands/CommandButton';
import { Prose } from '../lesson/Prose';
import { useAppStore } from '../store';
import { currentDemo } from './demo-player';
import './presenter.css';

export function DemoCaption() {
  const session = useAppStore((store) => store.demo);
  const demo = useAppStore(currentDemo);
  if (!session || !demo) return null;
  const { position, busy, queued, problem } = session;
  const step = position > 0 ? demo.steps[position - 1] : undefined;
  const atEnd = position === demo.steps.length;
  return (
    <section className="demo-caption" aria-label={`Demo: ${demo.title}`}>
      <div className="demo-caption__bar">
        <h2 className="demo-caption__title">{demo.title}</h2>
        <span className="demo-caption__position">
          {position === 0 ? 'Ready' : `${position} of ${demo.steps.length}`}
          {busy ? ' · playing…' : atEnd ? ' · the end' : ''}
          {queued && ` · ${queued} is queued`}
        </span>
        <div className="demo-caption__controls" role="group" aria-label="Demo controls">
          <CommandButton id="demoPrevious" />
          <CommandButton id="demoNext" />
          <CommandButton id="leaveDemo" />
        </div>
      </div>
      <div className="demo-caption__text" aria-live="polite">
        {step ? (
          <Prose text={step.narration} />
        ) : (
          <Prose text={`${demo.summary}\n\nPress → or Page Down to begin; Esc leaves the demo.`} />
        )}
      </div>
      {problem && (
        <p className="demo-caption__problem" role="alert">
          The demo could not go on: {problem}
        </p>
      )}
    </section>
  );
}
