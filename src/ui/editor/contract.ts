/** The manifest editor's contract, shared by the Monaco editor and its plain fallback. */

/** The engine's refusal of the last apply, placed at a line of the text (1-based). */
export interface EditorProblem {
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface YamlEditorHandle {
  focus(): void;
  getValue(): string;
  /** Replaces the whole text as a user edit would (undoable; onChange is called). */
  setValue(text: string): void;
  /** Scrolls to a 1-based line and puts the cursor there (at `column`, default 1). */
  revealLine(line: number, column?: number): void;
}

export interface YamlEditorProps {
  /** Controlled-ish: when it differs from the editor's text (an example was loaded), it replaces it. */
  value: string;
  onChange: (text: string) => void;
  /** Ctrl+Enter / Cmd+Enter inside the editor. */
  onApply: () => void;
  /** Shown as an Error marker at its line, with its message; cleared when null. */
  problem: EditorProblem | null;
  /** The JSON Schema from buildKindSchemas; null until the engine has sent it. */
  schema: object | null;
  /** Presenter mode scales it. */
  fontSize?: number;
  /** Presenter mode's high-contrast theme; the fallback follows the page's colours instead. */
  theme?: EditorTheme;
  /** Defaults to "Manifest editor". */
  ariaLabel?: string;
  onReady?: (handle: YamlEditorHandle) => void;
}

export type EditorTheme = 'default' | 'high-contrast';

export type EditorFallbackProps = Omit<YamlEditorProps, 'schema'>;

export const DEFAULT_ARIA_LABEL = 'Manifest editor';
export const DEFAULT_FONT_SIZE = 14;
