import path from 'node:path';
import { Page } from '@playwright/test';

const DIR = path.resolve(__dirname, '../../../test-results/e2e-screenshots');

/** Saves a full-page screenshot of a step as a test artifact. */
export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: path.join(DIR, `${name}.png`),
    fullPage: true,
  });
}
