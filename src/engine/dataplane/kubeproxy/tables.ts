/**
 * An iptables table being written: chains and their rules, rendered in `iptables-save` form.
 *
 * kube-proxy builds its restore input from Go maps, so its own order of services is random;
 * its tests compare dumps after sortIPTablesRules (pkg/proxy/iptables/proxier_test.go). This
 * writer produces that sorted order directly: built-in chains first (as iptables-save prints
 * them), then KUBE-NODEPORTS, KUBE-SERVICES and the other chains by name; each chain's rules in
 * the order they were written (callers write services sorted by "ns/name").
 */

export interface TableDump {
  name: 'filter' | 'nat';
  /** Built-in chains with their policy, in iptables' own order. */
  builtins: { chain: string; policy: string }[];
  /** Every other chain, in output order. */
  chains: string[];
  /** chain → rule lines ("-A CHAIN ..."), in order. */
  rules: ReadonlyMap<string, readonly string[]>;
}

function rank(c: string): string {
  return c === 'KUBE-NODEPORTS' ? '0' : c === 'KUBE-SERVICES' ? '1' : c.startsWith('KUBE-') ? '2' : '3';
}

/** KUBE-NODEPORTS, KUBE-SERVICES, other KUBE-* chains, then the rest; by name within each group. */
function sortChains(chains: Iterable<string>): string[] {
  return [...chains]
    .map((c) => rank(c) + c)
    .sort()
    .map((k) => k.slice(1));
}

export class TableWriter {
  private readonly declared = new Set<string>();
  private readonly rules = new Map<string, string[]>();
  private readonly builtins: { chain: string; policy: string }[];
  private readonly builtinNames: Set<string>;

  constructor(
    readonly name: 'filter' | 'nat',
    builtins: string[],
  ) {
    this.builtins = builtins.map((chain) => ({ chain, policy: 'ACCEPT' }));
    this.builtinNames = new Set(builtins);
  }

  /** `:CHAIN - [0:0]` (utiliptables.MakeChainLine). Declaring twice is harmless. */
  chain(name: string): void {
    if (!this.builtinNames.has(name)) this.declared.add(name);
  }

  /** Appends `-A chain <args joined by spaces>` (proxyutil.LineBuffer.Write). */
  append(chain: string, ...args: (string | readonly string[])[]): void {
    const parts = ['-A', chain];
    for (const a of args) {
      if (typeof a === 'string') parts.push(a);
      else for (const word of a) parts.push(word);
    }
    let list = this.rules.get(chain);
    if (!list) this.rules.set(chain, (list = []));
    list.push(parts.join(' '));
  }

  /** Puts a rule first in a chain, as `iptables -I chain` (EnsureRule with Prepend) does. */
  prepend(chain: string, ...args: (string | readonly string[])[]): void {
    this.append(chain, ...args);
    const list = this.rules.get(chain)!;
    list.unshift(list.pop()!);
  }

  dump(): TableDump {
    return { name: this.name, builtins: this.builtins, chains: sortChains(this.declared), rules: this.rules };
  }
}

/** One table in `iptables-save` format, from `*name` to `COMMIT`. */
export function renderTable(t: TableDump): string {
  const lines = [`*${t.name}`];
  for (const b of t.builtins) lines.push(`:${b.chain} ${b.policy} [0:0]`);
  for (const c of t.chains) lines.push(`:${c} - [0:0]`);
  for (const c of [...t.builtins.map((b) => b.chain), ...t.chains]) {
    for (const rule of t.rules.get(c) ?? []) lines.push(rule);
  }
  lines.push('COMMIT', '');
  return lines.join('\n');
}
