import { Knex } from 'knex';
import {
  EmailTemplate,
  EmailTemplateContent,
  EmailTemplateKind,
  emailTemplateKinds,
} from 'backstage-plugin-api-store-access-common';
import { defaultTemplates } from '../mail/defaultTemplates';
import { toIsoTime } from './time';

const TABLE = 'api_store_access_email_templates';

type TemplateRow = {
  kind: string;
  subject: string;
  html: string;
  text: string;
  logo_url: string;
  updated_by: string | null;
  updated_at: number | string;
};

function fromRow(row: TemplateRow): EmailTemplate {
  return {
    kind: row.kind as EmailTemplateKind,
    subject: row.subject,
    html: row.html,
    text: row.text,
    logoUrl: row.logo_url,
    customized: true,
    updatedBy: row.updated_by,
    updatedAt: toIsoTime(row.updated_at),
  };
}

function fromDefault(kind: EmailTemplateKind): EmailTemplate {
  return {
    kind,
    ...defaultTemplates[kind],
    customized: false,
    updatedBy: null,
    updatedAt: null,
  };
}

/** Email templates: an admin's version where one was saved, the default otherwise. */
export class EmailTemplateStore {
  constructor(private readonly db: Knex) {}

  /** Every kind's template, in a fixed order. */
  async list(): Promise<EmailTemplate[]> {
    const rows = await this.db<TemplateRow>(TABLE);
    return emailTemplateKinds.map(kind => {
      const row = rows.find(r => r.kind === kind);
      return row ? fromRow(row) : fromDefault(kind);
    });
  }

  /** One kind's template. */
  async get(kind: EmailTemplateKind): Promise<EmailTemplate> {
    const row = await this.db<TemplateRow>(TABLE).where({ kind }).first();
    return row ? fromRow(row) : fromDefault(kind);
  }

  /** Saves an admin's template for a kind. */
  async put(
    kind: EmailTemplateKind,
    content: EmailTemplateContent,
    actor: string,
  ): Promise<EmailTemplate> {
    await this.db(TABLE)
      .insert({
        kind,
        subject: content.subject,
        html: content.html,
        text: content.text,
        logo_url: content.logoUrl,
        updated_by: actor,
        updated_at: Date.now(),
      })
      .onConflict('kind')
      .merge();
    return this.get(kind);
  }
}
