import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { backupSaved, createWorkspaceStore, defaultPanes, loadSaved, persistWorkspace, WorkspaceProvider } from './store';
import { openFragment, readFragment } from './share/links';

const root = document.getElementById('root');
if (!root) throw new Error('kubepath: #root is missing from index.html');

/**
 * Start from the saved work, or from what the address's fragment names: a shared scenario
 * (`#s=…`), a built-in one (`#scenario=<id>&step=<n>`), an embedded view (`embed=1`). The codec
 * is fetched only when there is a fragment. An embedded view saves nothing; opening a scenario
 * keeps the learner's own work aside first (the Scenario menu can restore it).
 */
async function start(target: HTMLElement) {
  const fragment = await readFragment(window.location.hash).catch(() => null);
  const embed = fragment?.embed ?? false;
  const opensScenario = fragment?.ok === true && (fragment.scenario !== undefined || fragment.builtin !== undefined);
  const saved = embed ? {} : loadSaved();
  const store = createWorkspaceStore({
    ...saved,
    panes: { ...defaultPanes(window.innerWidth), ...saved.panes },
    embed,
    presenter: fragment?.presenter ?? false,
    skipInitialApply: opensScenario,
  });
  if (!embed) {
    if (opensScenario) backupSaved();
    persistWorkspace(store);
  }
  createRoot(target).render(
    <StrictMode>
      <WorkspaceProvider store={store}>
        <App />
      </WorkspaceProvider>
    </StrictMode>,
  );
  if (fragment) await openFragment(store, fragment);
}

void start(root);
