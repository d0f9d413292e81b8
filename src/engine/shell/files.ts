/**
 * The files a learner reads in a pod: /etc/resolv.conf and /etc/hosts as the kubelet wrote
 * them, /etc/hostname, the service account's namespace file, the ConfigMap and Secret volumes
 * mounted into the container (`ShellHost.files`), and anything written earlier on
 * the same command line (`> /tmp/x`, `curl -o x`, `wget` saving index.html).
 *
 * `cat` messages: busybox `cat: can't open 'x': No such file or directory` (libbb
 * bb_perror_msg "can't open '%s'"), GNU coreutils `cat: x: No such file or directory`; both exit 1.
 */
import type { ShellHost } from './host';
import { Output, type Tool, type ToolContext } from './types';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const DIRECTORIES = new Set(['/', '/etc', '/tmp', '/var', '/proc', '/root', '/usr', '/bin', '/sbin', '/home', '/run', '/dev', SA_DIR]);

/** An absolute, normalised path ("." and ".." resolved, from / as the working directory). */
export function absolutePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function systemFile(host: ShellHost, path: string): string | undefined {
  switch (path) {
    case '/etc/resolv.conf':
      return host.resolvConf;
    case '/etc/hosts':
      return host.hosts;
    case '/etc/hostname':
      return `${host.hostname}\n`;
    case `${SA_DIR}/namespace`:
    case '/run/secrets/kubernetes.io/serviceaccount/namespace': {
      const slash = host.pod.indexOf('/');
      return slash >= 0 ? host.pod.slice(0, slash) : 'default';
    }
    default:
      return undefined;
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: 'missing' | 'directory' };

export function readFile(ctx: Pick<ToolContext, 'host' | 'files'>, path: string): ReadResult {
  const abs = absolutePath(path);
  const written = ctx.files.get(abs);
  if (written !== undefined) return { ok: true, text: written };
  if (abs === '/dev/null') return { ok: true, text: '' };
  const text = systemFile(ctx.host, abs) ?? ctx.host.files?.get(abs);
  if (text !== undefined) return { ok: true, text };
  const mountDir = [...(ctx.host.files?.keys() ?? [])].some((p) => p.startsWith(`${abs}/`));
  return { ok: false, reason: DIRECTORIES.has(abs) || mountDir ? 'directory' : 'missing' };
}

/** "can't open" in the tool's own words. */
export function openError(ctx: ToolContext, tool: string, path: string, reason: 'missing' | 'directory'): string {
  const why = reason === 'missing' ? 'No such file or directory' : 'Is a directory';
  if (ctx.profile.userland === 'busybox') return reason === 'directory' ? `${tool}: read error: ${why}\n` : `${tool}: can't open '${path}': ${why}\n`;
  return `${tool}: ${path}: ${why}\n`;
}

/** Record a file written by a command (the shell's `>`, curl -o, wget). */
export function writeFile(files: Map<string, string>, path: string, text: string, append = false): void {
  const abs = absolutePath(path);
  if (abs === '/dev/null') return;
  files.set(abs, append ? (files.get(abs) ?? '') + text : text);
}

export const cat: Tool = (ctx) => {
  const o = new Output();
  const paths = ctx.argv.slice(1).filter((a) => a === '-' || !a.startsWith('-'));
  if (paths.length === 0) return o.out(ctx.stdin).done(0);
  let code = 0;
  for (const p of paths) {
    if (p === '-') {
      o.out(ctx.stdin);
      continue;
    }
    const r = readFile(ctx, p);
    if (r.ok) o.out(r.text);
    else {
      o.err(openError(ctx, 'cat', p, r.reason));
      code = 1;
    }
  }
  return o.done(code);
};
