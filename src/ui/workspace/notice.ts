/**
 * The one message about the workspace (restored, imported, opened from a link, or a problem), kept
 * in a tiny store of its own so the autosave, the menu and the link handler can all set it. A
 * notice may offer to bring back the workspace it set aside.
 */
import { create } from 'zustand';

export interface NoticeContent {
  readonly kind: 'restored' | 'problem';
  readonly text: string;
  /** Offers "Bring back my workspace": the workspace an import or a link set aside. */
  readonly offerUndo?: boolean;
}

interface NoticeStore {
  readonly notice: NoticeContent | null;
  show(notice: NoticeContent | null): void;
}

export const useNoticeStore = create<NoticeStore>()((set) => ({
  notice: null,
  show: (notice) => set({ notice }),
}));

export function showNotice(notice: NoticeContent | null): void {
  useNoticeStore.getState().show(notice);
}
