/**
 * The three panes side by side: manifests, the cluster, the side panel. Each separator can be
 * dragged (or moved with the arrow keys), and the editor and side panel collapse to a strip, so
 * the graph can take the screen. The layout is kept with the workspace.
 */
import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Layout, PanelImperativeHandle } from 'react-resizable-panels';
import { Group, Panel, Separator, useGroupRef, usePanelRef } from 'react-resizable-panels';
import { startingPrefs } from '../workspace/prefs-at-load';
import { registerHandle } from '../commands/handles';
import { useAppStore } from '../store';
import type { PaneLayout } from './pane-layout';
import {
  EDITOR_MIN_PX,
  PANE_IDS,
  SIDE_MIN_PX,
  STRIP_PX,
  defaultPaneLayout,
  isPaneLayout,
} from './pane-layout';

interface WorkbenchProps {
  readonly editor: ReactNode;
  readonly graph: ReactNode;
  readonly side: ReactNode;
}

export function Workbench({ editor, graph, side }: WorkbenchProps) {
  const saved = useAppStore((store) => store.paneLayout);
  const setPaneLayout = useAppStore((store) => store.setPaneLayout);
  // The saved layout is in the store only after the first paint; read it here to avoid a jump.
  const [initial] = useState<PaneLayout>(
    () => saved ?? startingPrefs().paneLayout ?? defaultPaneLayout(window.innerWidth),
  );
  const defaultLayout = useMemo<Layout>(() => ({ ...initial }), [initial]);
  const group = useGroupRef();
  // What the group last told the store: a different layout in the store came from elsewhere (a
  // workspace file was imported) and is applied; the group's own report is not fed back to it.
  const reported = useRef<PaneLayout | null>(saved);
  useEffect(() => {
    if (saved && saved !== reported.current) {
      reported.current = saved;
      group.current?.setLayout({ ...saved });
    }
  }, [saved, group]);
  const editorPanel = usePanelRef();
  const sidePanel = usePanelRef();
  const [collapsed, setCollapsed] = useState({ editor: false, side: false });

  useEffect(() => {
    const toggle = (panel: { current: PanelImperativeHandle | null }) => () => {
      const handle = panel.current;
      if (!handle) return;
      if (handle.isCollapsed()) handle.expand();
      else handle.collapse();
    };
    const unregisterEditor = registerHandle('toggleEditorPane', toggle(editorPanel));
    const unregisterSide = registerHandle('toggleSidePane', toggle(sidePanel));
    return () => {
      unregisterEditor();
      unregisterSide();
    };
  }, [editorPanel, sidePanel]);

  return (
    <Group
      orientation="horizontal"
      groupRef={group}
      className="app__main"
      defaultLayout={defaultLayout}
      onLayoutChanged={(layout) => {
        setCollapsed({
          editor: editorPanel.current?.isCollapsed() ?? false,
          side: sidePanel.current?.isCollapsed() ?? false,
        });
        // The layout it mounted with is not a choice the user made: it is not saved.
        if (!isPaneLayout(layout) || sameLayout(layout, reported.current ?? initial)) return;
        reported.current = layout;
        setPaneLayout(layout);
      }}
    >
      <Panel
        id="editor"
        panelRef={editorPanel}
        collapsible
        collapsedSize={`${STRIP_PX}px`}
        minSize={`${EDITOR_MIN_PX}px`}
        className="workbench__pane"
      >
        {collapsed.editor && (
          <PaneStrip label="Manifests" onOpen={() => editorPanel.current?.expand()} edge="left" />
        )}
        {/* Kept mounted while collapsed: Monaco, its undo history and the text stay as they were. */}
        <div className="workbench__content" hidden={collapsed.editor}>
          {editor}
        </div>
      </Panel>
      <Separator className="workbench__separator" aria-label="Resize the editor" />
      <Panel id="graph" minSize="30%" className="workbench__pane">
        {graph}
      </Panel>
      <Separator className="workbench__separator" aria-label="Resize the side panel" />
      <Panel
        id="side"
        panelRef={sidePanel}
        collapsible
        collapsedSize={`${STRIP_PX}px`}
        minSize={`${SIDE_MIN_PX}px`}
        className="workbench__pane"
      >
        {collapsed.side && (
          <PaneStrip label="Panels" onOpen={() => sidePanel.current?.expand()} edge="right" />
        )}
        <div className="workbench__content" hidden={collapsed.side}>
          {side}
        </div>
      </Panel>
    </Group>
  );
}

function sameLayout(a: PaneLayout, b: PaneLayout): boolean {
  return PANE_IDS.every((pane) => Math.abs(a[pane] - b[pane]) < 0.01);
}

/** A collapsed pane: one button, its name written down the strip, that opens it again. */
function PaneStrip({ label, onOpen, edge }: { label: string; onOpen: () => void; edge: 'left' | 'right' }) {
  return (
    <button
      type="button"
      className={`pane-strip is-${edge}`}
      onClick={onOpen}
      aria-label={`Show ${label.toLowerCase()}`}
    >
      <span aria-hidden="true">{edge === 'left' ? '›' : '‹'}</span>
      <span className="pane-strip__label">{label}</span>
    </button>
  );
}
