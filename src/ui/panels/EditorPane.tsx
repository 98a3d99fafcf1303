/**
 * Manifests in, like `kubectl apply -f`: examples to load, the YAML editor (Monaco, loaded after
 * the graph), Apply (also Ctrl/Cmd+Enter), and the engine's answer.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { registerHandle } from '../commands/handles';
import type { EditorProblem, YamlEditorHandle } from '../editor';
import { DEFAULT_FONT_SIZE, EditorFallback, LazyYamlEditor } from '../editor';
import { EXAMPLES } from '../examples';
import { applyEditorText, engineSchema } from '../engine/connection';
import { useAppStore } from '../store';

export function EditorPane() {
  const text = useAppStore((store) => store.editorText);
  const setText = useAppStore((store) => store.setEditorText);
  const outcome = useAppStore((store) => store.applyOutcome);
  const setOutcome = useAppStore((store) => store.setApplyOutcome);
  const applying = useAppStore((store) => store.applying);
  // While a lesson builds its cluster, an Apply would land in a half-built cluster.
  const preparingLesson = useAppStore((store) => !store.lessonReady);
  // Said only when an apply takes more than a moment, so quick ones do not flicker.
  const slowApply = useDelayedFlag(applying, 300);
  const [schema, setSchema] = useState<object | null>(null);
  // Presenter mode: the editor's type follows the UI scale, and its colours the theme.
  const fontSize = Math.round(DEFAULT_FONT_SIZE * useAppStore((store) => store.uiScale));
  const theme = useAppStore((store) => store.theme);
  // The "focus editor" command reaches whichever editor is mounted (Monaco or the fallback).
  const unregisterFocus = useRef<() => void>(undefined);
  const onReady = useCallback((handle: YamlEditorHandle) => {
    unregisterFocus.current?.();
    unregisterFocus.current = registerHandle('focusEditor', () => handle.focus());
  }, []);
  useEffect(() => () => unregisterFocus.current?.(), []);
  // Monaco (a 1 MB chunk) is fetched only once the graph has drawn its first frame, so the two
  // cores go to the graph first; the plain editor takes text until then.
  const graphReady = useAppStore((store) => store.frame !== null);
  const [monacoWanted, setMonacoWanted] = useState(false);
  useEffect(() => {
    if (!graphReady || monacoWanted) return;
    const timer = setTimeout(() => setMonacoWanted(true), 50);
    return () => clearTimeout(timer);
  }, [graphReady, monacoWanted]);

  useEffect(() => {
    void engineSchema().then(setSchema, () => setSchema(null));
  }, []);

  const problem = useMemo<EditorProblem | null>(() => {
    const position = outcome?.error?.position;
    if (!outcome || outcome.ok || !position) return null;
    return { message: outcome.message, line: position.line, column: position.column };
  }, [outcome]);

  const onChange = (next: string) => {
    setText(next);
    if (outcome && !outcome.ok) setOutcome(null);
  };
  const apply = () => {
    if (!preparingLesson) void applyEditorText();
  };

  return (
    <section className="editor-pane" aria-label="Manifests">
      <div className="editor-pane__toolbar">
        <label>
          Example{' '}
          <select
            aria-label="Load an example"
            value=""
            onChange={(event) => {
              const example = EXAMPLES.find((item) => item.id === event.target.value);
              if (example) onChange(example.yaml);
            }}
          >
            <option value="">Choose…</option>
            {EXAMPLES.map((example) => (
              <option key={example.id} value={example.id} title={example.description}>
                {example.title}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="apply-button"
          onClick={apply}
          title="Apply (Ctrl+Enter)"
          disabled={applying || preparingLesson}
        >
          Apply
        </button>
      </div>
      <div className="editor-pane__editor">
        {monacoWanted ? (
          <LazyYamlEditor
            value={text}
            onChange={onChange}
            onApply={apply}
            problem={problem}
            schema={schema}
            fontSize={fontSize}
            theme={theme}
            onReady={onReady}
          />
        ) : (
          <EditorFallback
            value={text}
            onChange={onChange}
            onApply={apply}
            problem={problem}
            fontSize={fontSize}
            onReady={onReady}
          />
        )}
      </div>
      {slowApply && (
        <p className="apply-outcome is-busy" role="status" aria-label="Applying">
          <span className="busy-spinner" aria-hidden="true" /> Applying… the engine is reading your manifests.
        </p>
      )}
      {outcome && !slowApply && (
        <p
          className={`apply-outcome ${outcome.ok ? 'is-ok' : 'is-error'}`}
          role={outcome.ok ? 'status' : 'alert'}
          aria-label="Apply result"
        >
          {outcome.ok ? (
            outcome.message
          ) : (
            <ErrorText message={outcome.message} line={outcome.error?.position?.line} />
          )}
        </p>
      )}
    </section>
  );
}

function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!flag) {
      setLate(false);
      return;
    }
    const timer = setTimeout(() => setLate(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return late;
}

function ErrorText({ message, line }: { message: string; line: number | undefined }) {
  return (
    <>
      {line !== undefined && <strong>Line {line}: </strong>}
      {message}
    </>
  );
}
