/** In presenter view the controls are hidden; this strip keeps the way back, the demos and the key help. */
import { CommandButton } from '../commands/CommandButton';
import './presenter.css';

export function PresenterHud() {
  return (
    <div className="presenter-hud" role="toolbar" aria-label="Presenter">
      <CommandButton id="presenterView" />
      <CommandButton id="chooseDemo" />
      <CommandButton id="help" />
      <span className="presenter-hud__hint">
        Controls hidden: <kbd>H</kbd> shows them, <kbd>?</kbd> for keys
      </span>
    </div>
  );
}
