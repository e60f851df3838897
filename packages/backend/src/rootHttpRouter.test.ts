import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import {
  MiddlewareFactory,
  RootHttpRouterConfigureContext,
} from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { configureRootHttpRouter } from './rootHttpRouter';

function contextFor(server: http.Server, app: express.Express) {
  const logger = mockServices.logger.mock();
  const config = mockServices.rootConfig();
  const applyDefaults = jest.fn(() => {
    app.get('/ping', (_req, res) => {
      res.json({ pong: true });
    });
  });
  const context = {
    app,
    server,
    logger,
    config,
    applyDefaults,
    middleware: MiddlewareFactory.create({ config, logger }),
  } as unknown as RootHttpRouterConfigureContext;
  return { context, logger, applyDefaults };
}

describe('configureRootHttpRouter', () => {
  it("creates requests with the app's prototypes, then applies Backstage's defaults", async () => {
    const app = express();
    const server = http.createServer(app);
    const { context, logger, applyDefaults } = contextFor(server, app);
    const born: object[] = [];
    server.prependListener('request', req => {
      born.push(Object.getPrototypeOf(req));
    });

    configureRootHttpRouter(context);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/ping`);
      expect(await res.json()).toEqual({ pong: true });
    } finally {
      await new Promise(resolve => server.close(resolve));
    }

    expect(applyDefaults).toHaveBeenCalledTimes(1);
    expect(born).toHaveLength(1);
    expect(born[0]).toBe(app.request);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('warns, and still applies the defaults, when the server has constructors of its own', () => {
    class OwnResponse extends http.ServerResponse {}
    const app = express();
    const server = http.createServer({ ServerResponse: OwnResponse }, app);
    const { context, logger, applyDefaults } = contextFor(server, app);

    configureRootHttpRouter(context);

    expect(applyDefaults).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Express will change the prototype/),
    );
  });
});
