'use strict';

// The baseline of the mail benchmark, in a process of its own (as the backend is):
// pooled nodemailer, configured like the plugin's smtp transport (pool: true, default
// pool size), sending `count` welcome-like messages to the bench's SMTP server.
// Usage: node mail-direct.js <port> <count> <recipientPrefix> <targetBytes> <concurrent|sequential> [warmup]
// Sends `warmup` messages to other recipients first (untimed), prints "ready", waits for
// "go" on stdin, sends, prints a JSON line and exits.

const { randomBytes } = require('node:crypto');
const nodemailer = require('nodemailer');

const [port, count, prefix, targetBytes, mode, warmup = '0'] =
  process.argv.slice(2);

function message(i, htmlPadding) {
  const link = `http://localhost:3000/api-store/register/${randomBytes(
    32,
  ).toString('base64url')}`;
  const text = `Hello,\r\n\r\nWelcome to the API store. Complete your registration within 72 hours:\r\n${link}\r\n\r\nBench\r\n`;
  const html = `<!doctype html><html><body style="font-family:sans-serif"><p>Hello,</p><p>Welcome to the API store.</p><p><a href="${link}">Complete your registration</a></p><p>${'&nbsp;'.repeat(
    Math.max(0, Math.floor(htmlPadding / 6)),
  )}</p><p>Bench</p></body></html>`;
  return {
    from: { name: 'Bench', address: 'no-reply@example.com' },
    replyTo: 'bench@example.com',
    to: [`${prefix}${i}@example.com`],
    subject: 'Welcome to API Store Portal',
    html,
    text: {
      raw: `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n${text}`,
    },
  };
}

async function main() {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: Number(port),
    secure: false,
    pool: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const n = Number(count);
  const padding = Math.max(0, Number(targetBytes) - 1400);
  const messages = Array.from({ length: n }, (_, i) => message(i, padding));
  await Promise.all(
    Array.from({ length: Number(warmup) }, (_, i) =>
      transport.sendMail({
        ...message(i, padding),
        to: [`warm-${prefix}${i}@example.com`],
      }),
    ),
  );
  process.stdout.write('ready\n');
  await new Promise(resolve => process.stdin.once('data', resolve));
  const start = process.hrtime.bigint();
  let failed = 0;
  if (mode === 'sequential') {
    for (const m of messages) {
      await transport.sendMail(m).catch(() => {
        failed += 1;
      });
    }
  } else {
    await Promise.all(
      messages.map(m =>
        transport.sendMail(m).catch(() => {
          failed += 1;
        }),
      ),
    );
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  transport.close();
  process.stdout.write(`${JSON.stringify({ seconds, failed, count: n })}\n`);
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  },
);
