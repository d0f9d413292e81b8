/**
 * The "Scenario" menu in the header: the built-in scenarios (each seed walkthrough with its
 * lesson, and the starters) with a one-line description each, and the learner's own work kept
 * aside when a scenario replaced it. Choosing one opens it on a new cluster.
 */
import './picker.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { BuiltinScenario } from '../../src/engine/scenario';
import { backupWorkspace, loadBackup, useWorkspaceStore } from '../store';
import { loadScenarioModule, openBuiltin } from '../share/builtin';

export function ScenarioPicker() {
  const store = useWorkspaceStore();
  const [open, setOpen] = useState(false);
  const [catalog, setCatalog] = useState<readonly BuiltinScenario[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    let live = true;
    void loadScenarioModule().then((m) => live && setCatalog(m.BUILTIN_SCENARIOS));
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      if (!panel.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      live = false;
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  useEffect(() => {
    if (open && catalog) panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open, catalog]);

  const choose = (scenarioId: string) => {
    setOpen(false);
    // Embedded views save nothing, so they keep nothing aside either.
    if (!store.getState().embed) backupWorkspace(store.getState());
    void openBuiltin(store, scenarioId);
  };
  const backup = open ? loadBackup() : null;
  const restore = () => {
    setOpen(false);
    if (!backup?.manifests) return;
    void store
      .getState()
      .openScenario({ v: 1, title: 'My work', options: backup.engine ?? {}, manifests: backup.manifests })
      .then(() => store.setState({ scenarioTitle: null }));
  };

  const group = (g: BuiltinScenario['group']) => (catalog ?? []).filter((s) => s.group === g);
  return (
    <div className="picker">
      <button
        ref={button}
        type="button"
        className="segmented__item segmented__item--solo"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
      >
        Scenario
      </button>
      {open && (
        <dialog ref={panel} id={id} open aria-label="Scenarios" className="picker__panel">
          {catalog === null ? (
            <p className="picker__loading">Loading scenarios…</p>
          ) : (
            <>
              {[
                { g: 'seed' as const, heading: 'Walkthroughs, each with a guided lesson' },
                { g: 'starter' as const, heading: 'Starters' },
              ].map(({ g, heading }) => (
                <section key={g} aria-label={heading}>
                  <h2 className="picker__heading">{heading}</h2>
                  <ul className="picker__list">
                    {group(g).map((s) => (
                      <li key={s.id}>
                        <button type="button" className="picker__item" onClick={() => choose(s.id)}>
                          <span className="picker__title">{s.title}</span>
                          <span className="picker__description">{s.description}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              {backup && (
                <button type="button" className="picker__item picker__item--restore" onClick={restore}>
                  <span className="picker__title">Restore my previous work</span>
                  <span className="picker__description">The manifests you had before a scenario or a link replaced them.</span>
                </button>
              )}
            </>
          )}
        </dialog>
      )}
    </div>
  );
}
