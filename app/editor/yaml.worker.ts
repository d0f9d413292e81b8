// Entry of the YAML language worker, bundled by Vite through the `?worker` import in monaco.ts.
// oxlint-disable-next-line import/no-unassigned-import -- the worker runs on import
import 'monaco-yaml/yaml.worker.js';
