/**
 * A command is data, in the excalidraw style: what it is called, its keys, when it can run and what
 * it does. The toolbar, the keyboard and the help overlay are all generated from the one registry.
 */
import type { AppState } from '../store';

/** A key as KeyboardEvent.key names it (' ' for Space, 'ArrowRight', 'r', '?'). */
export interface Shortcut {
  readonly key: string;
  /** Only for letters and named keys: a symbol such as '?' already carries its Shift. */
  readonly shift?: boolean;
}

export type CommandGroup = 'Demo' | 'Playback' | 'View' | 'Help';

export type CommandId =
  | 'demoNext'
  | 'demoPrevious'
  | 'leaveDemo'
  | 'playPause'
  | 'step'
  | 'skipBeats'
  | 'stepBack'
  | 'slower'
  | 'faster'
  | 'reset'
  | 'chooseDemo'
  | 'fitView'
  | 'focusEditor'
  | 'toggleEditorPane'
  | 'toggleSidePane'
  | 'presenterView'
  | 'largerType'
  | 'smallerType'
  | 'highContrast'
  | 'help';

export interface Command {
  readonly id: CommandId;
  /** What the help overlay lists and button titles say. */
  readonly label: string;
  /** Button text, when a toolbar shows it and it differs from the label. */
  readonly shortLabel?: string;
  readonly group: CommandGroup;
  readonly shortcuts: readonly Shortcut[];
  /** Whether its keys belong to it now (a demo's arrows only while a demo runs). Default: always. */
  readonly when?: (state: AppState) => boolean;
  /** Whether it can run now; a key that belongs to a disabled command does nothing. */
  readonly enabled: (state: AppState) => boolean;
  /** For toggles: on or off (aria-pressed). */
  readonly active?: (state: AppState) => boolean;
  /** Button text that follows the state (Play / Pause). */
  readonly buttonLabel?: (state: AppState) => string;
  /** A held key repeats it (stepping); other commands run once per press. */
  readonly repeatable?: boolean;
  /** Its key still works while a dialog is open (the help key, which closes help). */
  readonly inOverlay?: boolean;
  readonly run: (state: AppState) => unknown;
}
