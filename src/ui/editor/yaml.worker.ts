// The YAML language worker (yaml-language-server), bundled by Vite through `?worker`.
import 'monaco-yaml/yaml.worker.js';
