/** Lesson 2: the volumes a pod declares itself — emptyDir, configMap and hostPath. */
import type { Lesson } from '../types';

const cachePod = `apiVersion: v1
kind: Pod
metadata:
  name: test-pd
spec:
  nodeSelector:
    kubernetes.io/hostname: node-a
  containers:
    - image: registry.k8s.io/test-webserver
      name: test-container
      volumeMounts:
        - mountPath: /cache
          name: cache-volume
  volumes:
    - name: cache-volume
      emptyDir:
        sizeLimit: 500Mi
`;

const fetcherAndServerPod = `apiVersion: v1
kind: Pod
metadata:
  name: website
spec:
  nodeSelector:
    kubernetes.io/hostname: node-a
  containers:
    - name: fetcher
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: site
          mountPath: /downloads
    - name: server
      image: nginx:1.27
      volumeMounts:
        - name: site
          mountPath: /usr/share/nginx/html
          readOnly: true
  volumes:
    - name: site
      emptyDir: {}
`;

const logConfigMap = `apiVersion: v1
kind: ConfigMap
metadata:
  name: log-config
data:
  log_level: debug
  log_format: json
`;

const configMapPod = `apiVersion: v1
kind: Pod
metadata:
  name: configmap-pod
spec:
  nodeSelector:
    kubernetes.io/hostname: node-a
  containers:
    - name: test
      image: busybox:1.28
      command: ['sh', '-c', 'echo "The app is running!" && tail -f /dev/null']
      volumeMounts:
        - name: config-vol
          mountPath: /etc/config
  volumes:
    - name: config-vol
      configMap:
        name: log-config
        items:
          - key: log_level
            path: log_level.conf
`;

