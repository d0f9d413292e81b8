/**
 * Connection tracking, per node: the first packet of a connection that was NATed leaves an
 * entry (original tuple, reply tuple); replies are rewritten back by it, which is how the
 * client sees the ClusterIP or NodePort answer although a pod replied. Entries are shown as
 * `conntrack -L` prints them. This state belongs to the data plane, not the cluster: it is
 * explicit and resettable.
 */

export interface Tuple {
  src: string;
  dst: string;
  sport: number;
  dport: number;
}

export interface ConntrackEntry {
  node: string;
  proto: 'TCP' | 'UDP';
  original: Tuple;
  /** What the reply looks like: src is the real server, dst the (masqueraded) client. */
  reply: Tuple;
  dnat: boolean;
  snat: boolean;
  time: number;
}

/** The kernel's default established TCP timeout (nf_conntrack_tcp_timeout_established, set by kube-proxy to 86400). */
const TCP_ESTABLISHED = 86400;
const UDP_STREAM = 120;

export function formatEntry(e: ConntrackEntry, now: number): string {
  const o = e.original;
  const r = e.reply;
  const ttl = Math.max(0, (e.proto === 'TCP' ? TCP_ESTABLISHED : UDP_STREAM) - (now - e.time));
  const head = e.proto === 'TCP' ? `tcp      6 ${ttl} ESTABLISHED` : `udp      17 ${ttl}`;
  return `${head} src=${o.src} dst=${o.dst} sport=${o.sport} dport=${o.dport} src=${r.src} dst=${r.dst} sport=${r.sport} dport=${r.dport} [ASSURED] mark=0 use=1`;
}

export class ConntrackTable {
  private readonly entries: ConntrackEntry[] = [];

  add(entry: ConntrackEntry): void {
    this.entries.push(entry);
    // Keep the newest few thousand: enough to inspect, bounded for long sessions.
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
  }

  /** The entry whose reply tuple matches a packet coming back. */
  lookupReply(node: string, proto: string, t: Tuple): ConntrackEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.node === node && e.proto === proto && e.reply.src === t.src && e.reply.dst === t.dst && e.reply.sport === t.sport && e.reply.dport === t.dport) return e;
    }
    return undefined;
  }

  list(node?: string): ConntrackEntry[] {
    return this.entries.filter((e) => node === undefined || e.node === node);
  }

  reset(node?: string): void {
    if (node === undefined) this.entries.length = 0;
    else for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.node === node) this.entries.splice(i, 1);
  }
}
