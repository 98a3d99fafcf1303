/**
 * Documentation of the fields of the storage kinds, written for this simulator: what a field
 * does and how the binder, provisioner, scheduler or kubelet use it. One source for
 * `kubectl explain` and the editor's hover text.
 *
 * Paths are dotted from the object's root, as the editor's JSON Schema names them: `''` is the
 * kind itself, `spec.accessModes` a field, `[]` steps into a list's items
 * (`spec.volumes[].hostPath.path`), and a well-known map key is named (`spec.capacity.storage`).
 * Descriptions are plain text (no Markdown), so both a terminal and a hover can show them.
 */
import { ACCESS_MODES } from '../model/access-modes';
import { PV_SOURCE_FIELDS } from '../model/object-helpers';

export interface FieldInfo {
  readonly description: string;
  /** The type `kubectl explain` shows when the shape alone cannot name it (`PersistentVolumeSpec`). */
  readonly typeName?: string;
  /** The values the API server accepts. */
  readonly enum?: readonly string[];
  /** The API server refuses an object without it. */
  readonly required?: boolean;
}

type DocTable = Readonly<Record<string, FieldInfo>>;

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

const ACCESS_MODE_ITEM: FieldInfo = {
  description:
    'One access mode: ReadWriteOnce (read-write from one node at a time), ReadOnlyMany (read-only from many nodes), ReadWriteMany (read-write from many nodes) or ReadWriteOncePod (read-write from a single pod).',
  enum: ACCESS_MODES,
};

const HOST_PATH_TYPE: FieldInfo = {
  description:
    'What must be at the path before the pod starts. DirectoryOrCreate and FileOrCreate create it when missing; Directory, File, Socket, CharDevice and BlockDevice require it to exist already; empty (the default) checks nothing.',
  enum: HOST_PATH_TYPES,
};

const NODE_SELECTOR_OPERATOR: FieldInfo = {
  description:
    'How the values are compared with the label: In, NotIn, Exists, DoesNotExist, Gt or Lt (Gt and Lt compare integers).',
  enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  required: true,
};

/** Metadata and type fields every kind has. */
const COMMON: DocTable = {
  apiVersion: {
    description:
      'The API group and version of the object\'s schema: "v1" for the core kinds, "storage.k8s.io/v1" for StorageClass and CSIDriver.',
  },
  kind: { description: 'The kind of object this document describes. It decides which other fields exist.' },
  metadata: {
    description:
      'Standard object metadata: name, namespace, labels, annotations and finalizers, plus what the server writes (uid, resourceVersion, timestamps).',
    typeName: 'ObjectMeta',
  },
  'metadata.name': {
    description:
      "The object's name: unique among objects of its kind, within its namespace for namespaced kinds. It cannot be changed.",
  },
  'metadata.generateName': {
    description:
      'A prefix from which the server makes a unique name when name is empty (kubectl create only).',
  },
  'metadata.namespace': {
    description:
      'The namespace of a namespaced object (PersistentVolumeClaim, Pod, ConfigMap). Defaults to the current namespace. Cluster-scoped kinds (PersistentVolume, StorageClass) have none.',
  },
  'metadata.labels': {
    description:
      "Key/value pairs that organize and select objects. A claim's selector matches volume labels; a pod's nodeSelector matches node labels.",
  },
  'metadata.annotations': {
    description:
      'Key/value data for tools and controllers, never used for selection. The PV controller records binding progress here (pv.kubernetes.io/bind-completed, pv.kubernetes.io/bound-by-controller), the scheduler the chosen node (volume.kubernetes.io/selected-node).',
  },
  'metadata.finalizers': {
    description:
      'What must happen before the object is removed. A deleted object that still has finalizers stays, shown as Terminating, until controllers remove them: kubernetes.io/pvc-protection while a pod uses the claim, kubernetes.io/pv-protection while the volume is Bound.',
  },
  'metadata.uid': {
    description:
      'A unique id the server gives the object at creation. A claim deleted and created again has a new uid, which is why a Released volume does not bind it.',
  },
  'metadata.resourceVersion': { description: 'Changes on every write; used for optimistic concurrency.' },
  'metadata.creationTimestamp': { description: 'When the object was created (written by the server).' },
  'metadata.deletionTimestamp': {
    description: 'Set when the object was asked to be deleted but finalizers still hold it (Terminating).',
  },
  'metadata.ownerReferences': {
    description: 'Objects this one belongs to; it is garbage-collected when they are deleted.',
  },
};

