import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { githubAuthApiRef, IdentityApi } from '@backstage/core-plugin-api';
import { TestApiProvider } from '@backstage/test-utils';
import { Route, Routes } from 'react-router-dom';
import { errorResponse, jsonResponse } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessSignInPage } from './ApiStoreAccessSignInPage';
import { MEMBER_SIGN_IN_STORAGE_KEY } from './memberSession';

const BASE = 'http://example.com/api/api-store-access';
const SESSIONS = `${BASE}/public/sessions`;
const REFRESH = 'http://example.com/api/auth/api-store-member/refresh';
const GUEST_REFRESH = 'http://example.com/api/auth/guest/refresh';
const MEMBER_REF = 'user:default/jane-corp.example';

function fakeJwt(): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  return `${part({ alg: 'ES256' })}.${part({
    sub: MEMBER_REF,
    exp: Math.floor(Date.now() / 1000) + 3600,
  })}.signature`;
}

function refreshResponse(userEntityRef = MEMBER_REF): Response {
  return jsonResponse(200, {
    profile: { email: 'jane@corp.example', displayName: 'Jane' },
    backstageIdentity: {
      token: fakeJwt(),
      identity: {
        type: 'user',
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          'group:default/api-store-community',
        ],
      },
    },
  });
}

// typing into several fields takes a while on a busy machine
jest.setTimeout(20_000);

type Handler = (init?: RequestInit) => Response | Promise<Response>;

