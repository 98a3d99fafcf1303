import { describe, expect, it } from 'vitest';
import { accessModeSetKey, allowsMultiNodeAttach, containsAllModes, formatAccessModes } from './access-modes';
import { matchesLabelSelector, matchesNodeSelector, matchesNodeSelectorMap } from './labels';

describe('access modes', () => {
  it('print in kubectl order, short and de-duplicated', () => {
    expect(formatAccessModes(['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'])).toBe('RWO,RWX');
    expect(formatAccessModes(['ReadWriteOncePod'])).toBe('RWOP');
  });

  it('index by set regardless of order', () => {
    expect(accessModeSetKey(['ReadOnlyMany', 'ReadWriteOnce'])).toBe(
      accessModeSetKey(['ReadWriteOnce', 'ReadOnlyMany']),
    );
  });

  it('need every requested mode, and allow multi-node attach only for RWX/ROX', () => {
    expect(containsAllModes(['ReadWriteOnce', 'ReadOnlyMany'], ['ReadOnlyMany'])).toBe(true);
    expect(containsAllModes(['ReadWriteOnce'], ['ReadWriteOnce', 'ReadOnlyMany'])).toBe(false);
    expect(allowsMultiNodeAttach(['ReadWriteOnce'])).toBe(false);
    expect(allowsMultiNodeAttach(['ReadWriteOnce', 'ReadOnlyMany'])).toBe(true);
  });
});

describe('selectors', () => {
  const labels = { tier: 'gold', zone: 'a' };

  it('label selectors AND matchLabels and every expression operator', () => {
    expect(matchesLabelSelector({ matchLabels: { tier: 'gold' } }, labels)).toBe(true);
    expect(matchesLabelSelector({ matchLabels: { tier: 'silver' } }, labels)).toBe(false);
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'tier', operator: 'In', values: ['gold', 'x'] }] },
        labels,
      ),
    ).toBe(true);
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['gold'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      matchesLabelSelector(
        { matchExpressions: [{ key: 'missing', operator: 'NotIn', values: ['gold'] }] },
        labels,
      ),
    ).toBe(true);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, labels)).toBe(
      true,
    );
    expect(
      matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }] }, labels),
    ).toBe(false);
    expect(matchesLabelSelector({ matchExpressions: [{ key: 'zone', operator: 'Bogus' }] }, labels)).toBe(
      false,
    );
  });

  it('node selector terms OR, requirements inside a term AND, matchFields on the node name', () => {
    const selector = {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
        {
          matchExpressions: [
            { key: 'tier', operator: 'In', values: ['gold'] },
            { key: 'zone', operator: 'In', values: ['a'] },
          ],
        },
      ],
    };
    expect(matchesNodeSelector(selector, labels)).toBe(true);
    expect(matchesNodeSelector(selector, { zone: 'c' })).toBe(false);
    const byName = {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-a'] }] }],
    };
    expect(matchesNodeSelector(byName, {}, 'node-a')).toBe(true);
    expect(matchesNodeSelector(byName, {}, 'node-b')).toBe(false);
    expect(
      matchesNodeSelector(
        { nodeSelectorTerms: [{ matchExpressions: [{ key: 'n', operator: 'Gt', values: ['3'] }] }] },
        { n: '4' },
      ),
    ).toBe(true);
  });

  it('nodeSelector maps need every label', () => {
    expect(matchesNodeSelectorMap({ zone: 'a' }, labels)).toBe(true);
    expect(matchesNodeSelectorMap({ zone: 'a', disk: 'ssd' }, labels)).toBe(false);
  });
});