const PERSISTENT_VOLUME: DocTable = {
  '': {
    description:
      'A PersistentVolume (PV) is a piece of storage in the cluster: made by an administrator, or provisioned on demand through a StorageClass. It is cluster-scoped and outlives pods. A PersistentVolumeClaim binds to it to use it.',
  },
  spec: {
    description:
      'What the volume offers (capacity, access modes, class, volume mode, node affinity) and where its storage is: exactly one volume source such as csi, nfs, hostPath or local.',
    typeName: 'PersistentVolumeSpec',
  },
  'spec.capacity': {
    description:
      'The size of the volume; only the storage key is allowed. A claim binds only if it requests at most this much (quantities compare by value: 1G is less than 1Gi). Binding never resizes the storage.',
  },
  'spec.capacity.storage': {
    description: 'How much storage the volume has: a quantity such as 10Gi (binary units) or 10G (decimal).',
  },
  'spec.accessModes': {
    description:
      'How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod. A claim binds only a volume whose modes include every mode it requests; volumes whose mode set is smallest are tried first. ReadWriteOncePod cannot be combined with another mode.',
  },
  'spec.accessModes[]': ACCESS_MODE_ITEM,
  'spec.persistentVolumeReclaimPolicy': {
    description:
      "What happens when the bound claim is deleted. Retain (the default for volumes made by hand) keeps the volume and its data: it becomes Released and is not reused until its claimRef is cleared. Delete removes the volume and its backing storage (provisioned volumes take the class's reclaimPolicy). Recycle (deprecated; nfs and hostPath only) deletes the files and makes the volume Available again. The policy in force when the claim goes is the one that applies.",
    enum: ['Delete', 'Recycle', 'Retain'],
  },
  'spec.storageClassName': {
    description:
      'The class of the volume. A claim binds only a volume of exactly its class; empty and unset are the same empty class, matched by claims that ask for no class (storageClassName: ""). For binding an existing volume, the StorageClass object does not need to exist.',
  },
  'spec.volumeMode': {
    description:
      'Filesystem (the default): the volume is formatted and mounted as a directory. Block: it is handed to the pod as a raw device. A claim binds only a volume of the same mode. Cannot be changed.',
    enum: ['Block', 'Filesystem'],
  },
  'spec.nodeAffinity': {
    description:
      "The nodes that can reach this volume; pods using it are scheduled only there. Required for local volumes; zonal provisioners set it to the volume's zone. The PV controller does not look at it when binding an Immediate claim, so such a claim can bind a volume no node can use. Cannot be changed once set.",
    typeName: 'VolumeNodeAffinity',
  },
  'spec.nodeAffinity.required': {
    description: 'The nodes that can use the volume: a node must match at least one of the terms.',
    typeName: 'NodeSelector',
    required: true,
  },
  'spec.nodeAffinity.required.nodeSelectorTerms': {
    description: 'Terms that are ORed: a node matching any one of them can use the volume.',
    typeName: '[]NodeSelectorTerm',
    required: true,
  },
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchExpressions': {
    description: "Requirements on the node's labels; all must match (they are ANDed).",
    typeName: '[]NodeSelectorRequirement',
  },
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchExpressions[].key': {
    description: 'The node label, such as topology.kubernetes.io/zone or kubernetes.io/hostname.',
    required: true,
  },
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchExpressions[].operator': NODE_SELECTOR_OPERATOR,
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchExpressions[].values': {
    description:
      'The values to compare with: one or more for In and NotIn, none for Exists and DoesNotExist.',
  },
  'spec.nodeAffinity.required.nodeSelectorTerms[].matchFields': {
    description: 'Requirements on node fields; only metadata.name can be named.',
    typeName: '[]NodeSelectorRequirement',
  },
  'spec.mountOptions': {
    description:
      "Options for mounting the volume, such as nfsvers=4.1 or ro. They are not checked when the volume is created: a wrong one makes the mount fail on the node. Provisioned volumes copy the class's mountOptions.",
  },
  'spec.claimRef': {
    description:
      'The claim this volume is bound to or reserved for. The PV controller writes it when it binds; set namespace and name yourself to reserve the volume for one claim. When the claim is deleted the reference stays, with the old uid, so the volume is Released and matches no claim until claimRef (or just its uid) is removed.',
    typeName: 'ObjectReference',
  },
  'spec.claimRef.name': { description: 'The name of the claim.' },
  'spec.claimRef.namespace': { description: 'The namespace of the claim.' },
  'spec.claimRef.uid': {
    description:
      'The uid of the claim it is bound to. A claim created again with the same name has another uid and does not match; remove the uid to let a claim with this namespace and name bind.',
  },
  'spec.claimRef.kind': { description: 'PersistentVolumeClaim.' },
  'spec.claimRef.apiVersion': { description: 'v1.' },
  'spec.claimRef.resourceVersion': { description: "The claim's resourceVersion when it was bound." },
  'spec.volumeAttributesClassName': {
    description:
      'The VolumeAttributesClass of the volume (changeable attributes such as IOPS); not modeled here beyond matching: a claim binds only a volume with the same value.',
  },
  'spec.hostPath': {
    description:
      'A directory on the file system of the node where the pod runs. Its data stays on that node: a pod on another node sees another directory. Meant for single-node tests; use a local volume with nodeAffinity for node-local storage.',
    typeName: 'HostPathVolumeSource',
  },
  'spec.hostPath.path': { description: 'The path of the directory on the node.', required: true },
  'spec.hostPath.type': HOST_PATH_TYPE,
  'spec.local': {
    description:
      'A disk, partition or directory on one node. Needs nodeAffinity naming that node, so pods using it are scheduled there. Usually paired with a WaitForFirstConsumer class whose provisioner is kubernetes.io/no-provisioner.',
    typeName: 'LocalVolumeSource',
  },
  'spec.local.path': { description: 'The full path of the disk or directory on the node.', required: true },
  'spec.local.fsType': { description: 'The file system to format a raw disk with (ext4 when unset).' },
  'spec.nfs': {
    description:
      'An export of an NFS server: shared storage that pods on many nodes can mount at once. It is never attached to a node.',
    typeName: 'NFSVolumeSource',
  },
  'spec.nfs.server': { description: 'The host name or IP address of the NFS server.', required: true },
  'spec.nfs.path': { description: 'The path the server exports.', required: true },
  'spec.nfs.readOnly': { description: 'Mount the export read-only. Default false.' },
  'spec.csi': {
    description:
      'Storage handled by a CSI driver: its controller creates, attaches and expands the volume, its node plugin mounts it. Volumes that CSI drivers provision use this source.',
    typeName: 'CSIPersistentVolumeSource',
  },
  'spec.csi.driver': { description: 'The name of the CSI driver, such as ebs.csi.aws.com.', required: true },
  'spec.csi.volumeHandle': {
    description: "The driver's own id for the volume (a disk id, a share path), unique for that driver.",
    required: true,
  },
  'spec.csi.fsType': { description: 'The file system the volume is formatted with, such as ext4.' },
  'spec.csi.readOnly': { description: 'Mount the volume read-only. Default false.' },
  'spec.csi.volumeAttributes': { description: 'Driver-specific attributes of the volume.' },
  status: {
    description:
      'The phase of the volume: Pending (not yet seen by the controller), Available (free, or reserved for a named claim), Bound, Released (its claim is gone; not reused until claimRef is cleared) or Failed (automatic reclaim failed; see message). Written by the controllers.',
    typeName: 'PersistentVolumeStatus',
  },
};

