import { useRef, type CSSProperties } from 'react';
import { ClusterCanvas } from '../canvas/ClusterCanvas';
import { ManifestEditor } from '../editor/ManifestEditor';
import { SidePane } from '../lessons/SidePane';
import { RequestDock } from '../panels/RequestDock';
import { FileDrop } from '../share/FileDrop';
import { defaultPanes, PANE_LIMITS, useWorkspace } from '../store';
import { fitPanes, SEPARATOR_WIDTH } from './panes';
import { Separator } from './Separator';
import { useElementWidth } from './useElementWidth';

/**
 * The panes: Manifests (full height) | Cluster | Inspector, with draggable separators between,
 * and the Request dock under Cluster and Inspector. Grid areas are named in base.css.
 */
export function Workspace() {
  const ref = useRef<HTMLElement | null>(null);
  const width = useElementWidth(ref, 1280);
  const panes = useWorkspace((s) => s.panes);
  const setPaneSize = useWorkspace((s) => s.setPaneSize);
  // Presenting or embedded: no editor; the canvas, the lesson or inspector, and the dock.
  const noEditor = useWorkspace((s) => s.presenter || s.embed);
  const presenter = useWorkspace((s) => s.presenter);
  // The lesson is read from the back of a room: give it room when presenting.
  const fitted = fitPanes(width, noEditor ? { editor: 0, inspector: presenter ? Math.max(panes.inspector, 440) : panes.inspector } : panes);
  const defaults = defaultPanes(width);
  const editor = noEditor ? 0 : fitted.editor;

  const style = {
    gridTemplateColumns: `${editor}px ${noEditor ? 0 : SEPARATOR_WIDTH}px minmax(0, 1fr) ${SEPARATOR_WIDTH}px ${fitted.inspector}px`,
  } satisfies CSSProperties;

  return (
    <main ref={ref} className="workspace" style={style}>
      <div id="pane-manifests" className="pane-slot">
        {!noEditor && <ManifestEditor />}
      </div>
      {!noEditor && (
      <Separator
        label="Resize Manifests"
        controls="pane-manifests"
        value={fitted.editor}
        min={PANE_LIMITS.editor.min}
        max={fitted.editorMax}
        defaultValue={defaults.editor}
        direction={1}
        onChange={(v) => setPaneSize('editor', v)}
      />
      )}
      <div id="pane-cluster" className="pane-slot">
        <ClusterCanvas />
      </div>
      <Separator
        label="Resize Inspector"
        controls="pane-inspector"
        value={fitted.inspector}
        min={PANE_LIMITS.inspector.min}
        max={fitted.inspectorMax}
        defaultValue={defaults.inspector}
        direction={-1}
        onChange={(v) => setPaneSize('inspector', v)}
      />
      <div id="pane-inspector" className="pane-slot">
        <SidePane />
      </div>
      <div id="pane-request" className="pane-slot">
        <RequestDock />
      </div>
      <FileDrop />
    </main>
  );
}
