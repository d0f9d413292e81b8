/**
 * evaluateCheck: whether the live cluster shows what a lesson step is about, and what was
 * observed (the detail the learner reads: "monolith has 0 endpoints"). Nothing here changes
 * the playground: state is read from its snapshot and stored objects, and requests and
 * terminal lines go to a fork (ClusterPlayground.fork), so the live cluster's conntrack,
 * session affinity, access log and terminal stay as they were.
 */
import type { ClusterPlayground } from '../playground';
import type { Trace } from '../types';
import type { Check, ResponseExpectation } from './lesson';
import { dnsAddresses, externalIPText, firstServingPod, isServing, podsMatching, readyEndpoints, serviceNamed } from './lookup';
import { fillPlaceholders } from './placeholders';
import { sendLessonRequest } from './request';
import { resolveValue } from './values';
import { clientAddressOf, outcomeSummary, upstreamPathOf } from './measures';
import { fieldText, parseFieldPath, readFieldPath } from './fieldpath';

export interface CheckResult {
  met: boolean;
  /** What was observed, in a sentence. */
  detail: string;
}

const result = (met: boolean, detail: string): CheckResult => ({ met, detail });

function endpoints(pg: ClusterPlayground, c: Extract<Check, { kind: 'endpoints' }>): CheckResult {
  const svc = serviceNamed(pg.snapshot(), c.service);
  if (!svc.ok) return result(false, svc.error);
  const ips = readyEndpoints(pg.snapshot(), svc.value.namespace, svc.value.name);
  const met = c.count !== undefined ? ips.length === c.count : ips.length >= (c.min ?? 1);
  const list = ips.length > 0 ? `: ${ips.join(', ')}` : '';
  return result(met, `${svc.value.name} has ${ips.length} ready endpoint${ips.length === 1 ? '' : 's'}${list}`);
}

function podsReady(pg: ClusterPlayground, c: Extract<Check, { kind: 'pods-ready' }>): CheckResult {
  const pods = podsMatching(pg.snapshot(), c.selector, c.namespace ?? 'default');
  if (!pods.ok) return result(false, pods.error);
  const serving = pods.value.filter(isServing);
  const full = c.containers === undefined ? serving : serving.filter((p) => p.containers.length === c.containers && p.containers.every((x) => x.ready));
  const shown = pods.value.map((p) => `${p.name} ${p.containers.filter((x) => x.ready).length}/${p.containers.length} ${p.status}`);
  const what = c.containers === undefined ? 'ready' : `${c.containers}/${c.containers} ready`;
  return result(full.length === c.count, `${full.length} pod${full.length === 1 ? '' : 's'} matching ${c.selector} ${full.length === 1 ? 'is' : 'are'} ${what}${shown.length ? ` (${shown.join(', ')})` : ''}`);
}

function expectationProblems(pg: ClusterPlayground, trace: Trace, e: ResponseExpectation): string[] {
  const problems: string[] = [];
  const o = trace.outcome;
  if (e.error !== undefined) {
    if (o.kind !== 'error') problems.push(`expected it to fail, it answered ${o.status}`);
    else if (e.error !== true && o.code !== e.error) problems.push(`expected ${e.error}, got ${o.code}`);
    return problems;
  }
  if (o.kind === 'error') return [`expected an answer, got ${o.code}`];
  if (e.status !== undefined && o.status !== e.status) problems.push(`expected status ${e.status}`);
  if (e.bodyContains !== undefined && !o.body.includes(e.bodyContains)) problems.push(`expected the body to contain "${e.bodyContains}"`);
  if (e.bodyMatches !== undefined && !new RegExp(e.bodyMatches).test(o.body)) problems.push(`expected the body to match /${e.bodyMatches}/`);
  if (e.upstreamPath !== undefined && upstreamPathOf(trace) !== e.upstreamPath) problems.push(`expected the backend to receive ${e.upstreamPath}, it received ${upstreamPathOf(trace) ?? 'nothing'}`);
  if (e.clientAddress !== undefined) {
    const seen = clientAddressOf(trace);
    const want = resolveValue(pg, e.clientAddress, trace);
    if (!want.ok) problems.push(want.error);
    else if (seen === undefined) problems.push('the answer shows no client_address');
    else if (!want.value.accepts(seen)) problems.push(`expected client_address ${want.value.display}, saw ${seen}`);
  }
  return problems;
}

