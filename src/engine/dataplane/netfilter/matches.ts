/**
 * Match modules (`-m NAME` and its options) as iptables-save prints them: the ones kube-proxy
 * writes (comment, tcp/udp/sctp, addrtype, mark, conntrack, statistic, recent, nfacct,
 * physdev in old versions) and a few common neighbours (state, multiport). Each module parses
 * its own options into one typed Match; an option no module knows is a parse error.
 */
import { parseIPv4 } from '../../net/ipv4';
import type { IfaceCheck, L4Proto, Match, PortCheck, TypeCheck } from './types';
import { parseCount, parseMarkMask, parsePortList, parsePortRange, parseProbability } from './values';

export type OptionKind = 'value' | 'flag';

export interface ModuleParser {
  readonly name: string;
  /** 'value' when the option takes an argument, 'flag' when not, undefined when unknown. */
  accepts(option: string): OptionKind | undefined;
  /** Apply one option; returns an error message. */
  apply(option: string, value: string, negate: boolean): string | undefined;
  /** The finished match, or an error message. */
  finish(): Match | string;
}

const L4_OPTIONS = new Set(['--dport', '--destination-port', '--sport', '--source-port']);
const MULTIPORT_OPTIONS = new Set(['--dports', '--destination-ports', '--sports', '--source-ports', '--ports']);
const STATISTIC_OPTIONS = new Set(['--mode', '--probability', '--every', '--packet']);
const RECENT_VALUE_OPTIONS = new Set(['--name', '--seconds', '--mask', '--hitcount']);
const RECENT_FLAGS = new Set(['--set', '--rcheck', '--update', '--remove', '--reap', '--rsource', '--rdest', '--rttl']);
const PHYSDEV_FLAGS = new Set(['--physdev-is-in', '--physdev-is-out', '--physdev-is-bridged']);

const CT_STATES = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
const ADDR_TYPES = [
  'UNSPEC', 'UNICAST', 'LOCAL', 'BROADCAST', 'ANYCAST', 'MULTICAST',
  'BLACKHOLE', 'UNREACHABLE', 'PROHIBIT', 'THROW', 'NAT', 'XRESOLVE',
];

function stateList(value: string, allowed: readonly string[]): string[] | string {
  const states = value.split(',');
  const bad = states.find((s) => !allowed.includes(s));
  return bad === undefined ? states : `unknown state "${bad}"`;
}

function once(seen: Set<string>, key: string): string | undefined {
  if (seen.has(key)) return `option ${key} given twice`;
  seen.add(key);
  return undefined;
}

class CommentModule implements ModuleParser {
  readonly name = 'comment';
  private text: string | undefined;
  accepts(option: string): OptionKind | undefined {
    return option === '--comment' ? 'value' : undefined;
  }
  apply(_option: string, value: string, negate: boolean): string | undefined {
    if (negate) return 'cannot negate --comment';
    this.text = value;
    return undefined;
  }
  finish(): Match | string {
    return this.text === undefined ? 'comment: --comment is required' : { kind: 'comment', text: this.text };
  }
}

class L4Module implements ModuleParser {
  private sport: PortCheck | undefined;
  private dport: PortCheck | undefined;
  constructor(readonly name: L4Proto) {}
  accepts(option: string): OptionKind | undefined {
    return L4_OPTIONS.has(option) ? 'value' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    const r = parsePortRange(value);
    if (!r.ok) return r.message;
    const check = { negate, range: r.value };
    if (option === '--dport' || option === '--destination-port') this.dport = check;
    else this.sport = check;
    return undefined;
  }
  finish(): Match | string {
    return { kind: 'l4', proto: this.name, sport: this.sport, dport: this.dport };
  }
}

