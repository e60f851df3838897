import { Request, Response } from 'express';

/** The cookie that carries a member's session token. */
export const SESSION_COOKIE = 'api-store-member-session';

/**
 * The session token from the request's cookies, if any. Only this cookie is read, so a
 * small parser is enough (no cookie-parser middleware on the whole router).
 */
export function readSessionCookie(
  req: Request<any, any, any, any>,
): string | undefined {
  const header = req.headers.cookie;
  if (!header) {
    return undefined;
  }
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      return decodeURIComponent(value.join('='));
    }
  }
  return undefined;
}

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Secure on https, for every backend
 * route under `/api` (the auth plugin reads it on refresh).
 */
export function setSessionCookie(
  res: Response,
  token: string,
  options: { expiresAt: number; secure: boolean },
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/api',
    expires: new Date(options.expiresAt),
  });
}

/** Removes the session cookie. */
export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/api',
  });
}
