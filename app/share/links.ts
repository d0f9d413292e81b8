/**
 * Links in and out of the workspace. The fragment is read once at start (`#s=…` a shared
 * scenario, `#scenario=<id>&step=<n>` a built-in one, `embed=1`, `presenter=1`); the codec is
 * the engine's (src/engine/scenario/link.ts), loaded only when there is a fragment to read or a
 * link to make, so the first screen stays light. A link that cannot be opened leaves the
 * learner's own saved work as it was and says why.
 */
import type { FragmentResult } from '../../src/engine/scenario/link';
import type { WorkspaceStore } from '../store';
import { openBuiltin } from './builtin';

const loadCodec = () => import('../../src/engine/scenario/link');

/** The fragment's meaning, or null when there is none (a plain visit). */
export async function readFragment(hash: string): Promise<FragmentResult | null> {
  if (hash === '' || hash === '#') return null;
  const { parseFragment } = await loadCodec();
  return parseFragment(hash);
}

/**
 * Open what the fragment names in the store (after the store exists). Errors become the
 * workspace notice; the store keeps the saved workspace it started with.
 */
export async function openFragment(store: WorkspaceStore, fragment: FragmentResult): Promise<void> {
  const s = store.getState();
  if (!fragment.ok) {
    s.setNotice({ kind: 'error', text: `${fragment.error.message} Your own work is unchanged.` });
    return;
  }
  if (fragment.scenario) {
    await s.openScenario(fragment.scenario);
    s.setNotice({ kind: 'info', text: `Opened “${fragment.scenario.title}” from a link.` });
    // It is the workspace now (and saved); an embed keeps the link, as it saves nothing.
    if (!fragment.embed) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${fragment.presenter ? '#presenter=1' : ''}`);
    return;
  }
  if (fragment.builtin) {
    await openBuiltin(store, fragment.builtin.id, fragment.builtin.step);
    // Not opened (an unknown id, stages that could not be fetched): the saved work was held back
    // for the scenario (main.tsx's skipInitialApply), so apply it as a plain visit would.
    applyWhenReady(store);
  }
}

/** Apply the editor's text once the engine is ready, unless something was applied already. */
function applyWhenReady(store: WorkspaceStore): void {
  const apply = () => {
    if (store.getState().appliedText === null) store.getState().applyManifests();
  };
  if (store.getState().playground) return apply();
  const stop = store.subscribe((s) => {
    if (s.engine === 'loading') return;
    stop();
    if (s.playground) apply();
  });
}

export interface CopiedLink {
  url: string;
  /** Characters in the fragment, the part a link's size depends on. */
  bytes: number;
}

/** The workspace as a link (the page's address with `#s=…`), or the codec's reason it cannot be one. */
export async function makeLink(store: WorkspaceStore, base: string): Promise<CopiedLink | { error: string }> {
  const { encodeScenarioLink } = await loadCodec();
  const encoded = encodeScenarioLink(store.getState().captureScenario());
  if (encoded.error) return { error: encoded.error.message };
  return { url: `${base.replace(/#.*$/, '')}#${encoded.fragment}`, bytes: encoded.bytes };
}
