/**
 * A guided lesson beside the canvas: the step's explanation, what to change (one click to apply
 * or run, or type it), a prediction to make before seeing, the request to send, and the check
 * the engine evaluates on the live cluster, green when met and with a hint when not. Back, skip,
 * jump to any step, or leave the lesson and keep the cluster.
 */
import './lessons.css';
import { useEffect, useId, useState } from 'react';
import { useWorkspace, useWorkspaceStore } from '../store';
import type { LessonRun } from '../store/lesson';

/** Re-read the shown step's check whenever the cluster changes (debounced: a check forks the cluster). */
function useLiveCheck() {
  const store = useWorkspaceStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => store.getState().evaluateLesson(), 120);
    };
    // Shown again (back from the Inspector tab): the cluster may have moved on meanwhile.
    later();
    // Moving between steps evaluates at once (lessonGo); a change to the cluster is read here.
    const stop = store.subscribe((s, prev) => {
      if (s.revision !== prev.revision) later();
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [store]);
}

function StepList({ run }: { run: LessonRun }) {
  const go = useWorkspace((s) => s.lessonGo);
  return (
    <ol className="lesson__steps" aria-label="Lesson steps">
      {run.lesson.steps.map((s, i) => {
        const state = run.done[i] ? 'done' : i === run.step ? 'current' : 'todo';
        return (
          <li key={s.title}>
            <button
              type="button"
              className={`lesson__dot lesson__dot--${state}`}
              aria-current={i === run.step ? 'step' : undefined}
              aria-label={`Step ${i + 1}: ${s.title}${run.done[i] ? ' (done)' : ''}`}
              title={s.title}
              onClick={() => go(i)}
            >
              {run.done[i] ? '✓' : i + 1}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function Prediction({ run }: { run: LessonRun }) {
  const predict = run.lesson.steps[run.step]?.predict;
  const answer = useWorkspace((s) => s.lessonPredict);
  const [choice, setChoice] = useState<number | null>(null);
  const name = useId();
  if (!predict) return null;
  const result = run.prediction?.result;
  return (
    <fieldset className="lesson__predict">
      <legend>Predict first: {predict.question}</legend>
      {predict.choices.map((c, i) => (
        <label key={c.label} className="lesson__choice">
          <input type="radio" name={name} checked={choice === i} onChange={() => setChoice(i)} disabled={result !== undefined} />
          <span>{c.label}</span>
          {result?.choices[i] && <span className="lesson__choice-value">{result.choices[i].value}</span>}
        </label>
      ))}
      {result === undefined ? (
        <button type="button" className="lesson__button" disabled={choice === null} onClick={() => choice !== null && answer(choice)}>
          Check my answer
        </button>
      ) : (
        <output className={`lesson__verdict lesson__verdict--${result.choices[run.prediction?.chosen ?? -1]?.correct ? 'right' : 'wrong'}`}>
          {result.error
            ? `The engine could not work it out: ${result.error}`
            : `${result.choices[run.prediction?.chosen ?? -1]?.correct ? 'Right.' : 'Not this time.'} The engine sent the request and saw ${result.actual}: “${result.choices.find((c) => c.correct)?.label ?? '—'}”.`}
        </output>
      )}
    </fieldset>
  );
}

export function LessonPanel() {
  useLiveCheck();
  const run = useWorkspace((s) => s.lesson);
  const go = useWorkspace((s) => s.lessonGo);
  const act = useWorkspace((s) => s.lessonAction);
  const send = useWorkspace((s) => s.lessonSend);
  const leave = useWorkspace((s) => s.leaveLesson);
  const [busy, setBusy] = useState(false);
  if (!run) return null;
  const step = run.lesson.steps[run.step];
  if (!step) return null;
  const last = run.step === run.lesson.steps.length - 1;
  const met = run.check?.met === true;
  return (
    <section className="lesson" aria-label="Lesson">
      <header className="lesson__head">
        <div>
          <p className="lesson__eyebrow">Lesson</p>
          <h2 className="lesson__title">{run.lesson.title}</h2>
        </div>
        <button type="button" className="lesson__leave" onClick={leave} title="Leave the lesson; the cluster stays as it is">
          Leave lesson
        </button>
      </header>
      <StepList run={run} />
      <h3 className="lesson__step-title">
        Step {run.step + 1} of {run.lesson.steps.length}: {step.title}
      </h3>
      <p className="lesson__text">{step.explanation}</p>
      {step.action && (
        <div className="lesson__action">
          <p className="lesson__label">{step.action.kind === 'apply' ? 'Change the manifests to stage' : 'Run in the terminal'}</p>
          <code className="lesson__code">{run.actionText ?? '…'}</code>
          <button
            type="button"
            className="lesson__button lesson__button--primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void act().finally(() => setBusy(false));
            }}
          >
            {step.action.kind === 'apply' ? 'Apply this stage' : 'Run this command'}
          </button>
        </div>
      )}
      <Prediction key={run.step} run={run} />
      {step.request && (
        <div className="lesson__action">
          <p className="lesson__label">Request</p>
          <code className="lesson__code">{run.requestText ?? '…'}</code>
          <button type="button" className="lesson__button" onClick={send}>
            Send and watch
          </button>
        </div>
      )}
      {run.status && <p className="lesson__status">{run.status}</p>}
      {run.problem && (
        <p className="lesson__problem" role="alert">
          {run.problem}
        </p>
      )}
      <output className={`lesson__check lesson__check--${run.check === null ? 'pending' : met ? 'met' : 'unmet'}`} aria-label="Step check">
        <span aria-hidden="true" className="lesson__check-icon">
          {run.check === null ? '…' : met ? '✓' : '○'}
        </span>
        <div>
          <p className="lesson__check-text">{run.check === null ? 'Checking the cluster…' : met ? `Done: ${run.check.detail}` : `Not yet: ${run.check.detail}`}</p>
          {run.check !== null && !met && <p className="lesson__hint">Hint: {step.hint}</p>}
        </div>
      </output>
      <footer className="lesson__nav">
        <button type="button" className="lesson__button" disabled={run.step === 0} onClick={() => go(run.step - 1)}>
          Back
        </button>
        {!last && (
          <button type="button" className={`lesson__button${met ? ' lesson__button--primary' : ''}`} onClick={() => go(run.step + 1)}>
            {met ? 'Next step' : 'Skip step'}
          </button>
        )}
        {last && met && <p className="lesson__finished">Lesson complete.</p>}
      </footer>
    </section>
  );
}
