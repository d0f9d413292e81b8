/**
 * `iptables-save` text → tables → chains (policy, built-in or not, declared order) → rules.
 *
 * Accepts what iptables-save prints and what kube-proxy feeds iptables-restore: `*table`,
 * `:CHAIN POLICY [p:b]` (policy `-` for user chains, and for built-ins in kube-proxy's fake),
 * `-A CHAIN ...`, `-I CHAIN [n] ...`, `-N CHAIN`, `-X CHAIN`, `COMMIT`, `#` comments, `[p:b]`
 * counter prefixes. Never throws: every problem is a ParseError naming its line, and the
 * rule (or line) it concerns is left out. Compare kubernetes/kubernetes
 * pkg/util/iptables/testing/parse.go (ParseIPTablesDump).
 */
import { parseRuleWords } from './rule';
import { tokenize } from './tokenize';
import {
  BUILTIN_CHAINS,
  isTableName,
  type Chain,
  type ParseError,
  type ParseResult,
  type Rule,
  type Table,
  type TableName,
} from './types';
import { validateTable } from './validate';

const MAX_CHAIN_NAME = 28;
const CHAIN_DECL = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/;
const COUNTERS = /^\[\d+:\d+\]\s+/;

interface TableBuilder {
  name: TableName;
  chains: Map<string, Chain>;
  /** Declaration order (names); built-ins not declared are appended at the end. */
  order: Set<string>;
}

function newTable(name: TableName): TableBuilder {
  const chains = new Map<string, Chain>();
  for (const hook of BUILTIN_CHAINS[name]) chains.set(hook, { name: hook, builtin: true, policy: 'ACCEPT', rules: [], line: 0 });
  return { name, chains, order: new Set() };
}

function finishTable(b: TableBuilder): Table {
  const names = [...b.order, ...[...b.chains.keys()].filter((n) => !b.order.has(n))];
  const chains = names.map((n) => b.chains.get(n)).filter((c): c is Chain => c !== undefined);
  return { name: b.name, chains, byName: new Map(chains.map((c) => [c.name, c])) };
}

