/**
 * Tab completion as bash with kubectl's completion does it: the word before the cursor is
 * completed to the longest prefix its candidates share; when that adds nothing and several
 * remain, the candidates are listed. Candidates are kubectl's subcommands, resource types,
 * object names from the cluster (in the namespace the line names), flags and their values,
 * the editor's files after `-f`, and inside a pod the shell's commands and the Services' names.
 */
import {
  flagsOf,
  flagValues,
  KUBECTL_COMMANDS,
  kindOf,
  MINIKUBE_COMMANDS,
  NESTED_COMMANDS,
  POD_COMMANDS,
  POD_FILES,
  NODE_SHELL_COMMANDS,
  POD_SHELL_COMMANDS,
  RESOURCE_TYPES,
  TYPED_COMMANDS,
  TYPES_FOR,
  VALUE_FLAGS,
  WORKSTATION_COMMANDS,
} from './words';

export interface CompletionContext {
  /** On the workstation, in a container's shell, or in a node's (`minikube ssh`). */
  mode: 'workstation' | 'pod' | 'node';
  /** Names of the objects of a kind ("Pod", "Service"...) in a namespace (undefined: all). */
  names(kind: string, namespace: string | undefined): string[];
  namespaces: string[];
  /** The editor's files, for `-f`. */
  files: string[];
  /** Services as "name.namespace", for names and URLs inside a pod. */
  services: string[];
}

export interface Completion {
  /** The line after completing (unchanged when nothing could be added). */
  line: string;
  cursor: number;
  /** What the word could become, when more than one thing (listed when nothing was added). */
  candidates: string[];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** The words of the current simple command (after the last `|`, `;`, `&&`, `||`, `$(`). */
function commandWords(before: string): string[] {
  const last = before.split(/\|\||&&|[|;]|\$\(/).pop() ?? '';
  return last.trimStart().split(/\s+/);
}

const unique = (xs: readonly string[]) => [...new Set(xs)];

function namespaceOf(words: readonly string[]): string | undefined | 'all' {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '-A' || w === '--all-namespaces') return 'all';
    if ((w === '-n' || w === '--namespace') && words[i + 1]) return words[i + 1];
    const m = /^(?:-n|--namespace)=(.+)$/.exec(w);
    if (m) return m[1];
  }
  return 'default';
}

/** Names of a kind, for the line's namespace (all namespaces with -A, deduplicated). */
function namesFor(kind: string, words: readonly string[], ctx: CompletionContext): string[] {
  const ns = namespaceOf(words);
  return unique(ctx.names(kind, ns === 'all' ? undefined : ns)).sort();
}

/** Candidates for the last word of a kubectl command line (`words` without the leading `kubectl`). */
function kubectlCandidates(words: readonly string[], word: string, ctx: CompletionContext): string[] {
  const done = words.slice(0, -1);
  // The positional words so far, and the flag whose value the current word is (if any).
  const positional: string[] = [];
  for (let i = 0; i < done.length; i++) {
    const w = done[i]!;
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
    } else positional.push(w);
  }
  const prev = done[done.length - 1];
  const sub = positional[0];
  const nested = sub && KUBECTL_COMMANDS[sub]?.length && positional[1] ? `${sub} ${positional[1]}` : sub;
  const command = nested ?? '';
  const valueFlag = prev && VALUE_FLAGS.has(prev) ? prev : undefined;
  const eq = /^(--?[\w-]+)=(.*)$/.exec(word);
  if (valueFlag || eq) {
    const flag = eq ? eq[1]! : valueFlag!;
    const prefix = eq ? `${flag}=` : '';
    const values = flag === '-n' || flag === '--namespace' ? ctx.namespaces : flag === '-f' || flag === '--filename' ? ctx.files : flagValues(flag, command) ?? [];
    return values.map((v) => prefix + v);
  }
  if (word.startsWith('-')) return [...flagsOf(command)];
  if (!sub) return Object.keys(KUBECTL_COMMANDS);
  const subs = KUBECTL_COMMANDS[sub];
  if (subs?.length && positional.length === 1) return [...subs];
  const deeper = NESTED_COMMANDS[command];
  if (deeper && positional.length === 2) return [...deeper];
  const args = positional.slice(command.split(' ').length);
  if (TYPED_COMMANDS.has(command) || (sub === 'rollout' && positional.length >= 2)) {
    const slash = word.indexOf('/');
    if (slash >= 0) {
      const kind = kindOf(word.slice(0, slash));
      return kind ? namesFor(kind, words, ctx).map((n) => `${word.slice(0, slash)}/${n}`) : [];
    }
    const type = args[0];
    if (type === undefined) return [...(TYPES_FOR[command] ?? TYPES_FOR[sub] ?? (['get', 'describe', 'delete'].includes(sub) ? [...RESOURCE_TYPES, 'all'] : RESOURCE_TYPES))];
    if (type.includes('/')) return [];
    const kind = kindOf(type);
    return kind ? namesFor(kind, words, ctx) : [];
  }
  if (POD_COMMANDS.has(sub) && args.length === 0) {
    const slash = word.indexOf('/');
    if (slash >= 0) {
      const kind = kindOf(word.slice(0, slash));
      return kind ? namesFor(kind, words, ctx).map((n) => `${word.slice(0, slash)}/${n}`) : [];
    }
    return namesFor('Pod', words, ctx);
  }
  return [];
}

