/**
 * The one list of commands. Order matters for keys: the first command whose key it is *now*
 * (`when`) takes the press, so a demo's arrows come before the playback arrows they shadow.
 */
import type { AppState } from '../store';
import { DEMO_COMMANDS } from './demo-commands';
import { PLAYBACK_COMMANDS } from './playback-commands';
import type { KeyTarget } from './key-targets';
import { isSpaceControl, isTypingTarget } from './key-targets';
import type { KeyPress } from './shortcuts';
import { matchesShortcut } from './shortcuts';
import type { Command, CommandGroup, CommandId } from './types';
import { VIEW_COMMANDS } from './view-commands';

export const COMMANDS: readonly Command[] = [...DEMO_COMMANDS, ...PLAYBACK_COMMANDS, ...VIEW_COMMANDS];

/** The order the help overlay lists groups in. */
export const COMMAND_GROUPS: readonly CommandGroup[] = ['Playback', 'Demo', 'View', 'Help'];

const BY_ID = new Map(COMMANDS.map((command) => [command.id, command]));

export function commandById(id: CommandId): Command {
  const command = BY_ID.get(id);
  if (!command) throw new Error(`no command ${id}`);
  return command;
}

export interface KeyEventLike extends KeyPress {
  readonly repeat: boolean;
  readonly isComposing?: boolean;
}

/**
 * The command a key press belongs to, or undefined when the page should handle it as usual. The
 * owner may not run (see shouldRun): its key is still taken, so a demo's arrow never falls through
 * to stepping the cluster while a step plays.
 */
export function commandForKey(
  press: KeyEventLike,
  state: AppState,
  target: KeyTarget | null,
  commands: readonly Command[] = COMMANDS,
): Command | undefined {
  if (press.isComposing || isTypingTarget(target)) return undefined;
  if (press.key === ' ' && isSpaceControl(target)) return undefined;
  const owner = commands.find(
    (command) =>
      (state.overlay === null || command.inOverlay) &&
      (command.when?.(state) ?? true) &&
      command.shortcuts.some((shortcut) => matchesShortcut(shortcut, press)),
  );
  return owner;
}

/** Whether the key's owner runs: only when enabled, and a held key repeats only stepping commands. */
export function shouldRun(command: Command, press: KeyEventLike, state: AppState): boolean {
  return command.enabled(state) && (!press.repeat || Boolean(command.repeatable));
}