const hostPathPod = (name: string, node: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: host
          mountPath: /host
  volumes:
    - name: host
      hostPath:
        path: /var/demo
        type: DirectoryOrCreate
`;

export const volumesTour: Lesson = {
  id: 'volumes-tour',
  number: 2,
  title: 'A tour of pod volumes',
  summary:
    'Volumes a pod declares itself: an emptyDir for scratch space, a configMap that turns keys into files, ' +
    'and a hostPath that stays on one node.',
  setup: [],
  steps: [
    {
      id: 'empty-dir-size-limit',
      title: 'Scratch space with a size limit',
      prose:
        'A pod lists its volumes under `spec.volumes`, and each container chooses where to see them with ' +
        '`volumeMounts`. The two are joined by name.\n\nThe pod `test-pd` asks for an `emptyDir` named ' +
        '`cache-volume` and mounts it at `/cache`. `sizeLimit: 500Mi` caps how much it may hold: if the ' +
        'pod writes more, kubelet evicts it (the simulator records the limit but never fills a disk). Use ' +
        'it for caches and scratch files you can afford to lose.\n\n' +
        'Apply the pod and write `/cache/page.html` from it.',
      editor: cachePod,
      goals: [
        {
          label: 'The pod test-pd is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'test-pd' }, phase: 'Running' },
        },
        {
          label: '/cache/page.html is in the emptyDir',
          check: {
            read: {
              pod: { namespace: 'default', name: 'test-pd' },
              path: '/cache/page.html',
              content: 'cached',
            },
          },
        },
      ],
      hints: [
        'Apply the manifest in the editor, then select the pod once it runs.',
        'Write the file under the mount path /cache so that it lands in the volume.',
        'Write /cache/page.html with the content "cached".',
      ],
      solution: [
        { type: 'apply', text: cachePod },
        { type: 'write', pod: { name: 'test-pd' }, path: '/cache/page.html', content: 'cached' },
      ],
    },
    {
      id: 'empty-dir-shared-by-containers',
      title: 'Two containers, one emptyDir',
      prose:
        'An `emptyDir` belongs to the pod, so every container of the pod can mount it, each at its own ' +
        'path. A classic pattern: one container fetches files and another serves them.\n\nIn `website`, ' +
        'the `fetcher` container sees the volume at `/downloads` and the `server` container (read-only) at ' +
        '`/usr/share/nginx/html`. Apply it and write `/downloads/index.html`.',
      editor: fetcherAndServerPod,
      goals: [
        {
          label: 'The pod website is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'website' }, phase: 'Running' },
        },
        {
          label: 'The server sees /usr/share/nginx/html/index.html',
          check: {
            read: {
              pod: { namespace: 'default', name: 'website' },
              path: '/usr/share/nginx/html/index.html',
              content: 'hello',
            },
          },
        },
      ],
      hints: [
        'Both mounts name the same volume, site: a file written through one path appears at the other.',
        'Write /downloads/index.html with the content "hello" (the server mount is read-only).',
      ],
      solution: [
        { type: 'apply', text: fetcherAndServerPod },
        { type: 'write', pod: { name: 'website' }, path: '/downloads/index.html', content: 'hello' },
      ],
    },
    {
      id: 'config-map-items',
      title: 'A configMap turns keys into files',
      prose:
        'A ConfigMap holds configuration as keys and values. Mounted as a `configMap` volume, each key ' +
        'becomes a file named after the key, whose content is the value. With `items` you pick which keys ' +
        'appear and under which path; the other keys are left out. The files are read-only.\n\nApply the ' +
        'ConfigMap `log-config` (two keys) and the pod `configmap-pod`, which asks only for `log_level`, ' +
        'as `log_level.conf`.',
      editor: `${logConfigMap}---\n${configMapPod}`,
      goals: [
        {
          label: 'The pod configmap-pod is Running',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'configmap-pod' }, phase: 'Running' },
        },
        {
          label: '/etc/config/log_level.conf holds the value of log_level',
          check: {
            read: {
              pod: { namespace: 'default', name: 'configmap-pod' },
              path: '/etc/config/log_level.conf',
              content: 'debug',
            },
          },
        },
        {
          label: 'log_format, not listed in items, is not there',
          check: {
            read: {
              pod: { namespace: 'default', name: 'configmap-pod' },
              path: '/etc/config/log_format',
              absent: true,
            },
          },
        },
      ],
      hints: [
        'The ConfigMap must exist before the pod can mount it; apply both documents together.',
        'Look at items in the pod: key log_level is shown at path log_level.conf, and nothing else.',
      ],
      solution: [{ type: 'apply', text: `${logConfigMap}---\n${configMapPod}` }],
      prediction: {
        question: 'The ConfigMap has two keys; the volume lists one item. Which files are in /etc/config?',
        choices: [
          'log_level and log_format',
          'log_level.conf only',
          'log_level.conf, log_level and log_format',
        ],
        answer: 1,
        explanation:
          'With items, only the listed keys are projected, each at the path given; without items every key would appear under its own name.',
      },
    },
    {
      id: 'host-path-outlives-pod',
      title: 'hostPath: a directory of the node',
      prose:
        "A `hostPath` volume mounts a directory of the node's own disk into the pod. It is not created for " +
        'the pod, so it is not deleted with it either: the next pod on that node finds the files.\n\n' +
        'Apply `logger-a` (pinned to `node-a` by its `nodeSelector`), write `/host/note.txt`, delete the ' +
        'pod, then start `reader-a` on the same node.',
      editor: hostPathPod('logger-a', 'node-a'),
      goals: [
        {
          label: 'logger-a is gone',
          check: { object: { kind: 'Pod', namespace: 'default', name: 'logger-a' }, absent: true },
        },
        {
          label: 'reader-a runs on node-a',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'reader-a' },
            phase: 'Running',
            node: 'node-a',
          },
        },
        {
          label: 'reader-a finds the note',
          check: {
            read: {
              pod: { namespace: 'default', name: 'reader-a' },
              path: '/host/note.txt',
              content: 'written on node-a',
            },
          },
        },
      ],
      hints: [
        'Apply logger-a and write the file under /host, where the hostPath is mounted.',
        'Write /host/note.txt with "written on node-a", delete logger-a, wait until it is gone.',
        'Apply the same manifest with the name changed to reader-a, still pinned to node-a.',
      ],
      solution: [
        { type: 'apply', text: hostPathPod('logger-a', 'node-a') },
        { type: 'write', pod: { name: 'logger-a' }, path: '/host/note.txt', content: 'written on node-a' },
        { type: 'delete', ref: { kind: 'Pod', namespace: 'default', name: 'logger-a' } },
        { type: 'apply', text: hostPathPod('reader-a', 'node-a') },
      ],
    },
    {
      id: 'host-path-is-node-local',
      title: 'Another node, another directory',
      prose:
        'The same path on another node is a different directory on a different machine. Start `reader-b` ' +
        'with the same volume, pinned to `node-b`, and look for the note.\n\nThis is why `hostPath` is ' +
        "rarely the right home for an application's data: if the pod moves to another node, its files stay " +
        'behind. It also exposes the node to the pod, so most clusters restrict it.',
      editor: hostPathPod('reader-b', 'node-b'),
      goals: [
        {
          label: 'reader-b runs on node-b',
          check: {
            object: { kind: 'Pod', namespace: 'default', name: 'reader-b' },
            phase: 'Running',
            node: 'node-b',
          },
        },
        {
          label: 'reader-b finds no note in /host',
          check: {
            read: { pod: { namespace: 'default', name: 'reader-b' }, path: '/host/note.txt', absent: true },
          },
        },
      ],
      hints: [
        'The manifest in the editor is reader-b, pinned to node-b. Apply it.',
        'Then read /host/note.txt from reader-b and compare with reader-a.',
      ],
      solution: [{ type: 'apply', text: hostPathPod('reader-b', 'node-b') }],
      prediction: {
        question: 'reader-b mounts the same hostPath, /var/demo, but on node-b. Does it see note.txt?',
        choices: ['Yes, the path is the same', 'No, it is a different directory on another machine'],
        answer: 1,
        explanation:
          'A hostPath is a directory on the node the pod runs on. node-b has its own /var/demo, which is empty.',
      },
    },
  ],
};
