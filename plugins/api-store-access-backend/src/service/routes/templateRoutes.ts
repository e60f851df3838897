import { ApiRouter } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  apiStoreAccessSettingsReadPermission,
  apiStoreAccessSettingsUpdatePermission,
  EmailTemplateContent,
} from 'backstage-plugin-api-store-access-common';
import { spec } from '../../schema/openapi.generated';
import { sampleVariables } from '../../mail/TemplateRenderer';
import { RouteContext } from '../context';
import { audited } from '../audited';

function checkLogoUrl(logoUrl: string) {
  if (logoUrl && !/^https:\/\/[^\s"'<>]+$/.test(logoUrl)) {
    throw new InputError(
      'logoUrl must be an https:// address, or empty for no logo',
    );
  }
}

/** Email templates: list, save (refused when it does not compile), preview. */
export function addTemplateRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  const preview = async (content: EmailTemplateContent) => {
    checkLogoUrl(content.logoUrl);
    const { signatureLine, contactEmail } = await ctx.settings.get();
    return ctx.renderer.render(
      content,
      sampleVariables(
        { signatureLine, contactEmail, portalTitle: ctx.app.title },
        ctx.app.baseUrl,
      ),
    );
  };

  router.get('/email-templates', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessSettingsReadPermission);
    res.json({ items: await ctx.templates.list() });
  });

  router.put('/email-templates/:kind', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSettingsUpdatePermission,
    );
    const { kind } = req.params;
    const saved = await audited(
      ctx.auditor,
      { eventId: 'email-template-update', request: req, meta: { kind } },
      async () => {
        await preview(req.body);
        return ctx.templates.put(kind, req.body, actor);
      },
    );
    res.json(saved);
  });

  router.post('/email-templates/:kind/preview', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessSettingsReadPermission);
    res.json(await preview(req.body));
  });
}
