/** An HTTP exchange as a container sees it. */

export interface HttpRequest {
  method: string;
  scheme: 'http' | 'https';
  /** The Host header. */
  host: string;
  /** Path with query string, as on the request line. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The peer address the server's socket sees (after any NAT): what echoserver prints. */
  clientAddress: string;
  clientPort: number;
  /** The address and port the server's socket is bound to. */
  serverAddress: string;
  serverPort: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** An HTTP call a container makes while answering (an app's downstream request). */
export interface OutboundRequest {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** For https: do not verify the server's certificate (nginx's proxy_ssl_verify off). */
  insecure?: boolean;
}

/** What the call got back: a response, or the error the client library would report. */
export type OutboundResult =
  | { ok: true; response: HttpResponse }
  | { ok: false; code: string; message: string };

export interface AppContext {
  pod: string /* name */;
  namespace: string;
  container: string;
  node: string;
  image: string;
  /** The container's environment as its process sees it (Service variables included). */
  env: Readonly<Record<string, string>>;
  /** The container's command-line arguments (command + args), for apps configured by flags. */
  argv: readonly string[];
  /** Files mounted from ConfigMap and Secret volumes, by absolute path (configuration, certificates). */
  files?: ReadonlyMap<string, string>;
  /** Record a step of the app's own as a hop (the ingress controller's location and rewrite). */
  note?(kind: string, summary: string, rule?: string): void;
  /** A seeded choice in [0, n) (load balancing inside an app). */
  pick?(n: number): number;
  /** The ingress controller's view of the Ingress objects. */
  ingress?: import('./ingresscontroller').IngressRouting;
  /**
   * Make a request from this container, through the real data plane; the engine records it
   * as a child trace of the hop that answered.
   */
  fetch(req: OutboundRequest): OutboundResult;
}

export interface Listener {
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /**
   * The server expects TLS on this port (nginx on 443 with a certificate mounted from a
   * Secret). kubepath has no TLS layer yet: such a port answers as the plain one does.
   */
  tls?: boolean;
}

/** What a container runs: where it listens and how it answers. */
export interface ContainerApp {
  /** Catalogue name ("echoserver", "nginx", "generic"). */
  kind: string;
  listens: Listener[];
  handle(req: HttpRequest, ctx: AppContext): HttpResponse;
}

export const REASON: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function lowerHeaders(headers: Record<string, string>): [string, string][] {
  return Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]);
}
