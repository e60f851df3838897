import { ApiRouter } from '@backstage/backend-openapi-utils';
import { NotFoundError } from '@backstage/errors';
import {
  apiStoreAccessInvitationCreatePermission,
  apiStoreAccessMemberManagePermission,
  apiStoreAccessMemberReadPermission,
} from 'backstage-plugin-api-store-access-common';
import { spec } from '../../schema/openapi.generated';
import { RouteContext } from '../context';
import { audited } from '../audited';
import { inviteMembers } from '../invitations';
import { DEFAULT_PAGE_SIZE } from './taskRoutes';

/** Members and invitations. */
export function addMemberRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  router.post('/invitations', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessInvitationCreatePermission,
    );
    const result = await audited(
      ctx.auditor,
      {
        eventId: 'invitation-create',
        request: req,
        meta: { count: req.body.emails.length },
      },
      () => inviteMembers(ctx, req.body.emails, actor),
    );
    ctx.deliverer.kick();
    res.json(result);
  });

  router.get('/members', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessMemberReadPermission);
    const { q, limit, cursor } = req.query;
    res.json(
      await ctx.members.list({
        q: q?.trim() || undefined,
        limit: limit ?? DEFAULT_PAGE_SIZE,
        cursor,
      }),
    );
  });

  router.post('/members/:id/disable', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessMemberManagePermission);
    const { id } = req.params;
    const member = await audited(
      ctx.auditor,
      { eventId: 'member-disable', request: req, meta: { id } },
      async () => {
        const disabled = await ctx.members.disable(id);
        if (!disabled) {
          throw new NotFoundError(`No member with id ${id}`);
        }
        await ctx.sessions.revokeAllOf(id, Date.now());
        return disabled;
      },
    );
    res.json(member);
  });
}
