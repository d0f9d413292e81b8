/**
 * The terminal slice of the workspace store: a bash session on the learner's workstation
 * (the playground's `kubectl()`: kubectl, minikube, curl, pipes, variables, port-forwards),
 * the shell inside a pod that `kubectl exec -it` / `kubectl run -it` opens and the one on a
 * node that `minikube ssh` opens, until `exit`; and the editor `kubectl edit` opens, until it
 * is saved or cancelled.
 *
 * Every change a command makes goes through the same store as the editor: after a command (or
 * an edit's save), the objects it changed are found by comparing the cluster before and after,
 * the editor's text is edited to match (editorSync.ts), and the canvas and inspector re-read
 * the cluster. The request being played (`sent`) is left alone; the requests a line sent come
 * back with its result (`traces`), and the last is kept on its output, so "Show this request"
 * can play it.
 */
import type { AttachedShell, ClusterPlayground, EditSession, ShellLineResult, Trace, Workstation, WorkstationResult } from '../../src/engine';
import { timeline } from '../playback/timeline';
import { changedObjects, type ObjectChange } from './objectDiff';
import type { WorkspaceState } from './workspace';

export type TerminalLineKind = 'input' | 'stdout' | 'stderr' | 'info' | 'request';

export interface TerminalLine {
  id: number;
  kind: TerminalLineKind;
  /** The text; an output block may hold several lines (no trailing line break). */
  text: string;
  /** The prompt an `input` line was typed at. */
  prompt?: string;
  /** A `request` line: the trace of the request a command sent (curl, wget). */
  trace?: Trace;
  /** The cluster's resourceVersion when that request was sent, to tell whether it is still current. */
  resourceVersion?: number;
}

/** Where an attached shell runs: a pod's container, or a node. */
export type TerminalShell = { pod: string; container: string } | { node: string };

/** An object open in the terminal's editor (`kubectl edit`); `id` changes when it opens again. */
export interface TerminalEdit {
  id: number;
  session: EditSession;
}

export interface TerminalState {
  lines: TerminalLine[];
  /** Commands run this session, oldest first (a here-document is one entry with its lines). */
  history: string[];
  /** The prompt of the shell: `$ ` on the workstation, the container's or node's shell inside one. */
  prompt: string;
  /** The pod ("ns/name" and container) or node a shell is open on, or null on the workstation. */
  shell: TerminalShell | null;
  /** Lines of an unfinished command (an open here-document, quote, `|` or `\`), shown with `> `. */
  pending: string;
  /** The object `kubectl edit` opened, while its editor is open; null otherwise. */
  edit: TerminalEdit | null;
  /**
   * A program of the last command asks the terminal (curl's `Enter host password for user
   * 'user':`): the next line entered is the answer (not echoed) and the command runs with it.
   */
  asking: { prompt: string; command: string } | null;
}

export const WORKSTATION_PROMPT = '$ ';
export const CONTINUATION_PROMPT = '> ';
const MAX_LINES = 2000;
const MAX_HISTORY = 500;

export interface TerminalSlice {
  terminal: TerminalState;
  /** Run one whole command (it may span lines) as if typed and entered; resolves when done. */
  runCommand(line: string): Promise<void>;
  /** One line as entered: it continues an unfinished command, or runs the command it completes. */
  enterTerminalLine(line: string): Promise<void>;
  /** Ctrl+C: the line being typed is dropped (shown with ^C), and any unfinished command. */
  interruptTerminal(partial: string): void;
  /** Ctrl+L / `clear`. */
  clearTerminal(): void;
  /** Print lines that are not a command's output (completion candidates). */
  printTerminal(lines: { kind: 'input' | 'info'; text: string; prompt?: string }[]): void;
  /** Save the text in `kubectl edit`'s editor (kubectl goes on as when the editor closes). */
  saveTerminalEdit(text: string): Promise<void>;
  /** Close `kubectl edit`'s editor without changes: "Edit cancelled, no changes made." */
  cancelTerminalEdit(): Promise<void>;
  /** Play the request a `request` line holds in the Request dock (as `send()` would). */
  showTerminalRequest(lineId: number): void;
  /** The editor's text as files for `-f` (empty until the terminal's code has loaded). */
  terminalFiles(): ReadonlyMap<string, string>;
  /** Load the terminal's code (the yaml package) ahead of the first command. */
  prepareTerminal(): Promise<void>;
  /**
   * A new cluster replaced the old (a scenario was opened): an open pod or node shell and an
   * open `kubectl edit` belong to the old one and are closed; the next line runs in a new
   * workstation session. Scrollback and history stay.
   */
  resetTerminal(): void;
}

type Set = (partial: Partial<WorkspaceState> | ((s: WorkspaceState) => Partial<WorkspaceState>)) => void;
type Get = () => WorkspaceState;
type SyncModule = typeof import('./editorSync');

const MISSING_FILE = /the path "([^"]+)" does not exist/;

function output(text: string, kind: 'stdout' | 'stderr'): Omit<TerminalLine, 'id'>[] {
  return text ? [{ kind, text: text.replace(/\n$/, '') }] : [];
}

