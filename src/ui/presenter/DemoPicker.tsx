/** Choosing a demo: a dialog listing them; Enter (or the digit) starts one on a fresh cluster. */
import type { KeyboardEvent } from 'react';
import { DEMOS } from '../../lessons/demos';
import { ModalDialog } from '../dialog/ModalDialog';
import { startDemo } from './demo-player';
import './presenter.css';

export function DemoPicker({ onClose }: { onClose: () => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    const demo = /^[1-9]$/.test(event.key) ? DEMOS[Number(event.key) - 1] : undefined;
    if (!demo) return;
    event.preventDefault();
    void startDemo(demo);
  };
  return (
    <ModalDialog title="Demos" onClose={onClose} onKeyDown={onKeyDown} className="demo-picker">
      <p className="demo-picker__note">Starting a demo resets the cluster. Press its number or choose it.</p>
      <ol className="demo-picker__list">
        {DEMOS.map((demo, index) => (
          <li key={demo.id}>
            <button
              type="button"
              data-autofocus={index === 0 ? '' : undefined}
              aria-label={`Start demo ${index + 1}: ${demo.title}`}
              aria-describedby={`demo-summary-${demo.id}`}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onClick={() => void startDemo(demo)}
            >
              <strong>
                {index + 1}. {demo.title}
              </strong>
              <span id={`demo-summary-${demo.id}`}>{demo.summary}</span>
            </button>
          </li>
        ))}
      </ol>
    </ModalDialog>
  );
}
