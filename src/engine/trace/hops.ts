/** Recording a trace: hops in order, each with the packet as it leaves the hop. */
import type { Hop, Packet, Trace } from '../types';

export class HopRecorder {
  readonly hops: Hop[] = [];

  add(hop: Omit<Hop, 'seq' | 'refs'> & { refs?: string[] }): Hop {
    const h: Hop = { seq: this.hops.length + 1, refs: [], ...hop, packet: clonePacket(hop.packet) };
    if (hop.before) h.before = clonePacket(hop.before);
    this.hops.push(h);
    return h;
  }
}

export function clonePacket(p: Packet): Packet {
  return { ...p, http: p.http ? { ...p.http, headers: { ...p.http.headers } } : undefined };
}

export function withAddrs(p: Packet, src: string, dst: string): Packet {
  return { ...clonePacket(p), src, dst };
}

/** The reply to `p`: addresses swapped. */
export function reversed(p: Packet, status?: number, headers: Record<string, string> = {}): Packet {
  return {
    src: p.dst,
    dst: p.src,
    proto: p.proto,
    direction: 'response',
    http: p.http ? { method: p.http.method, host: p.http.host, path: p.http.path, headers, status } : undefined,
  };
}

export type { Trace };
