/** A ready-made manifest the learner can load into the editor and apply. */
export interface Example {
  /** Stable id, for links and tests. */
  readonly id: string;
  readonly title: string;
  /** What the example shows and what to expect after applying it. */
  readonly description: string;
  /** One or more YAML documents, applied together. */
  readonly yaml: string;
}

/** Joins YAML documents with `---` separators. */
export function documents(...parts: readonly string[]): string {
  return parts.map((part) => part.trimEnd()).join('\n---\n') + '\n';
}
