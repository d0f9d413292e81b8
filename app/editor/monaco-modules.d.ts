// Monaco's lean entry points ship without their own declarations; they expose the same API
// as the package root (editor.api.d.ts), minus the bundled language services we do not use.
declare module 'monaco-editor/esm/vs/editor/edcore.main.js' {
  export * from 'monaco-editor';
}
declare module 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
