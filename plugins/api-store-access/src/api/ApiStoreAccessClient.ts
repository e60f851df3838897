import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  BulkCompletionResult,
  EmailTemplate,
  EmailTemplateContent,
  EmailTemplateKind,
  InvitationResult,
  Member,
  OutboxMessage,
  Page,
  RenderedEmail,
  SelfSignUpSettings,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import {
  ApiStoreAccessApi,
  MemberQuery,
  SelfSignUpSettingsUpdate,
  SignUpCompletion,
  SignUpRequestQuery,
} from './ApiStoreAccessApi';
import { PLUGIN_ID } from './pluginId';

type Query = Record<string, string | number | undefined>;

function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Calls the admin routes of the api-store-access backend through the app's fetchApi. */
export class ApiStoreAccessClient implements ApiStoreAccessApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getSettings(): Promise<SelfSignUpSettings> {
    return this.request('GET', '/settings');
  }

  updateSettings(
    update: SelfSignUpSettingsUpdate,
  ): Promise<SelfSignUpSettings> {
    return this.request('PUT', '/settings', update);
  }

  listSignUpRequests(
    query: SignUpRequestQuery = {},
  ): Promise<Page<SignUpRequest>> {
    return this.request('GET', `/sign-up-requests${queryString({ ...query })}`);
  }

  getSignUpRequest(id: string): Promise<SignUpRequest> {
    return this.request('GET', `/sign-up-requests/${encodeURIComponent(id)}`);
  }

  startSignUpRequest(id: string): Promise<SignUpRequest> {
    return this.request(
      'POST',
      `/sign-up-requests/${encodeURIComponent(id)}/start`,
    );
  }

  completeSignUpRequest(
    id: string,
    completion: SignUpCompletion,
  ): Promise<SignUpRequest> {
    return this.request(
      'POST',
      `/sign-up-requests/${encodeURIComponent(id)}/complete`,
      completion,
    );
  }

  resendRegistrationLink(id: string): Promise<SignUpRequest> {
    return this.request(
      'POST',
      `/sign-up-requests/${encodeURIComponent(id)}/resend-link`,
    );
  }

  async bulkCompleteSignUpRequests(
    ids: string[],
    completion: SignUpCompletion,
  ): Promise<BulkCompletionResult[]> {
    const { results } = await this.request<{
      results: BulkCompletionResult[];
    }>('POST', '/sign-up-requests/bulk-complete', { ids, ...completion });
    return results;
  }

  async listEmailTemplates(): Promise<EmailTemplate[]> {
    const { items } = await this.request<{ items: EmailTemplate[] }>(
      'GET',
      '/email-templates',
    );
    return items;
  }

  updateEmailTemplate(
    kind: EmailTemplateKind,
    content: EmailTemplateContent,
  ): Promise<EmailTemplate> {
    return this.request(
      'PUT',
      `/email-templates/${encodeURIComponent(kind)}`,
      content,
    );
  }

  previewEmailTemplate(
    kind: EmailTemplateKind,
    content: EmailTemplateContent,
  ): Promise<RenderedEmail> {
    return this.request(
      'POST',
      `/email-templates/${encodeURIComponent(kind)}/preview`,
      content,
    );
  }

  invite(emails: string[]): Promise<InvitationResult> {
    return this.request('POST', '/invitations', { emails });
  }

  listMembers(query: MemberQuery = {}): Promise<Page<Member>> {
    return this.request('GET', `/members${queryString({ ...query })}`);
  }

  disableMember(id: string): Promise<Member> {
    return this.request('POST', `/members/${encodeURIComponent(id)}/disable`);
  }

  listFailedEmails(): Promise<Page<OutboxMessage>> {
    return this.request('GET', `/outbox${queryString({ status: 'failed' })}`);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
