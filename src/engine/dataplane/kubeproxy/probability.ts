/**
 * The `--probability` kube-proxy writes for the i-th of n endpoints: 1/(n-i), printed with Go's
 * `fmt.Sprintf("%0.10f", ...)` (computeProbability in pkg/proxy/iptables/proxier.go). Go rounds
 * the exact binary value half-to-even; JavaScript's toFixed rounds ties up, which differs for
 * 1/2048 (0.00048828125 exactly). So the digits are computed exactly here.
 */

const cache = new Map<number, string>();

function fixed10(x: number): string {
  // x is m / 2^k exactly, for integers m and k (doubling a double is exact).
  let v = x;
  let k = 0;
  while (!Number.isInteger(v)) {
    v *= 2;
    k++;
  }
  const denominator = 1n << BigInt(k);
  const scaled = BigInt(v) * 10_000_000_000n;
  let q = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(11, '0');
  return `${digits.slice(0, -10)}.${digits.slice(-10)}`;
}

/** "0.3333333333" for n = 3. */
export function probability(n: number): string {
  let p = cache.get(n);
  if (p === undefined) {
    p = fixed10(1 / n);
    cache.set(n, p);
  }
  return p;
}
