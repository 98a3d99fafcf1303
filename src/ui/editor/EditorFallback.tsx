/**
 * A plain text area with the editor's contract (minus the schema), shown while Monaco loads or
 * if it cannot load: the learner can already read, type and apply (Ctrl/Cmd+Enter).
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import type { EditorFallbackProps, YamlEditorHandle } from './contract';
import { DEFAULT_ARIA_LABEL, DEFAULT_FONT_SIZE } from './contract';

const MONOSPACE = 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace';

/** Puts the caret at a 1-based line and column and scrolls that line into view. */
function revealLineIn(area: HTMLTextAreaElement, line: number, column = 1): void {
  const lines = area.value.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  const lineStart = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
  const offset = lineStart + Math.min(Math.max(column, 1), (lines[index] ?? '').length + 1) - 1;
  area.setSelectionRange(offset, offset);
  const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
  area.scrollTop = Math.max(0, index * lineHeight - area.clientHeight / 2);
}

export function EditorFallback(props: EditorFallbackProps) {
  const { value, onChange, onApply, problem } = props;
  const { fontSize = DEFAULT_FONT_SIZE, ariaLabel = DEFAULT_ARIA_LABEL } = props;
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const problemId = useId();
  // The latest props, for the handle, which is made once.
  const latest = useRef(props);

  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const handle: YamlEditorHandle = {
      focus: () => area.focus(),
      getValue: () => area.value,
      setValue: (text) => latest.current.onChange(text),
      revealLine: (line, column) => revealLineIn(area, line, column),
    };
    latest.current.onReady?.(handle);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onApply();
    }
  };

  return (
    <div
      className="nokey"
      style={{ display: 'flex', flexDirection: 'column', width: '100%', height: '100%' }}
    >
      <textarea
        ref={areaRef}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label={ariaLabel}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        style={{
          flex: 1,
          minHeight: 0,
          width: '100%',
          boxSizing: 'border-box',
          resize: 'none',
          border: 'none',
          padding: '4px 8px',
          fontFamily: MONOSPACE,
          fontSize,
          lineHeight: 1.4,
          tabSize: 2,
        }}
      />
      {problem && (
        <p id={problemId} style={{ margin: 0, padding: '4px 8px', color: '#b00020', fontSize }}>
          Line {problem.line}: {problem.message}
        </p>
      )}
    </div>
  );
}

// Default export too, for `import EditorFallback from` beside the lazily imported YamlEditor.
export default EditorFallback;
