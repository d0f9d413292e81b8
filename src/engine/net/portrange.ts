/** Port ranges written as "30000-32767" (kube-apiserver's --service-node-port-range). */

export interface PortRange {
  base: number;
  size: number;
}

export function parsePortRange(text: string): PortRange | undefined {
  const m = /^(\d{1,5})-(\d{1,5})$/.exec(text.trim());
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  if (lo < 1 || hi > 65535 || hi < lo) return undefined;
  return { base: lo, size: hi - lo + 1 };
}

export function formatPortRange(r: PortRange): string {
  return `${r.base}-${r.base + r.size - 1}`;
}

export function inPortRange(r: PortRange, port: number): boolean {
  return port >= r.base && port < r.base + r.size;
}
