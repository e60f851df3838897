import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { RequestHandler } from 'express';
import { EmailTemplateStore } from '../database/EmailTemplateStore';
import { MemberStore } from '../database/MemberStore';
import { OutboxStore } from '../database/OutboxStore';
import { SettingsStore } from '../database/SettingsStore';
import { SignUpRequestStore } from '../database/SignUpRequestStore';
import { OutboxDeliverer } from '../mail/OutboxDeliverer';
import { TemplateRenderer } from '../mail/TemplateRenderer';
import { Authorize } from './authorize';
import { RegistrationService } from './RegistrationService';
import { SignUpWorkflow } from './SignUpWorkflow';
import { MemberSignIn } from './MemberSignIn';
import { SessionStore } from '../database/SessionStore';

/** Everything the routes work with. */
export interface RouteContext {
  settings: SettingsStore;
  requests: SignUpRequestStore;
  templates: EmailTemplateStore;
  outbox: OutboxStore;
  members: MemberStore;
  workflow: SignUpWorkflow;
  registration: RegistrationService;
  deliverer: OutboxDeliverer;
  renderer: TemplateRenderer;
  sessions: SessionStore;
  /** Limits the changing public routes per client address. */
  publicLimiter: RequestHandler;
  signIn: MemberSignIn;
  authorize: Authorize;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** The portal's `app.baseUrl` and `app.title`, and whether cookies need https. */
  app: { baseUrl: string; title: string; secureCookies: boolean };
}
