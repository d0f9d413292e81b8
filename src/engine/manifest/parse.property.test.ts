import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { parseManifests } from './parse';
import type { ParseResult, SourceRange } from './parse';
import { isSupportedKind } from '../api/kinds';

const VALID = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: &labels
    app: web
spec:
  selector: *labels
  ports:
  - name: http
    port: 80
    targetPort: 8080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: "nginx:1.27"
        env:
        - name: GREETING
          value: 'hello $(WHO)'
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: cfg
  data:
    key: |
      multi
      line
`;

const TOKENS = [
  'apiVersion: v1', 'kind: Pod', 'kind: List', 'items:', 'metadata:', '  name: x', 'name: 1', '---', '...', '- ',
  '  ', '\t', '\n', '\r\n', '\r', '{', '}', '[', ']', ',', ':', ': ', '&a ', '*a', '<<: *a', '"', "'", '#', '|', '>',
  '!!str ', '!foo ', '%YAML 1.2', '? ', 'é', '한', '😀', '\u2028', '\u0000', '\uFEFF',
];

function lineTable(text: string): string[] {
  return text.split('\n');
}

function withinText(lines: string[], line: number, column: number): boolean {
  if (!Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) return false;
  const l = lines[line - 1];
  return l !== undefined && column <= l.length + 1;
}

function checkRange(lines: string[], r: SourceRange): void {
  expect(withinText(lines, r.line, r.column), `start ${JSON.stringify(r)}`).toBe(true);
  expect(withinText(lines, r.endLine, r.endColumn), `end ${JSON.stringify(r)}`).toBe(true);
  expect(r.endLine > r.line || (r.endLine === r.line && r.endColumn >= r.column), `order ${JSON.stringify(r)}`).toBe(true);
}

function checkResult(text: string, result: ParseResult): void {
  const lines = lineTable(text);
  for (const d of result.diagnostics) {
    expect(Number.isInteger(d.document) && d.document >= 0 && d.document <= lines.length, `document ${d.document}`).toBe(true);
    expect(typeof d.code).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    checkRange(lines, { line: d.line!, column: d.column!, endLine: d.endLine!, endColumn: d.endColumn! });
  }
  for (const doc of result.documents) {
    expect(isSupportedKind(doc.object.kind)).toBe(true);
    expect(typeof doc.object.apiVersion).toBe('string');
    expect(typeof doc.object.metadata.name).toBe('string');
    checkRange(lines, doc.range);
    for (const path of ['metadata.name', 'spec.ports[0].port', 'spec.template.spec.containers[0].env[0].value', 'data.key', 'x[3].y']) {
      checkRange(lines, doc.locate(path));
    }
  }
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.token + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicateLine': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    }
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const j = m.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
  }
}

describe('parseManifests never throws and reports positions inside the text', () => {
  it('valid input parses cleanly', () => {
    const r = parseManifests(VALID);
    expect(r.diagnostics).toEqual([]);
    expect(r.documents.map((d) => d.object.kind)).toEqual(['Service', 'Deployment', 'ConfigMap']);
    checkResult(VALID, r);
  });

  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkResult(text, parseManifests(text));
      }),
      { numRuns: 400 },
    );
  });

  it('strings of YAML-ish tokens', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (tokens) => {
        const text = tokens.join('');
        checkResult(text, parseManifests(text));
      }),
      { numRuns: 600 },
    );
  });

  it('mutated valid manifests', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const text = ms.reduce(mutate, VALID);
        checkResult(text, parseManifests(text));
      }),
      { numRuns: 600 },
    );
  });

  it('limits hold for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 4 }), (tokens, maxBytes, maxDocuments) => {
        const text = tokens.join('');
        const r = parseManifests(text, { maxBytes, maxDocuments });
        checkResult(text, r);
        expect(r.documents.length).toBeLessThanOrEqual(maxDocuments * 10);
      }),
      { numRuns: 300 },
    );
  });
});
