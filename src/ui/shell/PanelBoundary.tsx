/**
 * One broken panel must not take the app down: each panel renders inside its own boundary, which
 * shows what failed and a way to try again, while the rest of the app (and the user's text)
 * carries on. (React itself logs the error to the console for a bug report.)
 */
import type { ReactNode } from 'react';
import { Component } from 'react';
import { failingPanel } from './test-faults';

interface Props {
  /** The panel's name, as the user knows it ("Graph", "Inspector"). */
  readonly name: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
}

export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return <FaultProbe name={this.props.name}>{this.props.children}</FaultProbe>;
    return (
      <div className="panel-failure" role="alert" aria-label={`${this.props.name} failed`}>
        <p>
          <strong>The {this.props.name.toLowerCase()} panel ran into a problem</strong> and stopped; the rest
          of the app, your manifests and the cluster are fine.
        </p>
        <p className="panel-failure__detail">{error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

/** Throws while a test has asked this panel to fail (see test-faults.ts). */
function FaultProbe({ name, children }: { name: string; children: ReactNode }) {
  if (failingPanel() === name) throw new Error(`${name} was asked to fail (test)`);
  return children;
}
