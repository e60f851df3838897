import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Config } from '@backstage/config';
import { LoggerService } from '@backstage/backend-plugin-api';
import nodemailer from 'nodemailer';

/** An email ready to leave the portal. */
export interface OutgoingEmail {
  from: { name: string; address: string };
  replyTo?: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
}

/** Where emails go: an SMTP server, or a folder of .eml files. */
export interface MailTransport {
  /** Sends one email; rejects when the transport did not accept it. */
  send(email: OutgoingEmail): Promise<void>;
  /** Releases pooled connections. */
  close(): void;
}

/** The default folder of the file transport, relative to the backend's working directory. */
export const DEFAULT_MAILBOX_DIRECTORY = './mailbox';

// nodemailer encodes any text with lines over 76 characters as quoted-printable, which
// splits the registration link across lines of the raw message. Plain ASCII text with
// lines under SMTP's limit is valid as 7bit, so it goes as a raw part and reads whole.
function plainText(text: string) {
  const normalized = text.replace(/\r?\n/g, '\r\n');
  const sevenBit =
    /^[\x20-\x7e\r\n\t]*$/.test(normalized) &&
    normalized.split('\r\n').every(line => line.length <= 998);
  return sevenBit
    ? {
        raw: `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${normalized}`,
      }
    : text;
}

function toMessage(email: OutgoingEmail) {
  return {
    from: email.from,
    replyTo: email.replyTo || undefined,
    to: email.to,
    subject: email.subject,
    html: email.html,
    text: plainText(email.text),
  };
}

/** Writes one .eml file per message and logs recipient and subject, never the body. */
export function createFileTransport(
  directory: string,
  logger: LoggerService,
): MailTransport {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
  });
  return {
    async send(email) {
      const info = await composer.sendMail(toMessage(email));
      await fs.mkdir(directory, { recursive: true });
      const file = path.resolve(directory, `${Date.now()}-${randomUUID()}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      logger.info(
        `Wrote email "${email.subject}" to ${email.to.join(', ')} in ${file}`,
      );
    },
    close() {
      composer.close();
    },
  };
}

/** Sends through an SMTP server with nodemailer, pooled when asked. */
export function createSmtpTransport(
  options: {
    host: string;
    port?: number;
    secure?: boolean;
    pool?: boolean;
    user?: string;
    pass?: string;
  },
  logger: LoggerService,
): MailTransport {
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port ?? (options.secure ? 465 : 587),
    secure: options.secure ?? false,
    pool: options.pool ?? false,
    auth: options.user ? { user: options.user, pass: options.pass } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      await transport.sendMail(toMessage(email));
      // The outbox keeps who got what; delivery logs a summary of each round at info.
      logger.debug(`Sent email "${email.subject}" to ${email.to.join(', ')}`);
    },
    close() {
      transport.close();
    },
  };
}

/** Makes the transport that `apiStoreAccess.email.transport` asks for (file by default). */
export function createMailTransport(
  config: Config,
  logger: LoggerService,
): MailTransport {
  const transport = config.getOptionalConfig('apiStoreAccess.email.transport');
  const type = transport?.getOptionalString('type') ?? 'file';
  if (type === 'smtp') {
    return createSmtpTransport(
      {
        host: transport!.getString('host'),
        port: transport!.getOptionalNumber('port'),
        secure: transport!.getOptionalBoolean('secure'),
        pool: transport!.getOptionalBoolean('pool'),
        user: transport!.getOptionalString('auth.user'),
        pass: transport!.getOptionalString('auth.pass'),
      },
      logger,
    );
  }
  if (type !== 'file') {
    throw new Error(
      `apiStoreAccess.email.transport.type must be "file" or "smtp", not "${type}"`,
    );
  }
  return createFileTransport(
    transport?.getOptionalString('directory') ?? DEFAULT_MAILBOX_DIRECTORY,
    logger,
  );
}
