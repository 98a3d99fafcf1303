/** A toolbar button generated from a command: its label, keys (title and aria-keyshortcuts), state. */
import { useAppStore } from '../store';
import { commandById } from './registry';
import { ariaKeyShortcuts, commandTitle } from './shortcuts';
import type { CommandId } from './types';

export function CommandButton({ id, className }: { id: CommandId; className?: string }) {
  const command = commandById(id);
  const enabled = useAppStore(command.enabled);
  const active = useAppStore((state) => command.active?.(state));
  const text = useAppStore((state) => command.buttonLabel?.(state) ?? command.shortLabel ?? command.label);
  return (
    <button
      type="button"
      className={className}
      disabled={!enabled}
      aria-pressed={active}
      aria-keyshortcuts={ariaKeyShortcuts(command.shortcuts)}
      title={commandTitle(command)}
      onClick={() => void command.run(useAppStore.getState())}
    >
      {text}
    </button>
  );
}
