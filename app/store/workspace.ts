import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClusterPlayground, Diagnostic, PlaygroundOptions } from '../../src/engine';
import type { CanvasCluster } from '../canvas/model';
import { canvasFromSnapshot } from '../canvas/fromSnapshot';
import { sampleManifests } from '../editor/sample';

export type ThemePreference = 'system' | 'light' | 'dark';

/** Width in CSS pixels of the side panes; the canvas takes the rest. */
export interface PaneSizes {
  editor: number;
  inspector: number;
}

export interface WorkspaceState {
  /** The YAML text in the Manifests editor. */
  manifests: string;
  /** The engine's cluster, once its chunk has loaded; owned by the store. */
  playground: ClusterPlayground | null;
  /** The engine is fetched after first paint, so the first screen stays light. */
  engine: 'loading' | 'ready' | 'failed';
  /** What the canvas draws: the engine's snapshot after the last apply. */
  cluster: CanvasCluster;
  /** What the engine said about the last applied text. */
  diagnostics: Diagnostic[];
  /** Canvas element id the Inspector shows, or null. */
  selection: string | null;
  theme: ThemePreference;
  panes: PaneSizes;
  setManifests(text: string): void;
  /** kubectl apply of the editor's text; rejected documents leave the cluster as it was. */
  applyManifests(): void;
  select(id: string | null): void;
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
    editor: clampPane('editor', Math.min(600, Math.max(360, width * 0.3))),
    inspector: clampPane('inspector', width >= 1600 ? 340 : 300),
  };
}

export interface WorkspaceInit {
  manifests?: string;
  engine?: PlaygroundOptions;
  theme?: ThemePreference;
  panes?: Partial<PaneSizes>;
}

export function createWorkspaceStore(init: WorkspaceInit = {}): WorkspaceStore {
  const panes = { ...defaultPanes(), ...init.panes };
  const initialText = init.manifests ?? sampleManifests;
  const store = createStore<WorkspaceState>()((set, get) => ({
    manifests: initialText,
    playground: null,
    engine: 'loading',
    cluster: EMPTY_CLUSTER,
    diagnostics: [],
    selection: null,
    theme: init.theme ?? 'system',
    panes: {
      editor: clampPane('editor', panes.editor),
      inspector: clampPane('inspector', panes.inspector),
    },
    setManifests: (manifests) => set({ manifests }),
    applyManifests: () => {
      const { playground: pg, manifests: text } = get();
      if (!pg) return;
      const result = pg.apply(text);
      set({ diagnostics: result.diagnostics, cluster: canvasFromSnapshot(pg.snapshot()) });
    },
    select: (selection) => set({ selection }),
    setTheme: (theme) => set({ theme }),
    setPaneSize: (pane, width) =>
      set((state) => {
        const next = clampPane(pane, width);
        return state.panes[pane] === next ? state : { panes: { ...state.panes, [pane]: next } };
      }),
  }));
  // The engine is its own chunk: fetched after first paint, then it applies the editor's text.
  import('../../src/engine').then(
    ({ createPlayground }) => {
      const pg = createPlayground(init.engine);
      const result = pg.apply(store.getState().manifests);
      store.setState({ playground: pg, engine: 'ready', diagnostics: result.diagnostics, cluster: canvasFromSnapshot(pg.snapshot()) });
    },
    () => store.setState({ engine: 'failed' }),
  );
  return store;
}

