/**
 * The terminal's command line: the prompt and an input that behaves like bash's readline where
 * it matters here — Enter runs (or continues an unfinished command with `> `), ↑/↓ walk the
 * history, Tab completes (on an empty line it moves focus on, so the keyboard is not trapped),
 * Ctrl+C drops the line, Ctrl+L clears the screen, Ctrl+U erases to the start, Ctrl+D on an
 * empty line leaves a pod's shell. Pasting several lines enters them one by one, so a pasted
 * here-document runs as one command.
 */
import { useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type RefObject } from 'react';
import { CONTINUATION_PROMPT, useWorkspace, useWorkspaceStore, type WorkspaceState } from '../store';
import type { TerminalShell } from '../store/terminal';
import { complete, type CompletionContext } from './complete';

function contextOf(s: WorkspaceState): CompletionContext {
  const pg = s.playground;
  return {
    mode: !s.terminal.shell ? 'workstation' : 'node' in s.terminal.shell ? 'node' : 'pod',
    names: (kind, ns) => (pg ? pg.listObjects(kind, ns).map((o) => o.metadata.name) : []),
    namespaces: pg ? pg.listObjects('Namespace').map((o) => o.metadata.name) : ['default'],
    files: [...s.terminalFiles().keys()],
    services: (s.snapshot?.services ?? []).map((x) => `${x.name}.${x.namespace}`),
  };
}

/** Candidates laid out in columns, as bash lists them. */
export function columns(words: readonly string[], width = 96): string {
  const w = Math.max(...words.map((x) => x.length)) + 2;
  const perRow = Math.max(1, Math.floor(width / w));
  const rows: string[] = [];
  for (let i = 0; i < words.length; i += perRow) {
    rows.push(
      words
        .slice(i, i + perRow)
        .map((x) => x.padEnd(w))
        .join('')
        .trimEnd(),
    );
  }
  return rows.join('\n');
}

const firstLine = (text: string) => text.split('\n', 1)[0]!;

/** Where the shell is, shown beside the line. */
function where(shell: TerminalShell | null): string | undefined {
  if (!shell) return undefined;
  return 'node' in shell ? `node ${shell.node} · exit to leave` : `pod ${shell.pod}, container ${shell.container} · exit to leave`;
}

/** `hidden`: another program has the terminal (kubectl edit's editor); the line waits for it. */
export function TerminalInput({ inputRef, hidden = false }: { inputRef: RefObject<HTMLInputElement | null>; hidden?: boolean }) {
  const store = useWorkspaceStore();
  const asking = useWorkspace((s) => s.terminal.asking);
  const prompt = useWorkspace((s) => (s.terminal.asking ? `${s.terminal.asking.prompt} ` : s.terminal.pending ? CONTINUATION_PROMPT : s.terminal.prompt));
  const shell = useWorkspace((s) => s.terminal.shell);
  const inPod = shell !== null;
  const [value, setValue] = useState('');
  /** A multi-line history entry shown by its first line; Enter runs all of it. */
  const [recalled, setRecalled] = useState<string | null>(null);
  const nav = useRef<{ index: number; draft: string } | null>(null);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    const input = inputRef.current;
    if (caret.current === null || !input) return;
    input.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const put = (text: string, at = text.length, entry: string | null = null) => {
    setValue(text);
    setRecalled(entry);
    caret.current = at;
  };

  const enter = (text: string) => {
    const s = store.getState();
    for (const line of text.split('\n')) void s.enterTerminalLine(line);
  };

  const submit = () => {
    enter(recalled !== null && value === firstLine(recalled) ? recalled : value);
    nav.current = null;
    put('');
  };

  const recall = (step: -1 | 1) => {
    const { history } = store.getState().terminal;
    if (history.length === 0) return;
    const at = nav.current ?? { index: history.length, draft: value };
    const index = Math.max(0, Math.min(history.length, at.index + step));
    nav.current = { ...at, index };
    const entry = index === history.length ? at.draft : history[index]!;
    put(firstLine(entry), undefined, entry.includes('\n') ? entry : null);
  };

  const tab = (input: HTMLInputElement) => {
    const s = store.getState();
    const r = complete(value, input.selectionStart ?? value.length, contextOf(s));
    if (r.line !== value) put(r.line, r.cursor);
    else if (r.candidates.length > 1) {
      s.printTerminal([
        { kind: 'input', prompt, text: value },
        { kind: 'info', text: columns(r.candidates) },
      ]);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const ctrl = e.ctrlKey && !e.metaKey && !e.altKey;
    if (e.key === 'Enter') {
      e.preventDefault();
      submit();
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      recall(e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Tab' && !e.shiftKey && !ctrl && value !== '') {
      // On an empty line Tab moves focus on, so the keyboard is never trapped here.
      e.preventDefault();
      tab(input);
    } else if (ctrl && e.key.toLowerCase() === 'c') {
      // With text selected, Ctrl+C copies it.
      if (input.selectionStart !== input.selectionEnd) return;
      e.preventDefault();
      store.getState().interruptTerminal(value);
      nav.current = null;
      put('');
    } else if (ctrl && e.key.toLowerCase() === 'l') {
      e.preventDefault();
      store.getState().clearTerminal();
    } else if (ctrl && e.key.toLowerCase() === 'u') {
      e.preventDefault();
      put(value.slice(input.selectionStart ?? 0), 0);
    } else if (ctrl && e.key.toLowerCase() === 'd' && value === '' && inPod) {
      e.preventDefault();
      enter('exit');
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text)) return;
    e.preventDefault();
    const input = e.currentTarget;
    const start = input.selectionStart ?? value.length;
    const end = input.selectionEnd ?? start;
    const lines = (value.slice(0, start) + text.replace(/\r\n?/g, '\n') + value.slice(end)).split('\n');
    const rest = lines.pop() ?? '';
    enter(lines.join('\n'));
    nav.current = null;
    put(rest);
  };

  const more = recalled ? recalled.split('\n').length - 1 : 0;
  return (
    // Where the shell is, shown beside the line (generated content: not copied with the text).
    <div className="terminal__command" data-where={where(shell)} hidden={hidden}>
      <span className="terminal__prompt" aria-hidden="true">
        {prompt}
      </span>
      <input
        ref={inputRef}
        className="terminal__input"
        aria-label="Terminal input"
        // A program's password question: typed but not shown, as a terminal does not echo it.
        type={asking ? 'password' : 'text'}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setRecalled(null);
        }}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        spellCheck={false}
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="off"
        enterKeyHint="send"
      />
      {more > 0 && (
        <span className="terminal__more" title="Enter runs every line of this command">
          +{more} {more === 1 ? 'line' : 'lines'}
        </span>
      )}
    </div>
  );
}
