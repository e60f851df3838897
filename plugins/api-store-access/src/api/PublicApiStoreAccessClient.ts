import { DiscoveryApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  PublicStatus,
  RegistrationInfo,
} from 'backstage-plugin-api-store-access-common';
import { PLUGIN_ID } from './pluginId';

/** What a visitor sends to sign up. */
export interface SignUpSubmission {
  email: string;
  displayName?: string;
}

/** What a registrant sends to set their password. */
export interface RegistrationSubmission {
  password: string;
  displayName?: string;
}

/**
 * Calls the public routes of the api-store-access backend with the global fetch: the
 * app's fetchApi waits for a sign-in that signed-out visitors never do.
 */
export class PublicApiStoreAccessClient {
  private readonly discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'>;

  constructor(options: { discoveryApi: Pick<DiscoveryApi, 'getBaseUrl'> }) {
    this.discoveryApi = options.discoveryApi;
  }

  /** Whether visitors may sign up, and whom to contact. */
  getStatus(): Promise<PublicStatus> {
    return this.request('GET', '/public/status');
  }

  /** Submits a sign-up; resolves with the server's acknowledgement text. */
  submitSignUp(submission: SignUpSubmission): Promise<{ message: string }> {
    return this.request('POST', '/public/sign-ups', submission);
  }

  /** What a registration link is for; 410 when used or expired, 404 when unknown. */
  getRegistration(token: string): Promise<RegistrationInfo> {
    return this.request(
      'GET',
      `/public/registrations/${encodeURIComponent(token)}`,
    );
  }

  /** Sets the registrant's password; 400 names the password rule it breaks. */
  async completeRegistration(
    token: string,
    submission: RegistrationSubmission,
  ): Promise<void> {
    await this.request(
      'POST',
      `/public/registrations/${encodeURIComponent(token)}`,
      submission,
    );
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await globalThis.fetch(`${baseUrl}${path}`, {
      method,
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
