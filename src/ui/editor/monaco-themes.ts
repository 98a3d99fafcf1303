/**
 * Monaco's themes for the app's two: the light default, and for presenter mode's high contrast a
 * theme built on Monaco's own hc-light with the page's black-on-white.
 */
import type { EditorTheme } from './contract';
import { monaco } from './monaco-setup';

const HIGH_CONTRAST = 'kube-storage-high-contrast';

monaco.editor.defineTheme(HIGH_CONTRAST, {
  base: 'hc-light',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editor.foreground': '#000000',
    'editorLineNumber.foreground': '#333333',
  },
});

export function monacoThemeFor(theme: EditorTheme): string {
  return theme === 'high-contrast' ? HIGH_CONTRAST : 'vs';
}