export function parseIptablesSave(text: string): ParseResult {
  const errors: ParseError[] = [];
  const builders: TableBuilder[] = [];
  let current: TableBuilder | undefined;
  let skipping = false; // inside an unknown table: ignore until COMMIT
  const lines = text.split(/\r?\n/);

  const err = (line: number, t: string, message: string): void => {
    errors.push({ line, text: t, message });
  };

  for (let idx = 0; idx < lines.length; idx++) {
    const lineNo = idx + 1;
    const line = lines[idx]!.trim();
    if (line === '' || line.startsWith('#')) continue;

    if (line.startsWith('*')) {
      if (current) {
        err(lineNo, line, `table ${current.name} has no COMMIT before the next table`);
        errors.push(...validateTable(current.name, current.chains));
      }
      else if (skipping) err(lineNo, line, 'the unknown table before this line has no COMMIT');
      const name = line.slice(1);
      current = undefined;
      skipping = false;
      if (!isTableName(name)) {
        err(lineNo, line, `unknown table "${name}"`);
        skipping = true;
        continue;
      }
      current = builders.find((b) => b.name === name);
      if (!current) {
        current = newTable(name);
        builders.push(current);
      }
      continue;
    }
    if (line === 'COMMIT') {
      if (!current && !skipping) err(lineNo, line, 'COMMIT outside a table');
      if (current) errors.push(...validateTable(current.name, current.chains));
      current = undefined;
      skipping = false;
      continue;
    }
    if (skipping) continue;
    if (!current) {
      err(lineNo, line, 'expected a table ("*filter", "*nat", ...) before this line');
      continue;
    }

    if (line.startsWith(':')) {
      declareChain(current, line, lineNo, err);
      continue;
    }
    const body = line.replace(COUNTERS, '');
    const tk = tokenize(body);
    if (!tk.ok) {
      err(lineNo, line, tk.message);
      continue;
    }
    const [cmd, chainWord, ...rest] = tk.words;
    const chainName = chainWord?.text ?? '';
    if (cmd?.text === '-N' || cmd?.text === '--new-chain') {
      if (rest.length > 0 || !chainName) err(lineNo, line, '-N takes one chain name');
      else declareChain(current, `:${chainName} -`, lineNo, err);
      continue;
    }
    if (cmd?.text === '-X' || cmd?.text === '--delete-chain') {
      const c = current.chains.get(chainName);
      if (rest.length > 0 || !c) err(lineNo, line, `cannot delete chain "${chainName}": no such chain`);
      else if (c.builtin) err(lineNo, line, `cannot delete built-in chain ${chainName}`);
      else if (c.rules.length > 0) err(lineNo, line, `cannot delete chain ${chainName}: it still has rules`);
      else {
        current.chains.delete(chainName);
        current.order.delete(chainName);
      }
      continue;
    }
    if (cmd?.text !== '-A' && cmd?.text !== '--append' && cmd?.text !== '-I' && cmd?.text !== '--insert') {
      err(lineNo, line, `unrecognized line (expected -A, -I, -N, -X, a chain declaration or COMMIT)`);
      continue;
    }
    const chain = current.chains.get(chainName);
    if (!chain) {
      err(lineNo, line, chainName ? `no chain "${chainName}" in table ${current.name}` : 'missing chain name');
      continue;
    }
    let words = rest;
    let position = chain.rules.length;
    if (cmd.text === '-I' || cmd.text === '--insert') {
      position = 0;
      const n = words[0] && /^\d+$/.test(words[0].text) ? Number(words[0].text) : undefined;
      if (n !== undefined) {
        if (n < 1 || n > chain.rules.length + 1) {
          err(lineNo, line, `-I ${chainName} ${n}: index out of range`);
          continue;
        }
        position = n - 1;
        words = words.slice(1);
      }
    }
    const parsed = parseRuleWords(words);
    if (typeof parsed === 'string') {
      err(lineNo, line, parsed);
      continue;
    }
    const rule: Rule = { table: current.name, chain: chainName, text: line, line: lineNo, ...parsed };
    chain.rules.splice(position, 0, rule);
  }
  if (current) {
    err(0, '', `table ${current.name} has no COMMIT line`);
    errors.push(...validateTable(current.name, current.chains));
  }
  errors.sort((a, b) => a.line - b.line);
  return { tables: { tables: builders.map(finishTable) }, errors };
}

function declareChain(
  t: TableBuilder,
  line: string,
  lineNo: number,
  err: (line: number, text: string, message: string) => void,
): void {
  const m = CHAIN_DECL.exec(line);
  if (!m) {
    err(lineNo, line, 'invalid chain declaration (expected ":CHAIN POLICY [packets:bytes]")');
    return;
  }
  const name = m[1]!;
  const policy = m[2]!;
  const builtin = (BUILTIN_CHAINS[t.name] as readonly string[]).includes(name);
  if (name.length > MAX_CHAIN_NAME) {
    err(lineNo, line, `chain name "${name}" is too long (at most ${MAX_CHAIN_NAME} characters)`);
    return;
  }
  if (builtin ? !['ACCEPT', 'DROP', '-'].includes(policy) : policy !== '-') {
    err(lineNo, line, builtin ? `invalid policy "${policy}" for ${name}` : `user chain ${name} cannot have a policy ("${policy}")`);
    return;
  }
  const chain: Chain = {
    name,
    builtin,
    policy: builtin ? (policy === 'DROP' ? 'DROP' : 'ACCEPT') : undefined,
    // Declaring a chain again flushes it, as iptables-restore does.
    rules: [],
    line: lineNo,
  };
  t.chains.set(name, chain);
  t.order.add(name);
}
