import { Config, readDurationFromConfig } from '@backstage/config';
import { CustomErrorBase } from '@backstage/errors';
import { durationToMilliseconds } from '@backstage/types';
import { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';

/** Too many requests from one client address: answered with 429 and Retry-After. */
export class TooManyRequestsError extends CustomErrorBase {
  name = 'TooManyRequestsError' as const;
  statusCode = 429;
}

function redisStore(connection: string): Store {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const KeyvRedis = require('@keyv/redis').default;
  const keyv = new KeyvRedis(connection);
  return new RedisStore({
    prefix: 'api-store-access-public:',
    sendCommand: async (...args: string[]) => {
      const client = await keyv.getClient();
      return client.sendCommand(args);
    },
  });
}

/**
 * The budget a public request counts against: sign-ups, registrations and sign-in or
 * sign-out each have their own, so a flood of sign-ups does not lock members out.
 */
function budgetOf(path: string): string {
  const [, , route] = path.split('/');
  return route ?? '';
}

/**
 * Limits the changing public routes (sign-up, registration, sign-in) per client address
 * and route, with express-rate-limit as Backstage's own `backend.rateLimit` does.
 * Configured by `apiStoreAccess.rateLimit` (`window`, `max`, and
 * `store: { type: redis, connection }` so several replicas share one count). Reading the
 * public status is not limited.
 */
export function publicRateLimit(config: Config): RequestHandler {
  const options = config.getOptionalConfig('apiStoreAccess.rateLimit');
  const windowMs = durationToMilliseconds(
    options?.has('window')
      ? readDurationFromConfig(options, { key: 'window' })
      : { minutes: 1 },
  );
  const store = options?.getOptionalConfig('store');
  const limiter = rateLimit({
    windowMs,
    limit: options?.getOptionalNumber('max') ?? 20,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store:
      store?.getString('type') === 'redis'
        ? redisStore(store.getString('connection'))
        : undefined,
    keyGenerator: req =>
      `${budgetOf(req.path)}:${ipKeyGenerator(
        req.ip ?? req.socket.remoteAddress ?? '',
      )}`,
    skip: req => !req.path.startsWith('/public/') || req.method === 'GET',
    handler: (req, res, next) => {
      const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit
        ?.resetTime;
      const seconds = resetTime
        ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000))
        : Math.ceil(windowMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      next(
        new TooManyRequestsError(
          `Too many requests from your address; try again in ${seconds} seconds`,
        ),
      );
    },
    validate: { trustProxy: false },
  });
  return limiter;
}
