import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CanvasCluster } from '../canvas/model';
import { sampleCluster } from '../canvas/sampleCluster';
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
  /** What the canvas draws (placeholder data until the engine snapshot is wired in). */
  cluster: CanvasCluster;
  /** Canvas element id the Inspector shows, or null. */
  selection: string | null;
  theme: ThemePreference;
  panes: PaneSizes;
  setManifests(text: string): void;
  select(id: string | null): void;
  setTheme(theme: ThemePreference): void;
  setPaneSize(pane: keyof PaneSizes, width: number): void;
}

export type WorkspaceStore = StoreApi<WorkspaceState>;

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
  cluster?: CanvasCluster;
  theme?: ThemePreference;
  panes?: Partial<PaneSizes>;
}

export function createWorkspaceStore(init: WorkspaceInit = {}): WorkspaceStore {
  const panes = { ...defaultPanes(), ...init.panes };
  return createStore<WorkspaceState>()((set) => ({
    manifests: init.manifests ?? sampleManifests,
    cluster: init.cluster ?? sampleCluster,
    selection: null,
    theme: init.theme ?? 'system',
    panes: {
      editor: clampPane('editor', panes.editor),
      inspector: clampPane('inspector', panes.inspector),
    },
    setManifests: (manifests) => set({ manifests }),
    select: (selection) => set({ selection }),
    setTheme: (theme) => set({ theme }),
    setPaneSize: (pane, width) =>
      set((state) => {
        const next = clampPane(pane, width);
        return state.panes[pane] === next ? state : { panes: { ...state.panes, [pane]: next } };
      }),
  }));
}
