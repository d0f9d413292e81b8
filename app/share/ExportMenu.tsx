/**
 * The header's Export menu: open YAML files into the editor, download the editor's text, and
 * save the cluster canvas as PNG or SVG. A menu button as WAI-ARIA describes it: Enter, Space
 * or ↓ open it on the first item (↑ on the last), arrows and Home/End move, a letter jumps,
 * Escape closes and gives focus back to the button, Tab or a click elsewhere closes it.
 */
import './share.css';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useWorkspaceStore } from '../store';
import { downloadManifests, MANIFESTS_FILE } from './download';
import { movedIndex, openingIndex, typedIndex } from './menuKeys';
import { Notice, useNotice } from './Notice';
import { useOpenYamlFiles } from './useOpenYamlFiles';

type ItemId = 'open' | 'download' | 'png' | 'svg';

const ITEMS: readonly { id: ItemId; label: string; hint: string; group: number }[] = [
  { id: 'open', label: 'Open YAML files…', hint: 'Replaces the editor text', group: 0 },
  { id: 'download', label: 'Download manifests', hint: MANIFESTS_FILE, group: 0 },
  { id: 'png', label: 'Export canvas as PNG', hint: 'kubepath-cluster.png', group: 1 },
  { id: 'svg', label: 'Export canvas as SVG', hint: 'kubepath-cluster.svg', group: 1 },
];
const LABELS = ITEMS.map((i) => i.label);

export function ExportMenu() {
  const base = useId();
  const store = useWorkspaceStore();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const fileRef = useRef<HTMLInputElement>(null);
  const notice = useNotice();
  const openFiles = useOpenYamlFiles(notice);
  /** The item to focus once the menu is drawn. */
  const pending = useRef(0);

  useEffect(() => {
    if (open) itemRefs.current[pending.current]?.focus();
  }, [open]);

  // A press outside the button and the menu closes it, leaving focus where the user put it.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Node | null;
      if (t && (menuRef.current?.contains(t) || buttonRef.current?.contains(t))) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open]);

  const openAt = (index: number) => {
    pending.current = index;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (open) return;
    const at = openingIndex(e.key, ITEMS.length);
    if (at === undefined) return;
    e.preventDefault();
    openAt(at);
  };

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    }
    if (e.key === 'Tab') {
      // Focus goes back to the button first, so Tab moves on from there.
      close(true);
      return;
    }
    const next = movedIndex(e.key, index, ITEMS.length) ?? (e.ctrlKey || e.metaKey || e.altKey ? undefined : typedIndex(e.key, index, LABELS));
    if (next === undefined) return;
    e.preventDefault();
    itemRefs.current[next]?.focus();
  };

  const exportImage = async (format: 'png' | 'svg') => {
    if (busy) return;
    setBusy(true);
    notice.show('status', `Exporting the canvas as ${format.toUpperCase()}…`);
    let mod: typeof import('./exportCanvas') | undefined;
    try {
      mod = await import('./exportCanvas');
      notice.show('status', `Saved ${await mod.exportCanvas(format)}.`);
    } catch (error) {
      const known = mod && error instanceof mod.ExportError;
      const detail = error instanceof Error ? error.message : String(error);
      notice.show('alert', known ? detail : `The canvas could not be exported: ${detail}`);
    } finally {
      setBusy(false);
    }
  };

  const run = (id: ItemId) => {
    close(true);
    switch (id) {
      case 'open':
        fileRef.current?.click();
        return;
      case 'download':
        downloadManifests(store.getState().manifests);
        notice.show('status', `Saved the editor text as ${MANIFESTS_FILE}.`);
        return;
      case 'png':
      case 'svg':
        void exportImage(id);
    }
  };

  return (
    <div className="export-menu">
      <button
        ref={buttonRef}
        type="button"
        id={`${base}-button`}
        className="segmented__item segmented__item--solo export-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${base}-menu` : undefined}
        aria-busy={busy || undefined}
        title="Open YAML files, download the manifests, save the canvas as an image"
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKey}
      >
        Export
        <svg className="export-menu__caret" width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
          <path d="M2 3.5l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {open && (
        <div ref={menuRef} id={`${base}-menu`} role="menu" tabIndex={-1} aria-labelledby={`${base}-button`} className="export-menu__list" onKeyDown={onMenuKey}>
          {ITEMS.map((item, i) => (
            <div key={item.id} role="none" className="export-menu__slot" data-group-start={i > 0 && ITEMS[i - 1]!.group !== item.group ? true : undefined}>
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="export-menu__item"
                aria-label={item.label}
                aria-describedby={`${base}-hint-${item.id}`}
                onClick={() => run(item.id)}
              >
                <span className="export-menu__label">{item.label}</span>
                <span id={`${base}-hint-${item.id}`} className="export-menu__hint">
                  {item.hint}
                </span>
              </button>
            </div>
          ))}
        </div>
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".yaml,.yml,application/yaml,text/yaml"
        multiple
        hidden
        aria-label="Open YAML files"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void openFiles(files);
        }}
      />
      <Notice handle={notice} className="share-notice--menu" />
    </div>
  );
}
