import { ConfigReader } from '@backstage/config';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { publicRateLimit } from './publicRateLimit';

function app(config: object) {
  const server = express();
  server.use(publicRateLimit(new ConfigReader(config)));
  server.post('/public/sign-ups', (_req, res) => {
    res.status(202).json({});
  });
  server.post('/public/sessions', (_req, res) => {
    res.status(204).end();
  });
  server.get('/public/status', (_req, res) => {
    res.json({});
  });
  server.post('/settings', (_req, res) => {
    res.json({});
  });
  const middleware = MiddlewareFactory.create({
    config: new ConfigReader({}),
    logger: mockServices.logger.mock(),
  });
  server.use(middleware.error());
  return server;
}

describe('publicRateLimit', () => {
  it('answers 429 with Retry-After once a client exceeds the limit, in Backstage’s error shape', async () => {
    const server = app({
      apiStoreAccess: { rateLimit: { max: 3, window: { minutes: 2 } } },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await request(server).post('/public/sign-ups')).status);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = await request(server).post('/public/sign-ups');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(100);
    expect(retryAfter).toBeLessThanOrEqual(120);
    expect(refused.body.error).toMatchObject({
      name: 'TooManyRequestsError',
      message: expect.stringMatching(
        /^Too many requests from your address; try again in \d+ seconds$/,
      ),
    });
    expect(refused.body.response).toEqual({ statusCode: 429 });
  });

  it('leaves reads of the public status and the admin routes alone', async () => {
    const server = app({ apiStoreAccess: { rateLimit: { max: 1 } } });
    for (let i = 0; i < 3; i++) {
      expect((await request(server).get('/public/status')).status).toBe(200);
      expect((await request(server).post('/settings')).status).toBe(200);
    }
    expect((await request(server).post('/public/sign-ups')).status).toBe(202);
    expect((await request(server).post('/public/sign-ups')).status).toBe(429);
  });

  it('counts sign-ups and sign-ins against budgets of their own', async () => {
    const server = app({ apiStoreAccess: { rateLimit: { max: 2 } } });
    for (let i = 0; i < 2; i++) {
      expect((await request(server).post('/public/sign-ups')).status).toBe(202);
    }
    expect((await request(server).post('/public/sign-ups')).status).toBe(429);
    expect((await request(server).post('/public/sessions')).status).toBe(204);
    expect((await request(server).post('/public/sessions')).status).toBe(204);
    expect((await request(server).post('/public/sessions')).status).toBe(429);
  });
});
