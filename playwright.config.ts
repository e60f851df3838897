import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** The backend's file mailbox during e2e runs; the tests read registration links from it. */
export const E2E_MAILBOX = path.resolve(
  __dirname,
  'node_modules/.cache/e2e-mailbox',
);

const reuse = !process.env.CI;

// Ports of their own, so a portal already running on 3000/7007 is left alone.
const APP_URL = 'http://localhost:3300';
const BACKEND_URL = 'http://localhost:7300';
const portalEnv = {
  APP_CONFIG_app_baseUrl: APP_URL,
  APP_CONFIG_backend_baseUrl: BACKEND_URL,
  APP_CONFIG_backend_listen_port: '7300',
  APP_CONFIG_backend_cors_origin: APP_URL,
};

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers here)
 * against the example portal: the backend on SQLite with a file mailbox, and the
 * frontend dev server.
 */
export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: `${BACKEND_URL}/api/api-store-access/public/status`,
      reuseExistingServer: reuse,
      timeout: 240_000,
      stdout: 'ignore',
      env: {
        ...portalEnv,
        APP_CONFIG_apiStoreAccess_email_transport_directory: E2E_MAILBOX,
      },
    },
    {
      command: 'yarn workspace app start',
      url: APP_URL,
      reuseExistingServer: reuse,
      timeout: 300_000,
      stdout: 'ignore',
      env: { ...portalEnv, BROWSER: 'none' },
    },
  ],
  use: {
    baseURL: APP_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  outputDir: 'test-results/e2e',
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
