import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser } from '../helpers/browser.js';
import { REPO_ROOT, type StartedProcess, startProcess } from '../helpers/processes.js';

// The console of `vecshard up --secure`: HTTPS, and nothing without an API
// key; a read key views, only an admin key acts.
const CLI = join(REPO_ROOT, 'packages/cli/dist/main.js');
const dataDir = mkdtempSync(join(tmpdir(), 'vecshard-console-secure-'));
const WAIT = { timeout: 60_000 };

let up: StartedProcess;
let browser: TestBrowser;
let consoleUrl: string;
let keys: { name: string; key: string; role: string }[];
const keyOf = (role: string) => keys.find((entry) => entry.role === role)!.key;

beforeAll(async () => {
  up = await startProcess(
    process.execPath,
    [CLI, 'up', '--secure', '--workers', '2', '--port', '0', '--data-dir', dataDir],
    /console at (https:\/\/\S+)/,
    { timeoutMs: 120_000 },
  );
  consoleUrl = up.ready;
  keys = JSON.parse(readFileSync(join(dataDir, 'secrets', 'api-keys.json'), 'utf8'));
  // The page is served with the cluster's own CA, which this browser does not trust.
  browser = await openBrowser({ ignoreHTTPSErrors: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await up?.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** A console API call from the page, with the key the page keeps (if any). */
function callFromPage(path: string, method = 'GET', body?: unknown) {
  return browser.page.evaluate(
    async ({ path, method, body }) => {
      const key = sessionStorage.getItem('vecshard-console-key');
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { path, method, body },
  );
}

describe('the web console of a secure cluster', () => {
  it('is served over HTTPS only', async () => {
    expect(consoleUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(fetch(consoleUrl.replace('https:', 'http:'))).rejects.toThrow();
  });

  it('shows nothing without a key', async () => {
    const { page } = browser;
    await page.goto(consoleUrl);
    await page.locator('[data-testid="key-prompt"]').waitFor(WAIT);
    expect(await page.locator('[data-worker]').count()).toBe(0);
    expect((await callFromPage('/api/cluster')).status).toBe(401);
    expect((await callFromPage('/api/events')).status).toBe(401);
    await browser.screenshot('secure-no-key');
  });

  it('refuses a wrong key and says so', async () => {
    const { page } = browser;
    await page.fill('input[name="api-key"]', 'not-a-key-of-this-cluster');
    await page.click('[data-testid="key-prompt"] button[type="submit"]');
    await page.locator('[data-testid="key-refused"]').waitFor(WAIT);
    expect(await page.locator('[data-worker]').count()).toBe(0);
  });

  it('shows the cluster to a read key, kept in the tab, never in the URL, and refuses it a drain', async () => {
    const { page } = browser;
    await page.fill('input[name="api-key"]', keyOf('read'));
    await page.click('[data-testid="key-prompt"] button[type="submit"]');
    await page.locator('[data-worker="worker-0"][data-state="alive"]').waitFor(WAIT);
    await page.locator('[data-worker="worker-1"][data-state="alive"]').waitFor(WAIT);
    expect(page.url()).not.toContain(keyOf('read'));
    // No action is offered to a read key, and the API refuses one all the same.
    expect(await page.locator('[data-action^="drain-"]').count()).toBe(0);
    const refused = await callFromPage('/api/drain', 'POST', { workerId: 'worker-0' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/role read; DrainWorker needs admin/);
    // Entered once: a reload keeps the session.
    await page.reload();
    await page.locator('[data-worker="worker-1"]').waitFor(WAIT);
    await browser.screenshot('secure-read-key');
  });

  it('offers the actions to an admin key', async () => {
    const { page } = browser;
    await page.click('text=forget key');
    await page.fill('input[name="api-key"]', keyOf('admin'));
    await page.click('[data-testid="key-prompt"] button[type="submit"]');
    await page.locator('[data-action="drain-worker-0"]').waitFor(WAIT);
    expect((await callFromPage('/api/session')).body.role).toBe('admin');
  });
});
