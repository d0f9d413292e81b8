/** Every benchmark case, grouped; `npm run bench -- <filter>` runs the groups whose name contains the filter. */
import { formatMs, runCase, type BenchCase, type BenchResult } from './harness';
import { clusterCases } from './cluster.bench';
import { dataplaneCases } from './dataplane.bench';
import { ingressCases } from './ingress.bench';
import { parseCases } from './parse.bench';
import { linkCases } from './links.bench';

const ALL: BenchCase[] = [...clusterCases, ...dataplaneCases, ...ingressCases, ...parseCases, ...linkCases];

export async function runAll(filter?: string): Promise<BenchResult[]> {
  const cases = ALL.filter((c) => !filter || c.group.includes(filter) || c.name.includes(filter));
  const results: BenchResult[] = [];
  let group = '';
  for (const c of cases) {
    if (c.group !== group) {
      group = c.group;
      console.log(`\n${group}`);
    }
    const r = runCase(c);
    results.push(r);
    const info = Object.entries(r.info).map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`  ${r.name.padEnd(46)} median ${formatMs(r.medianMs).padStart(10)}  p95 ${formatMs(r.p95Ms).padStart(10)}  n=${String(r.iterations).padStart(4)}  ${info}`);
  }
  return results;
}
