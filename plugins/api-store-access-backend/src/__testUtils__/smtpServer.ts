import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ParsedMail, simpleParser } from 'mailparser';

/** A real SMTP server in the test process that keeps what it receives. */
export interface TestSmtpServer {
  port: number;
  messages: ParsedMail[];
  /** Resolves once `count` messages have arrived in all (polls the received list). */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Stops listening: connections are refused until {@link TestSmtpServer.start}. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

function createServer(messages: ParsedMail[]) {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(mail => {
          messages.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
}

/** Starts an SMTP server on a free port of 127.0.0.1. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  let server = createServer(messages);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`Expected ${count} emails, got ${messages.length}`);
        }
        await new Promise(resolve => setImmediate(resolve));
        await new Promise(resolve => setTimeout(resolve, 10));
      }
      return messages.slice(0, count);
    },
    async stop() {
      await new Promise<void>(resolve => server.close(() => resolve()));
    },
    async start() {
      server = createServer(messages);
      await new Promise<void>(resolve =>
        server.listen(port, '127.0.0.1', resolve),
      );
    },
  };
}