const PERSISTENT_VOLUME_CLAIM: DocTable = {
  '': {
    description:
      'A PersistentVolumeClaim (PVC) is a request for storage. It binds to one PersistentVolume that satisfies it: an existing one, or one its StorageClass provisions. Pods use the storage by naming the claim.',
  },
  spec: {
    description:
      'What the claim asks for: access modes, size, class and volume mode, and optionally a label selector or a specific volume. Once created, only the requested size of a Bound claim can be changed (and the fields the controllers fill in).',
    typeName: 'PersistentVolumeClaimSpec',
  },
  'spec.accessModes': {
    description:
      'The access modes the claim needs. It binds only a volume offering all of them; when several mode sets qualify, volumes with the fewest modes are tried first. ReadWriteOnce is enforced per node, when the volume is attached; ReadWriteOncePod per pod, by the scheduler.',
  },
  'spec.accessModes[]': ACCESS_MODE_ITEM,
  'spec.resources': {
    description: 'The minimum resources the claim needs: requests.storage.',
    typeName: 'VolumeResourceRequirements',
  },
  'spec.resources.requests': {
    description: 'The minimum amount of each resource; only storage is used.',
  },
  'spec.resources.requests.storage': {
    description:
      'The minimum size. Any volume at least this big can bind (the smallest that fits wins, so the claim may get more); a provisioned volume gets this size, perhaps rounded up. Raising it on a Bound claim expands the volume when the class has allowVolumeExpansion: true; it cannot go down to or below the current capacity.',
  },
  'spec.resources.limits': { description: 'Maximum amounts; not used for storage.' },
  'spec.selector': {
    description:
      'Binds only volumes whose labels match (matchLabels and matchExpressions, ANDed). A claim with a selector is never provisioned: it can only bind an existing volume.',
    typeName: 'LabelSelector',
  },
  'spec.selector.matchLabels': { description: 'Labels the volume must have, with exactly these values.' },
  'spec.selector.matchExpressions': {
    description: "Requirements on the volume's labels, all of which must match.",
    typeName: '[]LabelSelectorRequirement',
  },
  'spec.selector.matchExpressions[].key': { description: 'The label key.', required: true },
  'spec.selector.matchExpressions[].operator': {
    description: 'In, NotIn, Exists or DoesNotExist.',
    enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'],
    required: true,
  },
  'spec.selector.matchExpressions[].values': {
    description: 'The values for In and NotIn; empty for Exists and DoesNotExist.',
  },
  'spec.storageClassName': {
    description:
      'The StorageClass the claim wants. Only volumes of exactly this class can bind; when none fits, the class\'s provisioner creates one. "" asks for a volume without class, which is never provisioned. Left unset, the default StorageClass is filled in when the claim is created (or later, once a default exists).',
  },
  'spec.volumeMode': {
    description:
      'Filesystem (the default) or Block. Binds only a volume of the same mode. Cannot be changed.',
    enum: ['Block', 'Filesystem'],
  },
  'spec.volumeName': {
    description:
      'The PersistentVolume to bind. The claim then waits for that volume alone and binds it when it exists, is free or reserved for this claim, and fits in size, class, volume mode and access modes; the selector is ignored. The controller sets it when it binds. Cannot be changed once set.',
  },
  'spec.volumeAttributesClassName': {
    description: 'The VolumeAttributesClass to use; only matched, not otherwise modeled here.',
  },
  'spec.dataSource': {
    description: 'Create the volume as a copy of a snapshot or another claim. Not simulated.',
    typeName: 'TypedLocalObjectReference',
  },
  'spec.dataSourceRef': {
    description: 'Like dataSource, also allowing objects of other namespaces. Not simulated.',
    typeName: 'TypedObjectReference',
  },
  status: {
    description:
      'The phase of the claim (Pending, Bound, or Lost when its volume went away), and once bound the capacity and access modes of the volume it got, which can be more than requested.',
    typeName: 'PersistentVolumeClaimStatus',
  },
};

