/**
 * Source positions: turning yaml node offsets into 1-based line/column ranges, and finding
 * the node for an API-server field path ("spec.ports[0].nodePort") inside a parsed YAML document (lazily).
 * Nothing here runs unless a position is asked for (error paths and `locate`).
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, Range } from 'yaml';

/** 1-based; `endColumn` is exclusive (the column just after the last character), as Monaco's markers use it. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * Line starts of a text, built on first use (positions are needed only for diagnostics and
 * `locate`). Our own rather than yaml's LineCounter: the lexer does not report the line
 * breaks inside tokens it gives up on, which shifts every later line number after an error.
 * Lines end at "\n" only (a "\r\n" line keeps its "\r" as its last column).
 */
export class LineIndex {
  readonly text: string;
  #starts: number[] | undefined;

  constructor(text: string) {
    this.text = text;
  }

  /** 1-based line and column (UTF-16 units) of a 0-based offset. */
  pos(offset: number): { line: number; col: number } {
    const starts = (this.#starts ??= lineStarts(this.text));
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - starts[lo]! + 1 };
  }

  /**
   * Offsets (0-based, end exclusive) → 1-based range. Trailing blanks and line breaks are left
   * out (a block node's range runs to the start of the next line).
   */
  range(start: number, end: number, trim = true): SourceRange {
    const text = this.text;
    if (trim) while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    const s = this.pos(start);
    const e = end > start ? this.pos(end) : s;
    return { line: s.line, column: s.col, endLine: e.line, endColumn: e.col };
  }

  /** The range of a node's value (range[0]..range[1]), or `fallback` when it has none. */
  node(range: Range | null | undefined, fallback: SourceRange): SourceRange {
    return range ? this.range(range[0], range[1]) : fallback;
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

export type PathSegment = string | number;

/**
 * Split an API-server field path into segments. Handles `a.b`, `a[0]` (index), `a[key.with.dots]`
 * and `a['key']` (map keys, as `field.Path.Key()` renders them). A bracket with digits is a
 * number; `locate` still matches it as a key when the node is a mapping.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let buf = '';
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (buf) out.push(buf);
      buf = '';
      i++;
    } else if (ch === '[') {
      if (buf) out.push(buf);
      buf = '';
      const close = path.indexOf(']', i + 1);
      const end = close < 0 ? path.length : close;
      let inner = path.slice(i + 1, end);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else {
        if (inner.length >= 2 && (inner[0] === "'" || inner[0] === '"') && inner[inner.length - 1] === inner[0]) {
          inner = inner.slice(1, -1);
        }
        out.push(inner);
      }
      i = end + 1;
    } else {
      buf += ch;
      i++;
    }
  }
  if (buf) out.push(buf);
  return out;
}

export function deref(doc: Document, node: unknown): unknown {
  if (isAlias(node)) {
    try {
      return node.resolve(doc);
    } catch {
      return undefined;
    }
  }
  return node;
}

export function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

export function findPair(map: { items: Pair<unknown, unknown>[] }, key: string): Pair<unknown, unknown> | undefined {
  for (const pair of map.items) if (keyText(pair.key) === key) return pair;
  return undefined;
}

function hasText(node: unknown): node is Node & { range: Range } {
  return isNode(node) && !!node.range && node.range[1] > node.range[0];
}

/**
 * The range that stands for a mapping entry: the value when it is a scalar (or alias) with
 * text, else the key (a collection value would cover the whole block; an empty value has none).
 */
function pairRange(pair: Pair<unknown, unknown>): Range | undefined {
  const v = pair.value;
  if (hasText(v) && (isScalar(v) || isAlias(v))) return v.range;
  if (hasText(pair.key)) return pair.key.range;
  if (hasText(v)) return v.range;
  return undefined;
}

/**
 * Offsets of the deepest node on `path` below `root` that exists. Returns undefined when not
 * even the first segment exists (the caller falls back to the root's range).
 */
export function locateOffsets(doc: Document, root: unknown, path: string): Range | undefined {
  let node = deref(doc, root);
  let found: Range | undefined;
  for (const seg of parsePath(path)) {
    if (isMap(node)) {
      const pair = findPair(node, String(seg));
      if (!pair) break;
      found = pairRange(pair) ?? found;
      node = deref(doc, pair.value);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      if (hasText(item)) found = item.range;
      node = deref(doc, item);
    } else break;
  }
  return found;
}

/** Range of the first key of a mapping (where "this document" starts), else of the node itself. */
export function headOffsets(root: unknown): Range | undefined {
  if (isMap(root)) {
    const first = root.items[0];
    if (isPair(first) && hasText(first.key)) return first.key.range;
  }
  return isNode(root) && root.range ? root.range : undefined;
}
