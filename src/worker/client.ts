/** Starts the engine worker and checks it speaks this protocol version. */
import * as Comlink from 'comlink';
import type { EngineApi, EngineInfo, Frame, TimelinePosition } from './protocol';
import { PROTOCOL_VERSION } from './protocol';

export type EngineClient = Comlink.Remote<EngineApi>;

export interface EngineConnection {
  readonly client: EngineClient;
  readonly info: EngineInfo;
  readonly terminate: () => void;
}

export async function connectEngine(
  onFrame: (frame: Frame, position: TimelinePosition) => void,
  /** The worker failed outside any call (an uncaught error at its top level). */
  onCrash: (reason: string) => void = () => undefined,
): Promise<EngineConnection> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'engine',
  });
  worker.addEventListener('error', (event) => onCrash(event.message || 'the worker failed'));
  const client = Comlink.wrap<EngineApi>(worker);
  const info = await client.hello();
  if (info.protocolVersion !== PROTOCOL_VERSION) {
    worker.terminate();
    throw new Error(
      `the engine worker speaks protocol ${info.protocolVersion}, this page expects ${PROTOCOL_VERSION}`,
    );
  }
  await client.subscribe(Comlink.proxy(onFrame));
  return { client, info, terminate: () => worker.terminate() };
}
