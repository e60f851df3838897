import fs from 'node:fs/promises';
import path from 'node:path';

/** The backend's file mailbox in e2e runs (see playwright.config.ts). */
export const MAILBOX = path.resolve(
  __dirname,
  '../../../node_modules/.cache/e2e-mailbox',
);

/** Empties the mailbox before a run. */
export async function clearMailbox(): Promise<void> {
  await fs.rm(MAILBOX, { recursive: true, force: true });
  await fs.mkdir(MAILBOX, { recursive: true });
}

/**
 * The registration link of the newest email to `email`, waiting for it to arrive (the
 * backend delivers right after the change that wrote it).
 */
export async function registrationLinkFor(
  email: string,
  after = 0,
): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const files = (
      await fs.readdir(MAILBOX).catch(() => [] as string[])
    ).sort();
    const links: string[] = [];
    for (const file of files) {
      const raw = await fs.readFile(path.join(MAILBOX, file), 'utf8');
      const link = raw.match(
        /https?:\/\/[^\s"<>]+\/api-store\/register\/[A-Za-z0-9_-]{43}/,
      );
      if (raw.includes(`\nTo: ${email}\r`) && link) {
        links.push(link[0]);
      }
    }
    if (links.length > after) {
      return links[links.length - 1];
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`No registration email for ${email} in ${MAILBOX}`);
}
