/**
 * The user's work kept in localStorage: the editor's text and the view preferences, restored
 * after a reload. Anything unreadable is ignored (and left in place), never thrown.
 */
import type { PlaygroundOptions } from '../../src/engine';
import type { PaneSizes, ThemePreference, WorkspaceInit, WorkspaceState, WorkspaceStore } from './workspace';

export const STORAGE_KEY = 'kubepath.workspace.v1';

export interface SavedWorkspace {
  v: 1;
  manifests: string;
  theme?: ThemePreference;
  panes?: Partial<PaneSizes>;
  autoApply?: boolean;
  projector?: boolean;
  showSystem?: boolean;
  /** The cluster options of the scenario the work started from (a seed's `loadBalancer: none`). */
  options?: PlaygroundOptions;
  /** That scenario's title. */
  title?: string;
  /** The terminal's last commands, for ↑ after a reload (like bash's history file). */
  history?: string[];
}

/** Commands kept across reloads, and the longest one kept (a pasted here-document can be long). */
export const SAVED_HISTORY = 200;
const MAX_SAVED_COMMAND = 4000;

/** Where the work saved before a scenario or link replaced it is kept, for "Restore my previous work". */
export const BACKUP_KEY = 'kubepath.workspace.backup.v1';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

const THEMES: readonly string[] = ['system', 'light', 'dark'];
/** Bigger than any text the engine accepts (2 MiB) is not worth restoring. */
const MAX_SAVED = 4 * 1024 * 1024;

function storageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed iframe)
  }
}

/** What a previous session saved, as store init fields; {} when nothing usable is saved. */
export function loadSaved(storage: Storage | null = storageOrNull()): WorkspaceInit {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return {};
  }
  if (!raw || raw.length > MAX_SAVED) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const d = data as Record<string, unknown>;
  if (d.v !== 1 || typeof d.manifests !== 'string') return {};
  const init: WorkspaceInit = { manifests: d.manifests };
  if (typeof d.theme === 'string' && THEMES.includes(d.theme)) init.theme = d.theme as ThemePreference;
  if (typeof d.autoApply === 'boolean') init.autoApply = d.autoApply;
  if (typeof d.projector === 'boolean') init.projector = d.projector;
  if (typeof d.showSystem === 'boolean') init.showSystem = d.showSystem;
  const options = savedOptions(d.options);
  if (options) init.engine = options;
  if (typeof d.title === 'string' && d.title.length <= 200) init.title = d.title;
  if (Array.isArray(d.history)) {
    const history = d.history.filter((c): c is string => typeof c === 'string' && c.length > 0 && c.length <= MAX_SAVED_COMMAND).slice(-SAVED_HISTORY);
    if (history.length) init.history = history;
  }
  if (typeof d.panes === 'object' && d.panes !== null) {
    const p = d.panes as Record<string, unknown>;
    const panes: Partial<PaneSizes> = {};
    if (typeof p.editor === 'number' && Number.isFinite(p.editor)) panes.editor = p.editor;
    if (typeof p.inspector === 'number' && Number.isFinite(p.inspector)) panes.inspector = p.inspector;
    init.panes = panes;
  }
  return init;
}

const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/**
 * The options a scenario sets, each checked for its type as a link's are (the engine checks the
 * values and ranges: options it refuses start the default cluster). Every option is kept, so a
 * shared cluster (its seed, CIDRs, node count) is the same after a reload.
 */
