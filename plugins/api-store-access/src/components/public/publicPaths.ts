import { matchPath } from 'react-router-dom';

/** Where the public sign-up form lives. */
export const SIGN_UP_PATH = '/api-store/sign-up';

/** Where registration links point, with the token as its last segment. */
export const REGISTER_PATH = '/api-store/register/:token';

/** The registration token in a path, if the path is a registration link. */
export function registrationToken(pathname: string): string | undefined {
  return matchPath(REGISTER_PATH, pathname)?.params.token || undefined;
}

/** Whether a path is the public sign-up form. */
export function isSignUpPath(pathname: string): boolean {
  return Boolean(matchPath(SIGN_UP_PATH, pathname));
}
