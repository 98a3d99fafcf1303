/** The app shell: manifests on the left, the cluster in the middle, what happened and why on the right. */
import { MotionConfig } from 'motion/react';
import { useEffect } from 'react';
import { startEngine } from './engine/connection';
import { ClusterGraph } from './graph/ClusterGraph';
import { EditorPane } from './panels/EditorPane';
import { PlaybackBar } from './panels/PlaybackBar';
import { SidePanel } from './panels/SidePanel';
import { DemoCaption, InstructorMode } from './presenter';
import { PanelBoundary } from './shell/PanelBoundary';
import { Workbench } from './shell/Workbench';
import { useAppStore } from './store';
import { useWorkspace } from './workspace/use-workspace';
import { TimelineStrip } from './timeline/TimelineStrip';
import { WorkspaceMenu } from './workspace/WorkspaceMenu';

export function App() {
  const reducedMotion = useAppStore((store) => store.reducedMotion);
  const engineStatus = useAppStore((store) => store.engineStatus);
  const engineError = useAppStore((store) => store.engineError);
  const engineNotice = useAppStore((store) => store.engineNotice);
  const setEngineNotice = useAppStore((store) => store.setEngineNotice);
  useEffect(() => {
    void startEngine().catch(() => undefined);
  }, []);
  const workspaceNotice = useWorkspace();
  return (
    <MotionConfig reducedMotion={reducedMotion === null ? 'user' : reducedMotion ? 'always' : 'never'}>
      <div className="app">
        <header className="app__header">
          <h1>
            <span>Kubernetes storage,</span> <span>visualized</span>
          </h1>
          <PlaybackBar />
          <WorkspaceMenu />
        </header>
        <PanelBoundary name="Timeline">
          <TimelineStrip />
        </PanelBoundary>
        {engineStatus === 'failed' && (
          <p className="engine-error" role="alert">
            The simulated cluster could not start: {engineError}
          </p>
        )}
        {engineNotice && (
          <p className="workspace-notice is-info" role="status" aria-label="Engine">
            {engineNotice}{' '}
            <button type="button" onClick={() => setEngineNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
        {workspaceNotice && (
          <p
            className={`workspace-notice is-${workspaceNotice.kind}`}
            role={workspaceNotice.kind === 'problem' ? 'alert' : 'status'}
            aria-label="Workspace"
          >
            {workspaceNotice.message}
          </p>
        )}
        <main className="app__body">
          <Workbench
            editor={
              <PanelBoundary name="Editor">
                <EditorPane />
              </PanelBoundary>
            }
            graph={
              <PanelBoundary name="Graph">
                <ClusterGraph>
                  <DemoCaption />
                </ClusterGraph>
              </PanelBoundary>
            }
            side={
              <PanelBoundary name="Side panel">
                <SidePanel />
              </PanelBoundary>
            }
          />
        </main>
        <InstructorMode />
      </div>
    </MotionConfig>
  );
}
