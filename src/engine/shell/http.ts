/**
 * HTTP pieces shared by curl and wget: URLs as the tools read them (scheme optional, http by
 * default; port 80/443 by default), reason phrases (RFC 9110 §15), Basic credentials, and the
 * connection a trace made (its first `send` hop: the pod's address and port, and the address
 * the connection went to after DNS).
 */
import type { Trace } from '../types';
import { base64Encode } from '../net/base64';

export interface Url {
  scheme: string;
  host: string;
  port: number;
  /** Path and query, at least "/". */
  path: string;
  /** The Host header: the host, with the port when it is not the scheme's default. */
  hostHeader: string;
  /** host[:port] as written in the URL (busybox wget prints it so). */
  typedHost: string;
  href: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

/** A URL, or why it is not one ('scheme' for an unsupported protocol, 'host' for no host, 'port' for a bad port). */
export function parseUrl(text: string): Url | { error: 'scheme' | 'host' | 'port'; scheme?: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?(?:[^@/?#\s]*@)?(\[[^\]]*\]|[^/:?#\s]*)(?::([^/?#\s]*))?([^#\s]*)/.exec(text.trim());
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  const defaultPort = DEFAULT_PORTS[scheme];
  if (defaultPort === undefined) return { error: 'scheme', scheme };
  const host = (m?.[2] ?? '').toLowerCase();
  if (host === '') return { error: 'host' };
  const portText = m?.[3];
  let port = defaultPort;
  if (portText !== undefined && portText !== '') {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) return { error: 'port' };
    port = Number(portText);
  }
  let path = m?.[4] || '/';
  if (!path.startsWith('/')) path = `/${path}`;
  const hostHeader = port === defaultPort ? host : `${host}:${port}`;
  const typedHost = portText !== undefined && portText !== '' ? `${host}:${portText}` : host;
  return { scheme, host, port, path, hostHeader, typedHost, href: `${scheme}://${hostHeader}${path}` };
}

/** A Location header resolved against the URL it came from. */
export function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return `${base.scheme}://${base.hostHeader}${location}`;
  const dir = base.path.replace(/[^/]*$/, '');
  return `${base.scheme}://${base.hostHeader}${dir}${location}`;
}

export const REASONS: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 418: "I'm a teapot", 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function statusLine(status: number): string {
  const reason = REASONS[status];
  return reason ? `HTTP/1.1 ${status} ${reason}` : `HTTP/1.1 ${status}`;
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return undefined;
}

/** Base64 of a string's UTF-8 bytes (for `Authorization: Basic`). */
export function base64(text: string): string {
  return base64Encode(text);
}

export interface Connection {
  localIP?: string;
  localPort?: number;
  remoteIP?: string;
  remotePort?: number;
}

function split(addr: string): [string, number] {
  const i = addr.lastIndexOf(':');
  return [addr.slice(0, i), Number(addr.slice(i + 1))];
}

/** Where the trace's connection went: its first TCP `send` hop. */
export function connectionOf(trace: Trace): Connection {
  const send = trace.hops.find((h) => h.kind === 'send' && h.packet.proto === 'TCP');
  if (!send) return {};
  const [localIP, localPort] = split(send.packet.src);
  const [remoteIP, remotePort] = split(send.packet.dst);
  return { localIP, localPort, remoteIP, remotePort };
}
