/**
 * Lesson mode: pick a lesson; then, step by step, read, act, and watch the goal checklist tick as
 * the cluster changes. Hints on request, a guess before the solution plays, progress kept locally.
 */
import { useEffect, useState } from 'react';
import { LESSONS } from '../../lessons';
import type { Lesson, LessonStep } from '../../lessons';
import { useAppStore } from '../store';
import { checkGoals, enterStep, lessonById, playSolution, startLesson } from './lesson-actions';
import { GoalPicture } from './GoalPicture';
import { Prose } from './Prose';

export function LessonPanel() {
  const lesson = lessonById(useAppStore((store) => store.lessonId));
  return lesson ? <LessonView lesson={lesson} /> : <LessonList />;
}

function LessonList() {
  const completed = useAppStore((store) => store.completedSteps);
  return (
    <section className="lesson-list" aria-label="Lessons">
      <h3>The course</h3>
      <ol>
        {LESSONS.map((lesson) => {
          const done = (completed[lesson.id] ?? []).length;
          return (
            <li key={lesson.id}>
              <button
                type="button"
                onClick={() => void startLesson(lesson)}
                aria-label={`Start lesson ${lesson.number}: ${lesson.title}`}
              >
                <strong>
                  {lesson.number}. {lesson.title}
                </strong>
                <span className="lesson-list__summary">{lesson.summary}</span>
                <span className="lesson-list__progress">
                  {done} of {lesson.steps.length} steps done
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function LessonView({ lesson }: { lesson: Lesson }) {
  const stepIndex = useAppStore((store) => store.stepIndex);
  const frameSeq = useAppStore((store) => store.frame?.seq);
  const openLesson = useAppStore((store) => store.openLesson);
  const ready = useAppStore((store) => store.lessonReady);
  const step = lesson.steps[stepIndex];

  // Goals are re-checked in the worker whenever the cluster changes.
  useEffect(() => {
    void checkGoals();
  }, [frameSeq, stepIndex]);

  if (!step) return null;
  if (!ready)
    return (
      <section className="lesson" aria-label={`Lesson ${lesson.number}: ${lesson.title}`}>
        <h3>
          {lesson.number}. {lesson.title}
        </h3>
        <p role="status">Preparing the cluster for this lesson…</p>
      </section>
    );
  return (
    <section className="lesson" aria-label={`Lesson ${lesson.number}: ${lesson.title}`}>
      <div className="lesson__header">
        <button type="button" onClick={() => openLesson(null)}>
          All lessons
        </button>
        <h3>
          {lesson.number}. {lesson.title}
        </h3>
      </div>
      <p className="lesson__position">
        Step {stepIndex + 1} of {lesson.steps.length}: <strong>{step.title}</strong>
      </p>
      <Prose text={step.prose} />
      <GoalChecklist step={step} />
      <GoalPicture step={step} />
      <Hints step={step} />
      {step.prediction && <PredictionBox step={step} />}
      <StepControls lesson={lesson} step={step} stepIndex={stepIndex} />
    </section>
  );
}

function GoalChecklist({ step }: { step: LessonStep }) {
  const results = useAppStore((store) => store.goalResults);
  return (
    <ul className="goals" aria-label="Goals">
      {step.goals.map((goal, index) => {
        const met = results[index]?.met ?? false;
        return (
          <li key={goal.label} className={met ? 'is-met' : ''}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> {goal.label}
            <span className="visually-hidden">{met ? ' (done)' : ' (not yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Hints({ step }: { step: LessonStep }) {
  const shown = useAppStore((store) => store.hintsShown);
  const showNextHint = useAppStore((store) => store.showNextHint);
  return (
    <div className="hints">
      {step.hints.slice(0, shown).map((hint, index) => (
        <p key={hint} className="hint">
          <strong>Hint {index + 1}:</strong> {hint}
        </p>
      ))}
      {shown < step.hints.length && (
        <button type="button" onClick={showNextHint}>
          {shown === 0 ? 'Show a hint' : 'Another hint'} ({shown + 1} of {step.hints.length})
        </button>
      )}
    </div>
  );
}

function PredictionBox({ step }: { step: LessonStep }) {
  const choice = useAppStore((store) => store.predictionChoice);
  const choose = useAppStore((store) => store.choosePrediction);
  const results = useAppStore((store) => store.goalResults);
  const prediction = step.prediction;
  if (!prediction) return null;
  const revealed = choice !== null && results.length > 0 && results.every((result) => result.met);
  return (
    <fieldset className="prediction">
      <legend>Predict: {prediction.question}</legend>
      {prediction.choices.map((text, index) => (
        <label key={text}>
          <input
            type="radio"
            name={`predict-${step.id}`}
            checked={choice === index}
            disabled={choice !== null}
            onChange={() => choose(index)}
          />{' '}
          {text}
        </label>
      ))}
      {choice !== null && !revealed && (
        <p>Your guess is in. Now make it happen (or show the solution) and see.</p>
      )}
      {revealed && (
        <p role="status" className={choice === prediction.answer ? 'is-right' : 'is-wrong'}>
          {choice === prediction.answer
            ? 'Right. '
            : `Not quite: the answer is “${prediction.choices[prediction.answer] ?? ''}”. `}
          {prediction.explanation}
        </p>
      )}
    </fieldset>
  );
}

function StepControls({ lesson, step, stepIndex }: { lesson: Lesson; step: LessonStep; stepIndex: number }) {
  const results = useAppStore((store) => store.goalResults);
  const [playing, setPlaying] = useState(false);
  const met = results.length > 0 && results.every((result) => result.met);
  const last = stepIndex === lesson.steps.length - 1;
  return (
    <div className="lesson__controls">
      <button
        type="button"
        disabled={playing || met}
        onClick={() => {
          setPlaying(true);
          void playSolution(step).finally(() => setPlaying(false));
        }}
      >
        {playing ? 'Playing the solution…' : 'Show solution'}
      </button>
      {/* Not while the solution still plays: its last intents belong to this step. */}
      {met && !last && !playing && (
        <button type="button" className="apply-button" onClick={() => enterStep(lesson, stepIndex + 1)}>
          Next step
        </button>
      )}
      {met && last && !playing && (
        <p role="status" className="lesson__done">
          Lesson complete.
        </p>
      )}
    </div>
  );
}
