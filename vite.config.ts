import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Monaco, monaco-yaml and their helpers: reached only through the editor's dynamic import. */
const MONACO = /[\\/]node_modules[\\/](monaco-[\w-]+|vscode-[\w-]+|marked|dompurify)[\\/]/;

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // Monaco's own chunk is large by nature; everything else is checked against the budget.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      output: {
        // Vite 8 (Rolldown) spelling of manualChunks: Monaco gets one lazy chunk of its own.
        // A group also captures its members' dependencies; Monaco's grammar loader uses Vite's
        // preload helper, which the entry needs too, so the helper is claimed first (higher
        // priority) and stays out of the Monaco chunk. Otherwise the entry would import it.
        codeSplitting: {
          groups: [
            { name: 'preload-helper', test: /vite[\\/]preload-helper/, priority: 2 },
            { name: 'monaco', test: MONACO, priority: 1 },
          ],
        },
      },
    },
  },
  // Pre-bundle Monaco's deep entry points up front; discovering them on first load makes the
  // dev server re-optimise and reload the page while the editor is starting.
  optimizeDeps: {
    include: [
      'monaco-editor/esm/vs/editor/edcore.main.js',
      'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js',
      'monaco-editor/esm/vs/editor/editor.worker.js',
      'monaco-yaml',
      'monaco-yaml/yaml.worker.js',
    ],
  },
  worker: {
    format: 'es',
  },
  preview: {
    port: 4173,
    strictPort: true,
  },
});
