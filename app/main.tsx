import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createWorkspaceStore, defaultPanes, WorkspaceProvider } from './store';

const root = document.getElementById('root');
if (!root) throw new Error('kubepath: #root is missing from index.html');

const store = createWorkspaceStore({ panes: defaultPanes(window.innerWidth) });

createRoot(root).render(
  <StrictMode>
    <WorkspaceProvider store={store}>
      <App />
    </WorkspaceProvider>
  </StrictMode>,
);
