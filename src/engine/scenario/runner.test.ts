import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioFormatError } from './format';
import { runScenario } from './runner';

const base = `name: test
steps:
  - apply: |
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-1}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: ""
        hostPath: {path: /mnt/data/pv-1}
  - settle: {}
`;

describe('scenario runner', () => {
  it('passes when every expectation holds', () => {
    const outcome = runScenario(
      parseScenario(`${base}  - expect:\n      - object: PersistentVolume/pv-1\n        phase: Available\n`),
    );
    expect(outcome).toEqual({ passed: true, problems: [] });
  });

  it('fails and says what differed when an expectation does not hold', () => {
    const outcome = runScenario(
      parseScenario(
        `${base}  - expect:\n      - object: PersistentVolume/pv-1\n        phase: Bound\n      - count: {kind: PersistentVolume, equals: 2}\n`,
      ),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.problems).toEqual([
      'step 3: PersistentVolume/pv-1 phase: expected "Bound", got "Available"',
      'step 3: count of PersistentVolume: expected 2, got 1',
    ]);
  });

  it('fails a refused step that has no expectError, and an expectError after a success', () => {
    const refused = runScenario(parseScenario(`name: t\nsteps:\n  - apply: "kind: Nope"\n  - settle: {}\n`));
    expect(refused.passed).toBe(false);
    expect(refused.problems[0]).toMatch(/refused without an expectError/);
    const unexpected = runScenario(parseScenario(`${base}  - expectError: Invalid\n`));
    expect(unexpected.passed).toBe(false);
    const wrongKind = runScenario(
      parseScenario(`name: t\nsteps:\n  - apply: "a: [\\n"\n  - expectError: Invalid\n`),
    );
    expect(wrongKind.problems[0]).toMatch(/expected Invalid, got Parse/);
  });

  it('refuses unknown steps and fields instead of ignoring them', () => {
    expect(() => parseScenario('name: t\nsteps:\n  - teleport: {}\n')).toThrow(ScenarioFormatError);
    expect(() =>
      parseScenario(
        'name: t\nsteps:\n  - expect:\n      - object: PersistentVolume/pv\n        colour: red\n',
      ),
    ).toThrow(/unknown field "colour"/);
    expect(() => parseScenario('name: t\nflavour: x\nsteps: []\n')).toThrow(/unknown field "flavour"/);
  });

  it('reads files and reports a missing one', () => {
    const scenario = parseScenario(
      `${base}  - expect:\n      - read: {pod: default/nobody, path: /x, content: y}\n`,
    );
    const outcome = runScenario(scenario);
    expect(outcome.passed).toBe(false);
    expect(outcome.problems[0]).toContain('pods "nobody" not found');
  });
});
