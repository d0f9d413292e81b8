/**
 * YAML text → Kubernetes objects with source positions.
 *
 * The text is read the way `parseAllDocuments(src, { lineCounter, uniqueKeys: true,
 * maxAliasCount: 100 })` reads it, with the same Parser and Composer, but streamed so that a
 * text with too many documents stops early and a parser crash (stack overflow on absurd
 * nesting) keeps the documents before it. Duplicate keys are checked by ./duplicates.ts
 * (linear) instead of the package's quadratic `uniqueKeys`. Per document the hot path is
 * `toJS()` plus a few field checks; positions are computed only for diagnostics and when
 * `locate` is called.
 */
import { Composer, Parser, isMap, isNode, isScalar, isSeq } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../types';
import { diagnostic } from '../diagnostics';
import type { KubeObject } from '../api/objects';
import { checkObject, checkTypeMeta, isPlainObject, listInfo, wrongApiVersionHint } from './checks';
import type { CheckContext, ListInfo } from './checks';
import { findDuplicateKeys } from './duplicates';
import type { DuplicateKey } from './duplicates';
import { LineIndex, deref, findPair, headOffsets, keyText, locateOffsets } from './locate';
import type { SourceRange } from './locate';

export type { SourceRange } from './locate';

export interface ParsedDocument {
  /** 0-based index of the YAML document in the text (empty documents count). */
  document: number;
  /** Index inside a `kind: List` document's items. */
  listItem?: number;
  /** Plain JS object; kind is a supported kind, apiVersion right, metadata.name a string. */
  object: KubeObject;
  /** The whole document (or the List item). */
  range: SourceRange;
  /**
   * Source range of a field path like "spec.ports[0].nodePort": the value when it is a scalar,
   * the key when it is a mapping or sequence; falls back to the nearest existing parent, then
   * to `range`. Lazy: costs nothing until called.
   */
  locate(path: string): SourceRange;
}

export interface ParseResult {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Default 2 MiB (UTF-8 bytes). */
  maxBytes?: number;
  /** Default 20000; empty documents count. */
  maxDocuments?: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_DOCUMENTS = 20000;
export const MAX_ALIAS_COUNT = 100;
/** yaml reports follow-on errors after the first; a few are useful, hundreds are noise. */
const MAX_ERRORS_PER_DOCUMENT = 5;
const MAX_MESSAGE = 300;
const TOO_DEEP = 'the document nests too deeply to read (the YAML reader ran out of stack)';

const COMPOSE_OPTIONS = { uniqueKeys: false, merge: true, logLevel: 'error', keepSourceTokens: false } as const;

class Parsed implements ParsedDocument {
  readonly document: number;
  readonly listItem?: number;
  readonly object: KubeObject;
  readonly range: SourceRange;
  readonly #doc: Document;
  readonly #root: unknown;
  readonly #lines: LineIndex;

  constructor(document: number, listItem: number | undefined, object: KubeObject, range: SourceRange, doc: Document, root: unknown, lines: LineIndex) {
    this.document = document;
    if (listItem !== undefined) this.listItem = listItem;
    this.object = object;
    this.range = range;
    this.#doc = doc;
    this.#root = root;
    this.#lines = lines;
  }

  locate(path: string): SourceRange {
    const r = locateOffsets(this.#doc, this.#root, path);
    return r ? this.#lines.range(r[0], r[1]) : this.range;
  }
}

const START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The text and its (lazy) line table, passed to everything that turns offsets into positions. */
type Source = LineIndex;

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0]!.trim();
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE)}…` : line;
}

/** Whether the UTF-8 encoding of `s` is longer than `limit` bytes; cheap when s.length already tells. */
function overLimit(s: string, limit: number): boolean {
  if (s.length > limit) return true;
  if (s.length * 3 <= limit) return false;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
    if (n > limit) return true;
  }
  return false;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(2)} MiB` : `${bytes} bytes`;
}