const STORAGE_CLASS: DocTable = {
  '': {
    description:
      'A StorageClass is a kind of storage an administrator offers. Claims that name it get volumes provisioned on demand by its provisioner, with its parameters and policies. It is cluster-scoped; its provisioner, parameters, reclaimPolicy and volumeBindingMode cannot change after creation.',
  },
  provisioner: {
    description:
      'Who creates volumes for this class: the name of a CSI driver, such as ebs.csi.aws.com. kubernetes.io/no-provisioner means no provisioning at all (local volumes made by hand). Cannot be changed.',
    required: true,
  },
  parameters: {
    description:
      'Settings passed to the provisioner, such as a disk type; what they mean depends on the provisioner. Cannot be changed.',
  },
  reclaimPolicy: {
    description:
      'The reclaim policy of the volumes this class provisions: Delete (the default) or Retain. Recycle is not allowed. Cannot be changed; volumes keep the policy they were created with.',
    enum: ['Delete', 'Retain'],
  },
  volumeBindingMode: {
    description:
      "When claims of this class are bound and provisioned. Immediate (the default): as soon as the claim exists, wherever pods will later run. WaitForFirstConsumer: only once a pod using the claim is scheduled, so the volume is chosen or created where that pod's node is (its zone). Cannot be changed.",
    enum: ['Immediate', 'WaitForFirstConsumer'],
  },
  allowVolumeExpansion: {
    description:
      'Whether claims of this class can grow by raising spec.resources.requests.storage. Unset means false. It can be changed at any time.',
  },
  allowedTopologies: {
    description:
      'Where volumes of this class may be provisioned, such as a list of zones; empty means anywhere. With WaitForFirstConsumer, a node outside these topologies cannot get a new volume.',
    typeName: '[]TopologySelectorTerm',
  },
  'allowedTopologies[].matchLabelExpressions': {
    description: 'Requirements, all of which must hold: a topology label and its allowed values.',
    typeName: '[]TopologySelectorLabelRequirement',
  },
  'allowedTopologies[].matchLabelExpressions[].key': {
    description: 'The topology label, such as topology.kubernetes.io/zone.',
    required: true,
  },
  'allowedTopologies[].matchLabelExpressions[].values': {
    description: 'The allowed values of the label.',
    required: true,
  },
  mountOptions: {
    description:
      'Mount options given to every volume this class provisions, such as nfsvers=4.1. Not checked: a wrong option makes mounts fail.',
  },
};

