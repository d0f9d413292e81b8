import { describe, expect, it } from 'vitest';
import { parseManifests } from './parse';
import { parsePath } from './locate';

const service = `# the web service
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - name: http
    port: 80
    nodePort: 80
  - name: https
    port: 443
  clusterIP:
`;

describe('parsePath', () => {
  it.each([
    ['spec.ports[0].nodePort', ['spec', 'ports', 0, 'nodePort']],
    ['metadata.labels[app.kubernetes.io/name]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ["metadata.annotations['a.b/c']", ['metadata', 'annotations', 'a.b/c']],
    ['items[3]', ['items', 3]],
    ['', []],
    ['spec..x[', ['spec', 'x', '']],
  ])('%s', (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
  });
});

describe('ParsedDocument.locate', () => {
  const [doc] = parseManifests(service).documents;
  const at = (path: string) => {
    const r = doc!.locate(path);
    return [r.line, r.column, r.endLine, r.endColumn];
  };

  it('finds scalar values', () => {
    expect(at('spec.ports[0].nodePort')).toEqual([14, 15, 14, 17]);
    expect(at('spec.ports[1].port')).toEqual([16, 11, 16, 14]);
    expect(at('metadata.name')).toEqual([5, 9, 5, 12]);
    expect(at("spec.selector.app")).toEqual([10, 19, 10, 22]);
    expect(at('metadata.labels[app.kubernetes.io/name]')).toEqual([7, 29, 7, 32]);
  });

  it('gives the key for collections and for empty values', () => {
    expect(at('spec.ports')).toEqual([11, 3, 11, 8]);
    expect(at('spec')).toEqual([8, 1, 8, 5]);
    expect(at('spec.clusterIP')).toEqual([17, 3, 17, 12]);
  });

  it('gives the whole item for a list index', () => {
    expect(at('spec.ports[1]')).toEqual([15, 5, 16, 14]);
  });

  it('falls back to the nearest existing parent', () => {
    expect(at('spec.ports[0].targetPort')).toEqual([12, 5, 14, 17]);
    expect(at('spec.ports[7].port')).toEqual(at('spec.ports'));
    expect(at('spec.externalTrafficPolicy')).toEqual(at('spec'));
    expect(at('spec.type.nested')).toEqual(at('spec.type'));
  });

  it('falls back to the document range when nothing on the path exists', () => {
    expect(doc!.locate('status.loadBalancer')).toEqual(doc!.range);
    expect(doc!.locate('')).toEqual(doc!.range);
    expect(doc!.range).toEqual({ line: 2, column: 1, endLine: 17, endColumn: 13 });
  });

  it('follows aliases to their anchor', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
spec:
  containers:
  - &c
    name: app
    image: nginx
  - *c
`;
    const [p] = parseManifests(text).documents;
    expect(p!.locate('spec.containers[1].image')).toMatchObject({ line: 9, column: 12 });
  });

  it('counts columns in UTF-16 units and lines across CRLF', () => {
    const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: a\r\ndata:\r\n  인사: "안녕 $(X)"\r\n  b: 1\r\n';
    const [cm] = parseManifests(text).documents;
    expect(cm!.locate('data.인사')).toEqual({ line: 6, column: 7, endLine: 6, endColumn: 16 });
    expect(cm!.locate('data.b')).toEqual({ line: 7, column: 6, endLine: 7, endColumn: 7 });
  });
});
