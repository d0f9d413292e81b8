/**
 * Everything Monaco: loaded only through `import('./monaco')` so that the editor, its CSS
 * and its workers stay out of the first paint. Fully offline: workers are bundled by Vite.
 *
 * We import Monaco's core (`edcore.main`) plus the YAML grammar instead of the package root,
 * which would also pull in the TypeScript, CSS, HTML and JSON language services and ~80
 * grammars kubepath never shows.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
// oxlint-disable-next-line import/no-unassigned-import -- registers the YAML grammar
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
// oxlint-disable-next-line import/default -- Vite's `?worker` modules export a Worker constructor
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
// oxlint-disable-next-line import/default -- as above
import YamlWorker from './yaml.worker?worker';
import { MANIFEST_SCHEMA_URI, manifestSchema } from './schema';

export type Monaco = typeof monaco;

function workerFor(label: string): Worker {
  return label === 'yaml' ? new YamlWorker() : new EditorWorker();
}

globalThis.MonacoEnvironment = { getWorker: (_moduleId: string, label: string) => workerFor(label) };

/*
 * monaco-yaml asks for its worker by label through `editor.createWebWorker({ label, createData })`.
 * The package root adapts that call to a real Worker; the core entry does not, so we do it here:
 * the worker script expects one message to boot and a second one carrying `createData`.
 */
type LabelledWorkerOptions = { label?: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
const coreCreateWebWorker = monaco.editor.createWebWorker;
const patchedEditor = monaco.editor as { createWebWorker: (options: unknown) => unknown };
patchedEditor.createWebWorker = (options: unknown) => {
  const opts = options as LabelledWorkerOptions & { worker?: Worker | Promise<Worker> };
  if (opts.worker !== undefined) return coreCreateWebWorker(opts as monaco.editor.IInternalWebWorkerOptions);
  const worker = workerFor(opts.label ?? 'editor');
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- Worker, not Window
  worker.postMessage('boot');
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- Worker, not Window
  worker.postMessage(opts.createData);
  return coreCreateWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: MANIFEST_SCHEMA_URI, fileMatch: ['*'], schema: manifestSchema }],
});

const palette = {
  light: { background: '#ffffff', gutter: '#ffffff', line: '#f4f6fa' },
  dark: { background: '#111722', gutter: '#111722', line: '#182032' },
};

monaco.editor.defineTheme('kubepath-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': palette.light.background,
    'editorGutter.background': palette.light.gutter,
    'editor.lineHighlightBackground': palette.light.line,
  },
});
monaco.editor.defineTheme('kubepath-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': palette.dark.background,
    'editorGutter.background': palette.dark.gutter,
    'editor.lineHighlightBackground': palette.dark.line,
  },
});

export { monaco };