function savedOptions(raw: unknown): PlaygroundOptions | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const out: PlaygroundOptions = {};
  if (typeof o.seed === 'number' && Number.isFinite(o.seed)) out.seed = o.seed;
  if (typeof o.nodes === 'number' && Number.isSafeInteger(o.nodes) && o.nodes >= 1) out.nodes = o.nodes;
  if (text(o.clusterDomain, 253)) out.clusterDomain = o.clusterDomain;
  if (text(o.clusterCIDR, 64)) out.clusterCIDR = o.clusterCIDR;
  if (text(o.serviceCIDR, 64)) out.serviceCIDR = o.serviceCIDR;
  if (text(o.nodePortRange, 64)) out.nodePortRange = o.nodePortRange;
  if (o.loadBalancer === 'cloud' || o.loadBalancer === 'none') out.loadBalancer = o.loadBalancer;
  if (o.proxyMode === 'iptables') out.proxyMode = o.proxyMode;
  if (o.podNetwork === 'overlay' || o.podNetwork === 'routed') out.podNetwork = o.podNetwork;
  if (typeof o.ingressNginx === 'boolean') out.ingressNginx = o.ingressNginx;
  if (o.ingressNginxServiceType === 'NodePort' || o.ingressNginxServiceType === 'LoadBalancer') out.ingressNginxServiceType = o.ingressNginxServiceType;
  return out;
}

function savedOf(s: WorkspaceState): SavedWorkspace {
  return {
    v: 1,
    manifests: s.manifests,
    theme: s.theme,
    panes: s.panes,
    autoApply: s.autoApply,
    projector: s.projector,
    showSystem: s.showSystem,
    ...(Object.keys(s.options).length > 0 && { options: s.options }),
    ...(s.scenarioTitle !== null && { title: s.scenarioTitle }),
    ...(s.terminal.history.length > 0 && { history: s.terminal.history.slice(-SAVED_HISTORY) }),
  };
}

/**
 * Keep the saved work aside before a scenario or a link replaces it (once: a second scenario
 * opened on top of the first does not overwrite the learner's own work with the first).
 */
export function backupSaved(storage: Storage | null = storageOrNull()): void {
  try {
    const current = storage?.getItem(STORAGE_KEY);
    if (!current || !storage) return;
    const parsed = JSON.parse(current) as { title?: unknown };
    if (typeof parsed.title === 'string') return; // already a scenario, not the learner's own work
    storage.setItem(BACKUP_KEY, current);
  } catch {
    // unreadable or storage disabled: nothing to keep
  }
}

/**
 * The same from the store's state (it may be ahead of what was saved): the learner's own work,
 * kept aside before a scenario chosen in the app replaces it. A scenario's work is not kept.
 */
export function backupWorkspace(state: WorkspaceState, storage: Storage | null = storageOrNull()): void {
  if (state.scenarioTitle !== null || !storage) return;
  try {
    storage.setItem(BACKUP_KEY, JSON.stringify(savedOf(state)));
  } catch {
    // quota exceeded or storage disabled: nothing to keep
  }
}

/** The work kept by `backupSaved`, as store init fields, or null when there is none. */
export function loadBackup(storage: Storage | null = storageOrNull()): WorkspaceInit | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(BACKUP_KEY) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  const init = loadSaved({ getItem: () => raw, setItem: () => {} });
  return init.manifests === undefined ? null : init;
}

/**
 * Save on every change to the saved fields, at most once per `delayMs` (a keystroke does not
 * write the whole text), and at once when the page is hidden. Returns the unsubscribe.
 */
export function persistWorkspace(store: WorkspaceStore, storage: Storage | null = storageOrNull(), delayMs = 400): () => void {
  if (!storage) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = JSON.stringify(savedOf(store.getState()));
  const flush = () => {
    timer = undefined;
    const next = JSON.stringify(savedOf(store.getState()));
    if (next === last) return;
    try {
      storage.setItem(STORAGE_KEY, next);
      last = next;
    } catch {
      // Quota exceeded or storage disabled: the text stays in the editor; nothing else to do.
    }
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.manifests === prev.manifests && s.theme === prev.theme && s.panes === prev.panes && s.autoApply === prev.autoApply && s.projector === prev.projector && s.showSystem === prev.showSystem && s.options === prev.options && s.scenarioTitle === prev.scenarioTitle && s.terminal.history === prev.terminal.history) return;
    if (timer === undefined) timer = setTimeout(flush, delayMs);
  });
  const onHide = () => {
    if (timer !== undefined) clearTimeout(timer);
    flush();
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', onHide);
  return () => {
    unsubscribe();
    if (timer !== undefined) clearTimeout(timer);
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', onHide);
  };
}
