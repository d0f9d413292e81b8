/**
 * `npx vitest bench src/engine/manifest`: parseManifests against the bare yaml baseline
 * (parseAllDocuments + toJS) the apply budget is measured against (≤ 3×).
 */
import { bench, describe } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import { parseManifests } from './parse';

const pod = (i: number) => `apiVersion: v1
kind: Pod
metadata:
  name: pod-${i}
  namespace: default
  labels:
    app: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

const pods = Array.from({ length: 10000 }, (_, i) => pod(i)).join('---\n');

describe('10,000 Pod documents', () => {
  bench('bare parseAllDocuments + toJS', () => {
    parseAllDocuments(pods, { lineCounter: new LineCounter(), uniqueKeys: true }).map((d) => d.toJS({ maxAliasCount: 100 }));
  }, { iterations: 3 });
  bench('parseManifests', () => {
    parseManifests(pods);
  }, { iterations: 3 });
});
