import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import {
  apiStoreAccessSettingsReadPermission,
  apiStoreAccessSettingsUpdatePermission,
  apiStoreAccessSignUpRequestReadPermission,
  apiStoreAccessSignUpRequestReviewPermission,
} from 'backstage-plugin-api-store-access-common';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { SettingsStore } from '../database/SettingsStore';
import { SignUpRequestStore } from '../database/SignUpRequestStore';
import { SignUpWorkflow } from './SignUpWorkflow';
import { updateSettings } from './settingsInput';
import { createAuthorize } from './authorize';
import { jsonBody } from './jsonBody';
import { audited } from './audited';

// The body is parsed before the validated router, whose error handler would turn a 413
// into a 400.
const bodyAlreadyParsed: express.RequestHandler = (_req, _res, next) => next();

/** Default page size of the Approval Tasks list. */
export const DEFAULT_PAGE_SIZE = 25;

/** What the router needs. */
export interface RouterOptions {
  settings: SettingsStore;
  requests: SignUpRequestStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
}

/** The plugin's HTTP routes, validated against its OpenAPI document. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { settings, requests, auditor } = options;
  const workflow = new SignUpWorkflow(settings, requests);
  const authorize = createAuthorize(options);
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [bodyAlreadyParsed],
  });

  router.get('/public/status', async (_req, res) => {
    const { selfSignUpEnabled, contactEmail } = await settings.get();
    res.json({ selfSignUpEnabled, contactEmail });
  });

  router.post('/public/sign-ups', async (req, res) => {
    await workflow.submit(req.body);
    res.status(202).json({
      message:
        'Thank you for signing up. If the address can be registered, an email will follow.',
    });
  });

  router.get('/settings', async (req, res) => {
    await authorize(req, apiStoreAccessSettingsReadPermission);
    res.json(await settings.get());
  });

  router.put('/settings', async (req, res) => {
    const actor = await authorize(req, apiStoreAccessSettingsUpdatePermission);
    const stored = await audited(
      auditor,
      {
        eventId: 'settings-update',
        request: req,
        meta: { version: req.body.version },
      },
      () => updateSettings(settings, req.body, actor),
    );
    res.json(stored);
  });

  router.get('/sign-up-requests', async (req, res) => {
    const actor = await authorize(
      req,
      apiStoreAccessSignUpRequestReadPermission,
    );
    const { status, assignee, q, limit, cursor } = req.query;
    res.json(
      await requests.list({
        status,
        assignee: assignee === 'me' ? actor : assignee,
        q: q?.trim() || undefined,
        limit: limit ?? DEFAULT_PAGE_SIZE,
        cursor,
      }),
    );
  });

  router.get('/sign-up-requests/:id', async (req, res) => {
    await authorize(req, apiStoreAccessSignUpRequestReadPermission);
    res.json(await workflow.get(req.params.id));
  });

  router.post('/sign-up-requests/:id/start', async (req, res) => {
    const actor = await authorize(
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
    const actor = await authorize(
      req,
      apiStoreAccessSignUpRequestReviewPermission,
    );
    const { id } = req.params;
    const { decision, reason } = req.body;
    res.json(
      await audited(
        auditor,
        {
          eventId: 'sign-up-request-complete',
          request: req,
          meta: { id, decision },
        },
        () => workflow.complete(id, actor, decision, reason),
      ),
    );
  });

  const outer = express.Router();
  outer.use(jsonBody());
  outer.use(router);
  return outer;
}
