/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // monaco-yaml's monaco-worker-manager still imports monaco-editor/esm/vs/..., which the
  // exports map of monaco-editor >= 0.56 no longer resolves (stack-notes section 3, Problem A).
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: 'monaco-editor/$1' }] },
  worker: { format: 'es' },
  build: {
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      // The benchmark's bare React Flow baseline ships as a second page nobody links to.
      input: { main: 'index.html', bareFlow: 'src/ui/bench/bare-flow.html' },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
