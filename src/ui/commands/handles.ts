/**
 * What commands reach inside mounted components: the graph's fit-to-view and its beat player,
 * the editor's focus. A component registers its callback while mounted; the command calls
 * whichever is there.
 */
export type HandleName = 'fitView' | 'focusEditor' | 'toggleEditorPane' | 'toggleSidePane' | 'skipBeats';

const handles = new Map<HandleName, () => void>();

/** Registers `callback` under `name`; the returned function unregisters it (if it is still that one). */
export function registerHandle(name: HandleName, callback: () => void): () => void {
  handles.set(name, callback);
  return () => {
    if (handles.get(name) === callback) handles.delete(name);
  };
}

/** Calls the handle; false when no component has registered one. */
export function callHandle(name: HandleName): boolean {
  const callback = handles.get(name);
  callback?.();
  return callback !== undefined;
}

/** Calls the handle after the next layout (two frames): for a change that resizes what it acts on. */
export function callHandleAfterLayout(name: HandleName): void {
  requestAnimationFrame(() => requestAnimationFrame(() => void callHandle(name)));
}