const VOLUME = 'spec.volumes[]';
const CONTAINER = 'spec.containers[]';

const POD: DocTable = {
  '': {
    description:
      "A Pod is a group of containers that run together on one node. It gets storage through its volumes, which volumeMounts place in the containers' file systems.",
  },
  spec: { description: 'The containers of the pod, its volumes and where it may run.', typeName: 'PodSpec' },
  'spec.volumes': {
    description:
      "The volumes the pod's containers can mount. Each has a name and exactly one source: persistentVolumeClaim, emptyDir, configMap, hostPath, nfs and others.",
    typeName: '[]Volume',
  },
  [`${VOLUME}.name`]: {
    description: "The volume's name, unique in the pod; volumeMounts refer to it.",
    required: true,
  },
  [`${VOLUME}.persistentVolumeClaim`]: {
    description:
      "Storage from a PersistentVolumeClaim of the pod's namespace. The data outlives the pod. The pod is scheduled once the claim is bound, or, for a WaitForFirstConsumer class, the claim is bound where the pod is scheduled.",
    typeName: 'PersistentVolumeClaimVolumeSource',
  },
  [`${VOLUME}.persistentVolumeClaim.claimName`]: {
    description: 'The name of a PersistentVolumeClaim in the same namespace as the pod.',
    required: true,
  },
  [`${VOLUME}.persistentVolumeClaim.readOnly`]: {
    description: 'Mount the volume read-only in every container. Default false.',
  },
  [`${VOLUME}.emptyDir`]: {
    description:
      'A scratch directory created empty when the pod starts on its node and shared by its containers. It survives container restarts and is deleted with the pod; a new pod, even with the same name, starts empty.',
    typeName: 'EmptyDirVolumeSource',
  },
  [`${VOLUME}.emptyDir.medium`]: {
    description:
      'Where the directory lives: "" (the node\'s disk, the default) or Memory (a tmpfs, counted as container memory).',
    enum: ['', 'Memory'],
  },
  [`${VOLUME}.emptyDir.sizeLimit`]: {
    description:
      "The most space the directory may use; a pod that goes over it is evicted. Unset: bounded only by the node's disk (or memory for medium Memory).",
  },
  [`${VOLUME}.configMap`]: {
    description:
      'Files made from a ConfigMap: one read-only file per key, named after the key, holding its value.',
    typeName: 'ConfigMapVolumeSource',
  },
  [`${VOLUME}.configMap.name`]: { description: "The name of the ConfigMap, in the pod's namespace." },
  [`${VOLUME}.configMap.items`]: {
    description:
      'Only these keys, each at the given relative path (sub-directories allowed). Without items every key becomes a file named after it. A listed key that the ConfigMap lacks fails the mount unless optional is true.',
    typeName: '[]KeyToPath',
  },
  [`${VOLUME}.configMap.items[].key`]: {
    description: 'The key of the ConfigMap to project.',
    required: true,
  },
  [`${VOLUME}.configMap.items[].path`]: {
    description: 'The relative path of the file in the volume; may contain directories, not "..".',
    required: true,
  },
  [`${VOLUME}.configMap.items[].mode`]: { description: "The file's permission bits, such as 0644." },
  [`${VOLUME}.configMap.optional`]: {
    description:
      'If true, a missing ConfigMap or key is not an error: the volume is just empty. Default false.',
  },
  [`${VOLUME}.configMap.defaultMode`]: { description: 'Permission bits of the files, 0644 by default.' },
  [`${VOLUME}.hostPath`]: {
    description:
      "A directory of the node the pod runs on. The data stays on that node: a pod scheduled to another node sees another directory. It exposes the node's file system, so it is for tests and system pods.",
    typeName: 'HostPathVolumeSource',
  },
  [`${VOLUME}.hostPath.path`]: {
    description: 'The path of the directory (or file) on the node.',
    required: true,
  },
  [`${VOLUME}.hostPath.type`]: HOST_PATH_TYPE,
  [`${VOLUME}.nfs`]: {
    description: 'An NFS export mounted directly, without a claim.',
    typeName: 'NFSVolumeSource',
  },
  [`${VOLUME}.nfs.server`]: { description: 'The host name or IP address of the NFS server.', required: true },
  [`${VOLUME}.nfs.path`]: { description: 'The path the server exports.', required: true },
  [`${VOLUME}.nfs.readOnly`]: { description: 'Mount the export read-only. Default false.' },
  [`${VOLUME}.ephemeral`]: {
    description:
      'A claim created with the pod from a template and deleted with it: per-pod storage from a StorageClass.',
    typeName: 'EphemeralVolumeSource',
  },
  'spec.containers': {
    description: 'The containers of the pod. At least one.',
    typeName: '[]Container',
    required: true,
  },
  [`${CONTAINER}.name`]: { description: "The container's name, unique in the pod.", required: true },
  [`${CONTAINER}.image`]: { description: 'The container image to run, such as nginx:1.27.' },
  [`${CONTAINER}.command`]: { description: "The entrypoint, replacing the image's." },
  [`${CONTAINER}.args`]: { description: 'Arguments to the entrypoint.' },
  [`${CONTAINER}.volumeMounts`]: {
    description: "Where the pod's volumes appear in this container's file system.",
    typeName: '[]VolumeMount',
  },
  [`${CONTAINER}.volumeMounts[].name`]: {
    description: "The name of one of the pod's volumes.",
    required: true,
  },
  [`${CONTAINER}.volumeMounts[].mountPath`]: {
    description:
      "The absolute path in the container where the volume appears. Files written outside every mount live in the container's own layer and are lost when it restarts.",
    required: true,
  },
  [`${CONTAINER}.volumeMounts[].readOnly`]: {
    description: 'Mount the volume read-only in this container. Default false.',
  },
  [`${CONTAINER}.volumeMounts[].subPath`]: {
    description:
      'Mount only this path inside the volume (a sub-directory or a file) instead of its root. Default "" (the root).',
  },
  [`${CONTAINER}.volumeMounts[].subPathExpr`]: {
    description: "Like subPath, with $(VAR) references to the container's environment expanded.",
  },
  [`${CONTAINER}.volumeMounts[].mountPropagation`]: {
    description:
      'Whether mounts made later on the host or in the container propagate to the other side. Default None.',
    enum: ['Bidirectional', 'HostToContainer', 'None'],
  },
  [`${CONTAINER}.volumeMounts[].recursiveReadOnly`]: {
    description: 'Whether a read-only mount is also read-only for the mounts below it.',
    enum: ['Disabled', 'Enabled', 'IfPossible'],
  },
  'spec.initContainers': {
    description: "Containers run one after another, each to completion, before the pod's containers start.",
    typeName: '[]Container',
  },
  'spec.nodeSelector': {
    description: 'Labels a node must have for the pod to run there; pins the pod to a node or a zone.',
  },
  'spec.nodeName': {
    description:
      'The node the pod runs on, set by the scheduler. Setting it yourself bypasses the scheduler, and with it the volume checks and WaitForFirstConsumer binding.',
  },
  'spec.restartPolicy': {
    description: 'Whether containers restart when they exit: Always (the default), OnFailure or Never.',
    enum: ['Always', 'Never', 'OnFailure'],
  },
  status: {
    description: 'The phase of the pod (Pending, Running, Succeeded, Failed), its node and container states.',
    typeName: 'PodStatus',
  },
};

