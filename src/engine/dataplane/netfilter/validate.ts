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

  // Loops: an iterative depth-first walk over chain jumps (dumps can hold thousands of
  // chains); a rule that jumps back onto the current path is removed.
  const state = new Map<string, 'open' | 'done'>();
  for (const root of chains.keys()) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const stack: { name: string; next: number; drop: Set<number> }[] = [{ name: root, next: 0, drop: new Set() }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const chain = chains.get(frame.name)!;
      if (frame.next >= chain.rules.length) {
        if (frame.drop.size > 0) chain.rules = chain.rules.filter((_, k) => !frame.drop.has(k));
        state.set(frame.name, 'done');
        stack.pop();
        continue;
      }
      const k = frame.next++;
      const rule = chain.rules[k]!;
      const t = rule.target;
      if (t?.kind !== 'chain') continue;
      const s = state.get(t.chain);
      if (s === 'open') {
        const path = stack.map((f) => f.name);
        fail(rule, `jump loop: ${[...path.slice(path.indexOf(t.chain)), t.chain].join(' -> ')}`);
        frame.drop.add(k);
      } else if (s === undefined) {
        state.set(t.chain, 'open');
        stack.push({ name: t.chain, next: 0, drop: new Set() });
      }
    }
  }
  return errors;
}
