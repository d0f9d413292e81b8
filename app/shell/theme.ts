import { useEffect, useSyncExternalStore } from 'react';
import { useWorkspace } from '../store';

const QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const media = window.matchMedia(QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(QUERY).matches;
}

/** The theme in effect: the user's choice, or the system's when the choice is "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useWorkspace((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, systemPrefersDark, () => false);
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/**
 * Mirrors the explicit theme choice on <html data-theme> and projector mode on
 * <html data-projector>, which the CSS variables and the root font size key off.
 */
export function useDocumentTheme(): void {
  const preference = useWorkspace((s) => s.theme);
  // Presenting implies the projector's large type and contrast.
  const projector = useWorkspace((s) => s.projector || s.presenter);
  useEffect(() => {
    const root = document.documentElement;
    if (preference === 'system') delete root.dataset.theme;
    else root.dataset.theme = preference;
  }, [preference]);
  useEffect(() => {
    const root = document.documentElement;
    if (projector) root.dataset.projector = '';
    else delete root.dataset.projector;
  }, [projector]);
}
