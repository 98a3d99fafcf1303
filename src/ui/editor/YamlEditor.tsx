/**
 * The manifest editor: Monaco with YAML completion, hover and schema warnings (monaco-yaml), the
 * engine's refusal as an Error marker, and Ctrl/Cmd+Enter to apply. Load it with React.lazy (the
 * default export) so the first paint does not wait for Monaco; EditorFallback stands in meanwhile.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EditorProblem, YamlEditorHandle, YamlEditorProps } from './contract';
import { DEFAULT_ARIA_LABEL, DEFAULT_FONT_SIZE } from './contract';
import { ENGINE_MARKER_OWNER, createManifestModel, monaco, setManifestSchema } from './monaco-setup';
import { monacoThemeFor } from './monaco-themes';
import { exposeTestHook } from './test-hook';

export type { EditorProblem, YamlEditorHandle, YamlEditorProps } from './contract';

type Editor = monaco.editor.IStandaloneCodeEditor;

const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  language: 'yaml',
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  tabSize: 2,
  insertSpaces: true,
  // Suggestion and hover widgets may overflow the editor's box instead of being clipped by it.
  fixedOverflowWidgets: true,
  renderLineHighlight: 'line',
};

const MAX_UNECHOED = 100;

/** Replaces the whole text as one undoable edit, keeping the undo history. */
function replaceText(editor: Editor, text: string): void {
  const model = editor.getModel();
  if (!model) return;
  editor.pushUndoStop();
  editor.executeEdits('replace-all', [{ range: model.getFullModelRange(), text }]);
  editor.pushUndoStop();
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** The problem's range, kept inside the current text (it may have been edited since the apply). */
function problemMarker(model: monaco.editor.ITextModel, problem: EditorProblem): monaco.editor.IMarkerData {
  const lastLine = model.getLineCount();
  const line = clamp(problem.line, 1, lastLine);
  const endLine = clamp(problem.endLine ?? line, line, lastLine);
  const column = clamp(problem.column, 1, model.getLineMaxColumn(line));
  const lineEnd = model.getLineMaxColumn(endLine);
  const endColumn = clamp(problem.endColumn ?? lineEnd, endLine === line ? column : 1, lineEnd);
  return {
    severity: monaco.MarkerSeverity.Error,
    source: 'Kubernetes API',
    message: problem.message,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: endLine,
    // An empty range would draw nothing: underline at least the rest of the line, or one column.
    endColumn: endLine === line && endColumn === column ? Math.max(lineEnd, column + 1) : endColumn,
  };
}

export default function YamlEditor(props: YamlEditorProps) {
  const { value, problem, schema, fontSize = DEFAULT_FONT_SIZE, ariaLabel = DEFAULT_ARIA_LABEL } = props;
  const { theme = 'default' } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  // The latest props, for Monaco's callbacks, which are registered once.
  const latest = useRef(props);
  // True while a new `value` prop is written into the editor: that is not a user edit.
  const replacingFromProps = useRef(false);
  // Texts sent through onChange that the parent has not passed back yet. While typing, `value`
  // can lag a few keystrokes behind the editor; such an echo must not overwrite newer text.
  const unechoed = useRef<string[]>([]);

  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = latest.current;
    const model = createManifestModel(initial.value);
    const editor = monaco.editor.create(host, {
      ...EDITOR_OPTIONS,
      model,
      fontSize: initial.fontSize ?? DEFAULT_FONT_SIZE,
      ariaLabel: initial.ariaLabel ?? DEFAULT_ARIA_LABEL,
    });
    editorRef.current = editor;
    const handle: YamlEditorHandle = {
      focus: () => editor.focus(),
      getValue: () => model.getValue(),
      setValue: (text) => replaceText(editor, text),
      revealLine: (line, column = 1) => {
        editor.revealLineInCenter(line);
        editor.setPosition({ lineNumber: line, column });
      },
    };
    const disposables = [
      model.onDidChangeContent(() => {
        if (replacingFromProps.current) return;
        const text = model.getValue();
        unechoed.current.push(text);
        // A parent that never passes the text back must not make this grow without bound.
        if (unechoed.current.length > MAX_UNECHOED) unechoed.current.shift();
        latest.current.onChange(text);
      }),
      editor.addAction({
        id: 'manifest.apply',
        label: 'Apply manifest',
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        run: () => latest.current.onApply(),
      }),
      exposeTestHook({
        getValue: () => model.getValue(),
        setValue: (text) => replaceText(editor, text),
        updateOptions: (options) => editor.updateOptions(options),
        focus: () => editor.focus(),
      }),
    ];
    latest.current.onReady?.(handle);
    return () => {
      for (const disposable of disposables) disposable.dispose();
      editorRef.current = null;
      editor.dispose();
      model.dispose();
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const echo = unechoed.current.lastIndexOf(value);
    if (echo >= 0) {
      unechoed.current.splice(0, echo + 1);
      return;
    }
    if (editor.getValue() === value) return;
    unechoed.current = [];
    replacingFromProps.current = true;
    try {
      replaceText(editor, value);
    } finally {
      replacingFromProps.current = false;
    }
    editor.setPosition({ lineNumber: 1, column: 1 });
    editor.revealLine(1);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const marker = problem ? problemMarker(model, problem) : null;
    monaco.editor.setModelMarkers(model, ENGINE_MARKER_OWNER, marker ? [marker] : []);
    if (marker) editorRef.current?.revealLineInCenterIfOutsideViewport(marker.startLineNumber);
  }, [problem]);

  useEffect(() => {
    setManifestSchema(schema);
  }, [schema]);

  useEffect(() => {
    editorRef.current?.updateOptions({ fontSize, ariaLabel });
  }, [fontSize, ariaLabel]);

  // Monaco has one theme per page.
  useEffect(() => {
    monaco.editor.setTheme(monacoThemeFor(theme));
  }, [theme]);

  // `nokey`: React Flow's window keydown handler swallows Space unless the target is inside it.
  return <div ref={hostRef} className="nokey" style={{ width: '100%', height: '100%' }} />;
}
