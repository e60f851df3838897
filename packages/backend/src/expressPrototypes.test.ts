import http from 'node:http';
import { AddressInfo } from 'node:net';
import express from 'express';
import { createRequestsWithExpressPrototypes } from './expressPrototypes';

type Seen = { requestBorn: object | null; responseBorn: object | null };

/** An Express app on a real server, recording the prototypes requests are born with. */
async function serve(
  prepare: (server: http.Server, app: express.Express) => void,
) {
  const app = express();
  app.get('/echo', (req, res) => {
    res.status(201).json({
      header: req.get('x-probe'),
      query: req.query.q,
      isExpressRequest: Object.getPrototypeOf(req) === app.request,
    });
  });
  const server = http.createServer(app);
  prepare(server, app);
  const seen: Seen = { requestBorn: null, responseBorn: null };
  server.prependListener('request', (req, res) => {
    seen.requestBorn = Object.getPrototypeOf(req);
    seen.responseBorn = Object.getPrototypeOf(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { app, server, seen, url: `http://127.0.0.1:${port}` };
}

describe('createRequestsWithExpressPrototypes', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers
        .splice(0)
        .map(server => new Promise(resolve => server.close(resolve))),
    );
  });

  it('has requests and responses born with the app prototypes, and Express works as before', async () => {
    let applied: boolean | undefined;
    const { app, server, seen, url } = await serve((s, a) => {
      applied = createRequestsWithExpressPrototypes(s, a);
    });
    servers.push(server);

    const res = await fetch(`${url}/echo?q=widgets`, {
      headers: { 'x-probe': 'probe-1' },
    });

    expect(applied).toBe(true);
    expect(seen.requestBorn).toBe(app.request);
    expect(seen.responseBorn).toBe(app.response);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      header: 'probe-1',
      query: 'widgets',
      isExpressRequest: true,
    });
  });

  it('keeps request bodies and keep-alive connections working', async () => {
    const { server, url } = await serve((s, a) => {
      a.post('/body', express.json(), (req, res) => {
        res.json({ got: req.body });
      });
      createRequestsWithExpressPrototypes(s, a);
    });
    servers.push(server);

    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/body`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ n: i }),
      });
      answers.push(await res.json());
    }

    expect(answers).toEqual([
      { got: { n: 0 } },
      { got: { n: 1 } },
      { got: { n: 2 } },
    ]);
  });

  it('without it, requests are born plain and Express changes their prototype', async () => {
    const { server, seen, url } = await serve(() => {});
    servers.push(server);

    const res = await fetch(`${url}/echo`);

    expect(seen.requestBorn).toBe(http.IncomingMessage.prototype);
    expect(seen.responseBorn).toBe(http.ServerResponse.prototype);
    expect((await res.json()).isExpressRequest).toBe(true);
  });

  it('leaves a server with constructors of its own alone', async () => {
    class OwnRequest extends http.IncomingMessage {}
    const app = express();
    const server = http.createServer({ IncomingMessage: OwnRequest }, app);

    expect(createRequestsWithExpressPrototypes(server, app)).toBe(false);

    const bornOwn: boolean[] = [];
    server.prependListener('request', req => {
      bornOwn.push(req instanceof OwnRequest);
    });
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(await res.text()).toBe('ok');
    expect(bornOwn).toEqual([true]);
  });
});
