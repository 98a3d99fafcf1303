/** Moving objects between the simulator and real clusters: import a cluster's output, export manifests. */
export { importClusterList, CLUSTER_IMPORT_LIMITS } from './cluster-list';
export type { ClusterImport, ClusterImportOptions, ClusterImportResult } from './cluster-list';
export { userManifests, userManifestsYaml } from './user-manifests';