class MultiportModule implements ModuleParser {
  readonly name = 'multiport';
  private match: Match | undefined;
  accepts(option: string): OptionKind | undefined {
    return MULTIPORT_OPTIONS.has(option) ? 'value' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (this.match) return 'multiport: only one of --sports, --dports, --ports';
    const r = parsePortList(value);
    if (!r.ok) return r.message;
    const which = option === '--ports' ? 'any' : option.startsWith('--d') ? 'dport' : 'sport';
    this.match = { kind: 'multiport', which, negate, ports: r.value };
    return undefined;
  }
  finish(): Match | string {
    return this.match ?? 'multiport: one of --sports, --dports, --ports is required';
  }
}

class AddrtypeModule implements ModuleParser {
  readonly name = 'addrtype';
  private src: TypeCheck | undefined;
  private dst: TypeCheck | undefined;
  accepts(option: string): OptionKind | undefined {
    return option === '--src-type' || option === '--dst-type' ? 'value' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    const types = stateList(value, ADDR_TYPES);
    if (typeof types === 'string') return `addrtype: ${types.replace('state', 'address type')}`;
    if (option === '--src-type') this.src = { negate, types };
    else this.dst = { negate, types };
    return undefined;
  }
  finish(): Match | string {
    return this.src || this.dst ? { kind: 'addrtype', src: this.src, dst: this.dst } : 'addrtype: --src-type or --dst-type is required';
  }
}

class MarkModule implements ModuleParser {
  readonly name = 'mark';
  private match: Match | undefined;
  accepts(option: string): OptionKind | undefined {
    return option === '--mark' ? 'value' : undefined;
  }
  apply(_option: string, value: string, negate: boolean): string | undefined {
    const r = parseMarkMask(value);
    if (!r.ok) return r.message;
    this.match = { kind: 'mark', negate, value: r.value.value, mask: r.value.mask };
    return undefined;
  }
  finish(): Match | string {
    return this.match ?? 'mark: --mark is required';
  }
}

class StateModule implements ModuleParser {
  private match: Match | undefined;
  constructor(readonly name: 'conntrack' | 'state') {}
  accepts(option: string): OptionKind | undefined {
    return option === (this.name === 'conntrack' ? '--ctstate' : '--state') ? 'value' : undefined;
  }
  apply(_option: string, value: string, negate: boolean): string | undefined {
    const states = stateList(value, this.name === 'conntrack' ? CT_STATES : CT_STATES.slice(0, 5));
    if (typeof states === 'string') return `${this.name}: ${states}`;
    this.match = { kind: 'ctstate', negate, states };
    return undefined;
  }
  finish(): Match | string {
    return this.match ?? `${this.name}: ${this.name === 'conntrack' ? '--ctstate' : '--state'} is required`;
  }
}

class StatisticModule implements ModuleParser {
  readonly name = 'statistic';
  private mode: string | undefined;
  private probability: number | undefined;
  private negate = false;
  accepts(option: string): OptionKind | undefined {
    return STATISTIC_OPTIONS.has(option) ? 'value' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (option === '--mode') {
      if (negate) return 'cannot negate --mode';
      this.mode = value;
      return undefined;
    }
    if (option !== '--probability') return `statistic: ${option} (mode nth) is not supported`;
    const r = parseProbability(value);
    if (!r.ok) return r.message;
    this.probability = r.value;
    this.negate = negate;
    return undefined;
  }
  finish(): Match | string {
    if (this.mode !== 'random') return `statistic: mode "${this.mode ?? ''}" is not supported (only random)`;
    if (this.probability === undefined) return 'statistic: --probability is required';
    return { kind: 'statistic', negate: this.negate, probability: this.probability };
  }
}