/** The lines a result prints: its output, and a "Show this request" for the last request it sent. */
function resultLines(pg: ClusterPlayground, result: WorkstationResult | ShellLineResult): Omit<TerminalLine, 'id'>[] {
  const lines = [...output(result.stdout, 'stdout'), ...output(result.stderr, 'stderr')];
  const shown = (result.traces ?? []).filter((t: Trace) => t.hops.length > 0);
  const last = shown[shown.length - 1];
  if (last) {
    const more = shown.length > 1 ? ` (the last of ${shown.length})` : '';
    lines.push({ kind: 'request', text: `${last.request.method ?? 'GET'} ${last.request.url}${more}`, trace: last, resourceVersion: pg.clusterState.resourceVersion });
  }
  return lines;
}

/** "Deployment/default/web" → "deployment/web" (with its namespace when not default). */
function objectName(key: string): string {
  const [kind = '', ns = '', obj = ''] = key.split('/');
  return `${kind.toLowerCase()}/${obj}${ns && ns !== 'default' ? ` (${ns})` : ''}`;
}

export function terminalSlice(set: Set, get: Get, savedHistory: readonly string[] = []): TerminalSlice {
  let nextId = 1;
  let nextTraceId = -1;
  let queue: Promise<void> = Promise.resolve();
  let sync: SyncModule | null = null;
  let loading: Promise<SyncModule> | null = null;
  let shell: AttachedShell | null = null;
  let nextEditId = 1;
  let helper: { pg: ClusterPlayground; ws: Workstation } | null = null;

  const load = () => (loading ??= import('./editorSync').then((m) => (sync = m)));
  const workstation = (pg: ClusterPlayground) => {
    if (helper?.pg !== pg) helper = { pg, ws: pg.workstation() };
    return helper.ws;
  };
  const enqueue = (task: () => Promise<void> | void): Promise<void> => (queue = queue.then(task, task).catch((e: unknown) => print([{ kind: 'stderr', text: `kubepath: ${String(e)}` }])));

  const update = (patch: Partial<TerminalState>) => set((s) => ({ terminal: { ...s.terminal, ...patch } }));
  const print = (lines: Omit<TerminalLine, 'id'>[]) =>
    set((s) => {
      const all = [...s.terminal.lines, ...lines.map((l) => ({ ...l, id: nextId++ }))];
      return { terminal: { ...s.terminal, lines: all.length > MAX_LINES ? all.slice(-MAX_LINES) : all } };
    });

  const remember = (command: string) => {
    const { history } = get().terminal;
    if (!command.trim() || history[history.length - 1] === command) return;
    update({ history: [...history, command].slice(-MAX_HISTORY) });
  };

  /**
   * Files whose documents a command's deletion took out of the editor: `kubectl delete -f x.yaml`
   * leaves x.yaml on a real disk, so a later `kubectl apply -f x.yaml` (as seed 000 does) finds
   * it here and the sync appends the document again.
   */
  const removedFiles = new Map<string, string>();
  const filesFor = (m: SyncModule, text: string): Map<string, string> => new Map([...removedFiles, ...m.editorFiles(text)]);

  /** Edit the editor's text (and the applied text) for what the command changed. */
  const syncEditor = (m: SyncModule, changes: ObjectChange[], skip: ReadonlySet<string>) => {
    const s = get();
    const r = m.syncText(s.manifests, changes, { skip });
    if (r.text === s.manifests) return;
    const kept = m.editorFiles(r.text);
    for (const [name, body] of m.editorFiles(s.manifests)) if (!kept.has(name) && name !== 'manifests.yaml') removedFiles.set(name, body);
    const clean = s.appliedText === s.manifests;
    const applied = s.appliedText === null ? null : clean ? r.text : m.syncText(s.appliedText, changes, { skip }).text;
    set({
      manifests: r.text,
      appliedText: applied,
      ...(applied !== null && s.appliedText !== null && { sources: m.sourcesOf(applied), diagnostics: m.remapDiagnostics(s.appliedText, applied, s.diagnostics) }),
    });
    const parts = [
      r.updated.length ? `updated ${r.updated.map(objectName).join(', ')}` : '',
      r.removed.length ? `removed ${r.removed.map(objectName).join(', ')}` : '',
      r.appended.length ? `added ${r.appended.map(objectName).join(', ')}` : '',
    ].filter(Boolean);
    print([{ kind: 'info', text: `Editor: ${parts.join('; ')}.` }]);
  };

  /** After a line or a save: follow what the cluster's objects became in the editor, and redraw. */
  const settle = (m: SyncModule, pg: ClusterPlayground, before: ClusterPlayground['clusterState']['objects'], skip: ReadonlySet<string>) => {
    const changes = changedObjects(before, pg.clusterState.objects);
    if (changes.length) syncEditor(m, changes, skip);
    get().refresh();
  };

  const openEdit = (session: EditSession | undefined) => update({ edit: session ? { id: nextEditId++, session } : null });

  const execute = async (command: string, answer?: { prompt: string; text: string }) => {
    const trimmed = command.trim();
    if (!trimmed) return;
    if (!answer) remember(command);
    if (trimmed === 'clear') {
      update({ lines: [] });
      return;
    }
    const pg = get().playground;
    if (!pg) {
      print([{ kind: 'info', text: 'The cluster is still starting; try again in a moment.' }]);
      return;
    }
    const m = sync ?? (await load());
    const before = pg.clusterState.objects;
    const inShell = shell;
    const files = filesFor(m, get().manifests);
    const asked: WorkstationResult | ShellLineResult = inShell ? inShell.run(command) : pg.kubectl(command, { files, ask: true, ...(answer && { stdin: `${answer.text}\n` }) });
    if ('asks' in asked && asked.asks) {
      update({ asking: { prompt: asked.asks.prompt, command } });
      return;
    }
    // The question was shown as the answer's prompt already; the program prints it again.
    const result = answer && asked.stderr.startsWith(answer.prompt) ? { ...asked, stderr: asked.stderr.slice(answer.prompt.length).replace(/^\n/, '') } : asked;
    const lines = resultLines(pg, result);
    const missing = MISSING_FILE.exec(result.stderr);
    if (missing && !inShell) {
      lines.push({ kind: 'info', text: `The editor's files: ${[...files.keys()].join(', ')}. A "# file: ${missing[1]}" line in the editor starts a file of that name.` });
    }
    print(lines);
    const skip = new Set<string>();
    if ('interactive' in result && result.interactive) {
      const session = result.interactive;
      shell = workstation(pg).attach(session);
      if (session.kind === 'pod' && session.removeOnExit) skip.add(`Pod/${session.pod}`);
      update({ shell: session.kind === 'pod' ? { pod: session.pod, container: session.container } : { node: session.node }, prompt: shell.prompt() });
    } else if (inShell && 'exited' in result && result.exited) {
      shell = null;
      update({ shell: null, prompt: WORKSTATION_PROMPT });
    }
    if ('edit' in result && result.edit) openEdit(result.edit);
    if (inShell?.session.kind === 'pod' && inShell.session.removeOnExit) skip.add(`Pod/${inShell.session.pod}`);
    settle(m, pg, before, skip);
  };

  /** The editor closes with `text`: kubectl applies it, gives up, or opens it again with the errors. */
  const closeEdit = async (text: string | null) => {
    const open = get().terminal.edit;
    const pg = get().playground;
    if (!open || !pg) return;
    const m = sync ?? (await load());
    const before = pg.clusterState.objects;
    const result = workstation(pg).saveEdit(open.session, text ?? open.session.text);
    print(resultLines(pg, result));
    openEdit(result.edit);
    settle(m, pg, before, new Set());
  };

  return {
    terminal: { lines: [], history: savedHistory.slice(-MAX_HISTORY), prompt: WORKSTATION_PROMPT, shell: null, pending: '', edit: null, asking: null },
    runCommand: (line) =>
      enqueue(() => {
        print([{ kind: 'input', prompt: get().terminal.prompt, text: line }]);
        return execute(line);
      }),
    enterTerminalLine: (line) =>
      enqueue(() => {
        const { pending, prompt, asking } = get().terminal;
        if (asking) {
          // An answer to a password prompt: not echoed, as the terminal does not echo it.
          print([{ kind: 'input', prompt: asking.prompt, text: '' }]);
          update({ asking: null });
          return execute(asking.command, { prompt: asking.prompt, text: line });
        }
        print([{ kind: 'input', prompt: pending ? CONTINUATION_PROMPT : prompt, text: line }]);
        const command = pending ? `${pending}\n${line}` : line;
        const pg = get().playground;
        if (pg && command.trim() && workstation(pg).incomplete(command)) {
          update({ pending: command });
          return;
        }
        update({ pending: '' });
        return execute(command);
      }),
    interruptTerminal: (partial) => {
      const { pending, prompt, asking } = get().terminal;
      print([{ kind: 'input', prompt: asking ? asking.prompt : pending ? CONTINUATION_PROMPT : prompt, text: asking ? '^C' : `${partial}^C` }]);
      update({ pending: '', asking: null });
    },
    clearTerminal: () => update({ lines: [] }),
    saveTerminalEdit: (text) => enqueue(() => closeEdit(text)),
    cancelTerminalEdit: () => enqueue(() => closeEdit(null)),
    printTerminal: (lines) => print(lines),
    showTerminalRequest: (lineId) => {
      const s = get();
      const line = s.terminal.lines.find((l) => l.id === lineId);
      if (!line?.trace) return;
      const current = s.playground?.clusterState.resourceVersion === line.resourceVersion;
      const trace = line.trace;
      set({ sent: { id: nextTraceId--, spec: trace.request, trace, steps: timeline(trace), revision: current ? s.revision : -1 }, step: -1, playing: true, compare: null });
    },
    resetTerminal: () => {
      shell = null;
      helper = null;
      removedFiles.clear();
      update({ shell: null, edit: null, prompt: WORKSTATION_PROMPT, pending: '', asking: null });
    },
    terminalFiles: () => (sync ? filesFor(sync, get().manifests) : new Map()),
    prepareTerminal: () => load().then(() => undefined),
  };
}
