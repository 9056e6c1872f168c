import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test, expect, expectNoA11yViolations } from './support/fixtures';
import { announceChange } from './support/db';
import type { E2EWorker } from './support/workers';

/**
 * npm run demo (scripts/demo.ts) on this worker's database, as the server sees it (its clock frozen at 2025-05-01, so
 * the 2021–2025 term is current): the demo accessions and report are labelled DEMO on the public pages; --remove
 * takes them away again.
 */
async function demo(worker: E2EWorker, dataDir: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(path.resolve('node_modules/.bin/tsx'), ['--conditions=react-server', 'scripts/demo.ts', ...args], {
    env: {
      ...process.env,
      DATABASE_URL: worker.databaseUrl,
      PUBLIC_BASE_URL: worker.baseURL,
      STORAGE_DIR: worker.storageDir,
      DATA_DIR: dataDir,
      FROZEN_NOW: '2025-05-01',
    },
  });
  return stdout;
}

test('demo data made by npm run demo is labelled DEMO on the municipality page, the home list and the map', async ({ page, e2eWorker }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'memorands-e2e-demo-'));
  try {
    const out = await demo(e2eWorker, dataDir);
    const accepted = /^ {2}([a-z-]+): accession VERIFIED, report ACCEPTED$/m.exec(out)?.[1];
    const submitted = /^ {2}([a-z-]+): accession SUBMITTED$/m.exec(out)?.[1];
    expect(accepted, out).toBeTruthy();
    expect(submitted, out).toBeTruthy();
    await announceChange();

    await page.goto(`/lv/municipalities/${accepted}`);
    const term = page.locator('article[data-term="2021-2025"]');
    await expect(term.getByTestId('demo-label')).toHaveText('DEMO dati');
    await expect(term).toContainText('DEMO dome');
    // The term's heading and the demo report's heading both say so.
    await expect(page.getByRole('heading', { name: /DEMO dati/, level: 3 })).toHaveCount(2);
    await expectNoA11yViolations(page);

    await page.goto('/en');
    await expect(page.locator(`tr[data-slug="${accepted}"]`).getByTestId('demo-label')).toHaveText('DEMO data');
    await expect(page.locator(`.map-area[data-slug="${accepted}"]`)).toHaveAttribute('aria-label', /\(DEMO data\)$/);

    await demo(e2eWorker, dataDir, '--remove');
    await announceChange();
    await page.goto(`/lv/municipalities/${accepted}`);
    await expect(page.locator('article[data-term="2021-2025"]')).toBeVisible();
    await expect(page.getByTestId('demo-label')).toHaveCount(0);
  } finally {
    await demo(e2eWorker, dataDir, '--remove').catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});
