import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { ConfigReader } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import { createMailTransport } from './MailTransport';

describe('the file transport', () => {
  it('writes one .eml per message and logs recipient and subject, not the body', async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'mailbox-'));
    const lines: string[] = [];
    const logger = {
      info: (message: string) => lines.push(message),
    } as unknown as LoggerService;
    const transport = createMailTransport(
      new ConfigReader({
        apiStoreAccess: { email: { transport: { type: 'file', directory } } },
      }),
      logger,
    );
    await transport.send({
      from: { name: 'API team', address: 'no-reply@example.com' },
      replyTo: 'help@example.com',
      to: ['dev@example.com'],
      subject: 'Welcome',
      html: '<a href="https://portal/api-store/register/SECRET">x</a>',
      text: 'https://portal/api-store/register/SECRET',
    });
    transport.close();

    const files = await fs.readdir(directory);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const mail = await simpleParser(
      await fs.readFile(path.join(directory, files[0])),
    );
    expect(mail.from?.value).toEqual([
      { name: 'API team', address: 'no-reply@example.com' },
    ]);
    expect(mail.replyTo?.text).toBe('help@example.com');
    expect(mail.subject).toBe('Welcome');
    expect(mail.text?.trim()).toBe('https://portal/api-store/register/SECRET');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('dev@example.com');
    expect(lines[0]).toContain('"Welcome"');
    expect(lines[0]).not.toContain('SECRET');
  });

  it('refuses an unknown transport type', () => {
    expect(() =>
      createMailTransport(
        new ConfigReader({
          apiStoreAccess: { email: { transport: { type: 'pigeon' } } },
        }),
        {} as LoggerService,
      ),
    ).toThrow(/must be "file" or "smtp", not "pigeon"/);
  });
});
