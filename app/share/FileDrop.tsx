/**
 * Dropping YAML files anywhere on the window opens them in the editor. Only drags that carry
 * files are touched: dragging text inside Monaco (or anywhere) works as before. While files
 * are dragged over the window an overlay says what a drop does.
 */
import './share.css';
import { useEffect, useState } from 'react';
import { Notice, useNotice } from './Notice';
import { useOpenYamlFiles } from './useOpenYamlFiles';

export function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function FileDrop() {
  const [dragging, setDragging] = useState(false);
  const notice = useNotice();
  const open = useOpenYamlFiles(notice);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them, the window is left at 0.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file itself, and Monaco would take the drop.
      e.preventDefault();
      e.stopPropagation();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth = 0;
      setDragging(false);
      void open(Array.from(e.dataTransfer?.files ?? []));
    };
    const onEnd = () => {
      depth = 0;
      setDragging(false);
    };
    const listeners = [
      ['dragenter', onEnter],
      ['dragover', onOver],
      ['dragleave', onLeave],
      ['drop', onDrop],
      ['dragend', onEnd],
    ] as const;
    // Capture: seen before Monaco's own drop handling inside the editor.
    for (const [type, fn] of listeners) window.addEventListener(type, fn, true);
    return () => {
      for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
    };
  }, [open]);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-overlay__card">
            <svg className="drop-overlay__icon" width="40" height="40" viewBox="0 0 40 40" aria-hidden="true">
              <path d="M11 5h13l8 8v22H11z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
              <path d="M24 5v8h8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
              <path d="M21.5 18v11M17 24.5l4.5 4.5 4.5-4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <p className="drop-overlay__title">Drop YAML files to open them</p>
            <p className="drop-overlay__text">
              They replace the editor's text, each under a <code># file:</code> line. Nothing is applied until you press Apply.
            </p>
          </div>
        </div>
      )}
      <Notice handle={notice} className="share-notice--drop" />
    </>
  );
}
