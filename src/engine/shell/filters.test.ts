/**
 * grep/head/tail/wc as POSIX describes them (grep: basic regular expressions unless -E, exit
 * 0/1/2; context groups separated by "--" as GNU and busybox grep print them).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';
import { runFilter } from './filters';

const sh = (line: string, image = 'busybox:1.36') => runCommand(fakeHost({ image }), line);
const text = 'alpha\nBeta\ngamma\ndelta\nepsilon\n';

describe('grep', () => {
  it.each([
    ['grep a', 'alpha\nBeta\ngamma\ndelta\n'],
    ['grep -i beta', 'Beta\n'],
    ['grep -v a', 'epsilon\n'],
    ['grep -c a', '4\n'],
    ['grep -n ^d', '4:delta\n'],
    ["grep 'al\\|ep'", 'alpha\nepsilon\n'],
    ["grep -E 'al|ep'", 'alpha\nepsilon\n'],
    ["grep 'a|e'", ''],
    ['grep -F a.', ''],
    ['grep -o mm', 'mm\n'],
    ['grep -w eta', ''],
    ['grep -A1 gamma', 'gamma\ndelta\n'],
    ['grep -C1 -e alpha -e epsilon', 'alpha\nBeta\n--\ndelta\nepsilon\n'],
  ])('%s', (cmd, out) => {
    const r = runFilter(cmd.split(' ').map((w) => w.replace(/^'|'$/g, '')), text);
    expect(r?.out.map((c) => c.text).join('')).toBe(out);
    expect(r?.exitCode).toBe(out === '' ? 1 : 0);
  });

  it('-q, bad options, files', () => {
    expect(sh("printf 'a\\n' | grep -q a && echo yes").stdout).toBe('yes\n');
    expect(sh('grep -Z x')).toMatchObject({ exitCode: 2 });
    expect(sh('grep nameserver /etc/resolv.conf /etc/hosts').stdout).toBe('/etc/resolv.conf:nameserver 10.96.0.10\n');
    expect(sh('grep x /nope')).toMatchObject({ stderr: "grep: can't open '/nope': No such file or directory\n", exitCode: 2 });
  });
});

describe('head, tail, wc', () => {
  it.each([
    ['head -n 2', 'alpha\nBeta\n'],
    ['head -2', 'alpha\nBeta\n'],
    ['tail -n 1', 'epsilon\n'],
    ['tail -2', 'delta\nepsilon\n'],
    ['tail -n +4', 'delta\nepsilon\n'],
    ['wc -l', '5\n'],
    ['wc -w', '5\n'],
    ['wc', '      5       5      31\n'],
  ])('%s', (cmd, out) => {
    expect(runFilter(cmd.split(' '), text)?.out.map((c) => c.text).join('')).toBe(out);
  });

  it('returns undefined for anything but a filter', () => {
    expect(runFilter(['curl'], '')).toBeUndefined();
  });
});
