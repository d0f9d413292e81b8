/**
 * Stepping a lesson from the keyboard, as a presenter's clicker does: PageDown / PageUp (what
 * clickers send) move to the next / previous step, anywhere but in a text field or the editor.
 */
import { useEffect } from 'react';
import { useWorkspaceStore } from '../store';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.closest('.monaco-editor') !== null;
}

export function useLessonKeys() {
  const store = useWorkspaceStore();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      const run = store.getState().lesson;
      if (!run || typing(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      store.getState().lessonGo(run.step + (e.key === 'PageDown' ? 1 : -1));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
