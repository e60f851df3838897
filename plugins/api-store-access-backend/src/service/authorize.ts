import {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/** Checks the caller's user token and one permission; returns the caller's entity ref. */
export type Authorize = (
  req: Request<any, any, any, any>,
  permission: BasicPermission,
) => Promise<string>;

/** Makes the {@link Authorize} check from Backstage's auth and permission services. */
export function createAuthorize(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auth?: AuthService;
}): Authorize {
  const { httpAuth, permissions } = options;
  return async (req, permission) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this (${permission.name})`,
      );
    }
    return credentials.principal.userEntityRef;
  };
}
