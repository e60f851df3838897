import { Knex } from 'knex';
import {
  ApprovalProcess,
  SelfSignUpSettings,
} from 'backstage-plugin-api-store-access-common';
import { SettingsStore, SettingsValues } from './SettingsStore';
import { toIsoTimeOrNull } from './time';

const TABLE = 'api_store_access_settings';
const ROW_ID = 1;

type SettingsRow = {
  id: number;
  self_sign_up_enabled: boolean | number;
  signature_line: string;
  contact_email: string;
  notify_all_admins: boolean | number;
  approval_process: string;
  auto_approve_domains: string;
  blocked_domains: string;
  send_rejection_email: boolean | number;
  version: number;
  updated_by: string | null;
  updated_at: number | string | null;
};

function fromRow(row: SettingsRow): SelfSignUpSettings {
  return {
    selfSignUpEnabled: Boolean(row.self_sign_up_enabled),
    signatureLine: row.signature_line,
    contactEmail: row.contact_email,
    notifyAllAdmins: Boolean(row.notify_all_admins),
    approvalProcess: row.approval_process as ApprovalProcess,
    autoApproveDomains: JSON.parse(row.auto_approve_domains),
    blockedDomains: JSON.parse(row.blocked_domains),
    sendRejectionEmail: Boolean(row.send_rejection_email),
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: toIsoTimeOrNull(row.updated_at),
  };
}

/** The settings in the plugin's database: one row, guarded by an optimistic version. */
export class DatabaseSettingsStore implements SettingsStore {
  constructor(private readonly db: Knex) {}

  async get(): Promise<SelfSignUpSettings> {
    const row = await this.db<SettingsRow>(TABLE).where({ id: ROW_ID }).first();
    if (!row) {
      throw new Error(`The ${TABLE} row is missing; were the migrations run?`);
    }
    return fromRow(row);
  }

  async replace(
    settings: SettingsValues,
    expectedVersion: number,
    actor: string,
  ): Promise<SelfSignUpSettings | undefined> {
    const updated = await this.db(TABLE)
      .where({ id: ROW_ID, version: expectedVersion })
      .update({
        self_sign_up_enabled: settings.selfSignUpEnabled,
        signature_line: settings.signatureLine,
        contact_email: settings.contactEmail,
        notify_all_admins: settings.notifyAllAdmins,
        approval_process: settings.approvalProcess,
        auto_approve_domains: JSON.stringify(settings.autoApproveDomains),
        blocked_domains: JSON.stringify(settings.blockedDomains),
        send_rejection_email: settings.sendRejectionEmail,
        version: expectedVersion + 1,
        updated_by: actor,
        updated_at: Date.now(),
      });
    return updated === 1 ? this.get() : undefined;
  }
}
