/**
 * Files in a pod: /etc/resolv.conf and /etc/hosts from the host (the kubelet's), cat's
 * messages (busybox libbb "can't open '%s'"; GNU "cat: %s: No such file or directory").
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost } from './fakehost';
import { absolutePath } from './files';

const sh = (line: string, image = 'busybox:1.36') => runCommand(fakeHost({ image }), line);

describe('cat', () => {
  it('reads the kubelet-written files', () => {
    expect(sh('cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(sh('cat /etc/hosts').stdout).toContain('10.244.1.5\tclient\n');
    expect(sh('cat /etc/hostname').stdout).toBe('client\n');
    expect(sh('cat /var/run/secrets/kubernetes.io/serviceaccount/namespace').stdout).toBe('default');
    expect(sh('cat ../etc/./hostname').stdout).toBe('client\n');
  });

  it.each([
    ['busybox', 'cat /etc/nope', "cat: can't open '/etc/nope': No such file or directory\n"],
    ['nginx', 'cat /etc/nope', 'cat: /etc/nope: No such file or directory\n'],
    ['busybox', 'cat /etc', 'cat: read error: Is a directory\n'],
    ['nginx', 'cat /etc', 'cat: /etc: Is a directory\n'],
  ])('%s: %s', (image, line, stderr) => {
    expect(sh(line, image)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('passes stdin through', () => {
    expect(sh('echo hi | cat').stdout).toBe('hi\n');
    expect(sh('echo hi | cat - /etc/hostname').stdout).toBe('hi\nclient\n');
  });

  it('normalises paths from /', () => {
    expect(absolutePath('a/../../b/./c')).toBe('/b/c');
  });
});

it('reads files mounted from Secrets and ConfigMaps; their folders are directories', () => {
  expect(sh('cat /etc/nginx/ssl/tls.crt').stdout).toContain('BEGIN CERTIFICATE');
  expect(sh('cat /etc/nginx/ssl')).toMatchObject({ stderr: 'cat: read error: Is a directory\n', exitCode: 1 });
});
