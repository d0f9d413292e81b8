import { describe, expect, it } from 'vitest';
import { createPlayground } from '../../src/engine';
import { editorFiles } from '../store/editorSync';
import { decodeText, describeOpen, editorTextOf, MAX_FILE_BYTES, readYamlFiles, refuseBeforeReading } from './yamlFiles';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: nginx\n          image: nginx:1.27\n';
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

const file = (name: string, content: string | Uint8Array, type = 'application/yaml') => new File([content as BlobPart], name, { type });

describe('refuseBeforeReading', () => {
  it('takes .yaml and .yml names up to 1 MB', () => {
    expect(refuseBeforeReading({ name: 'web.yaml', size: 10 })).toBeUndefined();
    expect(refuseBeforeReading({ name: 'WEB.YML', size: MAX_FILE_BYTES })).toBeUndefined();
  });

  it('names the file and says why', () => {
    expect(refuseBeforeReading({ name: 'photo.png', size: 10 })).toBe('photo.png is not a YAML file: only .yaml and .yml files open in the editor.');
    expect(refuseBeforeReading({ name: 'big.yaml', size: 3 * 1024 * 1024 })).toBe('big.yaml is too large (3.0 MB): files up to 1 MB open in the editor.');
  });
});

describe('decodeText', () => {
  it('reads UTF-8, drops a byte-order mark, and makes line ends \\n', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a: "é"\r\nb: 1\rc: 2\n')]);
    expect(decodeText(bytes)).toBe('a: "é"\nb: 1\nc: 2\n');
  });

  it('refuses bytes that are not text', () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeUndefined();
    expect(decodeText(new TextEncoder().encode('kind: Pod\u0000\u0001'))).toBeUndefined();
    expect(decodeText(new TextEncoder().encode('a:\tb\n'))).toBe('a:\tb\n');
  });
});

describe('editorTextOf', () => {
  it('puts each file under its # file: marker, files separated by ---, for kubectl apply -f', () => {
    const text = editorTextOf([
      { name: 'deploy.yaml', text: DEPLOY },
      { name: 'svc.yml', text: `${SERVICE}\n\n` },
    ]);
    expect(text).toBe(`# file: deploy.yaml\n${DEPLOY}# file: svc.yml\n---\n${SERVICE}`);
    const files = editorFiles(text);
    expect(files.get('deploy.yaml')).toBe(DEPLOY);
    expect(files.get('svc.yml')).toBe(`---\n${SERVICE}`);
    const pg = createPlayground();
    expect(pg.kubectl('kubectl apply -f deploy.yaml -f svc.yml', { files }).stdout).toBe('deployment.apps/web created\nservice/web created\n');
  });

  it('keeps a file of several documents whole (its own first and last --- go), and a name without spaces', () => {
    const text = editorTextOf([
      { name: 'my app.yaml', text: `---\n${DEPLOY}---\n${SERVICE}---\n` },
      { name: 'more.yaml', text: `---\n# comment\n${SERVICE.replace('name: web', 'name: web2')}` },
    ]);
    expect(text).toBe(`# file: my-app.yaml\n${DEPLOY}---\n${SERVICE}# file: more.yaml\n---\n# comment\n${SERVICE.replace('name: web', 'name: web2')}`);
    const result = createPlayground().apply(text);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.applied).toHaveLength(3);
    expect(editorTextOf([{ name: 'empty.yaml', text: '' }])).toBe('# file: empty.yaml\n');
  });
});

describe('readYamlFiles', () => {
  it('reads the YAML files and refuses the others, naming each', async () => {
    const result = await readYamlFiles([
      file('deploy.yaml', DEPLOY),
      file('notes.txt', 'hello', 'text/plain'),
      file('image.yaml', new Uint8Array([0, 1, 2, 255])),
      file('svc.yml', SERVICE),
    ]);
    expect(result.opened).toEqual([
      { name: 'deploy.yaml', text: DEPLOY },
      { name: 'svc.yml', text: SERVICE },
    ]);
    expect(result.refused).toEqual([
      { name: 'notes.txt', reason: 'notes.txt is not a YAML file: only .yaml and .yml files open in the editor.' },
      { name: 'image.yaml', reason: 'image.yaml is not a text file.' },
    ]);
  });

  it('does not read a file over 1 MB', async () => {
    const big = file('big.yaml', 'a'.repeat(MAX_FILE_BYTES + 1));
    const result = await readYamlFiles([big]);
    expect(result.opened).toEqual([]);
    expect(result.refused[0]!.reason).toMatch(/^big\.yaml is too large/);
  });
});

describe('describeOpen', () => {
  it('says what opened, and that Apply is next', () => {
    const { ok, problems } = describeOpen({ opened: [{ name: 'a.yaml', text: '' }, { name: 'b.yaml', text: '' }, { name: 'c.yml', text: '' }], refused: [] });
    expect(ok).toMatch(/^Opened a\.yaml, b\.yaml and c\.yml in the editor\. Press Apply/);
    expect(problems).toBeUndefined();
  });

  it('says the text stayed when nothing could be read', () => {
    const { ok, problems } = describeOpen({ opened: [], refused: [{ name: 'x.png', reason: 'x.png is not a YAML file.' }] });
    expect(ok).toBeUndefined();
    expect(problems).toBe('x.png is not a YAML file. The editor text was not changed.');
  });
});
