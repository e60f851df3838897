import { InputError } from '@backstage/errors';
import {
  EmailTemplateContent,
  RenderedEmail,
} from 'backstage-plugin-api-store-access-common';
import nunjucks from 'nunjucks';

/** The placeholders every template can use. */
export interface TemplateVariables {
  email: string;
  displayName: string;
  link: string;
  expiresAt: string;
  signatureLine: string;
  contactEmail: string;
  portalTitle: string;
  logoUrl: string;
  reason: string;
  approvalTasksLink: string;
  /** In admin notifications: how many requests the email tells of (more than one in a digest). */
  requestCount: number;
  /** In admin notifications: the requests the email tells of. */
  requests: Array<{ email: string; displayName: string }>;
}

/** Values for previews: what a real email would hold, with example data. */
export function sampleVariables(
  base: Pick<
    TemplateVariables,
    'signatureLine' | 'contactEmail' | 'portalTitle'
  >,
  appBaseUrl: string,
): TemplateVariables {
  return {
    ...base,
    email: 'jane.doe@example.com',
    displayName: 'Jane Doe',
    link: `${appBaseUrl}/api-store/register/sample-token`,
    expiresAt: formatExpiry(new Date(Date.now() + 72 * 3600_000)),
    logoUrl: '',
    reason: 'We could not verify your organisation.',
    approvalTasksLink: `${appBaseUrl}/api-store-access/approval-tasks`,
    requestCount: 1,
    requests: [{ email: 'jane.doe@example.com', displayName: 'Jane Doe' }],
  };
}

/** How expiry times read in emails. */
export function formatExpiry(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function describeTemplateError(part: string, error: unknown): InputError {
  const message = String((error as Error).message ?? error)
    .replace(/^\(unknown path\)\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return new InputError(`The ${part} template does not compile: ${message}`);
}

/**
 * Renders templates with nunjucks (the engine Backstage's scaffolder uses), escaping
 * every value in HTML, so a display name cannot inject markup.
 */
export class TemplateRenderer {
  private readonly html = new nunjucks.Environment(null, { autoescape: true });
  private readonly plain = new nunjucks.Environment(null, {
    autoescape: false,
  });

  /** Renders subject, HTML and text; throws InputError naming the part and line that fail. */
  render(
    template: EmailTemplateContent,
    variables: TemplateVariables,
  ): RenderedEmail {
    const values = {
      ...variables,
      logoUrl: template.logoUrl || variables.logoUrl,
    };
    return {
      subject: this.renderPart('subject', this.plain, template.subject, values)
        .replace(/\s+/g, ' ')
        .trim(),
      html: this.renderPart('html', this.html, template.html, values),
      text: this.renderPart('text', this.plain, template.text, values),
    };
  }

  private renderPart(
    part: string,
    env: nunjucks.Environment,
    source: string,
    values: TemplateVariables,
  ): string {
    try {
      return this.compiled(env, source).render(values);
    } catch (error) {
      throw describeTemplateError(part, error);
    }
  }

  // Templates change rarely and compiling costs more than rendering: keep the compiled
  // form of recent sources (bounded, oldest dropped first).
  private readonly cache = new Map<string, nunjucks.Template>();

  private compiled(
    env: nunjucks.Environment,
    source: string,
  ): nunjucks.Template {
    const key = `${env === this.html ? 'html' : 'plain'}:${source}`;
    let template = this.cache.get(key);
    if (!template) {
      template = new nunjucks.Template(source, env, undefined, true);
      if (this.cache.size >= 64) {
        this.cache.delete(this.cache.keys().next().value!);
      }
      this.cache.set(key, template);
    }
    return template;
  }
}
