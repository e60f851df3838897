import http from 'node:http';

type Constructor = new (...args: any[]) => object;

/**
 * The server's own slot for a constructor it uses on every request (Node keeps the
 * `IncomingMessage` and `ServerResponse` options of `http.createServer` under symbols
 * named after them), if it still holds Node's default.
 */
function defaultConstructorSlot(
  server: http.Server,
  name: 'IncomingMessage' | 'ServerResponse',
  fallback: Constructor,
): symbol | undefined {
  const slot = Object.getOwnPropertySymbols(server).find(
    symbol => symbol.description === name,
  );
  const holder = server as unknown as Record<symbol, unknown>;
  return slot && holder[slot] === fallback ? slot : undefined;
}

/** A constructor that builds what `base` builds, born with `prototype`. */
function bornWith(base: Constructor, prototype: object): Constructor {
  function Born(...args: unknown[]) {
    return Reflect.construct(base, args, Born);
  }
  Born.prototype = prototype;
  return Born as unknown as Constructor;
}

/**
 * Makes `server` create each request and response with the prototypes that the Express
 * `app` gives them (`app.request`, `app.response`), so that Express's per-request
 * `Object.setPrototypeOf` finds them in place and changes nothing. Changing the
 * prototype of every request and response costs V8 dearly: each one then survives the
 * young-generation collections and ends up in the old generation, which roughly doubles
 * the CPU time of a small request (see bench/README.md). Returns false, changing
 * nothing, when the server already uses constructors of its own or this Node keeps them
 * elsewhere.
 */
export function createRequestsWithExpressPrototypes(
  server: http.Server,
  app: { request: object; response: object },
): boolean {
  const requestSlot = defaultConstructorSlot(
    server,
    'IncomingMessage',
    http.IncomingMessage,
  );
  const responseSlot = defaultConstructorSlot(
    server,
    'ServerResponse',
    http.ServerResponse,
  );
  if (!requestSlot || !responseSlot) {
    return false;
  }
  fixConstructor(
    server,
    requestSlot,
    bornWith(http.IncomingMessage, app.request),
  );
  fixConstructor(
    server,
    responseSlot,
    bornWith(http.ServerResponse, app.response),
  );
  return true;
}

/**
 * Puts `constructor` in the server's slot, read-only (Node itself writes the slot only
 * when the server is constructed). V8 can then take it for a constant in the code that
 * creates each request: left writable, about 8 MB of every young-generation collection
 * still survived under the bench's load, against 0.6 MB read-only.
 */
function fixConstructor(
  server: http.Server,
  slot: symbol,
  constructor: Constructor,
): void {
  const { enumerable } = Object.getOwnPropertyDescriptor(server, slot) ?? {};
  Object.defineProperty(server, slot, {
    value: constructor,
    writable: false,
    enumerable,
    configurable: true,
  });
}
