/**
 * A trace as plain text, for a bug report or a slide: the request line, then one numbered line
 * per hop in the order the hop list shows them (nested work — a DNS lookup, an app's own call —
 * indented before the hop that waited for it) with where it happened, what kind of hop and what
 * happened; under it the rule that decided (the iptables line and its chain, the nginx location,
 * the DNS answer) and what the hop changed in the packet — addresses, path, headers, and for a
 * proxy what it changed in the request it sent on; then the outcome.
 */
import type { Hop, Packet, Trace } from '../../src/engine';
import { describeRule, elementName, kindLabel } from '../panels/hops';
import { originLabel } from '../panels/origins';
import { explain } from './explain';
import { isDnsPacket, timeline } from './timeline';

const INDENT = '   ';
const BODY_LINES = 3;
const LINE_WIDTH = 160;

function clip(text: string, width = LINE_WIDTH): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > width ? `${one.slice(0, width - 1)}…` : one;
}

const FIELDS: readonly [string, (p: Packet) => string | undefined][] = [
  ['source', (p) => p.src],
  ['destination', (p) => p.dst],
  ['protocol', (p) => p.proto],
  ['direction', (p) => p.direction],
  ['method', (p) => p.http?.method],
  ['host', (p) => p.http?.host],
  ['path', (p) => p.http?.path],
  ['status', (p) => (p.http?.status === undefined ? undefined : String(p.http.status))],
];

/** The packet fields the hop changed ("destination 10.96.0.12:80 → 10.244.2.4:80"), headers aside. */
export function fieldChanges(hop: Hop): string[] {
  const before = hop.before;
  if (!before) return [];
  return FIELDS.flatMap(([field, read]) => {
    const was = read(before);
    const now = read(hop.packet);
    return was === now ? [] : [`${field} ${was ?? '—'} → ${now ?? '—'}`];
  });
}

function headersOf(p: Packet | undefined): Map<string, { name: string; value: string }> {
  const out = new Map<string, { name: string; value: string }>();
  for (const [name, value] of Object.entries(p?.http?.headers ?? {})) out.set(name.toLowerCase(), { name, value });
  return out;
}

/** Every header added, removed or changed from `before` to `after`, compared case-insensitively. */
export function headerChanges(before: Packet | undefined, after: Packet | undefined): string[] {
  if (!before?.http || !after?.http) return [];
  const was = headersOf(before);
  const now = headersOf(after);
  const lines: string[] = [];
  for (const [key, h] of now) {
    const old = was.get(key);
    if (!old) lines.push(`header ${h.name} added: ${h.value}`);
    else if (old.value !== h.value) lines.push(`header ${h.name}: ${old.value} → ${h.value}`);
  }
  for (const [key, h] of was) if (!now.has(key)) lines.push(`header ${h.name} removed (was ${h.value})`);
  return lines;
}

/**
 * The request a proxy hop (ingress-nginx's location) sent on: the first HTTP packet of the
 * call its pod made while answering (a later hop of the same trace, at the same pod).
 */
export function upstreamOf(trace: Trace, hopIndex: number): Packet | undefined {
  const hop = trace.hops[hopIndex];
  if (!hop || (hop.kind !== 'rewrite' && hop.kind !== 'proxy') || !hop.packet.http) return undefined;
  for (const later of trace.hops.slice(hopIndex + 1)) {
    if (later.at !== hop.at) continue;
    for (const child of later.children ?? []) {
      const first = child.hops[0]?.packet;
      if (first?.http && !isDnsPacket(first)) return first;
    }
  }
  return undefined;
}

/** What the proxy changed on the way to the upstream: the path, the Host, the headers. */
function upstreamChanges(incoming: Packet, upstream: Packet): string[] {
  const lines: string[] = [];
  if (incoming.http?.path !== upstream.http?.path) lines.push(`upstream path ${incoming.http?.path ?? '—'} → ${upstream.http?.path ?? '—'}`);
  return [...lines, ...headerChanges(incoming, upstream).map((l) => `upstream ${l}`)];
}

/** "iptables rule in chain KUBE-SEP-…: -A KUBE-SEP-… -j DNAT …", "DNS record: web… A 10.96.0.12". */
export function ruleLine(rule: string): string {
  const info = describeRule(rule);
  const text = info.label === 'conntrack entry' ? rule.replace(/^conntrack:\s*/, '') : rule;
  return `${info.label}${info.chain ? ` in chain ${info.chain}` : ''}: ${text}`;
}

function requestLines(trace: Trace): string[] {
  const spec = trace.request;
  const lines = [`${spec.method ?? 'GET'} ${spec.url} from ${originLabel(spec.from)}`];
  for (const [k, v] of Object.entries(spec.headers ?? {})) lines.push(`${INDENT}${k}: ${v}`);
  if (spec.body !== undefined && spec.body !== '') lines.push(`${INDENT}body: ${clip(spec.body)}`);
  return lines;
}

function outcomeLines(trace: Trace): string[] {
  const e = explain(trace);
  const outcome = trace.outcome;
  const lines: string[] = [];
  if (outcome.kind === 'response') {
    const [ns, pod, container] = (outcome.servedBy ?? '').replace(/^pod:/, '').split('/');
    const by = pod ? `, answered by ${elementName(`pod:${ns}/${pod}`)}${container ? ` (container ${container})` : ''}` : '';
    lines.push(`Outcome: ${e.headline}${by}`);
    const body = outcome.body.split('\n').filter((l) => l.trim() !== '');
    if (body.length) {
      lines.push(`${INDENT}body: ${clip(body[0]!)}`);
      for (const l of body.slice(1, BODY_LINES)) lines.push(`${INDENT}      ${clip(l)}`);
      if (body.length > BODY_LINES) lines.push(`${INDENT}      … (${body.length - BODY_LINES} more lines)`);
    }
  } else {
    lines.push(`Outcome: failed, ${e.headline}`);
  }
  if (e.why) lines.push(`${e.ok ? 'Who answered' : 'Why'}: ${e.why}`);
  if (e.fix) lines.push(`${e.ok ? 'Note' : 'What to change'}: ${e.fix}`);
  return lines;
}

/** The whole trace as text, lines ending in \n. */
export function traceText(trace: Trace): string {
  const steps = timeline(trace);
  const width = String(steps.length).length;
  const lines = [...requestLines(trace), ''];
  if (steps.length === 0) lines.push('No packet left the client.');
  for (const step of steps) {
    const { hop } = step;
    const lead = INDENT.repeat(step.depth);
    const number = `${String(step.index + 1).padStart(width)}. `;
    lines.push(`${lead}${number}${elementName(hop.at)} [${kindLabel(hop.kind)}] ${hop.summary}`);
    const under = lead + ' '.repeat(number.length);
    const upstream = upstreamOf(step.trace, step.hopIndex);
    const changes = [...fieldChanges(hop), ...headerChanges(hop.before, hop.packet), ...(upstream ? upstreamChanges(hop.packet, upstream) : [])];
    if (hop.rule) lines.push(`${under}${ruleLine(hop.rule)}`);
    for (const change of changes) lines.push(`${under}${change}`);
  }
  lines.push('', ...outcomeLines(trace));
  return `${lines.join('\n')}\n`;
}
