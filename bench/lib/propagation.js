'use strict';

const { performance } = require('node:perf_hooks');
const { request, percentile, sleep } = require('./util');

/** Reads the settings and writes them back with `changes` (optimistic version). */
async function changeSettings(baseUrl, token, changes) {
  const headers = { authorization: `Bearer ${token}` };
  const current = await request(
    'GET',
    `${baseUrl}/api/api-store-access/settings`,
    {
      headers,
    },
  );
  if (current.status !== 200) {
    throw new Error(`GET /settings answered ${current.status}`);
  }
  const { updatedBy, updatedAt, ...values } = current.body;
  const res = await request('PUT', `${baseUrl}/api/api-store-access/settings`, {
    headers,
    body: { ...values, ...changes },
  });
  if (res.status !== 200) {
    throw new Error(
      `PUT /settings answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
  return res.body;
}

/**
 * Flips self sign-up on replica A `rounds` times (disable, enable, ...) and measures the
 * time until replica B answers sign-ups accordingly (403 while disabled, 202 while
 * enabled), polling B with a fresh sign-up every `intervalMs`.
 */
async function measurePropagation({
  a,
  b,
  token,
  rounds,
  intervalMs,
  emailPrefix,
}) {
  const headers = { authorization: `Bearer ${token}` };
  const samples = [];
  let counter = 0;
  for (let round = 0; round < rounds; round++) {
    const enable = round % 2 === 1;
    const expected = enable ? 202 : 403;
    const current = await request(
      'GET',
      `${a.baseUrl}/api/api-store-access/settings`,
      {
        headers,
      },
    );
    const { updatedBy, updatedAt, ...values } = current.body;
    const t0 = performance.now();
    const put = await request(
      'PUT',
      `${a.baseUrl}/api/api-store-access/settings`,
      {
        headers,
        body: { ...values, selfSignUpEnabled: enable },
      },
    );
    const t1 = performance.now();
    if (put.status !== 200) {
      throw new Error(`PUT /settings on A answered ${put.status}`);
    }
    let polls = 0;
    let seen;
    const deadline = t1 + 10_000;
    for (let i = 0; i < 5000 && performance.now() < deadline; i++) {
      const tick = performance.now();
      polls += 1;
      const res = await request(
        'POST',
        `${b.baseUrl}/api/api-store-access/public/sign-ups`,
        { body: { email: `${emailPrefix}-${round}-${counter++}@example.com` } },
      );
      if (res.status === expected) {
        seen = performance.now();
        break;
      }
      const wait = intervalMs - (performance.now() - tick);
      if (wait > 0) await sleep(wait);
    }
    samples.push({
      round,
      change: enable ? 'enable' : 'disable',
      fromRequestMs: seen ? seen - t0 : NaN,
      fromCommitMs: seen ? seen - t1 : NaN,
      putMs: t1 - t0,
      polls,
    });
    await sleep(50);
  }
  const fromRequest = samples.map(s => s.fromRequestMs);
  const fromCommit = samples.map(s => s.fromCommitMs);
  return {
    rounds,
    samples,
    missed: samples.filter(s => !Number.isFinite(s.fromRequestMs)).length,
    p50: percentile(fromRequest, 50),
    max: Math.max(...fromRequest.map(v => (Number.isFinite(v) ? v : Infinity))),
    p50FromCommit: percentile(fromCommit, 50),
    maxFromCommit: Math.max(
      ...fromCommit.map(v => (Number.isFinite(v) ? v : Infinity)),
    ),
    maxPolls: Math.max(...samples.map(s => s.polls)),
  };
}

module.exports = { changeSettings, measurePropagation };
