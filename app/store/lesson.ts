/**
 * The lesson slice: a guided lesson running on the live cluster. The lesson's data and its
 * evaluation are the engine's (src/engine/scenario: checks, predictions, requests, all computed
 * on a fork of the cluster, never hard-coded); this slice does a step's action the way the
 * learner would (the editor's text becomes the stage and is applied; a command goes through the
 * terminal, so the editor follows it), sends its request to be animated, and keeps where the
 * learner is. The learner may go back, skip, or leave and keep the cluster.
 */
import type { RequestSpec } from '../../src/engine';
import type { BuiltinScenario, CheckResult, Lesson, PredictionResult } from '../../src/engine/scenario';
import { loadScenarioModule, stageLoader, type ScenarioModule } from '../share/builtin';
import { draftOfSpec, originLabel } from './request';
import type { WorkspaceState } from './workspace';

export interface LessonRun {
  lesson: Lesson;
  /** 0-based index of the step shown. */
  step: number;
  /** The shown step's check on the cluster as it is now (null until first evaluated). */
  check: CheckResult | null;
  /** Steps whose check was seen met, so the step list can tick them. */
  done: boolean[];
  /** The shown step's prediction: the learner's choice and the engine's answer. */
  prediction: { chosen: number; result: PredictionResult } | null;
  /** Why the step's action or request could not be done. */
  problem: string | null;
  /** What the last action did, in a sentence. */
  status: string | null;
  /** The shown step's action as the learner would type or apply it (placeholders filled). */
  actionText: string | null;
  /** The shown step's request as a curl-like line, or why it cannot be sent yet. */
  requestText: string | null;
  /** Steps whose action the learner has done (a prediction is then answered on the cluster as it is). */
  performed: boolean[];
}

/** "POST https://… (from default/busybox)": a resolved request in one line, its origin as the dock names it. */
function describeRequest(spec: RequestSpec): string {
  return `${spec.method ?? 'GET'} ${spec.url}  (from ${originLabel(spec.from)})`;
}

export interface LessonSlice {
  lesson: LessonRun | null;
  /** Start lesson `id` on the current cluster (opened from its scenario), at 0-based `step`. */
  startLesson(id: string, options: { step: number; files: ReadonlyMap<string, string> }): Promise<void>;
  /** Show another step (back, skip, or a step from the list). */
  lessonGo(step: number): void;
  /** Do the shown step's action: apply its stage, or run its command in the terminal. */
  lessonAction(): Promise<void>;
  /** Send the shown step's request and play its trace. */
  lessonSend(): void;
  lessonPredict(choice: number): void;
  /** Re-read the shown step's check (after the cluster changed). */
  evaluateLesson(): void;
  leaveLesson(): void;
  /** A built-in scenario's suggested request, as the console's draft. */
  prepareScenarioRequest(entry: BuiltinScenario): void;
}

type Set = (partial: Partial<WorkspaceState> | ((s: WorkspaceState) => Partial<WorkspaceState>)) => void;
type Get = () => WorkspaceState;