describe('ApiStoreAccessSignInPage: community member sign-in', () => {
  let fetchSpy: jest.SpyInstance;

  /** Answers by "METHOD url"; /public/status is always enabled. */
  function mockFetch(handlers: Record<string, Handler>) {
    fetchSpy = jest
      .spyOn(global, 'fetch')
      .mockImplementation(
        async (input: RequestInfo | URL, init?: RequestInit) => {
          const url = String(input);
          if (url.endsWith('/public/status')) {
            return jsonResponse(200, {
              selfSignUpEnabled: true,
              contactEmail: 'help@acme.example',
            });
          }
          const handler = handlers[`${init?.method ?? 'GET'} ${url}`];
          return handler
            ? handler(init)
            : errorResponse(404, 'NotFoundError', `unexpected ${url}`);
        },
      );
  }

  function callsTo(method: string, url: string) {
    return fetchSpy.mock.calls.filter(
      ([input, init]) =>
        String(input) === url && (init?.method ?? 'GET') === method,
    );
  }

  async function renderPage(
    onSignInSuccess: jest.Mock = jest.fn(),
    routeEntries: string[] = ['/'],
    providers: ['guest'] | [] = [],
  ) {
    await renderWithApis(
      <Routes>
        <Route path="/api-docs" element={<h1>API list</h1>} />
        <Route
          path="/*"
          element={
            <ApiStoreAccessSignInPage
              onSignInSuccess={onSignInSuccess}
              providers={providers}
            />
          }
        />
      </Routes>,
      { routeEntries },
    );
    return onSignInSuccess;
  }

  async function fillAndSubmit(email: string, password: string) {
    const form = await screen.findByRole('form', {
      name: 'Community member sign-in',
    });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Email' }),
      email,
    );
    await userEvent.type(within(form).getByLabelText('Password'), password);
    await userEvent.click(
      within(form).getByRole('button', { name: 'Sign in' }),
    );
    return form;
  }

  beforeEach(() => localStorage.clear());
  afterEach(() => fetchSpy?.mockRestore());

  it('shows the member card with Email, Password and Sign in beside the Sign up link', async () => {
    mockFetch({});
    await renderPage();
    expect(
      await screen.findByRole('heading', {
        name: 'Sign in as a community member',
      }),
    ).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Community member sign-in' });
    expect(
      within(form).getByRole('textbox', { name: 'Email' }),
    ).toHaveAttribute('type', 'email');
    expect(within(form).getByLabelText('Password')).toHaveAttribute(
      'type',
      'password',
    );
    expect(
      within(form).getByRole('button', { name: 'Sign in' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Sign up' }),
    ).toBeInTheDocument();
  });

  it('posts email and password with the cookie, signs in as api-store-member and lands on the API list', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () => new Response(null, { status: 204 }),
      [`GET ${REFRESH}`]: () => refreshResponse(),
    });
    const onSignInSuccess = await renderPage();

    await fillAndSubmit('  jane@corp.example ', 'correct horse battery');

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(callsTo('POST', SESSIONS)).toEqual([
      [
        SESSIONS,
        expect.objectContaining({
          method: 'POST',
          credentials: 'include',
          body: JSON.stringify({
            email: 'jane@corp.example',
            password: 'correct horse battery',
          }),
        }),
      ],
    ]);
    const [, refreshInit] = callsTo('GET', REFRESH)[0];
    expect(refreshInit.credentials).toBe('include');
    expect(new Headers(refreshInit.headers).get('X-Requested-With')).toBe(
      'XMLHttpRequest',
    );

    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    await expect(identity.getBackstageIdentity()).resolves.toEqual({
      type: 'user',
      userEntityRef: MEMBER_REF,
      ownershipEntityRefs: [MEMBER_REF, 'group:default/api-store-community'],
    });
    await expect(identity.getProfileInfo()).resolves.toEqual({
      email: 'jane@corp.example',
      displayName: 'Jane',
    });
    expect((await identity.getCredentials()).token).toMatch(/\./);
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBe('true');
    expect(
      await screen.findByRole('heading', { name: 'API list' }),
    ).toBeInTheDocument();
  });

  it('keeps a deep link instead of the API list', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () => new Response(null, { status: 204 }),
      [`GET ${REFRESH}`]: () => refreshResponse(),
    });
    const onSignInSuccess = await renderPage(jest.fn(), [
      '/catalog/default/api/petstore',
    ]);
    await fillAndSubmit('jane@corp.example', 'correct horse battery');
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    expect(
      screen.queryByRole('heading', { name: 'API list' }),
    ).not.toBeInTheDocument();
  });

  it('shows "Incorrect email or password" on a 401 and does not sign in', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () =>
        errorResponse(
          401,
          'AuthenticationError',
          'Incorrect email or password',
        ),
    });
    const onSignInSuccess = await renderPage();

    const form = await fillAndSubmit('jane@corp.example', 'wrong password');

    expect(
      await within(form).findByText('Incorrect email or password'),
    ).toBeInTheDocument();
    expect(within(form).getByLabelText('Password')).toHaveValue('');
    await waitFor(() =>
      expect(within(form).getByLabelText('Password')).toHaveFocus(),
    );
    expect(within(form).getByRole('textbox', { name: 'Email' })).toHaveValue(
      'jane@corp.example',
    );
    expect(within(form).getByRole('button', { name: 'Sign in' })).toBeEnabled();
    expect(callsTo('GET', REFRESH)).toHaveLength(0);
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBeNull();
  });

  it('says when to try again after a 429', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () =>
        new Response(
          JSON.stringify({ error: { name: 'Error', message: 'Too many' } }),
          {
            status: 429,
            headers: {
              'content-type': 'application/json',
              'Retry-After': '120',
            },
          },
        ),
    });
    const onSignInSuccess = await renderPage();
    const form = await fillAndSubmit('jane@corp.example', 'secret password');
    expect(
      await within(form).findByText(
        'Too many sign-in attempts. Try again in 2 minutes.',
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it('explains a network failure', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const onSignInSuccess = await renderPage();
    const form = await fillAndSubmit('jane@corp.example', 'secret password');
    expect(
      await within(form).findByText(
        'Could not reach the portal. Check your connection and try again.',
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it('asks for both fields before posting', async () => {
    mockFetch({});
    await renderPage();
    const form = await screen.findByRole('form', {
      name: 'Community member sign-in',
    });
    await userEvent.click(
      within(form).getByRole('button', { name: 'Sign in' }),
    );
    expect(
      within(form).getByText('Enter your email address and password'),
    ).toBeInTheDocument();
    expect(callsTo('POST', SESSIONS)).toHaveLength(0);
  });

  it('shows why the session could not start when the refresh fails after a 204', async () => {
    mockFetch({
      [`POST ${SESSIONS}`]: () => new Response(null, { status: 204 }),
      [`GET ${REFRESH}`]: () =>
        errorResponse(500, 'Error', 'Catalog is not ready'),
    });
    const onSignInSuccess = await renderPage();
    const form = await fillAndSubmit('jane@corp.example', 'secret password');
    expect(
      await within(form).findByText(/the portal could not start your session/),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBeNull();
    expect(within(form).getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('signs a remembered member in again silently on reload', async () => {
    localStorage.setItem(MEMBER_SIGN_IN_STORAGE_KEY, 'true');
    mockFetch({ [`GET ${REFRESH}`]: () => refreshResponse() });
    const onSignInSuccess = await renderPage(jest.fn(), [
      '/catalog/default/api/petstore',
    ]);

    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      MEMBER_REF,
    );
    expect(callsTo('GET', REFRESH)).toHaveLength(1);
    expect(callsTo('POST', SESSIONS)).toHaveLength(0);
    expect(
      screen.queryByRole('form', { name: 'Community member sign-in' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'API list' }),
    ).not.toBeInTheDocument();
  });

  it('forgets an ended member session (401) and shows the sign-in page', async () => {
    localStorage.setItem(MEMBER_SIGN_IN_STORAGE_KEY, 'true');
    mockFetch({
      [`GET ${REFRESH}`]: () =>
        errorResponse(401, 'AuthenticationError', 'No session'),
    });
    const onSignInSuccess = await renderPage();

    const form = await screen.findByRole('form', {
      name: 'Community member sign-in',
    });
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
    expect(callsTo('GET', REFRESH)).toHaveLength(1);
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBeNull();
    expect(onSignInSuccess).not.toHaveBeenCalled();
  });

  it('does not try the member session when this browser did not sign in as a member', async () => {
    mockFetch({ [`GET ${REFRESH}`]: () => refreshResponse() });
    await renderPage();
    await screen.findByRole('form', { name: 'Community member sign-in' });
    expect(callsTo('GET', REFRESH)).toHaveLength(0);
  });

  it('ends the member session on sign-out, even when the backend cannot be reached', async () => {
    let deleteFails = false;
    mockFetch({
      [`POST ${SESSIONS}`]: () => new Response(null, { status: 204 }),
      [`GET ${REFRESH}`]: () => refreshResponse(),
      [`DELETE ${SESSIONS}`]: () => {
        if (deleteFails) {
          throw new TypeError('Failed to fetch');
        }
        return new Response(null, { status: 204 });
      },
    });
    const onSignInSuccess = await renderPage();
    await fillAndSubmit('jane@corp.example', 'correct horse battery');
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBe('true');

    await expect(identity.signOut()).resolves.toBeUndefined();
    expect(callsTo('DELETE', SESSIONS)).toEqual([
      [
        SESSIONS,
        expect.objectContaining({ method: 'DELETE', credentials: 'include' }),
      ],
    ]);
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBeNull();

    deleteFails = true;
    await expect(identity.signOut()).resolves.toBeUndefined();
    expect(callsTo('DELETE', SESSIONS)).toHaveLength(2);
  });

  it('forgets the member when someone signs in with another provider', async () => {
    localStorage.setItem(MEMBER_SIGN_IN_STORAGE_KEY, 'true');
    mockFetch({
      [`GET ${REFRESH}`]: () => errorResponse(500, 'Error', 'Backend down'),
      [`GET ${GUEST_REFRESH}`]: () => refreshResponse('user:default/guest'),
    });
    const onSignInSuccess = await renderPage(jest.fn(), ['/'], ['guest']);

    const form = await screen.findByRole('form', {
      name: 'Community member sign-in',
    });
    expect(
      within(form).getByText(
        'We could not restore your community member session. Sign in again.',
      ),
    ).toBeInTheDocument();
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBe('true');

    await userEvent.click(screen.getByRole('button', { name: 'Enter' }));
    await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
    const identity: IdentityApi = onSignInSuccess.mock.calls[0][0];
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/guest',
    );
    expect(localStorage.getItem(MEMBER_SIGN_IN_STORAGE_KEY)).toBeNull();
    expect(
      screen.queryByRole('heading', { name: 'API list' }),
    ).not.toBeInTheDocument();
  });

  it('offers the member form on a single-provider sign-in page', async () => {
    mockFetch({});
    await renderWithApis(
      <TestApiProvider
        apis={[
          [githubAuthApiRef, { getBackstageIdentity: async () => undefined }],
        ]}
      >
        <ApiStoreAccessSignInPage
          onSignInSuccess={jest.fn()}
          provider={{
            id: 'github-auth-provider',
            title: 'GitHub',
            message: 'Sign in using GitHub',
            apiRef: githubAuthApiRef,
          }}
        />
      </TestApiProvider>,
    );
    const form = await screen.findByRole('form', {
      name: 'Community member sign-in',
    });
    expect(
      within(form).getByRole('textbox', { name: 'Email' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Sign in as a community member' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'Sign up' }),
    ).toBeInTheDocument();
  });

  it('can leave the member sign-in out', async () => {
    localStorage.setItem(MEMBER_SIGN_IN_STORAGE_KEY, 'true');
    mockFetch({});
    await renderWithApis(
      <ApiStoreAccessSignInPage
        onSignInSuccess={jest.fn()}
        providers={[]}
        memberSignIn={false}
      />,
    );
    expect(
      await screen.findByRole('link', { name: 'Sign up' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('form', { name: 'Community member sign-in' }),
    ).not.toBeInTheDocument();
    expect(callsTo('GET', REFRESH)).toHaveLength(0);
  });
});
