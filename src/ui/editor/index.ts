/** The manifest editor. Import from here: Monaco itself stays in the lazy YamlEditor chunk. */
export { LazyYamlEditor } from './LazyYamlEditor';
export { EditorFallback } from './EditorFallback';
export type {
  EditorFallbackProps,
  EditorProblem,
  EditorTheme,
  YamlEditorHandle,
  YamlEditorProps,
} from './contract';
export type { YamlEditorTestHook } from './test-hook';
export { DEFAULT_FONT_SIZE } from './contract';
