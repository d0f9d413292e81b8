/**
 * The request slice of the workspace store: the request being written in the console, the
 * trace it produced and where playback is in it, and the last batch of many requests.
 * Sending never changes the cluster (only conntrack and affinity state, as on a real node).
 */
import type { RequestSpec, Trace } from '../../src/engine';
import { timeline, type HopCategory, type Step } from '../playback/timeline';
import { sendMany, type BatchResult } from '../playback/batch';
import type { WorkspaceState } from './workspace';

/** Where a request starts: a pod's container, a node itself, or a client outside the cluster. */
export type OriginChoice = { kind: 'pod'; pod: string /* "ns/name" */; container?: string } | { kind: 'node'; node: string } | { kind: 'external'; ip: string };

export const DEFAULT_CLIENT_IP = '198.51.100.79';

export interface RequestDraft {
  from: OriginChoice;
  method: string;
  url: string;
  /** One "Name: value" per line. */
  headers: string;
  body: string;
  /** curl -k for https. */
  insecure: boolean;
}

export interface SentTrace {
  /** Bumps per send, so views know a new trace replaced the old. */
  id: number;
  spec: RequestSpec;
  trace: Trace;
  steps: Step[];
  /** The cluster revision it was sent against: a later revision makes it stale. */
  revision: number;
}

export interface SentBatch {
  spec: RequestSpec;
  result: BatchResult;
  revision: number;
}

/** Playback speeds offered, as multiples of the normal pace. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export interface RequestSlice {
  draft: RequestDraft;
  sent: SentTrace | null;
  /** Index of the current step in `sent.steps`; -1 before the first. */
  step: number;
  playing: boolean;
  speed: number;
  /** Categories shown in the hop list; empty = all. */
  hopFilter: HopCategory[];
  batch: SentBatch | null;
  /** A second trace of the same request from another origin, side by side. */
  compare: SentTrace | null;
  setDraft(patch: Partial<RequestDraft>): void;
  /** Send the draft once and start playing its trace from the beginning. */
  send(): void;
  /** Send the draft `n` times and keep where each went. */
  sendMany(n: number): void;
  /** Send the draft from `from` too and keep both traces. */
  sendCompare(from: OriginChoice): void;
  setStep(step: number): void;
  stepForward(): void;
  stepBack(): void;
  restart(): void;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  toggleHopFilter(category: HopCategory): void;
  clearTrace(): void;
}

export function originOf(choice: OriginChoice): RequestSpec['from'] {
  switch (choice.kind) {
    case 'pod':
      return choice.container ? { pod: choice.pod, container: choice.container } : { pod: choice.pod };
    case 'node':
      return { node: choice.node };
    case 'external':
      return { external: choice.ip };
  }
}

/** "Name: value" lines → headers; lines without a colon are ignored. */
export function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    if (name) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

export function specOf(draft: RequestDraft, from: OriginChoice = draft.from): RequestSpec {
  const headers = parseHeaders(draft.headers);
  return {
    from: originOf(from),
    url: draft.url.trim(),
    method: draft.method,
    ...(Object.keys(headers).length > 0 && { headers }),
    ...(draft.body !== '' && { body: draft.body }),
    ...(draft.insecure && { tls: { insecure: true } }),
  };
}

/** The console's choice for an engine origin. */
export function choiceOf(from: RequestSpec['from']): OriginChoice {
  if ('pod' in from) return { kind: 'pod', pod: from.pod, ...(from.container && { container: from.container }) };
  if ('node' in from) return { kind: 'node', node: from.node };
  return { kind: 'external', ip: from.external ?? DEFAULT_CLIENT_IP };
}

/** A request back as the console's draft (Replay, a link's prepared request): the inverse of `specOf`. */
export function draftOfSpec(spec: RequestSpec): RequestDraft {
  return {
    from: choiceOf(spec.from),
    method: spec.method ?? 'GET',
    url: spec.url,
    headers: Object.entries(spec.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
    body: spec.body ?? '',
    insecure: spec.tls?.insecure === true,
  };
}

/** "default/client (curl)", "node-1", "client 198.51.100.79": an origin in a sentence. */
export function originLabel(from: { pod: string; container?: string } | { node: string } | { external?: string }): string {
  if ('pod' in from) return `${from.pod}${from.container ? ` (${from.container})` : ''}`;
  if ('node' in from) return from.node;
  return `client ${from.external ?? DEFAULT_CLIENT_IP}`;
}

export const INITIAL_DRAFT: RequestDraft = {
  from: { kind: 'external', ip: DEFAULT_CLIENT_IP },
  method: 'GET',
  url: '',
  headers: '',
  body: '',
  insecure: true,
};

type Set = (partial: Partial<WorkspaceState> | ((s: WorkspaceState) => Partial<WorkspaceState>)) => void;
type Get = () => WorkspaceState;

export function requestSlice(set: Set, get: Get): RequestSlice {
  let nextId = 1;
  const trace = (spec: RequestSpec): SentTrace | null => {
    const { playground: pg, revision } = get();
    if (!pg || !spec.url) return null;
    const t = pg.request(spec);
    return { id: nextId++, spec, trace: t, steps: timeline(t), revision };
  };
  return {
    draft: INITIAL_DRAFT,
    sent: null,
    step: -1,
    playing: false,
    speed: 1,
    hopFilter: [],
    batch: null,
    compare: null,
    setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
    send: () => {
      const sent = trace(specOf(get().draft));
      if (sent) set({ sent, step: -1, playing: true, compare: null });
    },
    sendMany: (n) => {
      const { playground: pg, draft, revision } = get();
      const spec = specOf(draft);
      if (!pg || !spec.url) return;
      set({ batch: { spec, result: sendMany(pg, spec, Math.max(1, Math.min(1000, Math.floor(n)))), revision } });
    },
    sendCompare: (from) => {
      const compare = trace(specOf(get().draft, from));
      const sent = get().sent ?? trace(specOf(get().draft));
      if (compare && sent) set({ sent, compare });
    },
    setStep: (step) => {
      const last = (get().sent?.steps.length ?? 0) - 1;
      set({ step: Math.max(-1, Math.min(last, step)), playing: false });
    },
    stepForward: () => {
      const { sent, step } = get();
      const last = (sent?.steps.length ?? 0) - 1;
      set({ step: Math.min(last, step + 1), playing: false });
    },
    stepBack: () => set((s) => ({ step: Math.max(-1, s.step - 1), playing: false })),
    restart: () => set((s) => ({ step: -1, playing: s.sent !== null })),
    play: () =>
      set((s) => {
        if (!s.sent) return {};
        const atEnd = s.step >= s.sent.steps.length - 1;
        return { playing: true, ...(atEnd && { step: -1 }) };
      }),
    pause: () => set({ playing: false }),
    setSpeed: (speed) => set({ speed }),
    toggleHopFilter: (category) =>
      set((s) => ({ hopFilter: s.hopFilter.includes(category) ? s.hopFilter.filter((c) => c !== category) : [...s.hopFilter, category] })),
    clearTrace: () => set({ sent: null, step: -1, playing: false, compare: null }),
  };
}
