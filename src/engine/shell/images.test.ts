import { describe, expect, it } from 'vitest';
import { hasProgram, imageProfile } from './images';

describe('image tool table', () => {
  it.each([
    ['busybox:1.28', 'ash', 'busybox-old', false],
    ['busybox', 'ash', 'busybox', false],
    ['docker.io/library/busybox:1.36.1-musl', 'ash', 'busybox', false],
    ['radial/busyboxplus:curl', 'ash', 'busybox-old', true],
    ['curlimages/curl:8.11.1', 'ash', 'busybox', true],
    ['alpine:3.20', 'ash', 'busybox', false],
    ['nginx', 'dash', undefined, true],
    ['nginx:1.27-alpine', 'ash', 'busybox', true],
    ['registry.k8s.io/e2e-test-images/jessie-dnsutils:1.3', 'dash', 'bind', false],
    ['nicolaka/netshoot', 'ash', 'bind', true],
    ['kelseyhightower/monolith:1.0.0', 'ash', 'busybox-old', false],
    ['registry.k8s.io/echoserver:1.4', 'dash', undefined, false],
    ['traefik/whoami', undefined, undefined, false],
    ['hashicorp/http-echo', undefined, undefined, false],
  ])('%s', (image, shell, nslookup, curl) => {
    const p = imageProfile(image);
    expect(p.shell).toBe(shell);
    expect(p.nslookup).toBe(nslookup);
    expect(p.tools.has('curl')).toBe(curl);
    expect(p.tools.has('nslookup')).toBe(nslookup !== undefined);
  });

  it('curl versions follow the image', () => {
    expect(imageProfile('curlimages/curl:8.5.0').curl).toBe('8.5.0');
    expect(imageProfile('curlimages/curl').curl).toBe('8.11.1');
    expect(imageProfile('nginx:1.27').curl).toBe('7.88.1');
  });

  it('Debian nginx has no ping, ip, wget or nslookup; busybox has no curl or dig', () => {
    const nginx = imageProfile('nginx');
    for (const t of ['ping', 'ip', 'wget', 'nslookup', 'dig']) expect(nginx.tools.has(t)).toBe(false);
    const bb = imageProfile('busybox');
    for (const t of ['curl', 'dig']) expect(bb.tools.has(t)).toBe(false);
    for (const t of ['wget', 'nslookup', 'ping', 'ip', 'hostname', 'printenv']) expect(bb.tools.has(t)).toBe(true);
  });

  it.each([
    ['nginx', 'bash', true],
    ['nginx', '/bin/sh', true],
    ['nginx', 'curl', true],
    ['nginx', 'ls', true],
    ['nginx', 'wget', false],
    ['busybox:1.28', 'bash', false],
    ['busybox:1.28', '/bin/bash', false],
    ['busybox:1.28', 'sh', true],
    ['busybox:1.28', 'ash', true],
    ['alpine', 'bash', false],
    ['nicolaka/netshoot', 'bash', true],
    ['traefik/whoami', 'sh', false],
  ])('the runtime finds %s’s %s: %s', (image, program, found) => {
    expect(hasProgram(imageProfile(image), program)).toBe(found);
  });
});
