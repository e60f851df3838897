import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';

/** The largest JSON body any route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A request body over {@link MAX_BODY_BYTES}: answered with 413. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** Parses JSON bodies up to 64 KB, turning parser failures into Backstage errors. */
export function jsonBody(): RequestHandler {
  const parse = express.json({ limit: MAX_BODY_BYTES });
  return (req, res, next) =>
    parse(req, res, (error?: { type?: string; message?: string }) => {
      if (!error) {
        next();
      } else if (error.type === 'entity.too.large') {
        next(
          new PayloadTooLargeError(
            'The request body is over the limit of 64 KB',
          ),
        );
      } else {
        next(
          new InputError(
            `The request body is not valid JSON: ${error.message}`,
          ),
        );
      }
    });
}
