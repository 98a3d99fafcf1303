/**
 * Failures drawn where they happen: the engine's graphFailures turned into additions to a built
 * graph model. A failure between two objects is a 'failure' edge from the one that fails to what
 * it fails on, with a short label; an object a pod waits for that does not exist is a dashed
 * "missing" card with an edge from the pod; a lone Pending claim says why on its card; a card with
 * Warning events gets a warning mark. Pure: a model and failures in, a model out.
 */
import type { GraphFailure, ObjectRef } from '../../engine';
import { objectNodeId, refOfNodeId } from './ids';
import type { GraphEdgeModel, GraphModel, GraphNodeModel, WarningMark } from './model';

const MISSING_PREFIX = 'missing:';

/** The graph id of the dashed card standing for an object that does not exist. */
export function missingNodeId(ref: ObjectRef): string {
  return `${MISSING_PREFIX}${objectNodeId(ref)}`;
}

export function isMissingNodeId(id: string): boolean {
  return id.startsWith(MISSING_PREFIX);
}

export function failureEdgeId(source: string, target: string): string {
  return `failure:${source}->${target}`;
}

/** "Failure from Pod web to ConfigMap app-config: waits for it". */
export function failureEdgeAriaLabel(edge: GraphEdgeModel): string {
  return `Failure from ${describeNodeId(edge.source)} to ${describeNodeId(edge.target)}: ${edge.label ?? ''}`;
}

function describeNodeId(id: string): string {
  const ref = refOfNodeId(isMissingNodeId(id) ? id.slice(MISSING_PREFIX.length) : id);
  return ref ? `${ref.kind} ${ref.name}` : id;
}

export function withFailures(model: GraphModel, failures: readonly GraphFailure[]): GraphModel {
  const overlay = new Overlay(model);
  for (const failure of failures) overlay.add(failure);
  return overlay.model();
}

class Overlay {
  private readonly nodes: GraphNodeModel[];
  private readonly indexOf = new Map<string, number>();
  private readonly edges: GraphEdgeModel[] = [];
  /** The label of a failure edge sits under its source card: one failure edge per source. */
  private readonly sources = new Set<string>();

  constructor(private readonly base: GraphModel) {
    this.nodes = [...base.nodes];
    this.nodes.forEach((item, index) => this.indexOf.set(item.id, index));
  }

  model(): GraphModel {
    return { ...this.base, nodes: this.nodes, edges: [...this.base.edges, ...this.edges] };
  }

  add(failure: GraphFailure): void {
    switch (failure.kind) {
      case 'claim-closest':
        this.edge(objectNodeId(failure.claim), objectNodeId(failure.volume), failure.label);
        return;
      case 'claim-alone':
        this.alert(objectNodeId(failure.claim), failure.label);
        return;
      case 'claim-held':
        this.edge(objectNodeId(failure.claim), objectNodeId(failure.pod), failure.label);
        return;
      case 'pod-zone':
      case 'pod-multi-attach':
        this.edge(objectNodeId(failure.pod), objectNodeId(failure.target.volume), failure.label);
        return;
      case 'pod-missing':
        this.missing(failure.pod, failure.missing);
        return;
      case 'warning':
        this.warningMark(objectNodeId(failure.object), failure.events);
        return;
    }
  }

  private edge(source: string, target: string, label: string): void {
    if (!this.indexOf.has(source) || !this.indexOf.has(target) || this.sources.has(source)) return;
    this.sources.add(source);
    this.edges.push({ id: failureEdgeId(source, target), kind: 'failure', source, target, label });
  }

  /**
   * Why the card is stuck, in place of its facts: it may take both fact lines (cards have a fixed
   * height), and the inspector still shows what the facts said.
   */
  private alert(id: string, label: string): void {
    this.update(id, (item) => ({ ...item, facts: [label], alertFact: label }));
  }

  private missing(pod: ObjectRef, ref: ObjectRef): void {
    const podId = objectNodeId(pod);
    if (!this.indexOf.has(podId)) return;
    const id = missingNodeId(ref);
    if (!this.indexOf.has(id)) {
      const kind = ref.kind === 'ConfigMap' ? 'ConfigMap' : 'PersistentVolumeClaim';
      const name = ref.namespace && ref.namespace !== 'default' ? `${ref.namespace}/${ref.name}` : ref.name;
      this.indexOf.set(id, this.nodes.length);
      this.nodes.push({
        id,
        kind,
        // Beside the pod, where its claims are: what the pod reads from.
        lane: 'claims',
        kindLabel: kind === 'ConfigMap' ? 'ConfigMap' : 'PVC',
        name,
        status: 'missing',
        tone: 'failed',
        facts: ['not found'],
        anchor: podId,
        missing: true,
        ariaLabel: `${kind} ${name}, missing`,
      });
    }
    // The card says what is missing ("ConfigMap app-config, missing"); the line, who waits for it.
    this.edge(podId, id, 'waits for it');
  }

  private warningMark(id: string, events: Extract<GraphFailure, { kind: 'warning' }>['events']): void {
    const reasons = [...new Set(events.map((event) => event.reason))];
    const count = events.length;
    const mark: WarningMark = {
      count,
      ariaLabel: `${count} warning${count === 1 ? '' : 's'}: ${reasons.join(', ')}`,
      eventKeys: events.map((event) => `${event.eventNamespace}/${event.eventName}`),
    };
    this.update(id, (item) => ({ ...item, warnings: mark }));
  }

  private update(id: string, change: (item: GraphNodeModel) => GraphNodeModel): void {
    const index = this.indexOf.get(id);
    const item = index === undefined ? undefined : this.nodes[index];
    if (index !== undefined && item) this.nodes[index] = change(item);
  }
}
