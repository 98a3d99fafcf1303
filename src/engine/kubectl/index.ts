/** The simulated kubectl line, and the field documentation it shares with the editor. */
export { runKubectl, KUBECTL_COMMANDS } from './run';
export { tokenize } from './tokenize';
export type { TokenizeResult } from './tokenize';
export { fieldDoc, fieldInfo } from './field-docs';
export type { FieldInfo } from './field-docs';
export { CLIENT_VERSION, SERVER_VERSION } from './commands/version';
export type { KubectlFiles, KubectlOutput } from './types';
