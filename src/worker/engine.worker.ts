/// <reference lib="webworker" />
/** The engine's Web Worker: the EngineHost, exposed over Comlink. */
import * as Comlink from 'comlink';
import { EngineHost } from './engine-host';

const host = new EngineHost({
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

Comlink.expose(host);
