/**
 * What a user can do to a selected pod, node or driver besides editing YAML: write a file from a
 * pod (as `kubectl exec ... -- sh -c 'echo ... > path'` would), crash its containers, make a node
 * stop responding, make a driver's backend fail.
 */
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { ObjectRef } from '../../engine';
import { dispatchIntent } from '../engine/connection';

export function PodActions({ pod }: { pod: ObjectRef }) {
  const [path, setPath] = useState('/data/notes.txt');
  const [content, setContent] = useState('hello');
  const [result, setResult] = useState('');
  const podRef = { namespace: pod.namespace ?? 'default', name: pod.name };
  const write = (event: FormEvent) => {
    event.preventDefault();
    void dispatchIntent({ type: 'write', pod: podRef, path, content }).then(setResult);
  };
  return (
    <div className="object-actions">
      <form
        onSubmit={write}
        className="object-actions__form"
        aria-label={`Write a file from pod ${pod.name}`}
      >
        <label>
          Path <input className="nokey" value={path} onChange={(event) => setPath(event.target.value)} />
        </label>
        <label>
          Content{' '}
          <input className="nokey" value={content} onChange={(event) => setContent(event.target.value)} />
        </label>
        <button type="submit">Write file</button>
      </form>
      <button
        type="button"
        onClick={() => void dispatchIntent({ type: 'crash', pod: podRef }).then(setResult)}
      >
        Crash containers
      </button>
      {result && (
        <p className="object-actions__result" role="status" aria-label="Action result">
          {result}
        </p>
      )}
    </div>
  );
}

export function FaultActions({
  target,
  faulty,
}: {
  target: { driver: string } | { node: string };
  faulty: boolean;
}) {
  const [error, setError] = useState('quota exceeded');
  const label = 'driver' in target ? `driver ${target.driver}` : `node ${target.node}`;
  return (
    <div className="object-actions">
      {faulty ? (
        <button type="button" onClick={() => void dispatchIntent({ type: 'clearFault', target })}>
          Recover {label}
        </button>
      ) : (
        <form
          className="object-actions__form"
          aria-label={`Break ${label}`}
          onSubmit={(event) => {
            event.preventDefault();
            void dispatchIntent({ type: 'fault', target, error });
          }}
        >
          <label>
            Error <input className="nokey" value={error} onChange={(event) => setError(event.target.value)} />
          </label>
          <button type="submit">
            {'driver' in target ? 'Make its backend fail' : 'Make it stop responding'}
          </button>
        </form>
      )}
    </div>
  );
}
