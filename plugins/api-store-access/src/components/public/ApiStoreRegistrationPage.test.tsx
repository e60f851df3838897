import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorResponse, jsonResponse } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreRegistrationPage } from './ApiStoreRegistrationPage';

const BASE = 'http://example.com/api/api-store-access';
const REGISTRATION = {
  email: 'jane@corp.example',
  displayName: 'Jane',
  expiresAt: '2026-12-04T09:00:00.000Z',
};

// typing into the fields takes a while on a busy machine
jest.setTimeout(20_000);

describe('ApiStoreRegistrationPage', () => {
  let fetchSpy: jest.SpyInstance;

  afterEach(() => fetchSpy.mockRestore());

  function mockFetch(
    get: () => Response,
    post: () => Response = () => jsonResponse(201),
  ) {
    fetchSpy = jest
      .spyOn(global, 'fetch')
      .mockImplementation(
        async (input: RequestInfo | URL, init?: RequestInit) => {
          if (String(input).endsWith('/public/status')) {
            return jsonResponse(200, {
              selfSignUpEnabled: true,
              contactEmail: 'help@acme.example',
            });
          }
          return init?.method === 'POST' ? post() : get();
        },
      );
  }

  it('shows the rules live and completes the registration', async () => {
    mockFetch(() => jsonResponse(200, REGISTRATION));
    await renderWithApis(<ApiStoreRegistrationPage token="tok123" />);

    expect(await screen.findByText('jane@corp.example')).toBeInTheDocument();
    const button = screen.getByRole('button', {
      name: 'Complete registration',
    });
    const password = screen.getByLabelText(/^Password/);
    const lengthRule = screen
      .getByText('12 to 128 characters')
      .closest('li') as HTMLElement;
    const emailRule = screen
      .getByText(/Does not contain your email address/)
      .closest('li') as HTMLElement;

    await userEvent.type(password, 'jane-secret');
    expect(lengthRule).toHaveAttribute('data-met', 'false');
    expect(emailRule).toHaveAttribute('data-met', 'false');
    expect(button).toBeDisabled();

    await userEvent.clear(password);
    await userEvent.type(password, 'correct horse battery');
    expect(lengthRule).toHaveAttribute('data-met', 'true');
    expect(emailRule).toHaveAttribute('data-met', 'true');
    await userEvent.click(button);

    expect(
      await screen.findByRole('heading', { name: 'You can now sign in' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BASE}/public/registrations/tok123`,
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({
          password: 'correct horse battery',
          displayName: 'Jane',
        }),
      }),
    );
  });

  it('shows the password rule the server refuses', async () => {
    mockFetch(
      () => jsonResponse(200, REGISTRATION),
      () => errorResponse(400, 'InputError', 'This password is too common'),
    );
    await renderWithApis(<ApiStoreRegistrationPage token="tok123" />);

    await userEvent.type(
      await screen.findByLabelText(/^Password/),
      'password1234',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Complete registration' }),
    );
    expect(
      await screen.findByText('This password is too common'),
    ).toBeInTheDocument();
  });

  it('explains a used or expired link (410) with the contact email', async () => {
    mockFetch(() => errorResponse(410, 'Error', 'gone'));
    await renderWithApis(<ApiStoreRegistrationPage token="tok123" />);

    expect(
      await screen.findByText(
        'This registration link has been used or has expired',
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'help@acme.example' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Complete registration' }),
    ).not.toBeInTheDocument();
  });

  it('explains an unknown link (404) with the contact email', async () => {
    mockFetch(() => errorResponse(404, 'NotFoundError', 'unknown'));
    await renderWithApis(<ApiStoreRegistrationPage token="nope" />);

    expect(
      await screen.findByText('This registration link is not valid'),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'help@acme.example' }),
    ).toBeInTheDocument();
  });

  it('reads the token from the path', async () => {
    mockFetch(() => jsonResponse(200, REGISTRATION));
    await renderWithApis(<ApiStoreRegistrationPage />, {
      routeEntries: ['/api-store/register/fromPath'],
    });
    expect(await screen.findByText('jane@corp.example')).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BASE}/public/registrations/fromPath`,
      expect.anything(),
    );
  });
});
