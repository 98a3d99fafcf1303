/** Commands: one registry for the toolbar, the keyboard and the help overlay. */
export type { Command, CommandGroup, CommandId, Shortcut } from './types';
export { COMMANDS, COMMAND_GROUPS, commandById, commandForKey, shouldRun } from './registry';
export { ariaKeyShortcuts, commandTitle, shortcutLabel } from './shortcuts';
export { callHandle, callHandleAfterLayout, registerHandle } from './handles';
export { CommandButton } from './CommandButton';
export { HelpOverlay } from './HelpOverlay';
export { useCommandKeys } from './use-command-keys';
export { SPEEDS } from './playback-commands';
