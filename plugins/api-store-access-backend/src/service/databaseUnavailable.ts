import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

const CONNECTION_FAILURES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
];

function isConnectionFailure(error: unknown): boolean {
  const { code, name, message } = (error ?? {}) as {
    code?: string;
    name?: string;
    message?: string;
  };
  return (
    (code !== undefined && CONNECTION_FAILURES.includes(code)) ||
    name === 'KnexTimeoutError' ||
    /Connection terminated|connection is closed|Timeout acquiring a connection/i.test(
      message ?? '',
    )
  );
}

/**
 * Turns a lost database connection into 503 Service Unavailable (instead of a 500), so
 * clients know to retry; nothing was accepted, since every change commits before its
 * answer. Other errors pass on unchanged to the root error handler.
 */
export function databaseUnavailable(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    next(
      isConnectionFailure(error)
        ? new ServiceUnavailableError(
            'The API store is briefly unavailable (its database cannot be reached); try again shortly',
          )
        : error,
    );
  };
}
