/**
 * The manifest editor as the app should mount it: Monaco arrives in its own chunk, and until then
 * (or if it never does) the plain EditorFallback takes its place with the same props.
 */
import type { SyntheticEvent } from 'react';
import { lazy, Suspense, useCallback, useLayoutEffect, useRef } from 'react';
import type { YamlEditorHandle, YamlEditorProps } from './contract';
import { EditorFallback } from './EditorFallback';
import { FallbackOnError } from './FallbackOnError';

const YamlEditor = lazy(() => import('./YamlEditor'));

/** 1-based line and column of a character offset. */
function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

function caretOf(event: SyntheticEvent): number | null {
  return event.target instanceof HTMLTextAreaElement ? event.target.selectionStart : null;
}

export function LazyYamlEditor(props: YamlEditorProps) {
  const { schema: _schema, ...fallbackProps } = props;
  const { onReady } = props;
  const latestValue = useRef(props.value);
  // Where the caret was while the learner typed in the fallback; null when it did not have focus.
  const fallbackCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    latestValue.current = props.value;
  });

  // If the learner was typing in the fallback when Monaco arrived, focus and caret move over.
  const onEditorReady = useCallback(
    (handle: YamlEditorHandle) => {
      const caret = fallbackCaret.current;
      fallbackCaret.current = null;
      if (caret !== null) {
        const { line, column } = lineColumnAt(latestValue.current, caret);
        handle.revealLine(line, column);
        handle.focus();
      }
      onReady?.(handle);
    },
    [onReady],
  );
  const trackCaret = (event: SyntheticEvent) => {
    fallbackCaret.current = caretOf(event);
  };
  const fallback = (
    <div
      style={{ width: '100%', height: '100%' }}
      onFocus={trackCaret}
      onSelect={trackCaret}
      onBlur={() => {
        fallbackCaret.current = null;
      }}
    >
      <EditorFallback {...fallbackProps} />
    </div>
  );
  return (
    <FallbackOnError fallback={fallback}>
      <Suspense fallback={fallback}>
        <YamlEditor {...props} onReady={onEditorReady} />
      </Suspense>
    </FallbackOnError>
  );
}
