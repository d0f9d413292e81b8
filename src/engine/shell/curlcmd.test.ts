/**
 * curl's output, against curl 8.11 (curlimages/curl) and 7.88 (Debian nginx):
 * - -v lines: lib/connect.c / lib/http.c infof() ("*   Trying %s:%d...", "Connected to %s (%s)
 *   port %u", "Host %s:%d was resolved.", "IPv4: %s", "using HTTP/1.x", "Request completely
 *   sent off", "Connection #0 to host %s left intact", "closing connection #0");
 * - errors: curl_easy_strerror texts behind "curl: (N) " and the exit code N (libcurl-errors.3);
 * - the progress meter (lib/progress.c) when the body is piped; -w variables (curl.1 "write-out").
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from './run';
import { fakeHost, NGINX_PAGE } from './fakehost';

const curl = (line: string, image = 'curlimages/curl:8.11.1') => {
  const host = fakeHost({ image });
  return { ...runCommand(host, line), requests: host.requests };
};

describe('curl', () => {
  it('prints the body, nothing on stderr at a terminal', () => {
    expect(curl('curl http://my-nginx')).toMatchObject({ stdout: NGINX_PAGE, stderr: '', exitCode: 0 });
  });

  it('-v as curl 8 prints it', () => {
    const r = curl('curl -v my-nginx');
    expect(r.stderr).toBe(
      [
        '* Host my-nginx:80 was resolved.',
        '* IPv6: (none)',
        '* IPv4: 10.96.0.12',
        '*   Trying 10.96.0.12:80...',
        '* Connected to my-nginx (10.96.0.12) port 80',
        '* using HTTP/1.x',
        '> GET / HTTP/1.1',
        '> Host: my-nginx',
        '> User-Agent: curl/8.11.1',
        '> Accept: */*',
        '> ',
        '* Request completely sent off',
        '< HTTP/1.1 200 OK',
        '< Server: nginx/1.27.3',
        '< Content-Type: text/html',
        `< Content-Length: ${NGINX_PAGE.length}`,
        '< ',
        '* Connection #0 to host my-nginx left intact',
        '',
      ].join('\n'),
    );
  });

  it('-v as curl 7.88 (Debian nginx image) prints it', () => {
    const r = curl('curl -v 10.96.0.12', 'nginx');
    expect(r.stderr.split('\n').slice(0, 3)).toEqual(['*   Trying 10.96.0.12:80...', '* Connected to 10.96.0.12 (10.96.0.12) port 80 (#0)', '> GET / HTTP/1.1']);
    expect(r.stderr).toContain('> User-Agent: curl/7.88.1\n');
  });

  // exit codes: libcurl-errors(3). Messages: the engine's trace messages, curl 8's wording.
  it.each([
    ['curl nope', 6, 'curl: (6) Could not resolve host: nope\n'],
    ['curl http://empty', 7, "curl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n"],
    ['curl blackhole', 28, "curl: (28) Failed to connect to blackhole port 80 after 130000 ms: Couldn't connect to server\n"],
    ['curl --connect-timeout 1 blackhole', 28, 'curl: (28) Failed to connect to blackhole port 80 after 1002 ms: Timeout was reached\n'],
    ['curl -m 2 blackhole', 28, 'curl: (28) Connection timed out after 2001 milliseconds\n'],
    ['curl ftp://my-nginx', 1, 'curl: (1) Protocol "ftp" not supported\n'],
    ['curl http://my-nginx:99999/', 3, 'curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n'],
    ['curl -f my-nginx/missing', 22, 'curl: (22) The requested URL returned error: 404\n'],
    ['curl -L my-nginx/loop', 47, 'curl: (47) Maximum (50) redirects followed\n'],
  ])('%s → exit %i', (line, code, stderr) => {
    expect(curl(line)).toMatchObject({ stdout: '', stderr, exitCode: code });
  });

  it('-v on a refused connection names both ends', () => {
    expect(curl('curl -v empty').stderr).toBe(
      "* Host empty:80 was resolved.\n* IPv6: (none)\n* IPv4: 10.96.0.20\n*   Trying 10.96.0.20:80...\n* connect to 10.96.0.20 port 80 from 10.244.1.5 port 41234 failed: Connection refused\n* Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n* closing connection #0\ncurl: (7) Failed to connect to empty port 80 after 0 ms: Couldn't connect to server\n",
    );
  });

  it('-s hides errors, -S shows them again; a 404 is not an error without -f', () => {
    expect(curl('curl -s nope')).toMatchObject({ stderr: '', exitCode: 6 });
    expect(curl('curl -sS nope')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nope\n', exitCode: 6 });
    expect(curl('curl -s my-nginx/missing')).toMatchObject({ stdout: '<html>404</html>\n', exitCode: 0 });
  });

  it('https: a self-signed server fails verification (60) unless -k or --cacert (seed 003)', () => {
    const r = curl('curl https://my-nginx');
    expect(r.exitCode).toBe(60);
    expect(r.stderr).toBe(
      'curl: (60) SSL certificate problem: self-signed certificate\nMore details here: https://curl.se/docs/sslcerts.html\n\ncurl failed to verify the legitimacy of the server and therefore could not\nestablish a secure connection to it. To learn more about this situation and\nhow to fix it, please visit the webpage mentioned above.\n',
    );
    expect(curl('curl -k https://my-nginx')).toMatchObject({ stdout: NGINX_PAGE, exitCode: 0 });
    expect(curl('curl https://my-nginx --cacert /etc/nginx/ssl/tls.crt')).toMatchObject({ stdout: NGINX_PAGE, exitCode: 0 });
    expect(curl('curl -kv https://my-nginx').stderr).toContain('*  SSL certificate verify result: self-signed certificate (18), continuing anyway.\n');
    expect(curl('curl https://my-nginx --cacert /etc/nginx/ssl/tls.key')).toMatchObject({ exitCode: 60 });
    expect(curl('curl https://my-nginx --cacert /nope.crt')).toMatchObject({ stderr: 'curl: (77) error setting certificate file: /nope.crt\n', exitCode: 77 });
    expect(curl('curl -sS -k https://my-nginx').requests[0]?.tls).toEqual({ insecure: true, caCert: undefined });
    expect(curl('curl -v https://my-nginx').stderr).toContain('* TLSv1.3 (OUT), TLS alert, unknown CA (560):\n* SSL certificate problem: self-signed certificate\n* closing connection #0\ncurl: (60) ');
  });

  it('-o /dev/null -w %{http_code}, and the other -w variables', () => {
    expect(curl("curl -s -o /dev/null -w '%{http_code}' my-nginx/missing")).toMatchObject({ stdout: '404', stderr: '', exitCode: 0 });
    expect(curl("curl -s -o /dev/null -w '%{http_code} %{remote_ip}:%{remote_port}\\n' my-nginx").stdout).toBe('200 10.96.0.12:80\n');
    expect(curl("curl -s -w '%{http_code}' nope").stdout).toBe('000');
    expect(curl("curl -s -o /dev/null -w '%{bogus}' my-nginx").stderr).toBe("curl: unknown --write-out variable: 'bogus'\n");
  });

  it('-d posts a form, -u sends Basic credentials, -H and -X are sent as given', () => {
    const r = curl('curl -s -d user=a -d pw=b -u admin:secret my-nginx/login');
    expect(r.requests[0]).toMatchObject({ method: 'POST', body: 'user=a&pw=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Basic YWRtaW46c2VjcmV0' } });
    const h = curl('curl -s -X DELETE -H "Authorization: Bearer t0k" -H "Accept:" my-nginx/x');
    expect(h.requests[0]?.method).toBe('DELETE');
    expect(h.requests[0]?.headers).toMatchObject({ Authorization: 'Bearer t0k' });
    expect(h.requests[0]?.headers).not.toHaveProperty('Accept');
    expect(curl('curl -sv -d a=1 my-nginx').stderr).toContain('> Content-Length: 3\n> Content-Type: application/x-www-form-urlencoded\n> \n');
  });

  it('-i puts the response head on stdout; -I asks with HEAD; -L follows Location', () => {
    expect(curl('curl -si my-nginx/missing').stdout).toBe('HTTP/1.1 404 Not Found\nServer: nginx/1.27.3\nContent-Type: text/html\nContent-Length: 153\n\n<html>404</html>\n');
    const head = curl('curl -sI my-nginx');
    expect(head.requests[0]?.method).toBe('HEAD');
    expect(head.stdout.startsWith('HTTP/1.1 200 OK\n')).toBe(true);
    expect(head.stdout.endsWith('\n\n')).toBe(true);
    expect(curl('curl -s my-nginx/old').stdout).toBe('');
    expect(curl('curl -sL my-nginx/old').stdout).toBe(NGINX_PAGE);
  });

  it('shows the progress meter when the body is piped, not at a terminal or with -s', () => {
    const r = curl('curl my-nginx | head -1');
    expect(r.stdout).toBe('<!DOCTYPE html>\n');
    const n = NGINX_PAGE.length;
    expect(r.stderr).toBe(
      `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100   ${n}  100   ${n}    0     0   ${Math.floor((n * 1000) / 1024)}k      0 --:--:-- --:--:-- --:--:--  ${Math.floor((n * 1000) / 1024)}k\n`,
    );
    expect(curl('curl -s my-nginx | head -1').stderr).toBe('');
  });

  it('bad options exit 2 with curl\'s own words', () => {
    expect(curl('curl --frobnicate x')).toMatchObject({ stderr: "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(curl('curl -H')).toMatchObject({ stderr: "curl: option -H: requires parameter\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
    expect(curl('curl -s')).toMatchObject({ stderr: "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 });
  });

  it('writes -o FILE where cat can read it', () => {
    expect(curl('curl -s -o /tmp/page my-nginx; grep -c nginx /tmp/page').stdout).toBe('2\n');
  });
});

it('a command substitution is not a terminal: curl shows its meter there too', () => {
  const r = runCommand(fakeHost({ image: 'curlimages/curl' }), 'X=$(curl my-nginx); echo ${#X}');
  expect(r.stderr.startsWith('  % Total')).toBe(true);
  expect(runCommand(fakeHost({ image: 'curlimages/curl' }), "sh -c 'curl my-nginx'").stderr).toBe('');
});
