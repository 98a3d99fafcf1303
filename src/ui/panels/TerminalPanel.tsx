/** A kubectl line with history (Up/Down), answering like real kubectl. */
import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { runKubectlLine } from '../engine/connection';
import { useAppStore } from '../store';

export function TerminalPanel() {
  const entries = useAppStore((store) => store.terminalEntries);
  const history = useAppStore((store) => store.commandHistory);
  const [line, setLine] = useState('');
  const [cursor, setCursor] = useState<number | null>(null);
  const output = useRef<HTMLDivElement>(null);

  useEffect(() => {
    output.current?.scrollTo({ top: output.current.scrollHeight });
  }, [entries]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const command = line.trim();
    if (!command) return;
    setLine('');
    setCursor(null);
    void runKubectlLine(command);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    if (history.length === 0) return;
    const next =
      event.key === 'ArrowUp'
        ? cursor === null
          ? history.length - 1
          : Math.max(0, cursor - 1)
        : cursor === null
          ? null
          : cursor + 1;
    if (next === null || next >= history.length) {
      setCursor(null);
      setLine('');
      return;
    }
    setCursor(next);
    setLine(history[next] ?? '');
  };

  return (
    <section className="terminal" aria-label="kubectl terminal">
      <div className="terminal__output" ref={output} role="log" aria-live="polite">
        {entries.map((entry) => (
          <div key={entry.id} className="terminal__entry">
            <div className="terminal__prompt">$ {entry.line}</div>
            {entry.stdout && <pre className="terminal__stdout">{entry.stdout}</pre>}
            {entry.stderr && <pre className="terminal__stderr">{entry.stderr}</pre>}
          </div>
        ))}
      </div>
      <form onSubmit={submit} className="terminal__form">
        <span aria-hidden="true">$</span>
        <input
          className="nokey"
          value={line}
          onChange={(event) => setLine(event.target.value)}
          onKeyDown={onKeyDown}
          aria-label="kubectl command"
          placeholder="kubectl get pv,pvc"
          spellCheck={false}
          autoComplete="off"
        />
      </form>
    </section>
  );
}
