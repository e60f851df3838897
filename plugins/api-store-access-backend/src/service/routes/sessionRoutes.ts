import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi.generated';
import { RouteContext } from '../context';
import {
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
} from '../sessionCookie';

/**
 * Member sessions (public sign-in and sign-out) and the internal routes other backend
 * plugins use: the auth module resolves a session, the catalog module reads members.
 */
export function addSessionRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  const secure = ctx.app.secureCookies;

  router.post('/public/sessions', async (req, res) => {
    const { token, expiresAt } = await ctx.signIn.signIn(
      req.body.email,
      req.body.password,
    );
    setSessionCookie(res, token, { expiresAt, secure });
    res.status(204).end();
  });

  router.delete('/public/sessions', async (req, res) => {
    const token = readSessionCookie(req);
    if (token) {
      await ctx.signIn.signOut(token);
    }
    clearSessionCookie(res, secure);
    res.status(204).end();
  });

  router.post('/internal/sessions/resolve', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['service'] });
    res.json(await ctx.signIn.resolve(req.body.token));
  });

  router.get('/internal/members', async (req, res) => {
    await ctx.httpAuth.credentials(req, { allow: ['service'] });
    const now = Date.now();
    res.json({
      items: await ctx.members.changedSince(req.query.updatedSince),
      now,
    });
  });
}