class RecentModule implements ModuleParser {
  readonly name = 'recent';
  private recentName = 'DEFAULT';
  private mode: 'set' | 'rcheck' | 'update' | 'remove' | undefined;
  private negate = false;
  private seconds: number | undefined;
  private reap = false;
  private side: 'src' | 'dst' = 'src';
  private mask = 0xffffffff;
  private seen = new Set<string>();
  accepts(option: string): OptionKind | undefined {
    if (RECENT_VALUE_OPTIONS.has(option)) return 'value';
    return RECENT_FLAGS.has(option) ? 'flag' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    const modes = { '--set': 'set', '--rcheck': 'rcheck', '--update': 'update', '--remove': 'remove' } as const;
    if (option in modes) {
      if (this.mode) return 'recent: only one of --set, --rcheck, --update, --remove';
      this.mode = modes[option as keyof typeof modes];
      this.negate = negate;
      return undefined;
    }
    if (negate) return `cannot negate ${option}`;
    const dup = once(this.seen, option);
    if (dup) return dup;
    switch (option) {
      case '--name':
        this.recentName = value;
        return undefined;
      case '--seconds': {
        const n = parseCount(value);
        if (n === undefined) return `recent: invalid --seconds "${value}"`;
        this.seconds = n;
        return undefined;
      }
      case '--mask': {
        const m = parseIPv4(value);
        if (m === undefined) return `recent: invalid --mask "${value}"`;
        this.mask = m;
        return undefined;
      }
      case '--reap':
        this.reap = true;
        return undefined;
      case '--rsource':
        this.side = 'src';
        return undefined;
      case '--rdest':
        this.side = 'dst';
        return undefined;
      default:
        return `recent: ${option} is not supported`;
    }
  }
  finish(): Match | string {
    if (!this.mode) return 'recent: one of --set, --rcheck, --update, --remove is required';
    if (this.reap && this.seconds === undefined) return 'recent: --reap requires --seconds';
    if (this.seconds !== undefined && this.mode !== 'rcheck' && this.mode !== 'update') {
      return 'recent: --seconds is only valid with --rcheck or --update';
    }
    return {
      kind: 'recent', negate: this.negate, name: this.recentName, mode: this.mode,
      seconds: this.seconds, reap: this.reap, side: this.side, mask: this.mask,
    };
  }
}

class NfacctModule implements ModuleParser {
  readonly name = 'nfacct';
  private counter: string | undefined;
  accepts(option: string): OptionKind | undefined {
    return option === '--nfacct-name' ? 'value' : undefined;
  }
  apply(_option: string, value: string, negate: boolean): string | undefined {
    if (negate) return 'cannot negate --nfacct-name';
    this.counter = value;
    return undefined;
  }
  finish(): Match | string {
    return this.counter === undefined ? 'nfacct: --nfacct-name is required' : { kind: 'nfacct', name: this.counter };
  }
}

class PhysdevModule implements ModuleParser {
  readonly name = 'physdev';
  private m: { isIn?: boolean; isOut?: boolean; isBridged?: boolean; inName?: IfaceCheck; outName?: IfaceCheck } = {};
  accepts(option: string): OptionKind | undefined {
    if (option === '--physdev-in' || option === '--physdev-out') return 'value';
    return PHYSDEV_FLAGS.has(option) ? 'flag' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (option === '--physdev-in') this.m.inName = { negate, name: value };
    else if (option === '--physdev-out') this.m.outName = { negate, name: value };
    else if (option === '--physdev-is-in') this.m.isIn = !negate;
    else if (option === '--physdev-is-out') this.m.isOut = !negate;
    else this.m.isBridged = !negate;
    return undefined;
  }
  finish(): Match | string {
    return Object.keys(this.m).length === 0 ? 'physdev: an option is required' : { kind: 'physdev', ...this.m };
  }
}

/** A new parser for `-m name`, or undefined when the module is not supported. */
export function createModule(name: string): ModuleParser | undefined {
  switch (name) {
    case 'comment':
      return new CommentModule();
    case 'tcp':
    case 'udp':
    case 'sctp':
      return new L4Module(name);
    case 'multiport':
      return new MultiportModule();
    case 'addrtype':
      return new AddrtypeModule();
    case 'mark':
      return new MarkModule();
    case 'conntrack':
    case 'state':
      return new StateModule(name);
    case 'statistic':
      return new StatisticModule();
    case 'recent':
      return new RecentModule();
    case 'nfacct':
      return new NfacctModule();
    case 'physdev':
      return new PhysdevModule();
    default:
      return undefined;
  }
}
