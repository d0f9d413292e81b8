/**
 * The terminal in the Request dock: a bash session on the workstation beside the cluster
 * (kubectl, minikube, curl), and a container's shell after `kubectl exec -it`. The scrollback
 * is plain text in a <pre>, so it copies as a terminal's would; a request a command sent
 * (curl, wget) gets a "Show this request" button that plays it on the canvas. `kubectl edit`
 * takes the terminal over with its editor (TerminalEditor) until it is saved or cancelled.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import './terminal.css';
import { useWorkspace, useWorkspaceStore, type TerminalLine } from '../store';
import { draftOfSpec } from '../panels/origins';
import { TerminalInput } from './TerminalInput';
import { TerminalEditor } from './TerminalEditor';

const LineView = memo(function LineView({ line, onShow }: { line: TerminalLine; onShow(line: TerminalLine): void }) {
  switch (line.kind) {
    case 'input':
      return (
        <span className="terminal__line terminal__line--input">
          <span className="terminal__prompt">{line.prompt}</span>
          {line.text}
          {'\n'}
        </span>
      );
    case 'request':
      return (
        <span className="terminal__line terminal__line--request">
          <button type="button" className="terminal__show" onClick={() => onShow(line)}>
            Show this request
          </button>
          <span className="terminal__request"> {line.text}</span>
          {'\n'}
        </span>
      );
    default:
      return (
        <span className={`terminal__line terminal__line--${line.kind}`}>
          {line.text}
          {'\n'}
        </span>
      );
  }
});

export function Terminal({ onShowRequest }: { onShowRequest?: () => void }) {
  const store = useWorkspaceStore();
  const lines = useWorkspace((s) => s.terminal.lines);
  const edit = useWorkspace((s) => s.terminal.edit);
  const ref = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void store.getState().prepareTerminal();
  }, [store]);

  // New output scrolls into view, as in a terminal.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && lines.length >= 0) el.scrollTop = el.scrollHeight;
  }, [lines]);

  const show = useCallback(
    (line: TerminalLine) => {
      const s = store.getState();
      if (!line.trace) return;
      s.setDraft(draftOfSpec(line.trace.request));
      s.showTerminalRequest(line.id);
      onShowRequest?.();
    },
    [store, onShowRequest],
  );

  // When kubectl edit's editor closes, the command line has the keyboard again.
  const editing = edit !== null;
  useEffect(() => {
    if (!editing) inputRef.current?.focus({ preventScroll: true });
  }, [editing]);

  // A click anywhere types into the command line, unless it selected text to copy.
  const onMouseUp = (e: MouseEvent) => {
    if (edit || (e.target as HTMLElement).closest('button, input, textarea')) return;
    if (!window.getSelection()?.isCollapsed) return;
    inputRef.current?.focus({ preventScroll: true });
  };

  return (
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a pointer convenience: the input is in the tab order
    <section ref={ref} className="terminal" aria-label="Terminal" onMouseUp={onMouseUp}>
      {/* Always there, above the scrollback (as a login banner), so the text only ever grows. */}
      <p className="terminal__welcome" hidden={edit !== null}>
        A shell on your workstation beside the cluster: <code>kubectl</code>, <code>minikube</code> and <code>curl</code> run here. The editor&apos;s documents are
        files named after their objects (<code>kubectl apply -f NAME.yaml</code>) or after a <code># file: NAME.yaml</code> line.{' '}
        <code>kubectl exec -it POD -- sh</code> opens a shell in a pod, <code>minikube ssh</code> one on a node, <code>kubectl edit</code> an object in an editor here.
        Tab completes, ↑ recalls; what a command changes is written into the editor.
      </p>
      <pre className="terminal__screen" role="log" aria-label="Terminal output" hidden={edit !== null}>
        {lines.map((line) => (
          <LineView key={line.id} line={line} onShow={show} />
        ))}
      </pre>
      {edit && <TerminalEditor key={edit.id} edit={edit} />}
      <TerminalInput inputRef={inputRef} hidden={edit !== null} />
    </section>
  );
}
