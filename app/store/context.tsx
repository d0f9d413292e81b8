import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createWorkspaceStore, type WorkspaceState, type WorkspaceStore } from './workspace';

const WorkspaceContext = createContext<WorkspaceStore | null>(null);

export function WorkspaceProvider({ store, children }: { store?: WorkspaceStore; children: ReactNode }) {
  const [value] = useState(() => store ?? createWorkspaceStore());
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error('useWorkspace must be used inside <WorkspaceProvider>');
  return store;
}

/** Subscribe to one slice of the workspace state. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  return useStore(useWorkspaceStore(), selector);
}
