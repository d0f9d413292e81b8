// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkspaceStore, PANE_LIMITS, useWorkspace, WorkspaceProvider } from './index';

afterEach(cleanup);

describe('createWorkspaceStore', () => {
  it('starts from the sample manifests and makes independent stores', () => {
    const a = createWorkspaceStore();
    const b = createWorkspaceStore({ manifests: 'kind: Pod\n' });
    expect(a.getState().manifests).toContain('kind: Deployment');
    expect(b.getState().manifests).toBe('kind: Pod\n');
    a.getState().setManifests('changed');
    expect(a.getState().manifests).toBe('changed');
    expect(b.getState().manifests).toBe('kind: Pod\n');
  });

  it('clamps pane widths to their limits and ignores no-op updates', () => {
    const store = createWorkspaceStore({ panes: { editor: 10_000, inspector: 1 } });
    expect(store.getState().panes).toEqual({ editor: PANE_LIMITS.editor.max, inspector: PANE_LIMITS.inspector.min });
    const before = store.getState().panes;
    store.getState().setPaneSize('editor', PANE_LIMITS.editor.max + 50);
    expect(store.getState().panes).toBe(before);
    store.getState().setPaneSize('editor', 500.4);
    expect(store.getState().panes.editor).toBe(500);
  });

  it('holds the selection and the theme preference', () => {
    const store = createWorkspaceStore();
    expect(store.getState().selection).toBeNull();
    store.getState().select('service:default/web');
    store.getState().setTheme('dark');
    expect(store.getState()).toMatchObject({ selection: 'service:default/web', theme: 'dark' });
  });
});

function ManifestLength() {
  const length = useWorkspace((s) => s.manifests.length);
  return <p>length {length}</p>;
}

describe('WorkspaceProvider', () => {
  it('gives components the store and re-renders them on change', () => {
    const store = createWorkspaceStore({ manifests: 'abc' });
    render(
      <WorkspaceProvider store={store}>
        <ManifestLength />
      </WorkspaceProvider>,
    );
    expect(screen.getByText('length 3')).toBeTruthy();
    act(() => store.getState().setManifests('abcdef'));
    expect(screen.getByText('length 6')).toBeTruthy();
  });

  it('fails loudly when a component is used outside the provider', () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(() => render(<ManifestLength />)).toThrow(/WorkspaceProvider/);
    } finally {
      console.error = quiet;
    }
  });
});
