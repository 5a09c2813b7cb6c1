import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VecshardClient } from '@vecshard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { clusteredVectors, rows, sequentialIds } from '../helpers/data.js';
import { REPO_ROOT, type StartedProcess, startProcess } from '../helpers/processes.js';
import { upWorkerPid } from '../helpers/up-workers.js';

// The web console in a real browser (Debian's chromium, headless) against a
// real `vecshard up`: one cluster shared by the cases, which run in order
// (a kill, then a rebalance, then a drain). Every wait is on the page.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
const DIM = 16;
const vectors = clusteredVectors(3000, DIM, 7);
const movingVectors = clusteredVectors(6000, DIM, 8);
const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-console-'));
const WAIT = { timeout: 60_000 };

let up: StartedProcess;
let client: VecshardClient;
let browser: TestBrowser;
let consoleUrl: string;

beforeAll(async () => {
  up = await startProcess(
    process.execPath,
    [CLI, 'up', '--workers', '3', '--port', '0', '--data-dir', dataDir],
    /console at (http:\/\/\S+)/,
    // Slow moves, so that a rebalance or drain is seen while it moves.
    { timeoutMs: 90_000, env: { VECSHARD_MOVE_MB_PER_S: '0.05' } },
  );
  consoleUrl = up.ready;
  client = new VecshardClient(/vecshard ready at (\S+)/.exec(up.output())![1], { deadlineMs: 30_000 });
  // Every worker holds copies of "console"; "moving" has two shards of one copy, so one worker holds none.
  await client.createCollection({
    name: 'console',
    dim: DIM,
    metric: 'l2',
    index: 'IVF16,Flat',
    replicationFactor: 2,
  });
  await client.train('console', vectors);
  await client.upsert('console', sequentialIds(3000), vectors);
  await client.createCollection({ name: 'moving', dim: DIM, metric: 'l2', index: 'IVF32,Flat', shards: 2 });
  await client.train('moving', movingVectors);
  await client.upsert('moving', sequentialIds(6000), movingVectors);
  browser = await openBrowser();
  await browser.page.goto(consoleUrl);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  client?.close();
  await up?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

const copyCell = (collection: string, shard: number, worker: string) =>
  `[data-copy="${collection}/${shard}/${worker}"]`;

async function showTab(tab: string): Promise<void> {
  await browser.page.click(`[data-tab="${tab}"]`);
}

describe('the web console', () => {
  it('prints where it is, and loads nothing from another host', async () => {
    expect(up.output()).toMatch(/console at http:\/\/127\.0\.0\.1:\d+\//);
    const requested = new Set<string>();
    browser.page.on('request', (request) => requested.add(new URL(request.url()).origin));
    await browser.page.reload();
    await browser.page.locator('[data-worker]').first().waitFor(WAIT);
    expect([...requested]).toEqual([new URL(consoleUrl).origin]);
  });

  it('maps every worker and every copy with its state', async () => {
    const { page } = browser;
    for (const id of ['worker-0', 'worker-1', 'worker-2'])
      await page.locator(`[data-worker="${id}"][data-state="alive"]`).waitFor(WAIT);
    for (const name of ['console', 'moving']) {
      const description = await client.getCollection(name);
      for (const shard of description.placement) {
        for (const replica of shard.replicas)
          await page
            .locator(`${copyCell(name, shard.shard, replica.workerId)}[data-state="READY"]`)
            .waitFor(WAIT);
      }
      expect(await page.locator(`[data-copy^="${name}/"]`).count()).toBe(
        description.placement.reduce((n, s) => n + s.replicas.length, 0),
      );
    }
    await browser.screenshot('map');
  });

  it('searches from the playground and finds what the SDK finds', async () => {
    const { page } = browser;
    await showTab('search');
    await page.fill('[data-testid="playground"] input[name="id"]', '42');
    await page.fill('[data-testid="playground"] input[name="k"]', '10');
    await page.click('[data-testid="playground"] button[type="submit"]');
    const answer = page.locator('[data-testid="search-answer"][data-query-id="42"]');
    await answer.waitFor(WAIT);
    const shown = await answer
      .locator('[data-hit]')
      .evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-hit')));
    const found = await client.search('console', rows(vectors, DIM, 42, 43), { k: 10 });
    expect(shown).toEqual([...found.ids].map(String));
    expect(await answer.locator('[data-shard]').count()).toBe(found.shardsQueried);

    // A random stored row finds itself first.
    await page.fill('[data-testid="playground"] input[name="id"]', '');
    await page.click('[data-testid="playground"] button[type="submit"]');
    const random = page.locator('[data-testid="search-answer"]:not([data-query-id="42"])');
    await random.waitFor(WAIT);
    const queryId = await random.getAttribute('data-query-id');
    expect(await random.locator('[data-hit]').first().getAttribute('data-hit')).toBe(queryId);
    await browser.screenshot('search');
    await showTab('map');
  });

  it('shows a worker killed with kill -9 go down and come back READY, live', async () => {
    const { page } = browser;
    const moving = await client.getCollection('moving');
    const holders = new Set(moving.placement.flatMap((s) => s.replicas.map((r) => r.workerId)));
    // Its copies of "console" are refilled from their peers.
    const victim = ['worker-0', 'worker-1', 'worker-2'].find((id) => !holders.has(id))!;
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    // Paused first, so the map has a not-READY window to show however fast the restart and the
    // refill are; then killed while paused (vecshard up starts it again).
    const pid = upWorkerPid(up.child.pid!, victim);
    process.kill(pid, 'SIGSTOP');
    const notReady = ['DOWN', 'CATCHING_UP', 'LOADING'].map(
      (state) => `[data-copy^="console/"][data-copy$="/${victim}"][data-state="${state}"]`,
    );
    await page.locator(notReady.join(', ')).first().waitFor(WAIT);
    process.kill(pid, 'SIGKILL');
    await browser.screenshot('worker-killed');
    // "moving" has no copy on it: hidden when only what is not READY or moving is shown.
    await page.check('[data-testid="only-troubled"]');
    await page
      .locator('section.collection[data-collection="moving"]')
      .waitFor({ state: 'detached', ...WAIT });
    await page.uncheck('[data-testid="only-troubled"]');
    await page.waitForFunction(
      (worker) => {
        const cells = [...document.querySelectorAll(`[data-copy^="console/"][data-copy$="/${worker}"]`)];
        return cells.length > 0 && cells.every((cell) => cell.getAttribute('data-state') === 'READY');
      },
      victim,
      WAIT,
    );
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
      true,
    );
    await browser.screenshot('worker-back');
  });

  it('starts a Rebalance, shows its move in progress and the job reaching 100 %', async () => {
    const { page } = browser;
    await page.click('[data-action="rebalance"]');
    await page.click('[data-testid="confirm-yes"]');
    const job = page.locator('tr.focus[data-kind="rebalance"]');
    await job.waitFor(WAIT);
    const jobId = await job.getAttribute('data-job');
    await showTab('map');
    await page.locator('[data-collection="moving"] [data-move^="rebalance-"]').first().waitFor(WAIT);
    await browser.screenshot('rebalance-moving');
    await showTab('jobs');
    await page.locator(`[data-job="${jobId}"][data-state="COMPLETED"][data-progress="100"]`).waitFor(WAIT);
    await browser.screenshot('rebalance-done');
    const moving = await client.getCollection('moving');
    expect(moving.placement.length).toBe(3);
    expect(moving.vectors).toBe(6000);
    await showTab('map');
  });

  it('drains a worker from the page and shows it drained, holding nothing', async () => {
    const { page } = browser;
    await page.click('[data-action="drain-worker-2"]');
    await page.click('[data-testid="confirm-yes"]');
    const job = page.locator('tr.focus[data-kind="drain"]');
    await job.waitFor(WAIT);
    const jobId = await job.getAttribute('data-job');
    await page.locator(`[data-job="${jobId}"][data-state="COMPLETED"][data-progress="100"]`).waitFor(WAIT);
    await showTab('map');
    await page.locator('[data-worker="worker-2"][data-state="drained"]').waitFor(WAIT);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-copy$="/worker-2"]').length === 0,
      null,
      WAIT,
    );
    await browser.screenshot('drained');
    const status = await client.clusterStatus();
    expect(
      status.collections.every((c) =>
        c.placement.every((s) => s.replicas.every((r) => r.workerId !== 'worker-2')),
      ),
    ).toBe(true);
  });

  it('takes a snapshot from the collections view, lists it, and charts the metrics', async () => {
    const { page } = browser;
    await showTab('collections');
    await page.click('[data-action="snapshot-console"]');
    await page.click('[data-testid="confirm-yes"]');
    const job = page.locator('tr.focus[data-kind="snapshot"]');
    await job.waitFor(WAIT);
    const jobId = await job.getAttribute('data-job');
    await page.locator(`[data-job="${jobId}"][data-state="COMPLETED"][data-progress="100"]`).waitFor(WAIT);
    await showTab('collections');
    const details = page.locator('section.collection-details[data-collection="console"]');
    await details.locator('button.link').first().click();
    await details.locator('table.snapshots tbody tr').first().waitFor(WAIT);
    await browser.screenshot('collections');
    await showTab('metrics');
    await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length === 5, null, WAIT);
    await browser.screenshot('metrics');
  });
});
