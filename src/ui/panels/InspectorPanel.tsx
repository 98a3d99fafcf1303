/**
 * The selected object: what it uses and what uses it, its full YAML (status and annotations
 * included), a `kubectl describe` view, and for a claim the "why is it Pending?" matrix. Disks and
 * drivers show their own facts.
 */
import { useEffect, useState } from 'react';
import type { ClaimBindingExplanation, ClusterState } from '../../engine';
import { KINDS } from '../../engine';
import { refOfNodeId } from '../graph/ids';
import { deleteObject, explainClaim, kubectlText } from '../engine/connection';
import { useAppStore } from '../store';
import { ClaimMatrix } from './ClaimMatrix';
import { FaultActions, PodActions } from './ObjectActions';
import { RelationLists } from './RelationLists';
import { WhatIfButton } from '../whatif/WhatIfButton';

type View = 'yaml' | 'describe' | 'why';

export function InspectorPanel() {
  const selectedId = useAppStore((store) => store.selectedId);
  const state = useAppStore((store) => store.frame?.state);
  const [view, setView] = useState<View>('yaml');
  if (!selectedId || !state)
    return <p className="panel-empty">Select something in the graph to inspect it.</p>;
  if (selectedId.startsWith('asset:'))
    return <AssetDetails state={state} id={selectedId.slice('asset:'.length)} />;
  if (selectedId.startsWith('driver:'))
    return <DriverDetails name={selectedId.slice('driver:'.length)} state={state} />;
  const ref = refOfNodeId(selectedId);
  if (!ref) return null;
  const isClaim = ref.kind === 'PersistentVolumeClaim';
  const views: View[] = isClaim ? ['yaml', 'describe', 'why'] : ['yaml', 'describe'];
  const current = views.includes(view) ? view : 'yaml';
  const resource = KINDS[ref.kind].resource;
  const namespaceFlag = ref.namespace ? ` -n ${ref.namespace}` : '';
  return (
    <section className="inspector" aria-label={`Inspector: ${ref.kind} ${ref.name}`}>
      <div className="inspector__title">
        <h3>
          {ref.kind} {ref.namespace ? `${ref.namespace}/` : ''}
          {ref.name}
        </h3>
        {ref.kind !== 'Node' && ref.kind !== 'Namespace' && (
          <button
            type="button"
            onClick={() => void deleteObject(ref)}
            aria-label={`Delete ${ref.kind} ${ref.name}`}
          >
            Delete
          </button>
        )}
      </div>
      {ref.kind === 'Pod' && <PodActions pod={ref} />}
      {isClaim && <WhatIfButton namespace={ref.namespace ?? 'default'} name={ref.name} />}
      {ref.kind === 'Node' && (
        <FaultActions target={{ node: ref.name }} faulty={state.infra.faults.nodes[ref.name] !== undefined} />
      )}
      <RelationLists key={selectedId} state={state} end={ref} />
      <div role="tablist" aria-label="Inspector views" className="tabs">
        {views.map((item) => (
          <button
            key={item}
            type="button"
            role="tab"
            aria-selected={item === current}
            onClick={() => setView(item)}
          >
            {item === 'yaml' ? 'YAML' : item === 'describe' ? 'Describe' : 'Why Pending?'}
          </button>
        ))}
      </div>
      {current === 'why' ? (
        <WhyView
          namespace={ref.namespace ?? 'default'}
          name={ref.name}
          round={state.round}
          seq={state.counters.resourceVersion}
        />
      ) : (
        <CommandOutput
          line={
            current === 'yaml'
              ? `get ${resource} ${ref.name}${namespaceFlag} -o yaml`
              : `describe ${resource} ${ref.name}${namespaceFlag}`
          }
          version={state.counters.resourceVersion}
        />
      )}
    </section>
  );
}

/** Runs a read-only kubectl line in the worker whenever the cluster changes. */
function CommandOutput({ line, version }: { line: string; version: number }) {
  const [text, setText] = useState('');
  useEffect(() => {
    let current = true;
    void kubectlText(line).then((output) => {
      if (current) setText(output);
    });
    return () => {
      current = false;
    };
  }, [line, version]);
  return <pre className="inspector__text">{text}</pre>;
}

function WhyView({ namespace, name, seq }: { namespace: string; name: string; round: number; seq: number }) {
  const [explanation, setExplanation] = useState<ClaimBindingExplanation | undefined>();
  useEffect(() => {
    let current = true;
    void explainClaim(namespace, name).then((result) => {
      if (current) setExplanation(result);
    });
    return () => {
      current = false;
    };
  }, [namespace, name, seq]);
  return explanation ? (
    <ClaimMatrix explanation={explanation} />
  ) : (
    <p className="panel-empty">Checking every volume…</p>
  );
}

function AssetDetails({ state, id }: { state: ClusterState; id: string }) {
  const asset = state.infra.assets[id];
  if (!asset) return <p className="panel-empty">This storage no longer exists.</p>;
  const files = Object.entries(asset.files);
  return (
    <section
      className="inspector"
      aria-label={`Inspector: storage ${asset.handle ?? asset.path ?? asset.id}`}
    >
      <h3>{asset.handle ?? asset.path ?? asset.id}</h3>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{asset.kind}</dd>
        {asset.driver && (
          <>
            <dt>Driver</dt>
            <dd>{asset.driver}</dd>
          </>
        )}
        {asset.zone && (
          <>
            <dt>Zone</dt>
            <dd>{asset.zone}</dd>
          </>
        )}
        {asset.node && (
          <>
            <dt>Node</dt>
            <dd>{asset.node}</dd>
          </>
        )}
        {asset.capacity && (
          <>
            <dt>Size</dt>
            <dd>{asset.capacity}</dd>
          </>
        )}
      </dl>
      <RelationLists key={id} state={state} end={{ kind: 'Asset', id }} />
      <h4>Files ({files.length})</h4>
      {files.length === 0 ? (
        <p className="panel-empty">Empty.</p>
      ) : (
        <ul className="file-list">
          {files.map(([path, content]) => (
            <li key={path}>
              <code>{path}</code>: {content}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DriverDetails({ name, state }: { name: string; state: ClusterState }) {
  const fault = state.infra.faults.drivers[name];
  return (
    <section className="inspector" aria-label={`Inspector: driver ${name}`}>
      <h3>{name}</h3>
      <p>{fault ? `Every backend call fails: ${fault}` : 'Installed and working.'}</p>
      <FaultActions target={{ driver: name }} faulty={fault !== undefined} />
      <RelationLists key={name} state={state} end={{ kind: 'Driver', name }} />
    </section>
  );
}
