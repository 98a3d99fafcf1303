/** The `?` overlay: every command with its keys, generated from the registry. */
import { ModalDialog } from '../dialog/ModalDialog';
import { COMMANDS, COMMAND_GROUPS } from './registry';
import { shortcutLabel } from './shortcuts';
import type { CommandGroup } from './types';
import './commands.css';

const GROUP_NOTES: Partial<Record<CommandGroup, string>> = {
  Demo: 'While a demo runs, the arrow keys and Page Up / Page Down move through it.',
  View: 'Add ?scale=1.6&theme=high-contrast&presenter=1 to the address to start this way.',
};

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} className="help-overlay">
      <div className="help-overlay__groups">
        {COMMAND_GROUPS.map((group) => {
          const commands = COMMANDS.filter((command) => command.group === group);
          return (
            <section key={group} aria-labelledby={`help-${group}`}>
              <h3 id={`help-${group}`}>{group}</h3>
              {GROUP_NOTES[group] && <p className="help-overlay__note">{GROUP_NOTES[group]}</p>}
              <table>
                <thead>
                  <tr>
                    <th scope="col">Command</th>
                    <th scope="col">Keys</th>
                  </tr>
                </thead>
                <tbody>
                  {commands.map((command) => (
                    <tr key={command.id}>
                      <th scope="row">{command.label}</th>
                      <td>
                        {command.shortcuts.map((shortcut, index) => (
                          <span key={shortcut.key}>
                            {index > 0 && ' or '}
                            <kbd>{shortcutLabel(shortcut)}</kbd>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          );
        })}
      </div>
    </ModalDialog>
  );
}
