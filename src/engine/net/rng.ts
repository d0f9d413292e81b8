/**
 * A small seeded generator (mulberry32). The whole engine draws randomness from here, so the
 * same seed and inputs always give the same names, IPs and picks. Its state is one number,
 * which the immutable cluster state stores between transactions.
 */
export class SeededRng {
  private s: number;

  constructor(state: number) {
    this.s = state >>> 0;
  }

  /** The state to store; `new SeededRng(state)` continues the same sequence. */
  get state(): number {
    return this.s;
  }

  /** Next unsigned 32-bit value. */
  nextUint32(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)];
  }
}

/** Mix a user seed into a well-spread initial state. */
export function seedState(seed: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Kubernetes' random-name alphabet (apimachinery util/rand): no vowels and no confusable
 * characters, so generated names never spell words.
 */
export const K8S_ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** A generateName suffix, like utilrand.String(n). */
export function randomSuffix(rng: SeededRng, n = 5): string {
  let s = '';
  for (let i = 0; i < n; i++) s += K8S_ALPHANUMS[rng.int(K8S_ALPHANUMS.length)];
  return s;
}

/** utilrand.SafeEncodeString: map each byte onto the alphabet (used for pod-template-hash). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += K8S_ALPHANUMS[s.charCodeAt(i) % K8S_ALPHANUMS.length];
  return out;
}
