/** The user's objects as one YAML file to `kubectl apply -f` on a real cluster. */
import type { ClusterState } from '../../engine';
import { userManifestsYaml } from '../../engine';

const HEADER = `# Your objects from "Kubernetes storage, visualized", as manifests for a real cluster:
#   kubectl apply -f manifests.yaml
# What the simulated control plane made is left out, for the real one to make again: volumes a
# provisioner created, bindings the controllers made, the node the scheduler picked. Classes that
# name the simulator's cloud drivers need those drivers (kind and minikube have neither; their
# default StorageClass is "standard"), and nodes named here (node-a..node-c) need your node names.
`;

export function manifestsFile(state: ClusterState): string {
  const manifests = userManifestsYaml(state);
  return manifests
    ? `${HEADER}---\n${manifests}`
    : `${HEADER}# (There are none of your objects in the cluster.)\n`;
}
