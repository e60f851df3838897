import { RequestHandler } from 'express';

const TOKEN_IN_PATH = /(\/public\/registrations\/)[^/?#]+/;
const TOKEN_IN_PAGE = /(\/api-store\/register\/)[^/?#]+/;
const REDACTED = '$1<redacted>';

/**
 * Keeps registration tokens out of the backend's request log: the root router logs
 * `originalUrl` and the referrer when a response finishes, so both are masked here (the
 * routes themselves read the token from `req.url`, which stays intact).
 */
export function redactTokens(): RequestHandler {
  return (req, _res, next) => {
    if (TOKEN_IN_PATH.test(req.originalUrl)) {
      req.originalUrl = req.originalUrl.replace(TOKEN_IN_PATH, REDACTED);
    }
    for (const header of ['referer', 'referrer'] as const) {
      const value = req.headers[header];
      if (typeof value === 'string' && TOKEN_IN_PAGE.test(value)) {
        req.headers[header] = value.replace(TOKEN_IN_PAGE, REDACTED);
      }
    }
    next();
  };
}
