import { ResponseError } from '@backstage/errors';
import { mockApis } from '@backstage/test-utils';
import {
  errorResponse,
  jsonResponse,
  settingsFixture,
} from '../__testUtils__/fixtures';
import { ApiStoreAccessClient } from './ApiStoreAccessClient';

const BASE = 'http://example.com/api/api-store-access';

function setup(response: Response) {
  const fetch = jest.fn(async (..._args: [string, RequestInit?]) => response);
  const client = new ApiStoreAccessClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('ApiStoreAccessClient', () => {
  it('writes settings with the version it read', async () => {
    const { client, fetch } = setup(jsonResponse(200, settingsFixture()));
    await client.updateSettings({ selfSignUpEnabled: false, version: 3 });
    expect(fetch).toHaveBeenCalledWith(`${BASE}/settings`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ selfSignUpEnabled: false, version: 3 }),
    });
  });

  it('lists sign-up requests with only the filters given', async () => {
    const { client, fetch } = setup(
      jsonResponse(200, { items: [], totalCount: 0, nextCursor: null }),
    );
    await client.listSignUpRequests({
      status: 'in_review',
      assignee: 'me',
      q: '',
      limit: 25,
      cursor: 'a b',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${BASE}/sign-up-requests?status=in_review&assignee=me&limit=25&cursor=a+b`,
    );
  });

  it('unwraps the bulk results and the template list', async () => {
    const bulk = setup(
      jsonResponse(200, { results: [{ id: 'r1', ok: true }] }),
    );
    expect(
      await bulk.client.bulkCompleteSignUpRequests(['r1'], {
        decision: 'reject',
        reason: 'spam',
      }),
    ).toEqual([{ id: 'r1', ok: true }]);
    expect(bulk.fetch).toHaveBeenCalledWith(
      `${BASE}/sign-up-requests/bulk-complete`,
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({
          ids: ['r1'],
          decision: 'reject',
          reason: 'spam',
        }),
      }),
    );

    const templates = setup(jsonResponse(200, { items: [] }));
    expect(await templates.client.listEmailTemplates()).toEqual([]);
  });

  it('escapes ids in paths', async () => {
    const { client, fetch } = setup(jsonResponse(200, {}));
    await client.startSignUpRequest('a/b');
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/sign-up-requests/a%2Fb/start`);
  });

  it('throws a ResponseError carrying the Backstage error body', async () => {
    const { client } = setup(
      errorResponse(409, 'ConflictError', 'Started by someone else'),
    );
    const error = await client.startSignUpRequest('r1').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.body.error.message).toBe('Started by someone else');
  });
});
