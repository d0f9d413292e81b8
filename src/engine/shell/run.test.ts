import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCommand, runInSession } from './run';
import { imageProfile } from './images';
import { fakeHost } from './fakehost';

const run = (line: string, image = 'busybox:1.36') => runCommand(fakeHost({ image }), line);

describe('the shell', () => {
  it('pipes printenv into grep, as seed 003 does', () => {
    expect(run('printenv | grep SERVICE', 'nginx')).toEqual({
      stdout: 'KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\nKUBERNETES_SERVICE_PORT_HTTPS=443\nMY_NGINX_SERVICE_HOST=10.96.0.12\nMY_NGINX_SERVICE_PORT=80\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('sequences with ;, && and ||, and $? holds the last status', () => {
    expect(run('false; echo $?').stdout).toBe('1\n');
    expect(run('false && echo no || echo yes').stdout).toBe('yes\n');
    expect(run('true && echo a; echo b').stdout).toBe('a\nb\n');
    expect(run('! true').exitCode).toBe(1);
  });

  it('exit stops the line; its status is the result, masked to 0..255', () => {
    expect(run('echo a; exit 3; echo b')).toEqual({ stdout: 'a\n', stderr: '', exitCode: 3 });
    expect(run('exit 300').exitCode).toBe(44);
  });

  it('runs sh -c with the exported environment', () => {
    expect(run("sh -c 'echo $HOSTNAME; exit 4'; echo $?").stdout).toBe('client\n4\n');
    expect(run('X=1; sh -c "echo [$X]"').stdout).toBe('[1]\n');
    expect(run("X=1; sh -c 'echo [$X]'").stdout).toBe('[]\n');
    expect(run("export X=2; sh -c 'echo [$X]'").stdout).toBe('[2]\n');
    expect(run("/bin/sh -c 'hostname'").stdout).toBe('client\n');
  });

  it('substitutes commands and assigns variables', () => {
    expect(run('IP=$(hostname -i); echo "ip=$IP"').stdout).toBe('ip=10.244.1.5\n');
    expect(run('A=1 B=2; echo $A$B').stdout).toBe('12\n');
  });

  it('redirects to /dev/null, to stderr, and to files the rest of the line reads', () => {
    expect(run('curl x 2>/dev/null; echo $?', 'curlimages/curl')).toEqual({ stdout: '6\n', stderr: '', exitCode: 0 });
    expect(run('echo oops >&2')).toEqual({ stdout: '', stderr: 'oops\n', exitCode: 0 });
    expect(run('nslookup nope 2>&1 | grep resolve', 'busybox:1.28').stdout).toBe("nslookup: can't resolve 'nope'\n");
    expect(run('echo hi > /tmp/x; echo there >> /tmp/x; cat /tmp/x').stdout).toBe('hi\nthere\n');
    expect(run('grep nameserver < /etc/resolv.conf').stdout).toBe('nameserver 10.96.0.10\n');
  });

  // busybox ash: "sh: %s: not found" (shell/ash.c); dash: "sh: 1: %s: not found" (the line number first).
  it.each([
    ['busybox:1.28', 'curl http://my-nginx', 'sh: curl: not found\n'],
    ['nginx', 'ping 10.244.2.5', 'sh: 1: ping: not found\n'],
    ['nginx', 'nslookup my-nginx', 'sh: 1: nslookup: not found\n'],
    ['curlimages/curl', 'dig my-nginx', 'sh: dig: not found\n'],
    ['busybox', 'frobnicate', 'sh: frobnicate: not found\n'],
    ['busybox', '/usr/bin/frobnicate', 'sh: /usr/bin/frobnicate: not found\n'],
    ['busybox', 'bash -c true', 'sh: bash: not found\n'],
  ])('%s: %s → 127', (image, line, stderr) => {
    expect(run(line, image)).toEqual({ stdout: '', stderr, exitCode: 127 });
  });

  it('says so for real commands kubepath does not model', () => {
    expect(run('ls /')).toEqual({ stdout: '', stderr: 'sh: ls: kubepath does not model this command\n', exitCode: 127 });
  });

  it('an image without a shell cannot start anything (exit 126 from the runtime)', () => {
    const r = run('printenv', 'traefik/whoami');
    expect(r.exitCode).toBe(126);
    expect(r.stderr).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "printenv": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n');
  });

  it.each([
    ['busybox', 'echo "x', 'sh: syntax error: unterminated quoted string\n'],
    ['nginx', 'echo "x', 'sh: 1: Syntax error: Unterminated quoted string\n'],
    ['busybox', '| grep x', 'sh: syntax error: unexpected "|"\n'],
    ['nginx', '| grep x', 'sh: 1: Syntax error: "|" unexpected\n'],
    ['busybox', 'echo a &&', 'sh: syntax error: unexpected end of file\n'],
  ])('%s syntax error for %s', (image, line, stderr) => {
    expect(run(line, image)).toEqual({ stdout: '', stderr, exitCode: 2 });
  });

  it('answers an empty command as kubectl exec does', () => {
    expect(run('  ').exitCode).toBe(1);
  });

  it('command -v and printf', () => {
    expect(run('command -v curl wget', 'curlimages/curl')).toEqual({ stdout: '/usr/bin/curl\n/usr/bin/wget\n', stderr: '', exitCode: 0 });
    expect(run('command -v curl').exitCode).toBe(1);
    expect(run("printf '%s=%d\\n' a 1 b 2").stdout).toBe('a=1\nb=2\n');
  });
});

describe('here-documents and for loops', () => {
  it('feeds a here-document to stdin, expanding variables unless quoted', () => {
    expect(run('X=1\ncat <<EOF\nx=$X\nEOF').stdout).toBe('x=1\n');
    expect(run("X=1\ncat <<'EOF' | grep x\nx=$X\nEOF").stdout).toBe('x=$X\n');
  });

  it('loops over words, as seed 003 loops over the nodes', () => {
    expect(run('N="a b"; for n in $N c; do echo "<$n>"; done')).toEqual({ stdout: '<a>\n<b>\n<c>\n', stderr: '', exitCode: 0 });
    expect(run('for n in; do echo $n; done; echo $?').stdout).toBe('0\n');
    expect(run('for n in 1 2 3; do echo $n; done | tail -n 1').stdout).toBe('3\n');
    expect(run('for n in 1 2; do exit 4; echo no; done; echo no')).toEqual({ stdout: '', stderr: '', exitCode: 4 });
  });
});

describe('runCommand never throws', () => {
  const pieces = ['curl', 'wget', 'nslookup', 'dig', 'ping', 'ip', 'cat', 'grep', 'head', 'tail', 'wc', 'echo', 'printenv', 'env', 'hostname', 'sh', '-c', 'exit', '-v', '-s', '-o', '-w', '-qO-', '-c', '-n', '-x', '+short', '%{http_code}', '/dev/null', '/etc/hosts', 'my-nginx', 'nope', 'https://my-nginx', '10.96.0.12', '10.244.2.5', '|', '||', '&&', ';', '>', '2>&1', '<', '"', "'", '$', '$(', ')', '`', '\\', '#', '!', '-', '--', 'addr', 'route', 'SERVICE', 'x=1', '${X:-y}', '-type=AAAA', '-d', 'a=b', '-u', 'u:p', '-L', '-i', '-X', 'POST', '-H', 'A: b'];
  const images = ['busybox:1.28', 'busybox', 'busybox:1.29', 'curlimages/curl', 'nginx', 'alpine', 'nicolaka/netshoot', 'jessie-dnsutils', 'traefik/whoami', 'radial/busyboxplus:curl', 'my/app'];
  it('for random lines in every image; exit codes stay in 0..255', () => {
    fc.assert(
      fc.property(fc.constantFrom(...images), fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 12 }), fc.boolean(), (image, parts, down) => {
        const r = runCommand(fakeHost({ image, dnsDown: down }), parts.join(' '));
        expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode <= 255).toBe(true);
        expect(typeof r.stdout).toBe('string');
        expect(typeof r.stderr).toBe('string');
      }),
      { numRuns: 600 },
    );
  });

  it('for arbitrary unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (line) => {
        const r = runCommand(fakeHost(), line);
        expect(r.exitCode >= 0 && r.exitCode <= 255).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** A lasting bash session in an nginx container; `login` as over ssh. */
function bashSession(login: boolean) {
  const host = fakeHost({ image: 'nginx' });
  const vars = new Map(host.env);
  return { host, profile: { ...imageProfile('nginx'), shell: 'bash' as const }, files: new Map<string, string>(), vars, exported: new Set(vars.keys()), login };
}

describe('a login shell (bash over ssh)', () => {
  it.each([
    [true, 'exit', { stdout: '', stderr: 'logout\n', exitCode: 0, exited: true }],
    [true, 'exit 4', { stdout: '', stderr: 'logout\n', exitCode: 4, exited: true }],
    [true, 'logout', { stdout: '', stderr: '', exitCode: 0, exited: true }],
    [true, 'echo $(exit 2) x', { stdout: 'x\n', stderr: '', exitCode: 0 }],
    [false, 'exit', { stdout: '', stderr: '', exitCode: 0, exited: true }],
    [false, 'logout', { stdout: '', stderr: "bash: logout: not login shell: use `exit'\n", exitCode: 1 }],
  ])('login %s: %s', (login, line, expected) => {
    expect(runInSession(bashSession(login), line)).toEqual(expected);
  });

  it('logout is no builtin of ash or dash', () => {
    expect(run('logout', 'busybox:1.28')).toMatchObject({ stderr: 'sh: logout: not found\n', exitCode: 127 });
  });
});
