import { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  apiStoreAccessSettingsReadPermission,
  apiStoreAccessSettingsUpdatePermission,
} from 'backstage-plugin-api-store-access-common';
import { spec } from '../../schema/openapi.generated';
import { RouteContext } from '../context';
import { updateSettings } from '../settingsInput';
import { audited } from '../audited';

/** The self sign-up settings. */
export function addSettingsRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  router.get('/settings', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessSettingsReadPermission);
    res.json(await ctx.settings.get());
  });

  router.put('/settings', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSettingsUpdatePermission,
    );
    const stored = await audited(
      ctx.auditor,
      {
        eventId: 'settings-update',
        request: req,
        meta: { version: req.body.version },
      },
      () => updateSettings(ctx.settings, req.body, actor),
    );
    res.json(stored);
  });
}
