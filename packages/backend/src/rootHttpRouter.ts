import {
  RootHttpRouterConfigureContext,
  rootHttpRouterServiceFactory,
} from '@backstage/backend-defaults/rootHttpRouter';
import { createRequestsWithExpressPrototypes } from './expressPrototypes';

/**
 * Backstage's root HTTP router with its default middleware, whose server creates
 * requests and responses with Express's prototypes from the start.
 */
export function configureRootHttpRouter(
  context: RootHttpRouterConfigureContext,
): void {
  if (!createRequestsWithExpressPrototypes(context.server, context.app)) {
    context.logger.warn(
      'The HTTP server keeps its request constructors where they were not expected; Express will change the prototype of every request',
    );
  }
  context.applyDefaults();
}

/** The root HTTP router service of the example backend. */
export const rootHttpRouter = rootHttpRouterServiceFactory({
  configure: configureRootHttpRouter,
});
