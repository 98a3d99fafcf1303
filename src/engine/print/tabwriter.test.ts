import { describe, expect, it } from 'vitest';
import { DESCRIBE_SETTINGS, TABLE_SETTINGS, alignTabs } from './tabwriter';

describe('alignTabs (Go text/tabwriter)', () => {
  it('pads each column to its widest cell plus the padding, leaving the last cell alone', () => {
    expect(alignTabs('NAME\tSTATUS\tAGE\ndata-volume\tBound\t5s\n', TABLE_SETTINGS)).toBe(
      'NAME          STATUS   AGE\ndata-volume   Bound    5s\n',
    );
  });

  it('never makes a column narrower than the minimal width', () => {
    expect(alignTabs('A\tB\nx\ty\n', TABLE_SETTINGS)).toBe('A     B\nx     y\n');
  });

  it('ends a column at a line without tabs, so blocks align separately', () => {
    const text = 'Name:\tdata\nSource:\n    Type:\tHostPath\n    Path:\t/mnt\nEvents:\t<none>\n';
    expect(alignTabs(text, DESCRIBE_SETTINGS)).toBe(
      'Name:  data\nSource:\n    Type:  HostPath\n    Path:  /mnt\nEvents:    <none>\n',
    );
  });

  it('aligns deeper columns only across the lines that have them', () => {
    const text = 'a\tbb\tc\naaa\tb\tc\nx\ty\n';
    expect(alignTabs(text, DESCRIBE_SETTINGS)).toBe('a    bb  c\naaa  b   c\nx    y\n');
  });

  it('counts code points (Go runes), not UTF-16 units', () => {
    expect(alignTabs('📦\tx\nab\ty\n', DESCRIBE_SETTINGS)).toBe('📦   x\nab  y\n');
  });
});
