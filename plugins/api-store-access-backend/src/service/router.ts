import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import express from 'express';
import { spec } from '../schema/openapi.generated';
import { RouteContext } from './context';
import { jsonBody } from './jsonBody';
import { redactTokens } from './redactTokens';
import { databaseUnavailable } from './databaseUnavailable';
import { addPublicRoutes } from './routes/publicRoutes';
import { addSettingsRoutes } from './routes/settingsRoutes';
import { addTaskRoutes } from './routes/taskRoutes';
import { addTemplateRoutes } from './routes/templateRoutes';
import { addMemberRoutes } from './routes/memberRoutes';
import { addSessionRoutes } from './routes/sessionRoutes';

// The body is parsed before the validated router, whose error handler would turn a 413
// into a 400.
const bodyAlreadyParsed: express.RequestHandler = (_req, _res, next) => next();

/** The plugin's HTTP routes, validated against its OpenAPI document. */
export function createRouter(ctx: RouteContext): express.Router {
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    middleware: [bodyAlreadyParsed],
  });
  addPublicRoutes(router, ctx);
  addSettingsRoutes(router, ctx);
  addTaskRoutes(router, ctx);
  addTemplateRoutes(router, ctx);
  addMemberRoutes(router, ctx);
  addSessionRoutes(router, ctx);

  const outer = express.Router();
  outer.use(redactTokens());
  outer.use(ctx.publicLimiter);
  outer.use(jsonBody());
  outer.use(router);
  outer.use(databaseUnavailable());
  return outer;
}
