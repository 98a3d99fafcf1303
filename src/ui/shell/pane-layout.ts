/**
 * How the window is shared between the manifests, the graph and the side panel: percentages of
 * the width, kept with the workspace. A pane at its strip width is collapsed.
 */
export interface PaneLayout {
  readonly editor: number;
  readonly graph: number;
  readonly side: number;
}

export const PANE_IDS = ['editor', 'graph', 'side'] as const;

/** A collapsed pane is a strip this wide, holding the button that opens it again. */
export const STRIP_PX = 36;
export const EDITOR_MIN_PX = 240;
export const SIDE_MIN_PX = 280;
/** Below this width the editor starts as a strip: the graph needs the room to be read. */
export const NARROW_WINDOW_PX = 1100;

/** The first layout for a window `width` px wide: a fifth for the editor, a quarter for the side panel. */
export function defaultPaneLayout(width: number): PaneLayout {
  const side = Math.max(24, (SIDE_MIN_PX / width) * 100);
  const editor =
    width < NARROW_WINDOW_PX ? (STRIP_PX / width) * 100 : Math.max(20, (EDITOR_MIN_PX / width) * 100);
  return { editor, graph: 100 - editor - side, side };
}

/** A saved layout as read back from storage or a file: three finite percentages adding up to 100. */
export function isPaneLayout(value: unknown): value is PaneLayout {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const sizes = PANE_IDS.map((id) => record[id]);
  if (!sizes.every((size): size is number => typeof size === 'number' && Number.isFinite(size) && size >= 0))
    return false;
  return Math.abs(sizes.reduce((sum, size) => sum + size, 0) - 100) < 0.5;
}
