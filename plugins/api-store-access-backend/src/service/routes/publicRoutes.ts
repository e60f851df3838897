import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../../schema/openapi.generated';
import { RouteContext } from '../context';

/** Routes for signed-out visitors: status, sign-up and registration. */
export function addPublicRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  router.get('/public/status', async (_req, res) => {
    const { selfSignUpEnabled, contactEmail } = await ctx.settings.get();
    res.json({ selfSignUpEnabled, contactEmail });
  });

  router.post('/public/sign-ups', async (req, res) => {
    await ctx.workflow.submit(req.body);
    ctx.deliverer.kick();
    res.status(202).json({
      message:
        'Thank you for signing up. If the address can be registered, an email will follow.',
    });
  });

  router.get('/public/registrations/:token', async (req, res) => {
    res.json(await ctx.registration.describe(req.params.token));
  });

  router.post('/public/registrations/:token', async (req, res) => {
    const { password, displayName } = req.body;
    res
      .status(201)
      .json(
        await ctx.registration.register(
          req.params.token,
          password,
          displayName,
        ),
      );
  });
}
