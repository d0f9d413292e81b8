/** Request URLs as curl reads them: scheme, host, port (80/443 by default), path with query. */

export interface ParsedUrl {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Path and query, at least "/". */
  path: string;
  /** What goes in the Host header: host, plus the port when it is not the scheme's default. */
  hostHeader: string;
}

export function parseUrl(url: string): ParsedUrl | string {
  const m = /^(?:(https?):\/\/)?([^/:?#\s]+)(?::(\d{1,5}))?([^#\s]*)/i.exec(url.trim());
  if (!m || !m[2]) return `curl: (3) URL rejected: Bad hostname`;
  const scheme = (m[1]?.toLowerCase() ?? 'http') as 'http' | 'https';
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (port < 1 || port > 65535) return `curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535`;
  let path = m[4] || '/';
  if (path.startsWith('?')) path = `/${path}`;
  const host = m[2].toLowerCase();
  const defaultPort = scheme === 'https' ? 443 : 80;
  return { scheme, host, port, path, hostHeader: port === defaultPort ? host : `${host}:${port}` };
}

export function splitAddr(addr: string): [string, number] {
  const i = addr.lastIndexOf(':');
  return [addr.slice(0, i), Number(addr.slice(i + 1))];
}
