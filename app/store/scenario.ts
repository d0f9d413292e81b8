/**
 * The scenario slice of the workspace store: which cluster options the playground was made with,
 * where the workspace came from (a built-in scenario, a shared link), and the two ways a
 * scenario crosses the store's edge: `openScenario` (a new cluster with the scenario's options,
 * its manifests applied, its commands replayed, its view restored) and `captureScenario`
 * (what "Copy link" encodes). The link codec and the built-in catalogue live in the engine
 * (src/engine/scenario); nothing here parses a link.
 */
import type { ClusterPlayground, PlaygroundOptions } from '../../src/engine';
import type { Scenario, ScenarioView } from '../../src/engine/scenario/types';
import { draftOfSpec, INITIAL_DRAFT, specOf } from './request';
import type { WorkspaceState } from './workspace';

/** A message about the workspace as a whole (a link that could not be opened, a scenario that was). */
export interface WorkspaceNotice {
  kind: 'error' | 'info';
  text: string;
}

export interface ScenarioSlice {
  /** The options the current cluster was created with (a scenario's; {} = kubepath's defaults). */
  options: PlaygroundOptions;
  /** The title of the scenario the workspace was opened from, or null for the learner's own. */
  scenarioTitle: string | null;
  notice: WorkspaceNotice | null;
  /** Opened as `#embed=1`: the canvas and the request dock only, nothing saved. */
  embed: boolean;
  /** Presenter view: large type, editor hidden, lesson stepped from the keyboard. */
  presenter: boolean;
  /**
   * A new cluster with the scenario's options, its manifests in the editor and applied, its
   * commands replayed through the terminal's session, then its view: clock, selection, the
   * prepared request and the trace step. Resolves once done (or at once if nothing to do).
   */
  openScenario(scenario: Scenario): Promise<void>;
  /** The workspace as a scenario, for "Copy link". */
  captureScenario(): Scenario;
  setNotice(notice: WorkspaceNotice | null): void;
  setPresenter(on: boolean): void;
}

type Set = (partial: Partial<WorkspaceState> | ((s: WorkspaceState) => Partial<WorkspaceState>)) => void;
type Get = () => WorkspaceState;

/** What the slice needs from the store that owns the engine chunk. */
export interface ScenarioHost {
  /** A new playground with these options, once the engine chunk is loaded. */
  createPlayground(options: PlaygroundOptions): Promise<ClusterPlayground>;
  /** The editor text as files for `kubectl … -f name` (the lazily loaded editor-sync module). */
  editorFiles(text: string): Promise<ReadonlyMap<string, string>>;
}

export function scenarioSlice(set: Set, get: Get, host: ScenarioHost, init: { options?: PlaygroundOptions; embed?: boolean; presenter?: boolean; title?: string }): ScenarioSlice {
  let opening = 0;
  return {
    options: init.options ?? {},
    scenarioTitle: init.title ?? null,
    notice: null,
    embed: init.embed ?? false,
    presenter: init.presenter ?? false,
    openScenario: async (scenario) => {
      const ticket = ++opening;
      const pg = await host.createPlayground(scenario.options);
      if (ticket !== opening) return; // a later scenario was opened meanwhile
      get().resetTerminal();
      set({
        lesson: null,
        playground: pg,
        options: scenario.options,
        scenarioTitle: scenario.title,
        manifests: scenario.manifests,
        appliedText: null,
        selection: null,
        expanded: [],
        batch: null,
        draft: INITIAL_DRAFT,
        ...(scenario.view?.showSystem !== undefined && { showSystem: scenario.view.showSystem }),
      });
      get().clearTrace();
      get().applyManifests();
      if (scenario.commands?.length) {
        const files = await host.editorFiles(scenario.manifests);
        if (ticket !== opening) return;
        for (const line of scenario.commands) pg.kubectl(line, { files });
        get().refresh();
      }
      restoreView(set, get, pg, scenario.view ?? {});
    },
    captureScenario: () => {
      const s = get();
      const view: ScenarioView = {};
      if (s.selection) view.selected = s.selection;
      const request = s.sent?.spec ?? (s.draft.url.trim() ? specOf(s.draft) : undefined);
      if (request) view.request = request;
      if (s.sent && s.step >= 0) view.step = s.step;
      if (s.clock > 0) view.clock = s.clock;
      if (s.showSystem) view.showSystem = true;
      return {
        v: 1,
        title: s.scenarioTitle ?? 'My kubepath cluster',
        options: s.options,
        manifests: s.manifests,
        ...(Object.keys(view).length > 0 && { view }),
      };
    },
    setNotice: (notice) => set({ notice }),
    setPresenter: (presenter) => set({ presenter }),
  };
}

/** The clock, the selection, the prepared request and its trace step, as the scenario says. */
function restoreView(set: Set, get: Get, pg: ClusterPlayground, view: ScenarioView) {
  const ahead = (view.clock ?? 0) - pg.clusterState.time;
  if (ahead > 0) get().advanceClock(ahead);
  if (view.selected) get().select(view.selected);
  if (!view.request) return;
  set({ draft: draftOfSpec(view.request) });
  if (view.step === undefined) return;
  // Sent as the console sends it, then held at the shared step.
  get().send();
  get().setStep(view.step);
}
