/**
 * A production build served by `vite preview` on a port of its own, for the scripts that measure
 * or photograph the app (legibility, screenshots). Resolves once the page answers.
 */
import { spawn } from 'node:child_process';

export interface PreviewServer {
  readonly origin: string;
  readonly stop: () => void;
}

/** `outDir`: the built app to serve (vite's own `dist/` when left out). */
export async function startPreview(port: number, outDir?: string): Promise<PreviewServer> {
  const origin = `http://127.0.0.1:${port}`;
  const args = ['vite', 'preview', ...(outDir ? ['--outDir', outDir] : [])];
  const server = spawn('npx', [...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const stop = () => {
    // Its own process group: npx and the vite it started.
    if (server.exitCode === null && server.pid !== undefined) process.kill(-server.pid);
  };
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(origin)).ok) return { origin, stop };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  stop();
  throw new Error(`vite preview did not start on port ${port}`);
}
