/** A workspace notice's text, with "Bring back my workspace" when it set one aside. */
import { useState } from 'react';
import type { NoticeContent } from './notice';
import { bringBackPrevious } from './workspace-flows';

export function NoticeMessage({ notice }: { readonly notice: NoticeContent }) {
  const [busy, setBusy] = useState(false);
  return (
    <>
      {notice.text}
      {notice.offerUndo && (
        <>
          {' '}
          <button
            type="button"
            className="workspace-notice__undo"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void bringBackPrevious().finally(() => setBusy(false));
            }}
          >
            Bring back my workspace
          </button>
        </>
      )}
    </>
  );
}