export function parseManifests(text: string, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDocuments = options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS;
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];

  if (overLimit(text, maxBytes)) {
    diagnostics.push(
      diagnostic('input-too-large', `the text is larger than ${sizeText(maxBytes)}, the most kubepath accepts`, 0, {
        ...START,
        hint: 'split the manifests and apply them in parts',
      }),
    );
    return { documents, diagnostics };
  }

  const src: Source = new LineIndex(text);
  const composer = new Composer(COMPOSE_OPTIONS);
  const docs: Document.Parsed[] = [];
  let crash: { index: number; offset: number; error: unknown } | undefined;
  try {
    for (const doc of composer.compose(new Parser().parse(text), true, text.length)) {
      docs.push(doc);
      if (docs.length > maxDocuments) break;
    }
  } catch (error) {
    // The parser or composer recursed too deep (or failed otherwise). The composer still holds
    // the last complete document; keep it, report the one being read, and stop there.
    try {
      for (const doc of composer.end(false)) docs.push(doc);
    } catch {
      /* nothing more to recover */
    }
    const last = docs[docs.length - 1];
    crash = { index: docs.length, offset: Math.min(last ? last.range[2] : 0, text.length), error };
  }

  if (docs.length > maxDocuments) {
    const over = docs[maxDocuments]!;
    const head = headOffsets(over.contents) ?? over.range;
    diagnostics.push(
      diagnostic('too-many-documents', `the text has more than ${maxDocuments} YAML documents; kubepath accepts at most ${maxDocuments}`, maxDocuments, {
        ...src.range(head[0], head[1]),
        hint: 'split the manifests and apply them in parts',
      }),
    );
    return { documents, diagnostics };
  }

  for (let i = 0; i < docs.length; i++) readDocument(docs[i]!, i, src, documents, diagnostics);

  if (crash) {
    const e = crash.error;
    const message =
      e instanceof RangeError
        ? 'the document nests too deeply to read (the YAML reader ran out of stack); it and any documents after it were not read'
        : `the YAML parser failed: ${firstLine(e instanceof Error ? e.message : String(e))}; this document and any after it were not read`;
    diagnostics.push(diagnostic('yaml-syntax', message, crash.index, src.range(crash.offset, crash.offset)));
  }
  return { documents, diagnostics };
}

function yamlError(e: YAMLError, document: number, src: Source): Diagnostic {
  const code = e.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
  const start = Math.min(Math.max(0, e.pos[0]), src.text.length);
  const end = Math.min(Math.max(start, e.pos[1]), src.text.length);
  const message = /call stack/i.test(e.message) ? TOO_DEEP : firstLine(e.message);
  return diagnostic(code, message, document, src.range(start, end, false));
}

function contextFor(document: number, doc: Document, root: unknown, src: Source, listItem?: number): CheckContext {
  const fallback = (): SourceRange => {
    const h = headOffsets(root);
    return h ? src.range(h[0], h[1]) : START;
  };
  return {
    document,
    ...(listItem !== undefined ? { pathPrefix: `items[${listItem}].` } : {}),
    at(path: string): SourceRange {
      const r = locateOffsets(doc, root, path);
      return r ? src.range(r[0], r[1]) : fallback();
    },
  };
}

function notObject(what: string, value: unknown): string {
  const type = Array.isArray(value) ? 'a sequence' : value === null ? 'null' : `a ${typeof value === 'string' ? 'string' : 'scalar'}`;
  return `${what} must be a mapping of fields (apiVersion, kind, metadata, ...), not ${type}`;
}

