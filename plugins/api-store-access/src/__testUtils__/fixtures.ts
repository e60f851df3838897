import { ResponseError } from '@backstage/errors';
import {
  SelfSignUpSettings,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import { ApiStoreAccessApi } from '../api';

/** A JSON response as the backend sends it. */
export function jsonResponse(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    statusText: String(status),
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/** A Backstage error body with its status. */
export function errorResponse(
  status: number,
  name: string,
  message: string,
): Response {
  return jsonResponse(status, {
    error: { name, message },
    request: { method: 'GET', url: '/' },
    response: { statusCode: status },
  });
}

/** The ResponseError a client throws for a failed call. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(errorResponse(status, name, message));
}

/** Settings as the backend returns them. */
export function settingsFixture(
  overrides: Partial<SelfSignUpSettings> = {},
): SelfSignUpSettings {
  return {
    selfSignUpEnabled: true,
    signatureLine: 'Acme API Team',
    contactEmail: 'api-team@acme.example',
    notifyAllAdmins: true,
    approvalProcess: 'admin',
    autoApproveDomains: ['acme.example'],
    blockedDomains: [],
    sendRejectionEmail: false,
    version: 3,
    updatedBy: 'user:default/alice',
    updatedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}

/** A sign-up request as the backend returns it. */
export function requestFixture(
  overrides: Partial<SignUpRequest> = {},
): SignUpRequest {
  return {
    id: 'r1',
    email: 'jane@corp.example',
    displayName: 'Jane',
    status: 'pending_approval',
    source: 'self-sign-up',
    assignee: null,
    decision: null,
    reason: null,
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    history: [
      {
        at: '2026-12-01T09:00:00.000Z',
        actor: 'jane@corp.example',
        action: 'submitted',
        detail: null,
      },
    ],
    ...overrides,
  };
}

/** An ApiStoreAccessApi whose every method is a jest mock. */
export function mockApiStoreAccessApi(): jest.Mocked<ApiStoreAccessApi> {
  return {
    getSettings: jest.fn(),
    updateSettings: jest.fn(),
    listSignUpRequests: jest.fn(),
    getSignUpRequest: jest.fn(),
    startSignUpRequest: jest.fn(),
    completeSignUpRequest: jest.fn(),
    resendRegistrationLink: jest.fn(),
    bulkCompleteSignUpRequests: jest.fn(),
    listEmailTemplates: jest.fn(),
    updateEmailTemplate: jest.fn(),
    previewEmailTemplate: jest.fn(),
    invite: jest.fn(),
    listMembers: jest.fn(),
    disableMember: jest.fn(),
    listFailedEmails: jest.fn(),
  };
}