const CONFIG_MAP: DocTable = {
  '': {
    description:
      'A ConfigMap holds configuration as key/value pairs. A configMap volume shows each key as a file.',
  },
  data: { description: 'Text values by key; each key becomes a file in a configMap volume.' },
  binaryData: { description: 'Binary values (base64) by key.' },
  immutable: { description: 'If true, data and binaryData can no longer change.' },
};

const KIND_ONLY: Readonly<Record<string, string>> = {
  Namespace:
    'A Namespace is a scope for names: claims, pods and ConfigMaps live in one; volumes and classes do not.',
  Node: 'A Node is a machine that runs pods. Its labels (such as topology.kubernetes.io/zone) decide which volumes it can reach.',
  CSIDriver: 'A CSIDriver describes an installed CSI driver: whether it needs attaching, how it mounts.',
};

const DOCS: Readonly<Record<string, DocTable>> = {
  PersistentVolume: PERSISTENT_VOLUME,
  PersistentVolumeClaim: PERSISTENT_VOLUME_CLAIM,
  StorageClass: STORAGE_CLASS,
  Pod: POD,
  ConfigMap: CONFIG_MAP,
};

const IN_TREE_SOURCES: ReadonlySet<string> = new Set(
  PV_SOURCE_FIELDS.filter((field) => !['hostPath', 'local', 'nfs', 'csi'].includes(field)).map(
    (field) => `spec.${field}`,
  ),
);

