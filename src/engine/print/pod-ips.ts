/** The pod's IPs as the API server serves them. */
import type { Pod } from '../model/types';

/**
 * `status.podIPs`, or the single `status.podIP` when only that is stored: the API server's
 * conversion fills podIPs from podIP, so kubectl always sees both.
 */
export function podIps(pod: Pod): string[] {
  const listed = (pod.status?.podIPs ?? []).map((entry) => entry.ip ?? '').filter(Boolean);
  if (listed.length > 0) return listed;
  return pod.status?.podIP ? [pod.status.podIP] : [];
}
