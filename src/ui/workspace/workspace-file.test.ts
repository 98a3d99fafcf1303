import { describe, expect, it } from 'vitest';
import { REPLAY_LOG_VERSION } from '../../worker/replay-log';
import {
  MAX_WORKSPACE_FILE_BYTES,
  readWorkspaceFile,
  workspaceFileName,
  workspaceFileText,
} from './workspace-file';
import type { Workspace } from './workspace-format';
import { WORKSPACE_VERSION } from './workspace-format';

const workspace: Workspace = {
  version: WORKSPACE_VERSION,
  savedAt: '2026-11-21T09:30:00.000Z',
  editorText: 'apiVersion: v1\nkind: PersistentVolumeClaim\n',
  lesson: null,
  prefs: { sidePanel: 'events' },
  progress: {},
  cluster: {
    kind: 'timeline',
    log: { version: REPLAY_LOG_VERSION, options: {}, moves: [{ kind: 'rounds', count: 2 }] },
    seq: 1,
  },
};

describe('workspace files', () => {
  it('round-trips a workspace, under a name that says when it was saved', () => {
    const text = workspaceFileText(workspace);
    expect(readWorkspaceFile('mine.json', text.length, text)).toEqual(workspace);
    expect(workspaceFileName(new Date('2026-11-21T09:30:00Z'))).toBe(
      'kube-storage-workspace-2026-11-21-0930.json',
    );
  });

  it('refuses, naming the file and what is wrong', () => {
    expect(readWorkspaceFile('big.json', MAX_WORKSPACE_FILE_BYTES + 1, '')).toBe(
      'big.json cannot be imported: it is 8193 KB; workspace files are at most 8 MB',
    );
    expect(readWorkspaceFile('broken.json', 10, '{"app": ')).toMatch(
      /^broken.json cannot be imported: it is not valid JSON \(/,
    );
    expect(readWorkspaceFile('other.json', 20, '{"name": "package"}')).toBe(
      'other.json cannot be imported: it is not a workspace exported by this app',
    );
    const damaged = workspaceFileText({ ...workspace, editorText: 7 } as unknown as Workspace);
    expect(readWorkspaceFile('w.json', damaged.length, damaged)).toBe(
      'w.json cannot be imported: it has no editor text',
    );
    const badMove = workspaceFileText(workspace).replace('"rounds"', '"shell"');
    expect(readWorkspaceFile('w.json', badMove.length, badMove)).toBe(
      'w.json cannot be imported: cluster.log: moves[0].kind is not one of intent, kubectl, rounds, restore',
    );
  });
});
