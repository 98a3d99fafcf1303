/**
 * Failures drawn where they happen: a Pending claim points at the volume that came closest, a pod
 * points at the ConfigMap it waits for and at the disk in a zone it cannot reach, and a card's
 * warning mark opens the events panel on its Warning event. At 1280×720, with no card covered.
 */
import type { TestInfo } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AppPage } from './app-page';
import { measureGraphGeometry } from './bench/graph-geometry';

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });

const SMALL_VOLUME_BIG_CLAIM = `apiVersion: v1
kind: PersistentVolume
metadata: {name: small}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath: {path: /tmp/small}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: big}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 20Gi}}
`;

const POD_WITHOUT_CONFIG_MAP = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: busybox:1.37
      volumeMounts: [{name: config, mountPath: /etc/app}]
  volumes:
    - name: config
      configMap: {name: app-config}
`;

/** A disk that lives in zone-a, and a pod pinned to node-c in zone-b. */
const ZONE_CONFLICT = `apiVersion: v1
kind: PersistentVolume
metadata: {name: disk-a}
spec:
  capacity: {storage: 5Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  csi: {driver: ebs.csi.aws.com, volumeHandle: vol-0a}
  nodeAffinity:
    required:
      nodeSelectorTerms:
        - matchExpressions:
            - {key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  nodeSelector: {kubernetes.io/hostname: node-c}
  containers:
    - name: app
      image: busybox:1.37
      volumeMounts: [{name: data, mountPath: /data}]
  volumes:
    - name: data
      persistentVolumeClaim: {claimName: data}
`;

const CLAIM_OF_MISSING_CLASS = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: nope
  resources: {requests: {storage: 1Gi}}
`;

async function applySettled(app: AppPage, manifests: string): Promise<void> {
  await app.open();
  await app.replaceEditorText(manifests);
  await app.apply();
  await app.settled();
}

/** Nothing covers a card, and no line runs through a card it does not join. */
async function expectLegible(app: AppPage): Promise<void> {
  await expect
    .poll(async () => (await measureGraphGeometry(app.page)).smallestTextPx)
    .toBeGreaterThanOrEqual(12);
  const geometry = await measureGraphGeometry(app.page);
  expect(geometry.overlaps).toBe(0);
  expect(geometry.edgesThroughCards).toBe(0);
}

/** With FAILURES_SCREENSHOTS=dir set, the picture is also saved there (to look at it). */
async function picture(app: AppPage, testInfo: TestInfo, name: string): Promise<void> {
  const body = await app.page.screenshot();
  await testInfo.attach(name, { body, contentType: 'image/png' });
  const dir = process.env['FAILURES_SCREENSHOTS'];
  if (dir) await app.page.screenshot({ path: `${dir}/failures-${name}.png` });
}

test('a Pending claim points at the volume that came closest, labelled with what fails', async ({
  page,
}, testInfo) => {
  const app = new AppPage(page);
  await applySettled(app, SMALL_VOLUME_BIG_CLAIM);
  await expect(app.node('PersistentVolumeClaim big, Pending')).toBeVisible();
  await expect(
    page.getByRole('img', {
      name: 'Failure from PersistentVolumeClaim big to PersistentVolume small: 1Gi < 20Gi',
    }),
  ).toBeAttached();
  const label = page.getByText('1Gi < 20Gi', { exact: true });
  await expect(label).toBeVisible();
  await expect(label).toHaveAttribute('title', '1Gi < 20Gi');
  await expectLegible(app);
  await picture(app, testInfo, 'closest-volume');
});

test('a pod waiting for a missing ConfigMap points at a dashed card for it', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await applySettled(app, POD_WITHOUT_CONFIG_MAP);
  await expect(app.node(/^Pod web, (Pending|ContainerCreating)$/)).toBeVisible();
  await expect(page.getByRole('img', { name: 'ConfigMap app-config, missing' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Failure from Pod web to ConfigMap app-config: waits for it' }),
  ).toBeAttached();
  await expectLegible(app);
  await picture(app, testInfo, 'missing-config-map');
  // Once the ConfigMap exists the pod starts and the dashed card goes.
  await app.replaceEditorText(
    `${POD_WITHOUT_CONFIG_MAP}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {mode: prod}\n`,
  );
  await app.apply();
  await expect(app.node('Pod web, Running')).toBeVisible();
  await expect(page.getByRole('img', { name: 'ConfigMap app-config, missing' })).toHaveCount(0);
});

test('a pod pinned to the other zone points at the disk it cannot reach', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await applySettled(app, ZONE_CONFLICT);
  await expect(app.node('Pod web, Pending')).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Failure from Pod web to PersistentVolume disk-a: disk in zone-a' }),
  ).toBeAttached();
  await expect(page.getByText('disk in zone-a', { exact: true })).toBeVisible();
  await expectLegible(app);
  await picture(app, testInfo, 'zone-conflict');
});

test('a warning mark opens the events panel on its event', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await applySettled(app, CLAIM_OF_MISSING_CLASS);
  const claim = app.node('PersistentVolumeClaim data, Pending');
  await expect(claim).toBeVisible();
  // The card says why it waits, and carries its warning.
  await expect(claim).toContainText('class nope not found');
  const mark = claim.getByRole('button', { name: '1 warning: ProvisioningFailed' });
  await expect(mark).toHaveText('⚠ 1');
  await picture(app, testInfo, 'warning-mark');
  await mark.click();
  await expect(app.panel('Events')).toHaveAttribute('aria-selected', 'true');
  const row = page.getByRole('row', { name: /ProvisioningFailed/ });
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(row).toContainText('storageclass.storage.k8s.io "nope" not found');
  await expect(row).toBeInViewport();
  await picture(app, testInfo, 'events-panel');
  // The mark opened the events; it did not select the card around it, by mouse or by keyboard.
  await app.panel('Why').click();
  await mark.focus();
  await page.keyboard.press('Enter');
  await expect(app.panel('Events')).toHaveAttribute('aria-selected', 'true');
  await app.panel('Inspector').click();
  await expect(page.getByRole('region', { name: 'Inspector: PersistentVolumeClaim data' })).toHaveCount(0);
});
