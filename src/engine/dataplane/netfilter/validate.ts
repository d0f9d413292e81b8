/**
 * The checks iptables-restore makes when a table is committed, so a dump the kernel would
 * refuse is reported rather than walked: every `-j`/`-g` names a chain of the same table
 * (not a built-in one), NAT targets live in the nat table, and no chain can reach itself.
 * A rule that fails is removed from its chain and reported with its line.
 */
import type { Chain, ParseError, Rule, TableName } from './types';

const NAT_ONLY = new Set(['DNAT', 'SNAT', 'MASQUERADE']);

export function validateTable(table: TableName, chains: Map<string, Chain>): ParseError[] {
  const errors: ParseError[] = [];
  const fail = (rule: Rule, message: string): void => {
    errors.push({ line: rule.line, text: rule.text, message });
  };

  for (const chain of chains.values()) {
    chain.rules = chain.rules.filter((rule) => {
      const t = rule.target;
      if (!t) return true;
      if (t.kind === 'chain') {
        const dest = chains.get(t.chain);
        if (!dest) {
          fail(rule, `Couldn't load target \`${t.chain}': no such chain in table ${table}`);
          return false;
        }
        if (dest.builtin) {
          fail(rule, `cannot jump to built-in chain ${t.chain}`);
          return false;
        }
      }
      if (NAT_ONLY.has(t.kind) && table !== 'nat') {
        fail(rule, `target ${t.kind} is only valid in the nat table`);
        return false;
      }
      return true;
    });
  }

  // Loops: depth-first over chain jumps; a rule that jumps back onto the current path is removed.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string, path: string[]): void => {
    state.set(name, 'open');
    const chain = chains.get(name);
    if (chain) {
      chain.rules = chain.rules.filter((rule) => {
        const t = rule.target;
        if (t?.kind !== 'chain') return true;
        const s = state.get(t.chain);
        if (s === 'open') {
          const cycle = [...path, name];
          const loop = [...cycle.slice(cycle.indexOf(t.chain)), t.chain].join(' -> ');
          fail(rule, `jump loop: ${loop}`);
          return false;
        }
        if (s === undefined) visit(t.chain, [...path, name]);
        return true;
      });
    }
    state.set(name, 'done');
  };
  for (const name of chains.keys()) if (!state.has(name)) visit(name, []);
  return errors;
}
