/**
 * Targets (`-j NAME` / `-g CHAIN` and the options after them): the standard verdicts, the
 * ones kube-proxy writes (DNAT, MARK, MASQUERADE, REJECT) and their close relatives (SNAT,
 * LOG). Any other name is taken as a user chain; parse.ts checks that the chain exists, as
 * iptables-restore does ("Couldn't load target").
 */
import type { OptionKind } from './matches';
import type { Target } from './types';
import { parseIpPort, parseMarkMask, parseU32 } from './values';

export interface TargetParser {
  accepts(option: string): OptionKind | undefined;
  apply(option: string, value: string, negate: boolean): string | undefined;
  finish(): Target | string;
}

const REJECT_WITH = [
  'icmp-net-unreachable', 'net-unreach', 'icmp-host-unreachable', 'host-unreach',
  'icmp-port-unreachable', 'port-unreach', 'icmp-proto-unreachable', 'proto-unreach',
  'icmp-net-prohibited', 'net-prohib', 'icmp-host-prohibited', 'host-prohib',
  'icmp-admin-prohibited', 'admin-prohib', 'tcp-reset', 'tcp-rst',
];

const MARK_OPTIONS = new Set(['--set-mark', '--set-xmark', '--and-mark', '--or-mark', '--xor-mark']);
const LOG_FLAGS = new Set(['--log-tcp-sequence', '--log-tcp-options', '--log-ip-options', '--log-uid', '--log-macdecode']);

/** Extension targets this interpreter does not model; named so the error says so. */
const UNSUPPORTED = [
  'QUEUE', 'NFQUEUE', 'REDIRECT', 'TPROXY', 'CT', 'NOTRACK', 'CONNMARK', 'TCPMSS', 'TTL',
  'CLASSIFY', 'TRACE', 'NFLOG', 'ULOG', 'SET', 'TEE', 'DSCP', 'TOS', 'ECN', 'CHECKSUM',
  'AUDIT', 'CONNSECMARK', 'SECMARK', 'HMARK', 'IDLETIMER', 'LED', 'NETMAP', 'RATEEST', 'SYNPROXY',
];

class Simple implements TargetParser {
  constructor(private readonly target: Target) {}
  accepts(): OptionKind | undefined {
    return undefined;
  }
  apply(): string | undefined {
    return undefined;
  }
  finish(): Target | string {
    return this.target;
  }
}

class RejectTarget implements TargetParser {
  private with: string | undefined;
  accepts(option: string): OptionKind | undefined {
    return option === '--reject-with' ? 'value' : undefined;
  }
  apply(_option: string, value: string, negate: boolean): string | undefined {
    if (negate) return 'cannot negate --reject-with';
    if (!REJECT_WITH.includes(value)) return `REJECT: unknown --reject-with "${value}"`;
    this.with = value;
    return undefined;
  }
  finish(): Target | string {
    return { kind: 'REJECT', with: this.with };
  }
}

class NatTarget implements TargetParser {
  private to: { ip: string; port?: number } | undefined;
  constructor(private readonly kind: 'DNAT' | 'SNAT') {}
  private get option(): string {
    return this.kind === 'DNAT' ? '--to-destination' : '--to-source';
  }
  accepts(option: string): OptionKind | undefined {
    if (option === this.option) return 'value';
    const flag = option === '--random' || option === '--persistent' || (this.kind === 'SNAT' && option === '--random-fully');
    return flag ? 'flag' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (negate) return `cannot negate ${option}`;
    if (option !== this.option) return undefined;
    if (this.to) return `${this.kind}: only one ${this.option} is supported`;
    const r = parseIpPort(value);
    if (!r.ok) return `${this.kind}: ${r.message}`;
    this.to = r.value;
    return undefined;
  }
  finish(): Target | string {
    if (!this.to) return `${this.kind}: ${this.option} is required`;
    return { kind: this.kind, ip: this.to.ip, port: this.to.port };
  }
}

class MasqueradeTarget implements TargetParser {
  private randomFully = false;
  accepts(option: string): OptionKind | undefined {
    if (option === '--to-ports') return 'value';
    return option === '--random' || option === '--random-fully' ? 'flag' : undefined;
  }
  apply(option: string, _value: string, negate: boolean): string | undefined {
    if (negate) return `cannot negate ${option}`;
    if (option === '--random-fully') this.randomFully = true;
    return undefined;
  }
  finish(): Target | string {
    return { kind: 'MASQUERADE', randomFully: this.randomFully };
  }
}

class MarkTarget implements TargetParser {
  private target: Target | undefined;
  accepts(option: string): OptionKind | undefined {
    return MARK_OPTIONS.has(option) ? 'value' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (negate) return `cannot negate ${option}`;
    if (this.target) return 'MARK: only one of --set-mark, --set-xmark, --and-mark, --or-mark, --xor-mark';
    if (option === '--set-mark' || option === '--set-xmark') {
      const r = parseMarkMask(value);
      if (!r.ok) return `MARK: ${r.message}`;
      this.target = { kind: 'MARK', op: option === '--set-mark' ? 'set' : 'xset', value: r.value.value, mask: r.value.mask };
      return undefined;
    }
    const v = parseU32(value);
    if (v === undefined) return `MARK: invalid value "${value}"`;
    const op = option === '--and-mark' ? 'and' : option === '--or-mark' ? 'or' : 'xor';
    this.target = { kind: 'MARK', op, value: v, mask: 0xffffffff };
    return undefined;
  }
  finish(): Target | string {
    return this.target ?? 'MARK: one of --set-mark, --set-xmark, --and-mark, --or-mark, --xor-mark is required';
  }
}

class LogTarget implements TargetParser {
  private prefix: string | undefined;
  accepts(option: string): OptionKind | undefined {
    if (option === '--log-prefix' || option === '--log-level') return 'value';
    return LOG_FLAGS.has(option) ? 'flag' : undefined;
  }
  apply(option: string, value: string, negate: boolean): string | undefined {
    if (negate) return `cannot negate ${option}`;
    if (option === '--log-prefix') this.prefix = value;
    return undefined;
  }
  finish(): Target | string {
    return { kind: 'LOG', prefix: this.prefix };
  }
}

/** A parser for `-j name` (goto false) or `-g name` (goto true), or an error message. */
export function createTarget(name: string, goto: boolean): TargetParser | string {
  if (goto) return new Simple({ kind: 'chain', chain: name, goto: true });
  switch (name) {
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
      return new Simple({ kind: name });
    case 'REJECT':
      return new RejectTarget();
    case 'DNAT':
    case 'SNAT':
      return new NatTarget(name);
    case 'MASQUERADE':
      return new MasqueradeTarget();
    case 'MARK':
      return new MarkTarget();
    case 'LOG':
      return new LogTarget();
    default:
      if (UNSUPPORTED.includes(name)) return `target ${name} is not supported`;
      return new Simple({ kind: 'chain', chain: name, goto: false });
  }
}
