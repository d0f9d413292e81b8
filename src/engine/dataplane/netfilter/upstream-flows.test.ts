/**
 * kube-proxy's own packet-flow tables (kubernetes/kubernetes pkg/proxy/iptables/proxier_test.go),
 * run through tracePacket: each case's output (endpoints, or ACCEPT/DROP/REJECT, or "") and
 * masquerade flag must match upstream's.
 */
import { describe, expect, it } from 'vitest';
import { LOCAL_ADDRESSES, type FlowTable } from './fixtures/cases';
import { compareFlow } from './fixtures/check';
import { BASIC_FLOWS } from './fixtures/flows-basic';
import { ETP_FLOWS } from './fixtures/flows-etp';
import { ITP_FLOWS } from './fixtures/flows-itp';
import { MASQUERADE_A_FLOWS } from './fixtures/flows-masquerade-a';
import { MASQUERADE_B_FLOWS } from './fixtures/flows-masquerade-b';
import { NODEPORTS_FLOWS } from './fixtures/flows-nodeports';
import { TERMINATING_CLUSTER_FLOWS } from './fixtures/flows-terminating-cluster';
import { TERMINATING_LOCAL_FLOWS } from './fixtures/flows-terminating-local';
import { TRACE_PACKET_CASES, TRACE_PACKET_DUMP } from './fixtures/upstream-trace';
import { parseIptablesSave } from './parse';
import { tracePacket } from './trace';

const TABLES: FlowTable[] = [
  { test: 'TestTracePacket', dump: TRACE_PACKET_DUMP, cases: TRACE_PACKET_CASES },
  ...BASIC_FLOWS,
  ...NODEPORTS_FLOWS,
  ...ETP_FLOWS,
  ...ITP_FLOWS,
  ...TERMINATING_LOCAL_FLOWS,
  ...TERMINATING_CLUSTER_FLOWS,
  ...MASQUERADE_A_FLOWS,
  ...MASQUERADE_B_FLOWS,
];

describe('kube-proxy packet-flow tables', () => {
  for (const table of TABLES) {
    describe(table.test, () => {
      const parsed = parseIptablesSave(table.dump);
      it('parses without errors', () => {
        expect(parsed.errors).toEqual([]);
      });
      for (const c of table.cases) {
        it(c.name, () => {
          const t = tracePacket(parsed.tables, { src: c.sourceIP, dst: c.destIP, dport: c.destPort, proto: c.protocol ?? 'TCP' }, LOCAL_ADDRESSES);
          expect(compareFlow(c, t)).toBe('');
        });
      }
    });
  }
});
