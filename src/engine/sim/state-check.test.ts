import { describe, expect, it } from 'vitest';
import { createClusterState } from './initial';
import { isClusterState, stateProblem } from './state-check';

describe('state check', () => {
  it('accepts a real state, also after a JSON round trip', () => {
    const state = createClusterState();
    expect(isClusterState(state)).toBe(true);
    expect(isClusterState(JSON.parse(JSON.stringify(state)))).toBe(true);
  });

  it('names what is wrong with anything else', () => {
    const state = JSON.parse(JSON.stringify(createClusterState())) as Record<string, unknown>;
    expect(stateProblem('hello')).toBe('not an object');
    expect(stateProblem({ ...state, schemaVersion: 99 })).toBe('schema version 99, expected 1');
    expect(stateProblem({ ...state, objects: { ...(state['objects'] as object), Pod: [] } })).toBe(
      'the Pod table is missing',
    );
    const objects = state['objects'] as Record<string, Record<string, unknown>>;
    expect(
      stateProblem({ ...state, objects: { ...objects, Node: { x: { kind: 'Pod', metadata: {} } } } }),
    ).toBe('Node x is not a Node');
  });
});