function response(pg: ClusterPlayground, c: Extract<Check, { kind: 'response' }>): CheckResult {
  const sent = sendLessonRequest(pg, c.request);
  if ('error' in sent) return result(false, `the request cannot be sent yet: ${sent.error}`);
  const t = sent.trace;
  const problems = expectationProblems(pg, t, c.expect);
  const seen = clientAddressOf(t);
  const what = `${t.request.method ?? 'GET'} ${t.request.url} → ${outcomeSummary(t)}${seen && c.expect.clientAddress ? ` (client_address=${seen})` : ''}`;
  return result(problems.length === 0, problems.length === 0 ? what : `${what}; ${problems.join('; ')}`);
}

function envVar(pg: ClusterPlayground, c: Extract<Check, { kind: 'env-var-in-pods' }>): CheckResult {
  const pods = podsMatching(pg.snapshot(), c.selector, c.namespace ?? 'default');
  if (!pods.ok) return result(false, pods.error);
  const running = pods.value.filter((p) => p.phase === 'Running' && !p.terminating);
  if (running.length === 0) return result(false, `no running pod matches ${c.selector}`);
  const want = c.value === undefined ? undefined : resolveValue(pg, c.value);
  if (want && !want.ok) return result(false, want.error);
  const lacking: string[] = [];
  for (const p of running) {
    const container = c.container ? p.containers.find((x) => x.name === c.container) : p.containers[0];
    const vars = [...(container?.serviceEnv ?? []), ...(container?.env ?? [])];
    const v = vars.filter((x) => x.name === c.name).pop()?.value;
    if (v === undefined) lacking.push(`${p.name} has no ${c.name}`);
    else if (want && !want.value.accepts(v)) lacking.push(`${p.name} has ${c.name}=${v}`);
  }
  if (lacking.length > 0) return result(false, lacking.join('; '));
  const value = want ? `=${want.value.display}` : '';
  return result(true, `${running.length === 1 ? `${running[0]!.name} has` : `all ${running.length} pods have`} ${c.name}${value}`);
}

