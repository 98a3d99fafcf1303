/** The app shell. The visualizer (graph, editor, panels) is built on the engine in src/engine. */
export function App() {
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '3rem auto', lineHeight: 1.5 }}
    >
      <h1>Kubernetes storage, visualized</h1>
      <p>
        A simulated Kubernetes control plane for persistent storage: PersistentVolumes, claims,
        StorageClasses, provisioning, reclaiming and the data pods write. The engine runs headless and is
        checked against the conformance scenarios; the visual editor and graph come next.
      </p>
    </main>
  );
}
