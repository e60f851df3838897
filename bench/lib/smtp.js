'use strict';

const { SMTPServer } = require('smtp-server');
const { performance } = require('node:perf_hooks');

/**
 * A local SMTP server that counts what it receives: messages, bytes and recipients
 * (distinct ones, to find lost and duplicated mail). No TLS, no AUTH.
 */
async function startSmtpServer(port) {
  const state = {
    messages: 0,
    bytes: 0,
    recipients: new Map(),
    lastAt: 0,
    sample: null,
  };
  const watchers = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 256,
    onData(stream, session, callback) {
      const chunks = state.sample ? null : [];
      let size = 0;
      stream.on('data', chunk => {
        size += chunk.length;
        if (chunks) chunks.push(chunk);
      });
      stream.on('end', () => {
        state.messages += 1;
        state.bytes += size;
        state.lastAt = performance.now();
        if (chunks && !state.sample) {
          state.sample = Buffer.concat(chunks).toString('utf8');
        }
        for (const rcpt of session.envelope.rcptTo) {
          const address = rcpt.address.toLowerCase();
          const seen = state.recipients.get(address) ?? 0;
          state.recipients.set(address, seen + 1);
          for (const watcher of watchers) {
            if (seen === 0 && address.startsWith(watcher.prefix)) {
              watcher.distinct += 1;
              if (watcher.distinct === watcher.target) {
                watcher.resolve(state.lastAt);
              }
            }
          }
        }
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  server.on('error', () => {
    // a client that drops its connection is not our concern
  });
  return {
    port,
    state,
    /** Forgets everything received so far. */
    reset() {
      state.messages = 0;
      state.bytes = 0;
      state.recipients = new Map();
      state.lastAt = 0;
      state.sample = null;
    },
    /** How many distinct recipients start with `prefix`. */
    countRecipients(prefix) {
      let distinct = 0;
      let total = 0;
      for (const [address, count] of state.recipients) {
        if (address.startsWith(prefix)) {
          distinct += 1;
          total += count;
        }
      }
      return { distinct, total };
    },
    /**
     * Resolves with the performance.now() time at which `target` distinct recipients
     * starting with `prefix` have arrived (counting from now on).
     */
    whenDistinct(prefix, target) {
      return new Promise(resolve => {
        watchers.push({ prefix, target, distinct: 0, resolve });
      });
    },
    close() {
      return new Promise(resolve => server.close(() => resolve()));
    },
  };
}

module.exports = { startSmtpServer };