function dns(pg: ClusterPlayground, c: Extract<Check, { kind: 'dns-resolves' }>): CheckResult {
  const snap = pg.snapshot();
  const pod = firstServingPod(snap, c.from.selector, c.from.namespace ?? 'default');
  if (!pod.ok) return result(false, pod.error);
  const svc = serviceNamed(snap, c.service);
  if (!svc.ok) return result(false, svc.error);
  const r = pg.resolve({ from: `${pod.value.namespace}/${pod.value.name}`, name: c.name });
  const addresses = dnsAddresses(r.answers);
  const want = svc.value.clusterIP;
  const met = r.rcode === 'NOERROR' && want !== undefined && addresses.includes(want);
  const got = r.rcode === 'NOERROR' ? addresses.join(', ') || 'no address' : r.rcode;
  return result(met, `${c.name} from ${pod.value.name}: ${got}${met ? ` (${svc.value.name}'s ClusterIP)` : `; ${svc.value.name}'s ClusterIP is ${want ?? 'none'}`}`);
}

function commandOutput(pg: ClusterPlayground, c: Extract<Check, { kind: 'command-output' }>): CheckResult {
  const line = fillPlaceholders(pg.snapshot(), c.line);
  if (!line.ok) return result(false, line.error);
  const out = pg.fork().kubectl(line.value);
  const text = `${out.stdout}${out.stderr}`;
  const met = new RegExp(c.matches, 'm').test(text);
  const shown = text.trim().split('\n').slice(0, 3).join(' | ');
  return result(met, `$ ${line.value}: ${shown || '(no output)'}`);
}

function fieldEquals(pg: ClusterPlayground, c: Extract<Check, { kind: 'field-equals' }>): CheckResult {
  const obj = pg.getObject(c.object);
  const name = `${c.object.kind} ${c.object.namespace ? `${c.object.namespace}/` : ''}${c.object.name}`;
  if (!obj) return result(false, `${name} does not exist`);
  const path = parseFieldPath(c.path);
  if (!path) return result(false, `cannot read the path ${c.path}`);
  const v = readFieldPath(obj, path);
  if (v === undefined || v === null) return result(false, `${name} has no ${c.path}`);
  const text = fieldText(v);
  if (c.value === undefined) return result(true, `${name} ${c.path} is ${text}`);
  const want = resolveValue(pg, c.value);
  if (!want.ok) return result(false, want.error);
  const met = want.value.accepts(text);
  return result(met, `${name} ${c.path} is ${text}${met ? '' : `, not ${want.value.display}`}`);
}

/** An access-log line's request and status: `… "GET /secure HTTP/1.1" 200 20 …` (dataplane/accesslog.ts). */
const LOG_LINE = /"([A-Z]+ \S+) HTTP\/[\d.]+" (\d{3}) /;

function served(pg: ClusterPlayground, c: Extract<Check, { kind: 'served' }>): CheckResult {
  const pod = firstServingPod(pg.snapshot(), c.pod.selector, c.pod.namespace ?? 'default');
  if (!pod.ok) return result(false, pod.error);
  const container = c.pod.container ?? pod.value.containers[0]?.name ?? '';
  const lines = pg.containerLog(`${pod.value.namespace}/${pod.value.name}`, container) ?? [];
  const want = new RegExp(c.request);
  const seen = lines.map((l) => LOG_LINE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  const hit = seen.find((m) => want.test(m[1]!) && (c.status === undefined || Number(m[2]) === c.status));
  const what = `${c.request.replace(/[\\^$]/g, '')}${c.status === undefined ? '' : ` → ${c.status}`}`;
  if (hit) return result(true, `${pod.value.name} served ${hit[1]} → ${hit[2]}`);
  const last = seen[seen.length - 1];
  return result(false, `${pod.value.name} has not served ${what} yet${last ? ` (its last request: ${last[1]} → ${last[2]})` : ''}`);
}

/** Evaluate one check on the live cluster, leaving it as it was. */
export function evaluateCheck(pg: ClusterPlayground, check: Check): CheckResult {
  switch (check.kind) {
    case 'endpoints':
      return endpoints(pg, check);
    case 'pods-ready':
      return podsReady(pg, check);
    case 'service-type': {
      const svc = serviceNamed(pg.snapshot(), check.service);
      if (!svc.ok) return result(false, svc.error);
      return result(svc.value.type === check.type, `${svc.value.name} is of type ${svc.value.type}`);
    }
    case 'external-ip-assigned': {
      const svc = serviceNamed(pg.snapshot(), check.service);
      if (!svc.ok) return result(false, svc.error);
      const ip = svc.value.loadBalancerIP;
      return result(ip !== undefined, ip ? `${svc.value.name} has the external IP ${ip}` : `${svc.value.name}'s EXTERNAL-IP is ${externalIPText(svc.value)}`);
    }
    case 'object-exists': {
      const { kind, namespace, name } = check.object;
      const exists = pg.getObject(check.object) !== undefined;
      return result(exists === (check.exists ?? true), `${kind} ${namespace ? `${namespace}/` : ''}${name} ${exists ? 'exists' : 'does not exist'}`);
    }
    case 'field-equals':
      return fieldEquals(pg, check);
    case 'response':
      return response(pg, check);
    case 'env-var-in-pods':
      return envVar(pg, check);
    case 'dns-resolves':
      return dns(pg, check);
    case 'command-output':
      return commandOutput(pg, check);
    case 'served':
      return served(pg, check);
    case 'all': {
      const results = check.checks.map((c) => evaluateCheck(pg, c));
      return result(results.every((r) => r.met), results.map((r) => r.detail).join('; '));
    }
    default: {
      const never: never = check;
      return never;
    }
  }
}

