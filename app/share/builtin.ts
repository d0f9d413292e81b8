/**
 * Built-in scenarios in the app: their stage files are fetched from `scenarios/<id>/<file>`
 * (public/scenarios, served beside the app, so they work offline once loaded) and kept per
 * scenario, so a lesson's later stages are at hand without waiting.
 */
import type { BuiltinScenario, Lesson, StageLoader } from '../../src/engine/scenario';
import type { WorkspaceStore } from '../store';

export type ScenarioModule = typeof import('../../src/engine/scenario');
export const loadScenarioModule = (): Promise<ScenarioModule> => import('../../src/engine/scenario');

const stages = new Map<string, Promise<Map<string, string>>>();

async function fetchStage(path: string): Promise<string> {
  const res = await fetch(`${import.meta.env.BASE_URL}${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${res.statusText}`);
  return res.text();
}

/** Every stage file of a built-in scenario, by file name. */
export function scenarioStages(mod: ScenarioModule, entry: BuiltinScenario): Promise<Map<string, string>> {
  let p = stages.get(entry.id);
  if (!p) {
    p = Promise.all(entry.stages.map(async (file) => [file, await fetchStage(mod.stagePath(entry.id, file))] as const)).then((pairs) => new Map(pairs));
    p.catch(() => stages.delete(entry.id));
    stages.set(entry.id, p);
  }
  return p;
}

/** A StageLoader over fetched stages (the engine's runner reads stages synchronously). */
export function stageLoader(files: ReadonlyMap<string, string>): StageLoader {
  return (_id, file) => {
    const text = files.get(file);
    if (text === undefined) throw new Error(`stage ${file} was not fetched`);
    return text;
  };
}

/**
 * Open a built-in scenario: a new cluster with its options and start stage, its commands, its
 * suggested request in the console; and its lesson, at `step` (1-based) when given. Unknown ids
 * become the workspace notice, the work stays as it was.
 */
export async function openBuiltin(store: WorkspaceStore, id: string, step?: number): Promise<void> {
  const mod = await loadScenarioModule();
  const entry = mod.scenarioById(id);
  if (!entry) {
    const known = mod.BUILTIN_SCENARIOS.map((s) => s.id).join(', ');
    store.getState().setNotice({ kind: 'error', text: `There is no built-in scenario "${id}". Known scenarios: ${known}. Your own work is unchanged.` });
    return;
  }
  let files: Map<string, string>;
  try {
    files = await scenarioStages(mod, entry);
  } catch (e) {
    store.getState().setNotice({ kind: 'error', text: `The scenario "${entry.title}" could not be loaded (${e instanceof Error ? e.message : String(e)}). Your own work is unchanged.` });
    return;
  }
  const start = files.get(entry.start) ?? '';
  await store.getState().openScenario({ ...mod.toScenario(entry, start) });
  const lesson: Lesson | undefined = entry.lesson ? mod.lessonById(entry.lesson) : undefined;
  if (lesson) await store.getState().startLesson(lesson.id, { step: step === undefined ? 0 : step - 1, files });
  else store.getState().prepareScenarioRequest(entry);
}
