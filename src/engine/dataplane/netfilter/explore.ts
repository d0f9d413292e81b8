/**
 * Enumerate every outcome of a computation that makes random yes/no choices with known
 * probabilities (the `statistic` matches of kube-proxy's KUBE-SVC chains), depth first, "yes"
 * before "no", so outcomes come in rule order. Each outcome carries the probability of the
 * choices that led to it. kube-proxy's test tracer gets the same list by following every
 * probabilistic jump (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go, runChain);
 * replaying choices instead keeps marks, DNAT and recent state exact on every branch.
 */

export interface Outcome<T> {
  value: T;
  probability: number;
}

export interface Exploration<T> {
  outcomes: Outcome<T>[];
  /** True when maxPaths stopped the enumeration early. */
  truncated: boolean;
}

export function explore<T>(run: (chance: (probability: number) => boolean) => T, maxPaths: number): Exploration<T> {
  const outcomes: Outcome<T>[] = [];
  const pending: boolean[][] = [[]];
  while (pending.length > 0 && outcomes.length < maxPaths) {
    const prefix = pending.pop()!;
    const taken: boolean[] = [];
    let probability = 1;
    const chance = (p: number): boolean => {
      const i = taken.length;
      let choice: boolean;
      if (i < prefix.length) {
        choice = prefix[i]!;
      } else {
        choice = p > 0;
        const other = !choice;
        if (other ? p > 0 : p < 1) pending.push([...taken, other]);
      }
      probability *= choice ? p : 1 - p;
      taken.push(choice);
      return choice;
    };
    outcomes.push({ value: run(chance), probability });
  }
  return { outcomes, truncated: pending.length > 0 };
}
