import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';

const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: app
    image: nginx
`;

const lol = `apiVersion: v1
kind: ConfigMap
metadata:
  name: lol
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

interface Case {
  name: string;
  text: string;
  options?: { maxBytes?: number; maxDocuments?: number };
  code: string;
  document: number;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
  message?: string | RegExp;
  hint?: string | RegExp;
  path?: string;
}

const cases: Case[] = [
  {
    name: 'yaml syntax error (yaml message, first line)',
    text: `${pod('a')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n\tlabels: {}\n`,
    code: 'yaml-syntax',
    document: 1,
    line: 14,
    column: 1,
    message: 'Tabs are not allowed as indentation',
  },
  {
    name: 'unclosed flow sequence',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [a\n',
    code: 'yaml-syntax',
    document: 0,
    line: 5,
    column: 1,
    message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
  },
  {
    name: 'duplicate key',
    text: `${pod('a')}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  name: c\n`,
    code: 'yaml-duplicate-key',
    document: 1,
    line: 14,
    column: 3,
    message: 'key "name" already set in map (first set at line 13)',
  },
  {
    name: 'alias bomb',
    text: lol,
    code: 'yaml-alias-limit',
    document: 0,
    line: 1,
    column: 1,
    message: /billion laughs/,
  },
  {
    name: 'input too large (checked before parsing)',
    text: `${pod('a')}# ${'x'.repeat(200)}\n: : : [`,
    options: { maxBytes: 100 },
    code: 'input-too-large',
    document: 0,
    line: 1,
    column: 1,
    message: 'the text is larger than 100 bytes, the most kubepath accepts',
  },
  {
    name: 'input too large counts UTF-8 bytes',
    text: `# ${'한'.repeat(40)}\n`, // 43 UTF-16 units, 123 bytes
    options: { maxBytes: 100 },
    code: 'input-too-large',
    document: 0,
    line: 1,
    column: 1,
  },
  {
    name: 'too many documents',
    text: [pod('a'), pod('b'), pod('c')].join('---\n'),
    options: { maxDocuments: 2 },
    code: 'too-many-documents',
    document: 2,
    line: 19,
    column: 1,
    message: 'the text has more than 2 YAML documents; kubepath accepts at most 2',
  },
  {
    name: 'scalar document',
    text: `${pod('a')}---\njust some text\n`,
    code: 'document-not-object',
    document: 1,
    line: 10,
    column: 1,
    message: /not a string/,
  },
  {
    name: 'sequence document',
    text: '- apiVersion: v1\n  kind: Pod\n',
    code: 'document-not-object',
    document: 0,
    line: 1,
    column: 1,
    message: /not a sequence/,
  },
  {
    name: 'missing apiVersion',
    text: 'kind: Service\nmetadata:\n  name: a\n',
    code: 'missing-api-version',
    document: 0,
    line: 1,
    column: 1,
    message: 'apiVersion not set',
    hint: 'add "apiVersion: v1"',
    path: 'apiVersion',
  },
  {
    name: 'missing kind',
    text: `# leading comment\n\napiVersion: v1\nmetadata:\n  name: a\n`,
    code: 'missing-kind',
    document: 0,
    line: 3,
    column: 1,
    message: 'kind not set',
    path: 'kind',
  },
  {
    name: 'missing metadata.name',
    text: 'apiVersion: v1\nkind: Service\nmetadata:\n  labels:\n    app: a\n',
    code: 'missing-name',
    document: 0,
    line: 3,
    column: 1,
    message: 'metadata.name: Required value: name or generateName is required',
    path: 'metadata.name',
  },
  {
    name: 'no metadata at all',
    text: 'apiVersion: v1\nkind: Service\nspec: {}\n',
    code: 'missing-name',
    document: 0,
    line: 1,
    column: 1,
    path: 'metadata.name',
  },
  {
    name: 'generateName is refused as kubectl apply refuses it',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\n',
    code: 'missing-name',
    document: 0,
    line: 3,
    column: 1,
    message: 'cannot use generate name with apply',
  },
  {
    name: 'name that YAML reads as a number',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: 2024\n',
    code: 'invalid-value',
    document: 0,
    line: 4,
    column: 9,
    message: /cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string/,
  },
  {
    name: 'unknown kind is a warning naming the supported kinds',
    text: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: a\n',
    code: 'unknown-kind',
    severity: 'warning',
    document: 0,
    line: 2,
    column: 7,
    message: /Supported kinds: Namespace, Node, Pod, Service, ConfigMap, Secret, Deployment, ReplicaSet, EndpointSlice, Ingress, IngressClass/,
  },
  {
    name: 'kind in the wrong case',
    text: 'apiVersion: apps/v1\nkind: deployment\nmetadata:\n  name: a\n',
    code: 'unknown-kind',
    severity: 'warning',
    document: 0,
    line: 2,
    column: 7,
    hint: 'kinds are case-sensitive: did you mean "kind: Deployment"?',
  },
  {
    name: 'Deployment in v1',
    text: 'apiVersion: v1\nkind: Deployment\nmetadata:\n  name: web\n',
    code: 'wrong-api-version',
    document: 0,
    line: 1,
    column: 13,
    message: 'no matches for kind "Deployment" in version "v1"',
    hint: 'Deployment is served as apiVersion: apps/v1',
    path: 'apiVersion',
  },
  {
    name: 'Ingress in extensions/v1beta1',
    text: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n',
    code: 'wrong-api-version',
    document: 0,
    line: 1,
    column: 13,
    message: 'no matches for kind "Ingress" in version "extensions/v1beta1"',
    hint: /^extensions\/v1beta1 Ingress was removed in Kubernetes 1.22; use apiVersion: networking.k8s.io\/v1\. The v1 schema differs/,
  },
  {
    name: 'Deployment in apps/v1beta2',
    text: 'apiVersion: apps/v1beta2\nkind: Deployment\nmetadata:\n  name: web\n',
    code: 'wrong-api-version',
    document: 0,
    line: 1,
    column: 13,
    hint: 'apps/v1beta2 Deployment was removed in Kubernetes 1.16; use apiVersion: apps/v1.',
  },
  {
    name: 'Service in apps/v1',
    text: 'apiVersion: apps/v1\nkind: Service\nmetadata:\n  name: web\n',
    code: 'wrong-api-version',
    document: 0,
    line: 1,
    column: 13,
    hint: 'Service is served as apiVersion: v1',
  },
  {
    name: 'List in the wrong version',
    text: 'apiVersion: apps/v1\nkind: List\nitems: []\n',
    code: 'wrong-api-version',
    document: 0,
    line: 1,
    column: 13,
    hint: 'List is served as apiVersion: v1',
  },
  {
    name: 'List item that is not an object',
    text: 'apiVersion: v1\nkind: List\nitems:\n- just text\n',
    code: 'document-not-object',
    document: 0,
    line: 4,
    column: 3,
    path: 'items[0]',
  },
];

describe('parseManifests: diagnostics', () => {
  it.each(cases)('$name', (c) => {
    const { diagnostics, documents } = parseManifests(c.text, c.options);
    const d = diagnostics.find((x) => x.code === c.code);
    expect(d, JSON.stringify(diagnostics)).toBeDefined();
    expect(d).toMatchObject({ document: c.document, line: c.line, column: c.column, severity: c.severity ?? 'error' });
    if (c.message instanceof RegExp) expect(d!.message).toMatch(c.message);
    else if (c.message !== undefined) expect(d!.message).toBe(c.message);
    if (c.hint instanceof RegExp) expect(d!.hint).toMatch(c.hint);
    else if (c.hint !== undefined) expect(d!.hint).toBe(c.hint);
    if (c.path !== undefined) expect(d!.path).toBe(c.path);
    expect(d!.endLine! > d!.line! || (d!.endLine === d!.line && d!.endColumn! >= d!.column!)).toBe(true);
    // A document with an error is never returned.
    expect(documents.some((x) => x.document === c.document)).toBe(false);
  });

  it('reports both apiVersion and kind when both are missing', () => {
    const { diagnostics } = parseManifests('metadata:\n  name: a\n');
    expect(diagnostics.map((d) => d.code)).toEqual(['missing-api-version', 'missing-kind']);
  });
});
