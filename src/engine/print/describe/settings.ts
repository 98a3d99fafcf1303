/** describe.DescriberSettings: what a describer prints besides the object itself. */
export interface DescriberSettings {
  /**
   * The trailing `Events:` section. kubectl turns it off when it describes several objects at
   * once (or objects matched by name prefix), unless --show-events is given.
   */
  readonly showEvents: boolean;
}

export const DEFAULT_DESCRIBER_SETTINGS: DescriberSettings = { showEvents: true };
