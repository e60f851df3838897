import { AuditorService } from '@backstage/backend-plugin-api';
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
  authorize: Authorize;
  auditor: AuditorService;
  /** The portal's `app.baseUrl` and `app.title`, for previews. */
  app: { baseUrl: string; title: string };
}
