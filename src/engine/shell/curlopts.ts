/**
 * curl's command line (src/tool_getparam.c): short options may be bundled (`-sSL`, `-kv`) and
 * take their value attached or as the next word (`-XPOST`, `-X POST`); long options take the
 * next word. Errors as curl prints them, exit 2: `curl: option --foo: is unknown`,
 * `curl: option -H: requires parameter`, `curl: no URL specified`, each followed by
 * `curl: try 'curl --help' or 'curl --manual' for more information`.
 *
 * Also the `-w/--write-out` variables and the progress meter (lib/progress.c): shown on stderr
 * unless -s when the body does not go to a terminal (piped, or -o FILE).
 */

export interface CurlOptions {
  urls: string[];
  method?: string;
  /** -H headers in order; an empty value with `remove` drops a default header ("Accept:"). */
  headers: { name: string; value: string; remove: boolean }[];
  data: string[];
  user?: string;
  userAgent?: string;
  verbose: boolean;
  silent: boolean;
  showError: boolean;
  insecure: boolean;
  cacert?: string;
  output?: string;
  writeOut?: string;
  connectTimeout?: number;
  maxTime?: number;
  include: boolean;
  head: boolean;
  location: boolean;
  fail: boolean;
  failWithBody: boolean;
  noProgress: boolean;
}

const TRY = "curl: try 'curl --help' or 'curl --manual' for more information\n";

/** Short options that take a value, with their long name. */
const SHORT_VALUE: Record<string, string> = {
  X: 'request', H: 'header', d: 'data', u: 'user', o: 'output', w: 'write-out', m: 'max-time', A: 'user-agent', e: 'referer',
  b: 'cookie', c: 'cookie-jar', T: 'upload-file', F: 'form', x: 'proxy', r: 'range', E: 'cert', D: 'dump-header', U: 'proxy-user',
};
const SHORT_FLAG: Record<string, string> = {
  v: 'verbose', s: 'silent', S: 'show-error', k: 'insecure', i: 'include', I: 'head', L: 'location', f: 'fail', '4': 'ipv4',
  '6': 'ipv6', N: 'no-buffer', O: 'remote-name', G: 'get', '#': 'progress-bar', q: 'disable', V: 'version',
};
const LONG_VALUE = new Set([
  'request', 'header', 'data', 'data-raw', 'data-binary', 'data-ascii', 'data-urlencode', 'user', 'output', 'write-out', 'max-time',
  'connect-timeout', 'cacert', 'capath', 'user-agent', 'referer', 'cookie', 'cookie-jar', 'upload-file', 'form', 'proxy', 'range',
  'cert', 'key', 'url', 'resolve', 'connect-to', 'retry', 'max-redirs', 'dump-header', 'proxy-user', 'noproxy', 'interface',
]);
const LONG_FLAG = new Set([
  'verbose', 'silent', 'show-error', 'insecure', 'include', 'head', 'location', 'fail', 'fail-with-body', 'ipv4', 'ipv6', 'no-buffer',
  'remote-name', 'get', 'progress-bar', 'disable', 'version', 'http1.1', 'http1.0', 'http2', 'compressed', 'no-progress-meter',
  'no-keepalive', 'tcp-nodelay', 'globoff', 'path-as-is', 'no-verbose', 'no-silent',
]);

function apply(o: CurlOptions, name: string, value: string | undefined): void {
  switch (name) {
    case 'request': o.method = value; break;
    case 'header': {
      const v = value ?? '';
      const colon = v.indexOf(':');
      const semi = v.endsWith(';') && colon < 0;
      if (colon < 0 && !semi) break;
      const hname = semi ? v.slice(0, -1) : v.slice(0, colon);
      const hvalue = semi ? '' : v.slice(colon + 1).trim();
      o.headers.push({ name: hname.trim(), value: hvalue, remove: !semi && hvalue === '' });
      break;
    }
    case 'data': case 'data-raw': case 'data-binary': case 'data-ascii': case 'data-urlencode': o.data.push(value ?? ''); break;
    case 'user': o.user = value; break;
    case 'user-agent': o.userAgent = value; break;
    case 'output': o.output = value; break;
    case 'write-out': o.writeOut = value; break;
    case 'max-time': o.maxTime = Number(value); break;
    case 'connect-timeout': o.connectTimeout = Number(value); break;
    case 'cacert': o.cacert = value; break;
    case 'url': if (value !== undefined) o.urls.push(value); break;
    case 'verbose': o.verbose = true; break;
    case 'no-verbose': o.verbose = false; break;
    case 'silent': o.silent = true; break;
    case 'no-silent': o.silent = false; break;
    case 'show-error': o.showError = true; break;
    case 'insecure': o.insecure = true; break;
    case 'include': o.include = true; break;
    case 'head': o.head = true; break;
    case 'location': o.location = true; break;
    case 'fail': o.fail = true; break;
    case 'fail-with-body': o.failWithBody = true; break;
    case 'no-progress-meter': o.noProgress = true; break;
    default: break;
  }
}

