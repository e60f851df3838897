import { Browser, expect, Page, test } from '@playwright/test';
import { clearMailbox, registrationLinkFor } from './mailbox';
import { snap } from './screenshots';

const visitorEmail = `visitor-${Date.now()}@example.com`;
const PASSWORD = 'correct horse battery staple';

async function signInAsAdmin(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.getByRole('button', { name: 'Enter' })).toHaveCount(0);
  return page;
}

async function signedOutPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test.describe.configure({ mode: 'serial' });

test('the seed scenario: enable, sign up, approve, register, disable', async ({
  browser,
}) => {
  await clearMailbox();
  const admin = await signInAsAdmin(browser);

  await test.step('admin enables self sign-up with approval', async () => {
    await admin.goto('/api-store-access');
    await expect(
      admin.getByRole('heading', { name: 'API Store Access' }).first(),
    ).toBeVisible();
    await admin.getByLabel('Signature line').fill('Acme API Team');
    await admin.getByLabel('Contact email').fill('api-team@example.com');
    await admin.getByLabel('Send sign-up requests to me for approval').check();
    await admin.getByRole('button', { name: 'Configure' }).click();
    await expect(
      admin.getByText('Enabled', { exact: true }).first(),
    ).toBeVisible();
    await snap(admin, '01-admin-configured');
  });

  const guest = await signedOutPage(browser);
  await test.step('a signed-out visitor follows Sign up and signs up', async () => {
    await guest.goto('/');
    await guest.getByRole('link', { name: 'Sign up' }).click();
    await expect(guest).toHaveURL(/\/api-store\/sign-up$/);
    await snap(guest, '02-sign-up-form');
    await guest.getByRole('textbox', { name: 'Email' }).fill(visitorEmail);
    await guest.getByRole('button', { name: 'Sign up' }).click();
    await expect(
      guest.getByRole('heading', { name: 'Check your email' }),
    ).toBeVisible();
    await snap(guest, '03-check-your-email');
  });

  await test.step('admin starts the task, approves and completes it', async () => {
    await admin.goto('/api-store-access/approval-tasks');
    const row = admin.getByRole('row').filter({ hasText: visitorEmail });
    await expect(row).toBeVisible();
    await snap(admin, '04-approval-tasks');
    await row.getByRole('button', { name: 'Start' }).click();
    await row.getByLabel('Decision').selectOption('approve');
    await snap(admin, '05-task-started');
    await row.getByRole('button', { name: 'Complete' }).click();
    await expect(
      row.getByText('approved', { exact: false }).first(),
    ).toBeVisible();
    await snap(admin, '06-task-approved');
  });

  const link = await registrationLinkFor(visitorEmail);
  await test.step('the visitor sets a password through the emailed link', async () => {
    await guest.goto(link);
    await guest.getByLabel('Password').first().fill(PASSWORD);
    await snap(guest, '07-registration-form');
    await guest.getByRole('button', { name: 'Complete registration' }).click();
    await expect(
      guest.getByRole('heading', { name: 'You can now sign in' }),
    ).toBeVisible();
    await snap(guest, '08-registered');
  });

  await test.step('the same link is refused', async () => {
    await guest.goto(link);
    await expect(
      guest.getByText('This registration link has been used or has expired'),
    ).toBeVisible();
    await expect(guest.getByText('api-team@example.com').first()).toBeVisible();
    await snap(guest, '09-link-used');
  });

  await test.step('admin disables self sign-up and the Sign up link is gone', async () => {
    await admin.goto('/api-store-access');
    await admin.getByRole('button', { name: 'Disable Self Signup' }).click();
    await admin
      .getByRole('dialog')
      .getByRole('button', { name: 'Disable Self Signup' })
      .click();
    await expect(
      admin.getByText('Disabled', { exact: true }).first(),
    ).toBeVisible();
    await snap(admin, '10-admin-disabled');

    const later = await signedOutPage(browser);
    await later.goto('/');
    await expect(later.getByRole('button', { name: 'Enter' })).toBeVisible();
    await expect(later.getByRole('link', { name: 'Sign up' })).toHaveCount(0);
    await snap(later, '11-sign-in-without-sign-up');
  });
});

test('an invited member registers, signs in with email and password, sees the APIs and not the admin page', async ({
  browser,
}) => {
  const member = `member-${Date.now()}@example.com`;
  const admin = await signInAsAdmin(browser);

  await test.step('admin invites the member', async () => {
    await admin.goto('/api-store-access/members');
    await admin.getByLabel('Email addresses').fill(member);
    await admin.getByRole('button', { name: 'Invite' }).click();
    await expect(admin.getByText(member).first()).toBeVisible();
    await snap(admin, '20-member-invited');
  });

  const memberPage = await signedOutPage(browser);
  await test.step('the member sets a password through the invitation', async () => {
    await memberPage.goto(await registrationLinkFor(member));
    await memberPage.getByLabel('Password').first().fill(PASSWORD);
    await memberPage
      .getByRole('button', { name: 'Complete registration' })
      .click();
    await expect(
      memberPage.getByRole('heading', { name: 'You can now sign in' }),
    ).toBeVisible();
  });

  await test.step('a wrong password is refused', async () => {
    await memberPage.goto('/');
    const form = memberPage.getByRole('form', {
      name: 'Community member sign-in',
    });
    await form.getByRole('textbox', { name: 'Email' }).fill(member);
    await form.getByLabel('Password').fill('not the right passphrase');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByText('Incorrect email or password')).toBeVisible();
    await snap(memberPage, '21-member-wrong-password');
  });

  await test.step('the member signs in and lands on the API list', async () => {
    const form = memberPage.getByRole('form', {
      name: 'Community member sign-in',
    });
    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(memberPage).toHaveURL(/\/api-docs/);
    await expect(memberPage.getByText('petstore').first()).toBeVisible();
    await expect(memberPage.getByText('orders').first()).toBeVisible();
    await snap(memberPage, '22-member-api-list');
  });

  await test.step('the member has no admin page', async () => {
    await expect(
      memberPage.getByRole('link', { name: /API Store Access/ }),
    ).toHaveCount(0);
    await memberPage.goto('/api-store-access');
    await expect(memberPage.getByLabel('Signature line')).toHaveCount(0);
    await expect(
      memberPage.getByText(/You do not have access to/).first(),
    ).toBeVisible();
    await snap(memberPage, '23-member-no-admin-page');
  });
});
