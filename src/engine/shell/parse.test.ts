import { describe, expect, it } from 'vitest';
import { expandWord, parseScript, type Expander, type SimpleCommand } from './parse';

const vars: Record<string, string> = { A: 'one', SPACED: 'a  b', EMPTY: '' };
const x: Expander = { param: (n) => vars[n], sub: (s) => `<${s}>\n` };

function words(line: string): string[][] {
  const p = parseScript(line);
  if (!p.ok) throw new Error(JSON.stringify(p.error));
  return p.script.flatMap((a) => [a.first, ...a.rest.map((r) => r.pipeline)]).flatMap((pl) => pl.commands).map((c: SimpleCommand) => c.words.flatMap((w) => expandWord(w, x)));
}

describe('word splitting and expansion (POSIX 2.2 quoting, 2.6 expansions)', () => {
  it.each([
    ['echo a b', ['echo', 'a', 'b']],
    ["echo 'a b' \"c d\"", ['echo', 'a b', 'c d']],
    ['echo a\\ b', ['echo', 'a b']],
    ["echo '$A' \"$A\" $A ${A}x", ['echo', '$A', 'one', 'one', 'onex']],
    ['echo $SPACED "$SPACED"', ['echo', 'a', 'b', 'a  b']],
    ['echo $EMPTY "" $NOPE', ['echo', '']],
    ['echo ${NOPE:-dflt} ${A:-dflt} ${#A}', ['echo', 'dflt', 'one', '3']],
    ['echo "\\$A \\"q\\" \\x"', ['echo', '$A "q" \\x']],
    ['echo $(hostname) `id`', ['echo', '<hostname>', '<id>']],
    ['echo "$(a "b c")"', ['echo', '<a "b c">']],
    ['echo a#b # comment', ['echo', 'a#b']],
    ['echo $ 1$', ['echo', '$', '1$']],
  ])('%s', (line, want) => {
    expect(words(line)).toEqual([want]);
  });
});

describe('lists, pipes, redirections', () => {
  it('splits pipelines and and-or lists', () => {
    const p = parseScript('printenv | grep SERVICE && echo ok || echo no; true & false\nexit 3');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.script).toHaveLength(4);
    expect(p.script[0]?.first.commands).toHaveLength(2);
    expect(p.script[0]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
  });

  it('reads redirections with and without a file descriptor', () => {
    const p = parseScript('curl -s x > /dev/null 2>&1 <in 2>>log');
    expect(p.ok && p.script[0]?.first.commands[0]?.redirects.map((r) => [r.fd, r.op])).toEqual([[1, '>'], [2, '>&'], [0, '<'], [2, '>>']]);
  });

  it('takes leading NAME=value words as assignments', () => {
    const p = parseScript('A=1 B="x y" env');
    const c = p.ok ? p.script[0]?.first.commands[0] : undefined;
    expect(c?.assigns.map((a) => a.name)).toEqual(['A', 'B']);
    expect(c?.words).toHaveLength(1);
  });

  it('negates with a leading !', () => {
    const p = parseScript('! false');
    expect(p.ok && p.script[0]?.first.negate).toBe(true);
  });

  it.each([
    ['echo "abc', { kind: 'unterminated' }],
    ["echo 'abc", { kind: 'unterminated' }],
    ['| grep x', { kind: 'unexpected', token: '|' }],
    ['echo a &&', { kind: 'eof' }],
    ['echo a ;; echo b', { kind: 'unexpected', token: ';' }],
    ['echo (x)', { kind: 'unexpected', token: '(' }],
    ['echo $(date', { kind: 'eof' }],
  ])('rejects %s', (line, error) => {
    expect(parseScript(line)).toEqual({ ok: false, error });
  });
});
