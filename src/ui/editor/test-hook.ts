/**
 * `window.__yamlEditor`: a tiny handle for end-to-end tests, to read and replace the text and to
 * turn off asynchronous suggestions before typing (stack-notes section 6). It exists in
 * production builds too, because the e2e tests run against `vite preview`; it offers nothing a
 * user cannot already do by typing.
 */
import type { editor } from 'monaco-editor/editor';

export interface YamlEditorTestHook {
  readonly getValue: () => string;
  readonly setValue: (text: string) => void;
  readonly updateOptions: (options: editor.IEditorOptions) => void;
  readonly focus: () => void;
}

declare global {
  interface Window {
    __yamlEditor?: YamlEditorTestHook;
  }
}

/** Publishes the hook of the editor mounted last; disposing removes it if it is still that one. */
export function exposeTestHook(hook: YamlEditorTestHook): { dispose(): void } {
  window.__yamlEditor = hook;
  return {
    dispose() {
      if (window.__yamlEditor === hook) delete window.__yamlEditor;
    },
  };
}
