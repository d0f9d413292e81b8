/**
 * Requests, contexts and a scripted `fetch` for the apps' unit tests (used by tests only).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { PodObject } from '../../api/objects';
import type { AppContext, ContainerApp, HttpRequest, HttpResponse, OutboundRequest, OutboundResult } from './http';

export function request(over: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: 'GET',
    scheme: 'http',
    host: '10.244.1.5',
    path: '/',
    headers: { Host: '10.244.1.5', 'User-Agent': 'curl/8.11.1', Accept: '*/*' },
    clientAddress: '10.244.2.7',
    clientPort: 40000,
    serverAddress: '10.244.1.5',
    serverPort: 80,
    ...over,
  };
}

export interface FakeContext extends AppContext {
  /** The calls the app made, in order. */
  calls: OutboundRequest[];
}

/** A context whose fetch answers from `answers` (by URL; a function sees every call). */
export function context(over: Partial<AppContext> = {}, answers: Record<string, OutboundResult> | ((r: OutboundRequest) => OutboundResult) = {}): FakeContext {
  const calls: OutboundRequest[] = [];
  return {
    pod: 'web-0',
    namespace: 'default',
    container: 'app',
    node: 'node-1',
    image: 'example',
    env: { HOSTNAME: 'web-0' },
    argv: [],
    ...over,
    calls,
    fetch(req) {
      calls.push(req);
      if (typeof answers === 'function') return answers(req);
      return answers[req.url] ?? { ok: false, code: 'connection-refused', message: `curl: (7) Failed to connect to ${req.url}` };
    },
  };
}

export function ok(status: number, body: string, headers: Record<string, string> = {}): OutboundResult {
  return { ok: true, response: { status, headers, body } };
}

/** Send a request to the app (its first listener's port unless the request says). */
export function send(app: ContainerApp, over: Partial<HttpRequest> = {}, ctx: AppContext = context()): HttpResponse {
  return app.handle(request({ serverPort: app.listens[0]?.port ?? 80, ...over }), ctx);
}

export function pod(containers: Container[], extra: { annotations?: Record<string, string>; volumes?: NonNullable<PodObject['spec']>['volumes'] } = {}): PodObject {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'web-0', namespace: 'default', annotations: extra.annotations },
    spec: { containers, volumes: extra.volumes },
  };
}
