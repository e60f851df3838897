import { screen } from '@testing-library/react';
import { errorResponse, jsonResponse } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessSignInPage } from './ApiStoreAccessSignInPage';

describe('ApiStoreAccessSignInPage', () => {
  let fetchSpy: jest.SpyInstance;

  afterEach(() => fetchSpy.mockRestore());

  function mockStatus(selfSignUpEnabled: boolean) {
    fetchSpy = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (input: RequestInfo | URL) =>
        String(input).endsWith('/public/status')
          ? jsonResponse(200, {
              selfSignUpEnabled,
              contactEmail: 'help@acme.example',
            })
          : errorResponse(404, 'NotFoundError', 'unknown'),
      );
  }

  it('shows a Sign up link while self sign-up is enabled', async () => {
    mockStatus(true);
    await renderWithApis(
      <ApiStoreAccessSignInPage
        onSignInSuccess={jest.fn()}
        providers={[]}
        title="Welcome"
      />,
    );
    expect(
      await screen.findByRole('link', { name: 'Sign up' }),
    ).toHaveAttribute('href', '/api-store/sign-up');
    expect(screen.getByText('Welcome')).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalledWith(
      'http://example.com/api/api-store-access/public/status',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  it('has no Sign up link while self sign-up is disabled', async () => {
    mockStatus(false);
    await renderWithApis(
      <ApiStoreAccessSignInPage onSignInSuccess={jest.fn()} providers={[]} />,
    );
    expect(
      await screen.findByRole('heading', { name: 'Portal' }),
    ).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalled();
    expect(
      screen.queryByRole('link', { name: 'Sign up' }),
    ).not.toBeInTheDocument();
  });

  it('shows the sign-up form at /api-store/sign-up', async () => {
    mockStatus(true);
    await renderWithApis(
      <ApiStoreAccessSignInPage onSignInSuccess={jest.fn()} providers={[]} />,
      { routeEntries: ['/api-store/sign-up'] },
    );
    expect(
      await screen.findByRole('button', { name: 'Sign up' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Email/ })).toBeInTheDocument();
  });

  it('shows the registration page at /api-store/register/<token>', async () => {
    mockStatus(true);
    await renderWithApis(
      <ApiStoreAccessSignInPage onSignInSuccess={jest.fn()} providers={[]} />,
      { routeEntries: ['/api-store/register/abc'] },
    );
    expect(
      await screen.findByText('This registration link is not valid'),
    ).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalledWith(
      'http://example.com/api/api-store-access/public/registrations/abc',
      expect.anything(),
    );
  });
});
