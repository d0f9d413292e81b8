import './editor.css';
import { useCallback } from 'react';
import { useWorkspace } from '../store';
import { useResolvedTheme } from '../shell/theme';
import { useMonacoEditor, type MarkerSummary } from './useMonacoEditor';

function problemText(markers: MarkerSummary): string {
  const parts: string[] = [];
  if (markers.errors) parts.push(`${markers.errors} error${markers.errors === 1 ? '' : 's'}`);
  if (markers.warnings) parts.push(`${markers.warnings} warning${markers.warnings === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : 'No problems';
}

/** Placeholder lines shaped like the sample, in the editor's own metrics: no shift on load. */
const SKELETON_WIDTHS = [72, 34, 40, 22, 28, 30, 18, 26, 36, 0, 44, 52, 38, 20, 58];

export function ManifestEditor() {
  const manifests = useWorkspace((s) => s.manifests);
  const setManifests = useWorkspace((s) => s.setManifests);
  const theme = useResolvedTheme();
  const onChange = useCallback((text: string) => setManifests(text), [setManifests]);
  const { containerRef, status, markers } = useMonacoEditor({
    value: manifests,
    onChange,
    theme,
    ariaLabel: 'Manifests YAML',
  });
  const state = status !== 'ready' ? 'loading' : markers.errors ? 'error' : markers.warnings ? 'warning' : 'ok';

  return (
    <section
      className="pane editor-pane"
      aria-label="Manifests"
      data-editor-status={status}
      data-marker-count={markers.errors + markers.warnings}
      data-error-count={markers.errors}
    >
      <header className="pane-header">
        <h2 className="pane-title">Manifests</h2>
        <span className="pane-subtitle">YAML · kubectl apply</span>
      </header>
      <div className="editor-body">
        {/* `nokey`: React Flow listens for Space/Backspace on the document and would swallow
            them while typing here (Monaco's EditContext input is not an <input>). */}
        <div ref={containerRef} className="editor-host nokey" />
        {status !== 'ready' && (
          <div className="editor-placeholder" aria-hidden={status === 'loading'}>
            {status === 'loading' ? (
              SKELETON_WIDTHS.map((w, i) => (
                <div key={i} className="skeleton-line">
                  <span className="skeleton-gutter">{i + 1}</span>
                  {w > 0 && <span className="skeleton-bar" style={{ width: `${w}%` }} />}
                </div>
              ))
            ) : (
              <p role="alert" className="editor-error">
                The editor could not load. Reload the page to try again.
              </p>
            )}
          </div>
        )}
      </div>
      <footer className="pane-footer editor-status" data-state={state}>
        <span className="status-dot" aria-hidden="true" />
        <output aria-live="polite">{status === 'loading' ? 'Loading editor…' : problemText(markers)}</output>
        {markers.first && (
          <span className="status-detail" title={markers.first.message}>
            Ln {markers.first.line}: {markers.first.message}
          </span>
        )}
      </footer>
    </section>
  );
}
