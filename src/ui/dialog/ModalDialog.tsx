/**
 * A modal dialog on the native <dialog>: showModal makes the page behind it inert, Escape closes
 * it, focus returns where it was; Tab and Shift+Tab wrap inside it. `data-autofocus` picks the
 * element focused first (default: the first focusable one).
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useId, useLayoutEffect, useRef } from 'react';
import './dialog.css';

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

export interface ModalDialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  /** Extra keys for the dialog (digits in the demo picker); Tab and Escape are handled here. */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

export function ModalDialog({ title, onClose, children, className, onKeyDown }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const latestClose = useRef(onClose);
  useLayoutEffect(() => {
    latestClose.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const wrapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    onKeyDown?.(event);
    if (event.key !== 'Tab' || event.defaultPrevented) return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className={['modal-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={wrapTab}
      // The native close (Escape, or close() below). In development StrictMode shows the dialog
      // again right after closing it; a close event that finds it open again is stale.
      onClose={() => {
        if (!ref.current?.open) latestClose.current();
      }}
    >
      <div className="modal-dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape" title="Close (Esc)">
          Close
        </button>
      </div>
      <div className="modal-dialog__body">{children}</div>
    </dialog>
  );
}