/** Parse curl's arguments; a string is the error text (exit 2). */
export function parseCurl(args: readonly string[]): CurlOptions | string {
  const o: CurlOptions = { urls: [], headers: [], data: [], verbose: false, silent: false, showError: false, insecure: false, include: false, head: false, location: false, fail: false, failWithBody: false, noProgress: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (LONG_VALUE.has(name)) {
        const value = args[++i];
        if (value === undefined) return `curl: option ${a}: requires parameter\n${TRY}`;
        apply(o, name, value);
      } else if (LONG_FLAG.has(name)) apply(o, name, undefined);
      else return `curl: option ${a}: is unknown\n${TRY}`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        const vname = SHORT_VALUE[c];
        if (vname) {
          const inline = a.slice(j + 1);
          const value = inline !== '' ? inline : args[++i];
          if (value === undefined) return `curl: option -${c}: requires parameter\n${TRY}`;
          apply(o, vname, value);
          break;
        }
        const fname = SHORT_FLAG[c];
        if (!fname) return `curl: option -${a.slice(j)}: is unknown\n${TRY}`;
        apply(o, fname, undefined);
      }
      continue;
    }
    o.urls.push(a);
  }
  if (o.urls.length === 0) return `curl: no URL specified\n${TRY}`;
  return o;
}

export interface WriteOutVars {
  http_code: string;
  remote_ip: string;
  remote_port: string;
  local_ip: string;
  local_port: string;
  url_effective: string;
  size_download: number;
  content_type: string;
  num_redirects: number;
  exitcode: number;
  errormsg: string;
  method: string;
  scheme: string;
  time_total: number;
}

/** Expand a `-w` format: `%{var}`, `%%`, and the escapes \n \r \t \\ curl interprets itself. Unknown variables warn on stderr. */
export function writeOut(format: string, v: WriteOutVars): { text: string; warnings: string } {
  let text = '';
  let warnings = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] ?? '';
    if (c === '%' && format[i + 1] === '%') {
      text += '%';
      i++;
    } else if (c === '%' && format[i + 1] === '{') {
      const end = format.indexOf('}', i);
      if (end < 0) {
        text += format.slice(i);
        break;
      }
      const name = format.slice(i + 2, end);
      const time = /^time_(total|connect|namelookup|pretransfer|starttransfer|appconnect|redirect)$/.test(name);
      const value = name === 'response_code' ? v.http_code : time ? (name === 'time_redirect' ? 0 : v.time_total).toFixed(6) : (v as unknown as Record<string, string | number>)[name];
      if (value === undefined) warnings += `curl: unknown --write-out variable: '${name}'\n`;
      else text += String(value);
      i = end;
    } else if (c === '\\' && i + 1 < format.length) {
      const n = format[i + 1] ?? '';
      const esc: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };
      text += esc[n] ?? `\\${n}`;
      i++;
    } else text += c;
  }
  return { text, warnings };
}

/** curl's max5data(): a byte count in at most five characters. */
function max5(n: number): string {
  if (n < 100000) return String(Math.round(n)).padStart(5);
  if (n < 10000 * 1024) return `${Math.floor(n / 1024)}k`.padStart(5);
  return `${Math.floor(n / (1024 * 1024))}M`.padStart(5);
}

export const PROGRESS_HEADER = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

/** The meter's last line after `bytes` arrived (or 0 on a failed transfer), with a fixed 1 ms transfer time. */
export function progressLine(bytes: number, sent: number): string {
  const pct = (x: number) => String(bytes > 0 || x > 0 ? 100 : 0).padStart(3);
  const speed = bytes * 1000;
  const upSpeed = sent * 1000;
  return `${pct(bytes)} ${max5(bytes)}  ${pct(bytes)} ${max5(bytes)}  ${String(sent > 0 ? 100 : 0).padStart(3)} ${max5(sent)}  ${max5(speed)}  ${max5(upSpeed)} --:--:-- --:--:-- --:--:-- ${max5(speed)}\n`;
}
