import { ApiRouter } from '@backstage/backend-openapi-utils';
import {
  apiStoreAccessSignUpRequestReadPermission,
  apiStoreAccessSignUpRequestReviewPermission,
} from 'backstage-plugin-api-store-access-common';
import { spec } from '../../schema/openapi.generated';
import { RouteContext } from '../context';
import { audited } from '../audited';

/** Default page size of lists. */
export const DEFAULT_PAGE_SIZE = 25;

/** The Approval Tasks: list, read, start, complete, bulk decisions, resend link. */
export function addTaskRoutes(
  router: ApiRouter<typeof spec>,
  ctx: RouteContext,
): void {
  const { workflow, auditor, deliverer } = ctx;

  router.get('/sign-up-requests', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSignUpRequestReadPermission,
    );
    const { status, source, assignee, q, limit, cursor } = req.query;
    res.json(
      await ctx.requests.list({
        status,
        source,
        assignee: assignee === 'me' ? actor : assignee,
        q: q?.trim() || undefined,
        limit: limit ?? DEFAULT_PAGE_SIZE,
        cursor,
      }),
    );
  });

  router.get('/sign-up-requests/:id', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessSignUpRequestReadPermission);
    res.json(await workflow.get(req.params.id));
  });

  router.post('/sign-up-requests/:id/start', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSignUpRequestReviewPermission,
    );
    const { id } = req.params;
    res.json(
      await audited(
        auditor,
        { eventId: 'sign-up-request-start', request: req, meta: { id } },
        () => workflow.start(id, actor),
      ),
    );
  });

  router.post('/sign-up-requests/:id/complete', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSignUpRequestReviewPermission,
    );
    const { id } = req.params;
    const { decision, reason } = req.body;
    const request = await audited(
      auditor,
      {
        eventId: 'sign-up-request-complete',
        request: req,
        meta: { id, decision },
      },
      () => workflow.complete(id, actor, decision, reason),
    );
    deliverer.kick();
    res.json(request);
  });

  router.post('/sign-up-requests/bulk-complete', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSignUpRequestReviewPermission,
    );
    const { ids, decision, reason } = req.body;
    const results = await audited(
      auditor,
      {
        eventId: 'sign-up-request-bulk-complete',
        request: req,
        meta: { ids, decision },
      },
      () => workflow.completeMany(ids, actor, decision, reason),
    );
    deliverer.kick();
    res.json({ results });
  });

  router.post('/sign-up-requests/:id/resend-link', async (req, res) => {
    const actor = await ctx.authorize(
      req,
      apiStoreAccessSignUpRequestReviewPermission,
    );
    const { id } = req.params;
    const request = await audited(
      auditor,
      { eventId: 'sign-up-request-resend-link', request: req, meta: { id } },
      () => workflow.resendLink(id, actor),
    );
    deliverer.kick();
    res.json(request);
  });

  router.get('/outbox', async (req, res) => {
    await ctx.authorize(req, apiStoreAccessSignUpRequestReadPermission);
    const { status, requestId, limit, cursor } = req.query;
    res.json(
      await ctx.outbox.list({
        status,
        requestId,
        limit: limit ?? DEFAULT_PAGE_SIZE,
        cursor,
      }),
    );
  });
}