export function lessonSlice(set: Set, get: Get): LessonSlice {
  let mod: ScenarioModule | null = null;
  let files: ReadonlyMap<string, string> = new Map();

  const patch = (p: Partial<LessonRun>) => set((s) => (s.lesson ? { lesson: { ...s.lesson, ...p } } : {}));

  const evaluate = () => {
    const { lesson: run, playground: pg } = get();
    if (!run || !pg || !mod) return;
    const state = mod.lessonStepState(pg, run.lesson, run.step);
    const done = run.done.slice();
    if (state.check.met) done[run.step] = true;
    const action = state.step.action ? mod.actionText(pg, run.lesson.scenario, state.step.action, stageLoader(files)) : null;
    const actionText = action === null ? null : 'error' in action ? `(${action.error})` : state.step.action?.kind === 'apply' ? state.step.action.stage : action.text;
    const requestText = state.request === undefined ? null : 'error' in state.request ? `Not yet: ${state.request.error}` : describeRequest(state.request);
    patch({ check: state.check, done, actionText, requestText });
  };

  /**
   * Do step `index`'s action as the learner would: an apply through the editor, a command
   * through the terminal (so it is echoed and the editor follows what it changed).
   */
  const perform = async (index: number): Promise<string | null> => {
    const run = get().lesson;
    const pg = get().playground;
    const action = run?.lesson.steps[index]?.action;
    if (!run || !pg || !mod || !action) return null;
    const text = mod.actionText(pg, run.lesson.scenario, action, stageLoader(files));
    if ('error' in text) return text.error;
    if (action.kind === 'apply') {
      get().setManifests(text.text);
      get().applyManifests();
    } else {
      await get().runCommand(text.text);
    }
    get().advanceClock(mod.actionWait(action));
    return null;
  };

  return {
    lesson: null,
    startLesson: async (id, options) => {
      mod = await loadScenarioModule();
      const lesson = mod.lessonById(id);
      if (!lesson) return;
      files = options.files;
      const target = Math.max(0, Math.min(lesson.steps.length - 1, options.step));
      set({ lesson: { lesson, step: 0, check: null, done: [], prediction: null, problem: null, status: null, actionText: null, requestText: null, performed: [] } });
      // A link to a later step: the earlier steps' actions are done first, as the learner would have.
      for (let i = 0; i < target; i++) {
        const problem = await perform(i);
        if (problem) {
          patch({ problem: `Step ${i + 1} could not be done: ${problem}` });
          break;
        }
      }
      // The earlier steps were done; whether their checks hold now is read, not assumed.
      const pg = get().playground;
      const m = mod;
      const done = pg ? lesson.steps.slice(0, target).map((st) => m.evaluateCheck(pg, st.check).met) : [];
      patch({ step: target, done, performed: Array.from({ length: target }, () => true) });
      evaluate();
    },
    lessonGo: (step) => {
      const run = get().lesson;
      if (!run) return;
      const next = Math.max(0, Math.min(run.lesson.steps.length - 1, step));
      patch({ step: next, check: null, prediction: null, problem: null, status: null });
      evaluate();
    },
    lessonAction: async () => {
      const run = get().lesson;
      if (!run) return;
      const action = run.lesson.steps[run.step]?.action;
      const problem = await perform(run.step);
      const wait = action && mod ? mod.actionWait(action) : 0;
      const performed = (get().lesson?.performed ?? []).slice();
      if (!problem) performed[run.step] = true;
      patch({
        performed,
        problem,
        status: problem ? null : action?.kind === 'apply' ? `Applied ${action.stage}; the cluster clock moved on ${wait} s.` : `Ran it in the Terminal; the cluster clock moved on ${wait} s.`,
      });
      // The check is read again when the cluster's revision moves (LessonPanel's useLiveCheck).
    },
    lessonSend: () => {
      const { lesson: run, playground: pg } = get();
      const request = run?.lesson.steps[run.step]?.request;
      if (!run || !pg || !mod || !request) return;
      const spec = mod.resolveLessonRequest(pg, request);
      if ('error' in spec) {
        patch({ problem: spec.error });
        return;
      }
      set({ draft: draftOfSpec(spec) });
      get().send();
      patch({ problem: null });
      evaluate();
    },
    lessonPredict: (choice) => {
      const { lesson: run, playground: pg } = get();
      const predict = run?.lesson.steps[run.step]?.predict;
      if (!run || !pg || !mod || !predict) return;
      // Predict, then see: before the learner has done the step's change, the answer is what
      // the cluster will do once it is done — computed on a copy with the change made.
      let where = pg;
      const action = run.lesson.steps[run.step]?.action;
      if (action && !run.performed[run.step]) {
        where = pg.fork();
        const outcome = mod.performStepAction(where, run.lesson, run.step, stageLoader(files));
        if (outcome.kind !== 'error') where.advance(mod.actionWait(action));
      }
      patch({ prediction: { chosen: choice, result: mod.evaluatePrediction(where, predict) } });
    },
    evaluateLesson: evaluate,
    leaveLesson: () => set({ lesson: null }),
    prepareScenarioRequest: (entry) => {
      const pg = get().playground;
      if (!pg || !entry.request) return;
      void loadScenarioModule().then((m) => {
        const spec = m.resolveLessonRequest(pg, entry.request!);
        if (!('error' in spec) && get().playground === pg) set({ draft: draftOfSpec(spec) });
      });
    },
  };
}
