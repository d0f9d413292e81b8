/**
 * Running a lesson: where a step stands on the live cluster (`lessonStepState`, read-only), and
 * doing what a step asks (`performStepAction`, which changes the cluster). The two are kept
 * apart: the UI applies a stage through its own store (editor text + apply) and types commands
 * in its terminal, then asks for the state again; tests and a CLI use `performStepAction`.
 */
import { ClusterPlayground, type PlaygroundApplyResult } from '../playground';
import type { Diagnostic } from '../types';
import type { WorkstationResult } from '../kubectl/workstation';
import type { Lesson, LessonStep, StepAction } from './lesson';
import type { BuiltinScenario } from './catalog';
import { evaluateCheck, type CheckResult } from './checks';
import { resolveLessonRequest, type ResolvedRequest } from './request';
import { fillPlaceholders } from './placeholders';

/** Reads a stage file's text: the app fetches `scenarios/<id>/<file>`, tests read public/. */
export type StageLoader = (scenarioId: string, file: string) => string;

export interface StepState {
  index: number;
  step: LessonStep;
  /** The check on the cluster as it is now. */
  check: CheckResult;
  /** The step's hint while the check is not met. */
  hint?: string;
  /** The step's request resolved on the live cluster, ready for `pg.request` (or why not yet). */
  request?: ResolvedRequest;
}

/** Where step `index` of the lesson stands on the live cluster. Changes nothing. */
export function lessonStepState(pg: ClusterPlayground, lesson: Lesson, index: number): StepState {
  const step = lesson.steps[index];
  if (!step) throw new RangeError(`lesson ${lesson.id} has no step ${index} (it has ${lesson.steps.length})`);
  const check = evaluateCheck(pg, step.check);
  return {
    index,
    step,
    check,
    ...(check.met ? {} : { hint: step.hint }),
    ...(step.request ? { request: resolveLessonRequest(pg, step.request) } : {}),
  };
}

/** Every step's check, in order: which are met, and the first that is not (-1 when all are). */
export function lessonProgress(pg: ClusterPlayground, lesson: Lesson): { met: boolean[]; firstUnmet: number } {
  const met = lesson.steps.map((s) => evaluateCheck(pg, s.check).met);
  return { met, firstUnmet: met.indexOf(false) };
}

/** Logical seconds to let pass after an action before its check can hold (pods start, old ones go). */
export function actionWait(action: StepAction): number {
  return action.wait ?? (action.kind === 'apply' ? 30 : 10);
}

/**
 * The action's text as the learner sees it: an apply's stage file, or the command line with
 * its placeholders filled from the live cluster (`{{podName:app=curlpod}}`).
 */
export function actionText(pg: ClusterPlayground, scenarioId: string, action: StepAction, load: StageLoader): { text: string } | { error: string } {
  switch (action.kind) {
    case 'apply':
      return { text: load(scenarioId, action.stage) };
    case 'command': {
      const line = fillPlaceholders(pg.snapshot(), action.line);
      return line.ok ? { text: line.value } : { error: line.error };
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

export type ActionOutcome =
  | { kind: 'none' }
  | { kind: 'apply'; result: PlaygroundApplyResult }
  | { kind: 'command'; line: string; result: WorkstationResult }
  | { kind: 'error'; error: string };

/**
 * Do what step `index` asks on the cluster, as the learner would: apply the stage (the editor's
 * whole text, so `prune` by default, as the editor's Apply does) or run the line in the
 * playground's terminal. The clock is not advanced (see actionWait).
 */
export function performStepAction(pg: ClusterPlayground, lesson: Lesson, index: number, load: StageLoader, options: { prune?: boolean } = {}): ActionOutcome {
  const action = lesson.steps[index]?.action;
  if (!action) return { kind: 'none' };
  const text = actionText(pg, lesson.scenario, action, load);
  if ('error' in text) return { kind: 'error', error: text.error };
  if (action.kind === 'apply') return { kind: 'apply', result: pg.apply(text.text, { prune: options.prune ?? true }) };
  return { kind: 'command', line: text.text, result: pg.kubectl(text.text) };
}

export interface OpenedScenario {
  playground: ClusterPlayground;
  /** The start stage's text (the editor's). */
  manifests: string;
  diagnostics: Diagnostic[];
  commands: WorkstationResult[];
}

/**
 * A fresh cluster with the scenario's options, its start stage applied (as the editor's Apply,
 * pruning), its commands replayed, and `settle` seconds (default 30) let pass.
 */
export function openScenario(entry: BuiltinScenario, load: StageLoader, settle = 30): OpenedScenario {
  const playground = new ClusterPlayground(entry.options);
  const manifests = load(entry.id, entry.start);
  const applied = playground.apply(manifests, { prune: true });
  const commands = (entry.commands ?? []).map((line) => playground.kubectl(line));
  playground.advance(settle);
  return { playground, manifests, diagnostics: applied.diagnostics, commands };
}
