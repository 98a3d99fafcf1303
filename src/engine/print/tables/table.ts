/** The shape of one `kubectl get` table: its columns and how an object becomes a row. */
import type { KindMap, KindName } from '../../model/types';

export interface Column {
  /** As printers.go names it; the header line is upper-cased. */
  readonly name: string;
  /** Priority-1 columns, shown only with `-o wide`. */
  readonly wide?: boolean;
}

export interface RowContext {
  /** Simulated seconds now, for the AGE-like cells. */
  readonly clock: number;
}

export interface TableDefinition<K extends KindName> {
  readonly columns: readonly Column[];
  /** One cell per column, wide ones included: the printer drops what it does not show. */
  readonly row: (object: KindMap[K], context: RowContext) => readonly string[];
  /** Orders a full listing, given in creation order (named objects keep the order they were named in). */
  readonly order?: (objects: readonly KindMap[K][]) => KindMap[K][];
}

export type TableDefinitions = { readonly [K in KindName]: TableDefinition<K> };

/** Optional string fields kubectl prints as "<unset>" when nil. */
export function unsetCell(value: string | undefined): string {
  return value ?? '<unset>';
}

export function noneCell(value: string | undefined): string {
  return value ? value : '<none>';
}
