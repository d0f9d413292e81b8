/**
 * One rule's words (everything after `-A CHAIN`) → its matches and target.
 *
 * Generic options (-s -d -p -i -o) are IP-header matches; `-m NAME` starts a match module
 * whose options follow; `-j`/`-g` name the target, whose options may follow it. An option is
 * given to the target when it knows it, else to the most recent module that does, else (for
 * `--dport`/`--sport` after `-p tcp|udp|sctp`) to the implicit protocol module, as iptables
 * loads it. `!` negates the next option. Anything unknown is an error naming the word.
 * Restated from the semantics of iptables(8) and kubernetes/kubernetes
 * pkg/util/iptables/testing/parse.go (ParseRule), which skips unknown words instead.
 */
import { createModule, type ModuleParser, type OptionKind } from './matches';
import { createTarget, type TargetParser } from './targets';
import type { L4Proto, Match, Target } from './types';
import { parseAddress } from './values';
import type { Word } from './tokenize';

export interface ParsedRule {
  matches: Match[];
  target?: Target;
  comment?: string;
}

const PROTOCOLS: Record<string, L4Proto | 'icmp' | 'all'> = {
  tcp: 'tcp', '6': 'tcp', udp: 'udp', '17': 'udp', sctp: 'sctp', '132': 'sctp', icmp: 'icmp', '1': 'icmp', all: 'all', '0': 'all',
};

const GENERIC: Record<string, 'src' | 'dst' | 'proto' | 'in' | 'out'> = {
  '-s': 'src', '--source': 'src', '--src': 'src',
  '-d': 'dst', '--destination': 'dst', '--dst': 'dst',
  '-p': 'proto', '--protocol': 'proto',
  '-i': 'in', '--in-interface': 'in',
  '-o': 'out', '--out-interface': 'out',
};

const PORT_OPTIONS = new Set(['--dport', '--sport', '--destination-port', '--source-port']);

export function parseRuleWords(words: readonly Word[]): ParsedRule | string {
  const generic: Match[] = [];
  const modules: ModuleParser[] = [];
  let target: TargetParser | undefined;
  let targetName = '';
  let proto: string | undefined;
  let negate = false;
  let i = 0;

  const valueAt = (k: number, option: string): string | { error: string } => {
    const w = words[k];
    return w === undefined ? { error: `option ${option} requires an argument` } : w.text;
  };

  while (i < words.length) {
    const word = words[i]!;
    const w = word.text;
    if (w === '!' && !word.quoted) {
      if (negate) return 'double negation ("! !")';
      negate = true;
      i++;
      continue;
    }
    if (word.quoted || !w.startsWith('-')) return `unexpected word "${w}"`;

    const g = GENERIC[w];
    if (g) {
      const v = valueAt(i + 1, w);
      if (typeof v !== 'string') return v.error;
      if (g === 'src' || g === 'dst') {
        const a = parseAddress(v);
        if (!a.ok) return a.message;
        generic.push({ kind: 'address', side: g, negate, cidr: a.value });
      } else if (g === 'proto') {
        const p = PROTOCOLS[v.toLowerCase()];
        if (!p) return `protocol "${v}" is not supported`;
        if (proto !== undefined) return 'multiple -p flags are not allowed';
        proto = p;
        generic.push({ kind: 'protocol', negate, proto: p });
      } else {
        if (v === '' || v.length > 15) return `invalid interface name "${v}"`;
        generic.push({ kind: 'iface', side: g, negate, name: v });
      }
      negate = false;
      i += 2;
      continue;
    }

    if (w === '-m' || w === '--match') {
      if (negate) return `cannot negate ${w}`;
      const v = valueAt(i + 1, w);
      if (typeof v !== 'string') return v.error;
      const m = createModule(v);
      if (!m) return `match module "${v}" is not supported`;
      modules.push(m);
      i += 2;
      continue;
    }

    if (w === '-j' || w === '--jump' || w === '-g' || w === '--goto') {
      if (negate) return `cannot negate ${w}`;
      if (target) return 'only one target (-j/-g) is allowed';
      const v = valueAt(i + 1, w);
      if (typeof v !== 'string') return v.error;
      const t = createTarget(v, w === '-g' || w === '--goto');
      if (typeof t === 'string') return t;
      target = t;
      targetName = v;
      i += 2;
      continue;
    }

    // A module or target option.
    let owner: { parser: ModuleParser | TargetParser; kind: OptionKind } | undefined;
    const tk = target?.accepts(w);
    if (target && tk) owner = { parser: target, kind: tk };
    for (let k = modules.length - 1; !owner && k >= 0; k--) {
      const kind = modules[k]!.accepts(w);
      if (kind) owner = { parser: modules[k]!, kind };
    }
    if (!owner && PORT_OPTIONS.has(w) && (proto === 'tcp' || proto === 'udp' || proto === 'sctp')) {
      const implicit = createModule(proto)!;
      modules.push(implicit);
      owner = { parser: implicit, kind: 'value' };
    }
    if (!owner) {
      return target && targetName ? `unknown option "${w}" (for target ${targetName} or the matches before it)` : `unknown option "${w}"`;
    }

    let value = '';
    let next = i + 1;
    if (owner.kind === 'value') {
      const first = words[i + 1];
      if (first === undefined) return `option ${w} requires an argument`;
      value = first.text;
      next = i + 2;
      if (w === '--comment' && !first.quoted) {
        // Unquoted comments with spaces, as kube-proxy's fake iptables writes them.
        while (next < words.length && !words[next]!.text.startsWith('-') && words[next]!.text !== '!') {
          value += ` ${words[next]!.text}`;
          next++;
        }
      }
    }
    const err = owner.parser.apply(w, value, negate);
    if (err) return err;
    negate = false;
    i = next;
  }
  if (negate) return 'trailing "!" with nothing to negate';

  const matches = [...generic];
  let comment: string | undefined;
  for (const m of modules) {
    const r = m.finish();
    if (typeof r === 'string') return r;
    if (r.kind === 'comment' && comment === undefined) comment = r.text;
    matches.push(r);
  }
  let t: Target | undefined;
  if (target) {
    const r = target.finish();
    if (typeof r === 'string') return r;
    t = r;
  }
  return { matches, target: t, comment };
}