function readDocument(doc: Document, index: number, src: Source, documents: ParsedDocument[], out: Diagnostic[]): void {
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    for (const e of doc.errors) {
      const d = yamlError(e, index, src);
      if (seen.has(d.message)) continue; // a stack overflow is reported once per level it unwinds
      seen.add(d.message);
      out.push(d);
      if (seen.size >= MAX_ERRORS_PER_DOCUMENT) break;
    }
    return;
  }
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return; // empty document
  const ctx = contextFor(index, doc, root, src);
  if (!isMap(root)) {
    out.push(diagnostic('document-not-object', notObject('a document', isSeq(root) ? [] : 'x'), index, src.node(root.range, START)));
    return;
  }
  let dups: DuplicateKey[];
  let value: unknown;
  try {
    dups = findDuplicateKeys(root);
    value = dups.length > 0 ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = e instanceof ReferenceError && /alias/i.test(e.message);
    const message = alias
      ? `the document expands more than ${MAX_ALIAS_COUNT} aliases (a "billion laughs" YAML bomb) and is refused`
      : e instanceof RangeError
        ? TOO_DEEP
        : firstLine(e instanceof Error ? e.message : String(e));
    out.push(diagnostic(alias ? 'yaml-alias-limit' : 'yaml-syntax', message, index, ctx.at('')));
    return;
  }
  if (dups.length > 0) {
    for (const d of dups.slice(0, MAX_ERRORS_PER_DOCUMENT)) {
      const at = headOffsets(d.key) ?? root.range;
      const first = headOffsets(d.first);
      const firstAt = first ? ` (first set at line ${src.pos(first[0]).line})` : '';
      const name = keyText(d.key);
      out.push(
        diagnostic('yaml-duplicate-key', `key ${name === undefined ? 'value' : JSON.stringify(name)} already set in map${firstAt}`, index, {
          ...(at ? src.range(at[0], at[1]) : START),
          hint: 'kubectl refuses a mapping with a repeated key; remove or merge one of them',
        }),
      );
    }
    return;
  }
  if (!isPlainObject(value)) {
    out.push(diagnostic('document-not-object', notObject('a document', value), index, src.node(root.range, START)));
    return;
  }
  const list = listInfo(value.kind);
  if (list) {
    readList(value, list, doc, root, index, src, documents, out);
    return;
  }
  const obj = checkObject(value, ctx, out);
  if (obj) documents.push(new Parsed(index, undefined, obj, src.node(root.range, START), doc, root, src));
}

function readList(
  value: Record<string, unknown>,
  list: ListInfo,
  doc: Document,
  root: unknown,
  index: number,
  src: Source,
  documents: ParsedDocument[],
  out: Diagnostic[],
): void {
  const ctx = contextFor(index, doc, root, src);
  if (!checkTypeMeta(value, ctx, out)) return;
  const kind = value.kind as string;
  if (value.apiVersion !== list.apiVersion) {
    out.push(
      diagnostic('wrong-api-version', `no matches for kind "${kind}" in version "${String(value.apiVersion)}"`, index, {
        path: 'apiVersion',
        ...ctx.at('apiVersion'),
        hint: kind === 'List' ? 'List is served as apiVersion: v1' : wrongApiVersionHint(kind.slice(0, -4), String(value.apiVersion)),
      }),
    );
    return;
  }
  const items = value.items;
  if (items === undefined || items === null) return;
  if (!Array.isArray(items)) {
    out.push(diagnostic('document-not-object', `items must be a sequence of objects, not ${isPlainObject(items) ? 'a mapping' : typeof items}`, index, { path: 'items', ...ctx.at('items') }));
    return;
  }
  const itemsNode = isMap(root) ? deref(doc, findPair(root, 'items')?.value) : undefined;
  for (let i = 0; i < items.length; i++) {
    const itemNode = isSeq(itemsNode) ? (deref(doc, itemsNode.items[i]) ?? root) : root;
    const itemCtx = contextFor(index, doc, itemNode, src, i);
    const item: unknown = items[i];
    if (!isPlainObject(item)) {
      out.push(diagnostic('document-not-object', notObject(`items[${i}]`, item), index, { path: `items[${i}]`, ...itemCtx.at('') }));
      continue;
    }
    if (list.itemKind !== undefined) {
      item.kind ??= list.itemKind;
      item.apiVersion ??= list.itemApiVersion;
    }
    if (listInfo(item.kind)) {
      out.push(
        diagnostic('unknown-kind', `items[${i}] is itself a ${String(item.kind)}; nested lists are not expanded and it is skipped`, index, {
          severity: 'warning',
          path: `items[${i}].kind`,
          ...itemCtx.at('kind'),
        }),
      );
      continue;
    }
    const obj = checkObject(item, itemCtx, out);
    if (obj) documents.push(new Parsed(index, i, obj, src.node(isNode(itemNode) ? itemNode.range : undefined, START), doc, itemNode, src));
  }
}
