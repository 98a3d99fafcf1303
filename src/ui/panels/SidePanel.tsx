/** The panels beside the graph: narration (why), events, inspector, terminal. */
import type { SidePanel as PanelName } from '../store/prefs-slice';
import { LessonPanel } from '../lesson/LessonPanel';
import { PanelBoundary } from '../shell/PanelBoundary';
import { useAppStore } from '../store';
import { EventsPanel } from './EventsPanel';
import { InspectorPanel } from './InspectorPanel';
import { NarrationPanel } from './NarrationPanel';
import { TerminalPanel } from './TerminalPanel';

const PANELS: readonly { id: PanelName; title: string }[] = [
  { id: 'lesson', title: 'Lessons' },
  { id: 'narration', title: 'Why' },
  { id: 'events', title: 'Events' },
  { id: 'inspector', title: 'Inspector' },
  { id: 'terminal', title: 'Terminal' },
];

export function SidePanel() {
  const current = useAppStore((store) => store.sidePanel);
  const show = useAppStore((store) => store.showPanel);
  return (
    <aside className="side-panel">
      <div role="tablist" aria-label="Panels" className="tabs">
        {PANELS.map((panel) => (
          <button
            key={panel.id}
            type="button"
            role="tab"
            id={`tab-${panel.id}`}
            aria-controls={`panel-${panel.id}`}
            aria-selected={panel.id === current}
            onClick={() => show(panel.id)}
          >
            {panel.title}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`panel-${current}`}
        aria-labelledby={`tab-${current}`}
        className="side-panel__body"
      >
        <PanelBoundary key={current} name={PANELS.find((panel) => panel.id === current)?.title ?? current}>
          {current === 'lesson' && <LessonPanel />}
          {current === 'narration' && <NarrationPanel />}
          {current === 'events' && <EventsPanel />}
          {current === 'inspector' && <InspectorPanel />}
          {current === 'terminal' && <TerminalPanel />}
        </PanelBoundary>
      </div>
    </aside>
  );
}
