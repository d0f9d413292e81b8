/**
 * Predict-then-see: the engine measures what the question asks by actually doing it (the
 * request is sent on a fork, so the live cluster is left as it was) and marks the choices
 * that accept what it saw. No lesson writes the right answer down.
 */
import type { ClusterPlayground } from '../playground';
import type { Trace } from '../types';
import type { Prediction } from './lesson';
import { dnsAddresses, externalIPText, firstServingPod, readyEndpoints, serviceNamed } from './lookup';
import { sendLessonRequest } from './request';
import { resolveValue } from './values';
import { bodyOf, clientAddressOf, statusOf, upstreamPathOf } from './measures';

export interface PredictionChoiceResult {
  label: string;
  /** The choice's value as worked out on this cluster (the observed one when it is correct). */
  value: string;
  correct: boolean;
}

export interface PredictionResult {
  /** What the engine observed ("10.244.1.3", "200", "timeout", "2", "<pending>"). */
  actual: string;
  choices: PredictionChoiceResult[];
  /** Set when nothing could be measured yet (the client pod is missing, ...); no choice is correct then. */
  error?: string;
}

type Measured = { actual: string; trace?: Trace } | { error: string };

function measure(pg: ClusterPlayground, p: Prediction): Measured {
  switch (p.measure) {
    case 'client_address':
    case 'status':
    case 'body':
    case 'upstream-path': {
      const sent = sendLessonRequest(pg, p.request);
      if ('error' in sent) return { error: sent.error };
      const t = sent.trace;
      const status = statusOf(t);
      const value =
        p.measure === 'client_address' ? clientAddressOf(t) : p.measure === 'status' ? status : p.measure === 'body' ? bodyOf(t) : t.outcome.kind === 'response' ? upstreamPathOf(t) : undefined;
      return { actual: value ?? status, trace: t };
    }
    case 'endpoint-count': {
      const snap = pg.snapshot();
      const svc = serviceNamed(snap, p.service);
      if (!svc.ok) return { error: svc.error };
      return { actual: String(readyEndpoints(snap, svc.value.namespace, svc.value.name).length) };
    }
    case 'external-ip': {
      const svc = serviceNamed(pg.snapshot(), p.service);
      if (!svc.ok) return { error: svc.error };
      return { actual: externalIPText(svc.value) };
    }
    case 'dns-answer': {
      const pod = firstServingPod(pg.snapshot(), p.from.selector, p.from.namespace ?? 'default');
      if (!pod.ok) return { error: pod.error };
      const r = pg.resolve({ from: `${pod.value.namespace}/${pod.value.name}`, name: p.name });
      const a = dnsAddresses(r.answers)[0];
      return { actual: r.rcode === 'NOERROR' && a ? a : r.rcode };
    }
    default: {
      const never: never = p;
      return never;
    }
  }
}

/** Measure what the prediction asks about on the cluster as it is now, and mark the choices. */
export function evaluatePrediction(pg: ClusterPlayground, p: Prediction): PredictionResult {
  const m = measure(pg, p);
  if ('error' in m) {
    return { actual: '', error: m.error, choices: p.choices.map((c) => ({ label: c.label, value: typeof c.value === 'string' ? c.value : '', correct: false })) };
  }
  const choices = p.choices.map((c) => {
    const v = resolveValue(pg, c.value, m.trace);
    if (!v.ok) return { label: c.label, value: v.error, correct: false };
    const correct = v.value.accepts(m.actual);
    return { label: c.label, value: correct ? m.actual : v.value.display, correct };
  });
  return { actual: m.actual, choices };
}
