import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { DatabaseSettingsStore } from '../database/DatabaseSettingsStore';
import { CachedSettingsStore } from '../database/CachedSettingsStore';
import { DatabaseSignUpRequestStore } from '../database/DatabaseSignUpRequestStore';
import { EmailTemplateStore } from '../database/EmailTemplateStore';
import { MemberStore } from '../database/MemberStore';
import { ClaimedOutboxMessage, OutboxStore } from '../database/OutboxStore';
import { RegistrationLinkStore } from '../database/RegistrationLinkStore';
import { EmailComposer } from '../mail/EmailComposer';
import { createMailTransport, MailTransport } from '../mail/MailTransport';
import { OutboxDeliverer } from '../mail/OutboxDeliverer';
import { RecipientResolver } from '../mail/RecipientResolver';
import { TemplateRenderer } from '../mail/TemplateRenderer';
import { createAuthorize } from './authorize';
import { RouteContext } from './context';
import { RegistrationService } from './RegistrationService';
import { SignUpWorkflow } from './SignUpWorkflow';
import { MemberSignIn } from './MemberSignIn';
import { SessionStore } from '../database/SessionStore';
import { publicRateLimit } from './publicRateLimit';

/** The admin group when `apiStoreAccess.adminGroup` is not set. */
export const DEFAULT_ADMIN_GROUP = 'group:default/api-store-admins';

function duration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    config.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

/** Builds the stores, workflow and mail pipeline from the plugin's services and config. */
export function createContext(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  transport?: MailTransport;
  /**
   * Told of each email delivered, with the outbox messages it covered, its own first
   * (the plugin adds Backstage notifications for admins).
   */
  onDelivered?: (covers: ClaimedOutboxMessage[]) => void;
}): RouteContext & { transport: MailTransport; composer: EmailComposer } {
  const { db, config, logger } = deps;
  const app = {
    baseUrl: (
      config.getOptionalString('app.baseUrl') ?? 'http://localhost:3000'
    ).replace(/\/+$/, ''),
    title: config.getOptionalString('app.title') ?? 'Backstage',
    secureCookies: (
      config.getOptionalString('backend.baseUrl') ?? ''
    ).startsWith('https:'),
  };
  const settings = new CachedSettingsStore(
    new DatabaseSettingsStore(db),
    duration(config, 'apiStoreAccess.settingsMaxAge', { milliseconds: 250 }),
  );
  const requests = new DatabaseSignUpRequestStore(db);
  const templates = new EmailTemplateStore(db);
  const outbox = new OutboxStore(db);
  const links = new RegistrationLinkStore(db);
  const members = new MemberStore(db);
  const sessions = new SessionStore(db);
  const renderer = new TemplateRenderer();
  const transport = deps.transport ?? createMailTransport(config, logger);
  const composer = new EmailComposer({
    settings,
    templates,
    requests,
    links,
    renderer,
    recipients: new RecipientResolver(deps.catalog, deps.auth),
    options: {
      appBaseUrl: app.baseUrl,
      portalTitle: app.title,
      fromAddress:
        config.getOptionalString('apiStoreAccess.email.from') ??
        'no-reply@example.com',
      linkLifetimeMs: duration(
        config,
        'apiStoreAccess.registrationLinkExpiry',
        {
          hours: 72,
        },
      ),
    },
  });
  const deliverer = new OutboxDeliverer({
    outbox,
    composer,
    transport,
    logger,
    onDelivered: deps.onDelivered,
    retry: {
      maxAttempts:
        config.getOptionalNumber('apiStoreAccess.email.maxAttempts') ?? 8,
      initialDelayMs: duration(config, 'apiStoreAccess.email.retryDelay', {
        seconds: 30,
      }),
    },
  });
  return {
    app,
    settings,
    requests,
    templates,
    outbox,
    members,
    renderer,
    deliverer,
    transport,
    composer,
    workflow: new SignUpWorkflow(settings, requests, links, {
      adminGroup:
        config.getOptionalString('apiStoreAccess.adminGroup') ??
        DEFAULT_ADMIN_GROUP,
    }),
    registration: new RegistrationService(db, links, requests, members),
    sessions,
    signIn: new MemberSignIn(members, sessions, {
      sessionLifetimeMs: duration(config, 'apiStoreAccess.session.lifetime', {
        hours: 12,
      }),
      maxFailures:
        config.getOptionalNumber('apiStoreAccess.lockout.maxFailures') ?? 10,
      windowMs: duration(config, 'apiStoreAccess.lockout.window', {
        minutes: 15,
      }),
      lockMs: duration(config, 'apiStoreAccess.lockout.duration', {
        minutes: 15,
      }),
    }),
    httpAuth: deps.httpAuth,
    publicLimiter: publicRateLimit(config),
    authorize: createAuthorize(deps),
    auditor: deps.auditor,
  };
}
