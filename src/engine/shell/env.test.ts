/**
 * printenv/env (GNU coreutils and busybox: NAME=value lines in environment order; printenv
 * NAME prints the value, exit 1 when unset), hostname (-i resolves the host name through
 * /etc/hosts, as busybox hostname.c and net-tools do), echo (busybox echo.c: -n -e -E; dash:
 * -n only, escapes always).
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';

const sh = (line: string, image = 'busybox:1.36') => runCommand(fakeHost({ image }), line);

describe('environment', () => {
  it('printenv and env list the process environment', () => {
    const all = sh('printenv').stdout;
    expect(all.startsWith('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=client\n')).toBe(true);
    expect(sh('env').stdout).toBe(all);
  });

  it('printenv NAME prints values; a missing one makes exit 1', () => {
    expect(sh('printenv MY_NGINX_SERVICE_HOST MY_NGINX_SERVICE_PORT')).toEqual({ stdout: '10.96.0.12\n80\n', stderr: '', exitCode: 0 });
    expect(sh('printenv NOPE')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('exported shell variables join the environment; env NAME=value cmd runs cmd with it', () => {
    expect(sh('export GREETING=hi; printenv GREETING').stdout).toBe('hi\n');
    expect(sh('X=1; printenv X').exitCode).toBe(1);
    expect(sh('env X=2 printenv X').stdout).toBe('2\n');
    expect(sh('X=3 printenv X').stdout).toBe('3\n');
  });
});

describe('hostname', () => {
  it.each([
    ['hostname', 'client\n'],
    ['hostname -i', '10.244.1.5\n'],
    ['hostname -s', 'client\n'],
    ['hostname -f', 'client\n'],
  ])('%s', (line, out) => {
    expect(sh(line)).toEqual({ stdout: out, stderr: '', exitCode: 0 });
  });

  it('-I is GNU only; setting the name is not permitted', () => {
    expect(sh('hostname -I', 'nginx').stdout).toBe('10.244.1.5 \n');
    expect(sh('hostname -I')).toMatchObject({ stderr: 'hostname: unrecognized option: I\n', exitCode: 1 });
    expect(sh('hostname other')).toMatchObject({ stderr: 'hostname: sethostname: Operation not permitted\n', exitCode: 1 });
  });
});

describe('echo', () => {
  it.each([
    ['busybox', 'echo a  b', 'a b\n'],
    ['busybox', 'echo -n x', 'x'],
    ['busybox', "echo 'a\\tb'", 'a\\tb\n'],
    ['busybox', "echo -e 'a\\tb'", 'a\tb\n'],
    ['nginx', "echo 'a\\tb'", 'a\tb\n'],
    ['nginx', 'echo -e x', '-e x\n'],
  ])('%s: %s', (image, line, out) => {
    expect(sh(line, image).stdout).toBe(out);
  });
});
