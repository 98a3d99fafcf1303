/**
 * Instructor mode, mounted once by the app: the keyboard handler for every command, presenter
 * preferences (address, scale, theme, hidden controls), the key help and the demo picker.
 */
import { HelpOverlay } from '../commands/HelpOverlay';
import { useCommandKeys } from '../commands/use-command-keys';
import { useAppStore } from '../store';
import { DemoPicker } from './DemoPicker';
import { PresenterHud } from './PresenterHud';
import { usePresenterPrefs } from './use-presenter-prefs';

export function InstructorMode() {
  usePresenterPrefs();
  useCommandKeys();
  const overlay = useAppStore((store) => store.overlay);
  const chromeHidden = useAppStore((store) => store.chromeHidden);
  const closeOverlay = useAppStore((store) => store.closeOverlay);
  return (
    <>
      {chromeHidden && <PresenterHud />}
      {overlay === 'help' && <HelpOverlay onClose={closeOverlay} />}
      {overlay === 'demos' && <DemoPicker onClose={closeOverlay} />}
    </>
  );
}
