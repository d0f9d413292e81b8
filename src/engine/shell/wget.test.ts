/**
 * busybox wget (networking/wget.c): `fprintf(stderr, "Connecting to %s (%s)\n", server.host,
 * xmalloc_sockaddr2dotted(...))`, "writing to stdout" / "saving to '%s'", the libbb progress
 * bar (`%-20.20s%4u%% `), and bb_error_msg texts: "bad address '%s'", "can't connect to remote
 * host (%s): Connection refused", "server returned error: %s". Seed 003: `wget -qO - 10.0.170.92`.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost, NGINX_PAGE } from './fakehost';

const wget = (line: string, image = 'busybox:1.36') => {
  const host = fakeHost({ image });
  return { ...runCommand(host, line), requests: host.requests };
};

describe('busybox wget', () => {
  it.each(['wget -qO- 10.96.0.12', 'wget -qO - 10.96.0.12', 'wget -q -O - http://10.96.0.12/', 'wget -O- -q my-nginx'])('%s prints only the body', (line) => {
    expect(wget(line)).toMatchObject({ stdout: NGINX_PAGE, stderr: '', exitCode: 0 });
  });

  it('says what it does without -q', () => {
    expect(wget('wget -O - my-nginx:80')).toMatchObject({
      stdout: NGINX_PAGE,
      stderr: `Connecting to my-nginx:80 (10.96.0.12:80)\nwriting to stdout\n-                    100% |*******************************|   ${NGINX_PAGE.length}  0:00:00 ETA\nwritten to stdout\n`,
    });
  });

  it('saves to index.html by default', () => {
    const r = wget('wget http://my-nginx/; cat index.html');
    expect(r.stderr).toContain("saving to 'index.html'\n");
    expect(r.stderr).toContain("'index.html' saved\n");
    expect(r.stdout).toBe(NGINX_PAGE);
  });

  it.each([
    ['wget -qO- nope', "wget: bad address 'nope'\n"],
    ['wget -qO- empty', "wget: can't connect to remote host (10.96.0.20): Connection refused\n"],
    ['wget -qO- blackhole', "wget: can't connect to remote host (10.96.0.30): Connection timed out\n"],
    ['wget -T 2 -qO- blackhole', 'wget: download timed out\n'],
    ['wget -qO- my-nginx/missing', 'wget: server returned error: HTTP/1.1 404 Not Found\n'],
  ])('%s', (line, stderr) => {
    expect(wget(line)).toMatchObject({ stdout: '', stderr, exitCode: 1 });
  });

  it('follows redirects and sends User-Agent: Wget', () => {
    const r = wget('wget -qO- my-nginx/old');
    expect(r.stdout).toBe(NGINX_PAGE);
    expect(r.requests.map((q) => q.url)).toEqual(['http://my-nginx/old', 'http://my-nginx/']);
    expect(r.requests[0]?.headers).toMatchObject({ 'User-Agent': 'Wget' });
  });

  it('-S prints the response head indented; --spider does not download', () => {
    expect(wget('wget -S -qO /dev/null my-nginx').stderr).toBe(`  HTTP/1.1 200 OK\n  Server: nginx/1.27.3\n  Content-Type: text/html\n  Content-Length: ${NGINX_PAGE.length}\n`);
    expect(wget('wget --spider my-nginx')).toMatchObject({ stdout: '', stderr: 'Connecting to my-nginx (10.96.0.12:80)\nremote file exists\n', exitCode: 0 });
  });

  it('https: newer busybox does not check certificates; 1.28 has no TLS helper', () => {
    expect(wget('wget -qO- https://my-nginx')).toMatchObject({ stdout: NGINX_PAGE, stderr: 'wget: note: TLS certificate validation not implemented\n', exitCode: 0 });
    expect(wget('wget -qO- https://my-nginx', 'busybox:1.28').exitCode).toBe(1);
  });

  it('is not in the Debian nginx image', () => {
    expect(wget('wget -qO- my-nginx', 'nginx')).toMatchObject({ stderr: 'sh: 1: wget: not found\n', exitCode: 127 });
  });
});
