/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

/**
 * The built page's Content-Security-Policy: nothing from any other origin, no inline or evaluated
 * script. Styles may be inline because Monaco and React Flow set them at run time. Build only:
 * Vite's dev server injects an inline script for hot reloading.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
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