const IN_TREE_SOURCE: FieldInfo = {
  description:
    'An in-tree volume source of a cloud or storage system, kept for old volumes (most are now served by CSI drivers). Stored but not simulated.',
};

/** Every documented field, kind by kind ('' for the fields every kind shares). */
export function documentedFields(): { readonly kind: string; readonly path: string }[] {
  const own = Object.entries(DOCS).flatMap(([kind, table]) =>
    Object.keys(table).map((path) => ({ kind, path })),
  );
  return [...own, ...Object.keys(COMMON).map((path) => ({ kind: '', path }))];
}

/** What is known about a field of a kind (text, type name, values), or undefined. */
export function fieldInfo(kind: string, path: string): FieldInfo | undefined {
  const own = DOCS[kind]?.[path] ?? DOCS[kind]?.[path.replace(/^spec\.initContainers\[\]/, CONTAINER)];
  if (own) return own;
  if (path === '' && KIND_ONLY[kind]) return { description: KIND_ONLY[kind] };
  if (kind === 'PersistentVolume' && IN_TREE_SOURCES.has(path)) return IN_TREE_SOURCE;
  return COMMON[path];
}

/** The text of a field: the editor's FieldDescriber (kind '' asks about the root apiVersion and kind). */
export function fieldDoc(kind: string, path: string): string | undefined {
  return fieldInfo(kind, path)?.description;
}