/** On a node: its commands; `sudo` takes one of them. */
function nodeCandidates(words: readonly string[]): string[] {
  if (words.length === 1 || (words.length === 2 && words[0] === 'sudo')) return NODE_SHELL_COMMANDS;
  return [];
}

function podCandidates(words: readonly string[], ctx: CompletionContext): string[] {
  const cmd = words[0];
  if (words.length === 1) return POD_SHELL_COMMANDS;
  const names = ctx.services.flatMap((s) => {
    const [name] = s.split('.');
    return [name!, s, `${s}.svc.cluster.local`];
  });
  switch (cmd) {
    case 'curl':
    case 'wget':
      return unique(names.map((n) => `http://${n}/`));
    case 'nslookup':
    case 'dig':
    case 'ping':
    case 'host':
      return unique(names);
    case 'cat':
      return POD_FILES;
    case 'ip':
      return ['addr', 'route', 'link'];
    default:
      return [];
  }
}

function workstationCandidates(words: readonly string[], word: string, ctx: CompletionContext): string[] {
  const cmd = words[0]!;
  if (words.length === 1) return unique([...WORKSTATION_COMMANDS, ...Object.keys(KUBECTL_COMMANDS)]);
  if (cmd === 'kubectl') return kubectlCandidates(words.slice(1), word, ctx);
  if (cmd in KUBECTL_COMMANDS) return kubectlCandidates(words, word, ctx);
  if (cmd === 'minikube') return words.length === 2 ? MINIKUBE_COMMANDS : words[1] === 'service' ? namesFor('Service', words, ctx) : [];
  if (cmd === 'cat') return ctx.files;
  return [];
}

/** Complete the word before `cursor` in `line`. */
export function complete(line: string, cursor: number, ctx: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const words = commandWords(before);
  const word = words[words.length - 1] ?? '';
  const all = ctx.mode === 'pod' ? podCandidates(words, ctx) : ctx.mode === 'node' ? nodeCandidates(words) : workstationCandidates(words, word, ctx);
  const matches = unique(all.filter((c) => c.startsWith(word)));
  const unchanged: Completion = { line, cursor, candidates: matches.length > 1 ? matches : [] };
  if (matches.length === 0) return unchanged;
  const only = matches.length === 1 ? matches[0]! : undefined;
  const prefix = only ?? commonPrefix(matches);
  // A whole word gets a space after it, unless it wants its value next (`--replicas=`, `deploy/`).
  const spaced = only !== undefined && !/[=/]$/.test(only) && !/^\s/.test(line.slice(cursor));
  const insert = spaced ? `${only} ` : prefix;
  if (insert === word) return unchanged;
  const head = before.slice(0, before.length - word.length) + insert;
  return { line: head + line.slice(cursor), cursor: head.length, candidates: matches.length > 1 ? matches : [] };
}
