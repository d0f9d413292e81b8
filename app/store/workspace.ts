import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterPlayground, ClusterSnapshot, Diagnostic, DocumentSource, PlaygroundOptions } from '../../src/engine';
import type { CanvasCluster } from '../canvas/model';
import { canvasFromSnapshot } from '../canvas/fromSnapshot';
import { sampleManifests } from '../editor/sample';
import { applySummary, type ApplySummary } from './applySummary';
import { requestSlice, type RequestSlice } from './request';
import { terminalSlice, type TerminalSlice } from './terminal';
import { scenarioSlice, type ScenarioHost, type ScenarioSlice } from './scenario';
import { lessonSlice, type LessonSlice } from './lesson';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Width in CSS pixels of the side panes; the canvas takes the rest. */
export interface PaneSizes {
  editor: number;
  inspector: number;
}

export interface WorkspaceState extends RequestSlice, TerminalSlice, ScenarioSlice, LessonSlice {
  /** The YAML text in the Manifests editor. */
  manifests: string;
  /** The text of the last Apply (null before the first): `manifests !== appliedText` means unapplied edits. */
  appliedText: string | null;
  /** The engine's cluster, once its chunk has loaded; owned by the store. */
  playground: ClusterPlayground | null;
  /** The engine is fetched after first paint, so the first screen stays light. */
  engine: 'loading' | 'ready' | 'failed';
  /** The engine's plain-data view after the last change; null until the engine is ready. */
  snapshot: ClusterSnapshot | null;
  /** Bumps on every change to the cluster, so views derived from the playground know to redo. */
  revision: number;
  /** What the canvas draws: the snapshot shaped for drawing (system namespaces per `showSystem`). */
  cluster: CanvasCluster;
  /** What the engine said about the last applied text (lines refer to that text). */
  diagnostics: Diagnostic[];
  /** Each object document of the last applied text, with its source range. */
  sources: DocumentSource[];
  /** What the last Apply did, for the status line. */
  lastApply: ApplySummary | null;
  /**
   * Canvas element id shown in the Inspector and highlighted in editor and canvas:
   * "node:<name>", "pod:<ns>/<name>", "service:<ns>/<name>", "lb:<ns>/<name>" (a Service's
   * cloud load balancer), "ingress:<ns>/<name>", "workload:<Kind>/<ns>/<name>" (a Deployment
   * or ReplicaSet, drawn as its pods or as one collapsed card), "external:<ip>".
   */
  selection: string | null;
  /** Draw kube-system and ingress-nginx (CoreDNS, the controller). */
  showSystem: boolean;
  /** Workload ids ("workload:Deployment/ns/name") the user expanded on a collapsed canvas. */
  expanded: string[];
  /** Apply shortly after typing stops. */
  autoApply: boolean;
  /** Projector mode: larger type, higher contrast. */
  projector: boolean;
  /** The cluster's logical clock follows real time (pods start, terminate, restart) unless paused. */
  clockRunning: boolean;
  /** The logical clock in seconds (the snapshot's time is only re-read when something changed). */
  clock: number;
  theme: ThemePreference;
  panes: PaneSizes;
  setManifests(text: string): void;
  /**
   * kubectl apply of the editor's text as the whole desired state (prune): documents with
   * errors are rejected and their objects stay as they were; nothing is pruned while any
   * document cannot be read.
   */
  applyManifests(): void;
  /** Re-read the cluster after a change made through the playground (kubectl, a lesson step). */
  refresh(): void;
  /**
   * Move the logical clock on. `quiet` (the real-time ticker) re-reads the cluster only when
   * something changed, so an idle cluster costs nothing per second.
   */
  advanceClock(seconds: number, options?: { quiet?: boolean }): void;
  setClockRunning(on: boolean): void;
  select(id: string | null): void;
  setShowSystem(show: boolean): void;
  toggleExpanded(workloadId: string): void;
  setAutoApply(on: boolean): void;
  setProjector(on: boolean): void;
  setTheme(theme: ThemePreference): void;
  setPaneSize(pane: keyof PaneSizes, width: number): void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

const EMPTY_CLUSTER: CanvasCluster = { nodes: [], services: [] };

export const PANE_LIMITS: Readonly<Record<keyof PaneSizes, { min: number; max: number }>> = {
  editor: { min: 280, max: 900 },
  inspector: { min: 240, max: 560 },
};

export function clampPane(pane: keyof PaneSizes, width: number): number {
  const { min, max } = PANE_LIMITS[pane];
  return Math.round(Math.min(max, Math.max(min, width)));
}

/** Side-pane widths that suit a window `width` pixels wide. */
export function defaultPanes(width = 1280): PaneSizes {
  return {
    editor: clampPane('editor', Math.min(600, Math.max(340, width * 0.3))),
    inspector: clampPane('inspector', width >= 1600 ? 360 : 300),
  };
}

export interface WorkspaceInit {
  manifests?: string;
  engine?: PlaygroundOptions;
  theme?: ThemePreference;
  panes?: Partial<PaneSizes>;
  autoApply?: boolean;
  projector?: boolean;
  showSystem?: boolean;
  /** `#embed=1`: the canvas and the request dock only (main.tsx then saves nothing). */
  embed?: boolean;
  presenter?: boolean;
  /** The title of the scenario the saved work came from. */
  title?: string;
  /** The terminal's command history from an earlier visit (↑ recalls it). */
  history?: string[];
  /** Don't apply the editor's text when the engine arrives: a scenario is about to be opened. */
  skipInitialApply?: boolean;
  /** Tests pass the engine module to skip the lazy import. */
  loadEngine?: () => Promise<typeof import('../../src/engine')>;
}

export function createWorkspaceStore(init: WorkspaceInit = {}): WorkspaceStore {
  const panes = { ...defaultPanes(), ...init.panes };
  const initialText = init.manifests ?? sampleManifests;

  // The engine is its own chunk: fetched after first paint, then it applies the editor's text.
  const engine = (init.loadEngine ?? (() => import('../../src/engine')))();
  const scenarioHost: ScenarioHost = {
    createPlayground: async (options) => (await engine).createPlayground(options),
    editorFiles: async (text) => (await import('./editorSync')).editorFiles(text),
  };

  const store = createStore<WorkspaceState>()((set, get) => {
    /** Snapshot, canvas model and revision after the playground changed. */
    const read = (pg: ClusterPlayground) => {
      const snapshot = pg.snapshot();
      return { snapshot, clock: snapshot.time, cluster: canvasFromSnapshot(snapshot, { showSystem: get().showSystem }), revision: get().revision + 1 };
    };
    return {
      ...requestSlice(set, get),
      ...terminalSlice(set, get, init.history),
      ...lessonSlice(set, get),
      ...scenarioSlice(set, get, scenarioHost, { ...(init.engine && { options: init.engine }), ...(init.embed !== undefined && { embed: init.embed }), ...(init.presenter !== undefined && { presenter: init.presenter }), ...(init.title !== undefined && { title: init.title }) }),
      manifests: initialText,
      appliedText: null,
      playground: null,
      engine: 'loading',
      snapshot: null,
      revision: 0,
      cluster: EMPTY_CLUSTER,
      diagnostics: [],
      sources: [],
      lastApply: null,
      selection: null,
      showSystem: init.showSystem ?? false,
      expanded: [],
      autoApply: init.autoApply ?? false,
      projector: init.projector ?? false,
      clockRunning: true,
      clock: 0,
      theme: init.theme ?? 'system',
      panes: {
        editor: clampPane('editor', panes.editor),
        inspector: clampPane('inspector', panes.inspector),
      },
      setManifests: (manifests) => set({ manifests }),
      applyManifests: () => {
        const { playground: pg, manifests: text } = get();
        if (!pg) return;
        const result = pg.apply(text, { prune: true });
        set({
          ...read(pg),
          appliedText: text,
          diagnostics: result.diagnostics,
          sources: result.documents,
          lastApply: applySummary(result),
        });
      },
      refresh: () => {
        const pg = get().playground;
        if (pg) set(read(pg));
      },
      advanceClock: (seconds, options = {}) => {
        const pg = get().playground;
        if (!pg) return;
        const before = pg.clusterState;
        pg.advance(seconds);
        const after = pg.clusterState;
        const changed = after.resourceVersion !== before.resourceVersion || after.events !== before.events || after.runtime !== before.runtime;
        if (changed || !options.quiet) set({ ...read(pg), clock: after.time });
        else set({ clock: after.time });
      },
      setClockRunning: (clockRunning) => set({ clockRunning }),
      select: (selection) => set({ selection }),
      setShowSystem: (showSystem) => {
        const { snapshot } = get();
        set({ showSystem, ...(snapshot && { cluster: canvasFromSnapshot(snapshot, { showSystem }) }) });
      },
      toggleExpanded: (id) =>
        set((s) => ({ expanded: s.expanded.includes(id) ? s.expanded.filter((x) => x !== id) : [...s.expanded, id].sort() })),
      setAutoApply: (autoApply) => set({ autoApply }),
      setProjector: (projector) => set({ projector }),
      setTheme: (theme) => set({ theme }),
      setPaneSize: (pane, width) =>
        set((state) => {
          const next = clampPane(pane, width);
          return state.panes[pane] === next ? state : { panes: { ...state.panes, [pane]: next } };
        }),
    };
  });

  engine.then(
    ({ createPlayground }) => {
      // A scenario opened meanwhile brought its own playground.
      if (store.getState().playground) return store.setState({ engine: 'ready' });
      let pg: ClusterPlayground;
      try {
        pg = createPlayground(init.engine);
      } catch {
        pg = createPlayground(); // saved options the engine refuses: kubepath's defaults
        store.setState({ options: {} });
      }
      store.setState({ playground: pg, engine: 'ready' });
      if (!init.skipInitialApply) store.getState().applyManifests();
    },
    () => store.setState({ engine: 'failed' }),
  );
  return store;
}
