/** The manifest JSON Schema the editor validates and completes against, with field docs. */
import { buildKindSchemas, fieldDoc } from '../engine';

let cached: object | undefined;

export function manifestSchema(): object {
  cached ??= buildKindSchemas((kind, path) => fieldDoc(kind, path));
  return cached;
}
