/** The manifests of the volume notes (ephemeral and node volumes), plus the MySQL story they tell. */
import { documents } from './types';
import type { Example } from './types';
import { STANDARD_SSD_CLASS } from './shared-objects';

export const emptyDirPod: Example = {
  id: 'notes-empty-dir',
  title: 'Scratch space that lives with the pod (emptyDir)',
  description:
    'The pod test-pd gets an empty directory at /cache, created when the pod starts on its node ' +
    'and capped at 500Mi. All containers of the pod can share it, and it survives a container ' +
    'crash, but deleting the pod deletes it: a new pod, even with the same name, starts empty.',
  yaml: `apiVersion: v1
kind: Pod
metadata:
  name: test-pd
spec:
  containers:
    - image: registry.k8s.io/test-webserver
      name: test-container
      volumeMounts:
        - mountPath: /cache
          name: cache-volume
  volumes:
    - name: cache-volume
      emptyDir:
        sizeLimit: 500Mi # the most this pod may store here
`,
};

export const configMapPod: Example = {
  id: 'notes-config-map',
  title: 'Configuration as files (configMap volume)',
  description:
    'The ConfigMap log-config holds settings; the pod configmap-pod mounts it at /etc/config. ' +
    'Because the volume lists items, only the key log_level appears, as the file ' +
    '/etc/config/log_level.conf. The ConfigMap must exist: without it the pod is scheduled but ' +
    'cannot start (FailedMount), which is why it is part of this example.',
  yaml: documents(
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: log-config
data:
  log_level: INFO
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: configmap-pod
spec:
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
        items: # only these keys, at these paths
          - key: log_level
            path: log_level.conf
`,
  ),
};

export const hostPathPod: Example = {
  id: 'notes-host-path-pod',
  title: 'A directory on the node (hostPath in a pod)',
  description:
    'The pod writes into /var/log/node-logger on the node it runs on. The files outlive the pod, ' +
    'but they belong to that node: a pod scheduled on another node finds a different, empty ' +
    'directory. Useful for node agents; risky for application data.',
  yaml: `apiVersion: v1
kind: Pod
metadata:
  name: node-logger
spec:
  containers:
    - name: logger
      image: busybox:1.36
      command: ['sh', '-c', 'while true; do date >> /logs/beat; sleep 60; done']
      volumeMounts:
        - name: node-logs
          mountPath: /logs
  volumes:
    - name: node-logs
      hostPath:
        path: /var/log/node-logger
        type: DirectoryOrCreate # create it on the node if missing
`,
};

export const mysqlWithClaim: Example = {
  id: 'notes-mysql',
  title: 'A database whose data outlives crashes',
  description:
    'Files written inside a container are lost when it crashes. MySQL keeps its data in ' +
    '/var/lib/mysql, so this pod mounts a claim there. The claim uses the standard-ssd class, which ' +
    'creates a disk once the pod is scheduled. Crash the pod or even delete and re-create it: the ' +
    'database files are still on the disk, because the claim and its volume do not belong to the pod.',
  yaml: documents(
    STANDARD_SSD_CLASS,
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: mysql-data
spec:
  accessModes:
    - ReadWriteOnce # one node at a time: one database server
  resources:
    requests:
      storage: 10Gi
  storageClassName: standard-ssd
`,
    `apiVersion: v1
kind: Pod
metadata:
  name: mysql
spec:
  containers:
    - name: mysql
      image: mysql:8.4
      env:
        - name: MYSQL_RANDOM_ROOT_PASSWORD
          value: 'yes'
      volumeMounts:
        - name: data
          mountPath: /var/lib/mysql # where MySQL keeps its databases
  volumes:
    - name: data
      persistentVolumeClaim:
        claimName: mysql-data
`,
  ),
};
