/**
 * Probes and lifecycle hooks of a container: schema, defaults (pkg/apis/core/v1/defaults.go
 * SetDefaults_Probe, SetDefaults_HTTPGetAction) and validation (validateProbe, validateHandler in
 * pkg/apis/core/validation/validation.go).
 */
import type { HTTPGetAction, Lifecycle, LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import { type FieldError, forbidden, invalid, required, unsupported } from './field';
import { asObj, child, type JsonObject, type Loose } from './validation/json';
import { isValidPortName, isValidPortNum, regexError } from './validation/names';
import { type Schema, arr, obj } from './validation/schema';

const handlerFields: Record<string, Schema> = {
  exec: obj({ command: arr('string') }),
  httpGet: obj({
    path: 'string',
    port: 'intOrString',
    host: 'string',
    scheme: 'string',
    httpHeaders: arr(obj({ name: 'string', value: 'string' })),
  }),
  tcpSocket: obj({ port: 'intOrString', host: 'string' }),
};

export const probeSchema: Schema = obj({
  ...handlerFields,
  grpc: obj({ port: 'int32', service: 'string' }),
  initialDelaySeconds: 'int32',
  timeoutSeconds: 'int32',
  periodSeconds: 'int32',
  successThreshold: 'int32',
  failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
});

const lifecycleHandlerSchema: Schema = obj({ ...handlerFields, sleep: obj({ seconds: 'int64' }) });
export const lifecycleSchema: Schema = obj({ postStart: lifecycleHandlerSchema, preStop: lifecycleHandlerSchema });

function defaultHTTPGet(h: JsonObject | undefined): void {
  if (!h) return;
  if (h.path === undefined || h.path === null || h.path === '') h.path = '/';
  if (h.scheme === undefined || h.scheme === null || h.scheme === '') h.scheme = 'HTTP';
}

/** Fills a probe's defaults in place (the caller owns the copy). */
export function defaultProbe(p: JsonObject | undefined): void {
  if (!p) return;
  for (const [k, v] of [
    ['timeoutSeconds', 1],
    ['periodSeconds', 10],
    ['successThreshold', 1],
    ['failureThreshold', 3],
  ] as const) {
    if (p[k] === undefined || p[k] === null || p[k] === 0) p[k] = v;
  }
  defaultHTTPGet(asObj(p.httpGet));
}

export function defaultLifecycle(l: JsonObject | undefined): void {
  if (!l) return;
  defaultHTTPGet(asObj(asObj(l.postStart)?.httpGet));
  defaultHTTPGet(asObj(asObj(l.preStop)?.httpGet));
}

/** A port given as a number (1-65535) or as a named port (IANA_SVC_NAME). */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  const n = port ?? 0;
  return isValidPortNum(n).map((m) => invalid(path, n, m));
}

const httpHeaderNameFmt = '[-A-Za-z0-9]+';
const httpHeaderNameRe = new RegExp(`^${httpHeaderNameFmt}$`);

function validateHTTPGet(h: Loose<HTTPGetAction>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!h.path) errs.push(required(child(path, 'path'), ''));
  errs.push(...validatePortNumOrName(h.port, child(path, 'port')));
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(unsupported(child(path, 'scheme'), h.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of h.httpHeaders ?? []) {
    const name = header.name ?? '';
    if (!httpHeaderNameRe.test(name)) {
      errs.push(invalid(child(path, 'httpHeaders'), name, regexError("a valid HTTP header must consist of alphanumeric characters or '-'", httpHeaderNameFmt, 'X-Header-Name')));
    }
  }
  return errs;
}

type AnyHandler = Loose<LifecycleHandler> & Loose<Pick<Probe, 'grpc'>>;

function validateHandler(h: AnyHandler, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  const one = (name: string, check: () => FieldError[]): void => {
    if (n > 0) errs.push(forbidden(child(path, name), 'may not specify more than 1 handler type'));
    else {
      n++;
      errs.push(...check());
    }
  };
  if (h.exec) one('exec', () => ((h.exec?.command ?? []).length === 0 ? [required(child(child(path, 'exec'), 'command'), '')] : []));
  if (h.httpGet) one('httpGet', () => validateHTTPGet(h.httpGet ?? {}, child(path, 'httpGet')));
  if (h.tcpSocket) one('tcpSocket', () => validatePortNumOrName(h.tcpSocket?.port, child(child(path, 'tcpSocket'), 'port')));
  if (h.grpc) one('grpc', () => validatePortNumOrName(h.grpc?.port ?? 0, child(child(path, 'grpc'), 'port')));
  if (h.sleep) {
    one('sleep', () => {
      const s = h.sleep?.seconds ?? 0;
      if (gracePeriod !== undefined && (s <= 0 || s > gracePeriod)) {
        return [
          invalid(
            child(path, 'sleep'),
            s,
            `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
          ),
        ];
      }
      return [];
    });
  }
  if (n === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

export function validateProbe(kind: ProbeKind, p: Loose<Probe> | undefined, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!p) return [];
  const errs = validateHandler(p, gracePeriod, path);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const) {
    const v = p[f] ?? 0;
    if (v < 0) errs.push(invalid(child(path, f), v, 'must be greater than or equal to 0'));
  }
  if (p.terminationGracePeriodSeconds !== undefined && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  if (kind === 'readinessProbe' && p.terminationGracePeriodSeconds !== undefined) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  if (kind !== 'readinessProbe' && (p.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(path, 'successThreshold'), p.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(l: Loose<Lifecycle>, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (l.postStart) errs.push(...validateHandler(l.postStart, gracePeriod, child(path, 'postStart')));
  if (l.preStop) errs.push(...validateHandler(l.preStop, gracePeriod, child(path, 'preStop')));
  return errs;
}

