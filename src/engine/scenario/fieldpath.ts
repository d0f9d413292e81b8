/**
 * The small JSONPath-like paths `field-equals` checks use on a stored object:
 * `spec.type`, `spec.ports[0].nodePort`, `spec.ports[name=https].nodePort` (the first list
 * item whose field has that value), `metadata.labels['app.kubernetes.io/name']`.
 */

export type PathSegment = { key: string } | { index: number } | { where: string; equals: string };

/** The segments of a path, or undefined when it cannot be read. */
export function parseFieldPath(path: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let rest = path.trim();
  while (rest.length > 0) {
    if (rest.startsWith('.')) rest = rest.slice(1);
    const bracket = /^\[(?:(\d+)|'([^']*)'|"([^"]*)"|([\w.-]+)=([^\]]*))\]/.exec(rest);
    if (bracket) {
      if (bracket[1] !== undefined) out.push({ index: Number(bracket[1]) });
      else if (bracket[2] !== undefined || bracket[3] !== undefined) out.push({ key: bracket[2] ?? bracket[3] ?? '' });
      else out.push({ where: bracket[4] ?? '', equals: (bracket[5] ?? '').replace(/^["']|["']$/g, '') });
      rest = rest.slice(bracket[0].length);
      continue;
    }
    const key = /^[^.[\]]+/.exec(rest);
    if (!key) return undefined;
    out.push({ key: key[0] });
    rest = rest.slice(key[0].length);
  }
  return out.length > 0 ? out : undefined;
}

/** The value at the path, or undefined when any step finds nothing. */
export function readFieldPath(value: unknown, segments: readonly PathSegment[]): unknown {
  let cur: unknown = value;
  for (const s of segments) {
    if (cur === null || cur === undefined) return undefined;
    if ('index' in s) cur = Array.isArray(cur) ? cur[s.index] : undefined;
    else if ('where' in s) cur = Array.isArray(cur) ? cur.find((item) => item !== null && typeof item === 'object' && String((item as Record<string, unknown>)[s.where]) === s.equals) : undefined;
    else cur = typeof cur === 'object' ? (cur as Record<string, unknown>)[s.key] : undefined;
  }
  return cur;
}

/** A field's value as text: scalars as written, objects and lists as JSON. */
export function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
