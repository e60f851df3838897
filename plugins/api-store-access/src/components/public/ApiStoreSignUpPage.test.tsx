import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorResponse, jsonResponse } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreSignUpPage } from './ApiStoreSignUpPage';

const BASE = 'http://example.com/api/api-store-access';
const STATUS = { selfSignUpEnabled: true, contactEmail: 'help@acme.example' };

// typing into the fields takes a while on a busy machine
jest.setTimeout(20_000);

describe('ApiStoreSignUpPage', () => {
  let fetchSpy: jest.SpyInstance;

  afterEach(() => fetchSpy.mockRestore());

  function mockFetch(signUp: () => Response, status = STATUS) {
    fetchSpy = jest
      .spyOn(global, 'fetch')
      .mockImplementation(async (input: RequestInfo | URL) =>
        String(input).endsWith('/public/status')
          ? jsonResponse(200, status)
          : signUp(),
      );
  }

  it('signs up with the global fetch, then says to check the email', async () => {
    mockFetch(() =>
      jsonResponse(202, { message: 'Thank you for signing up.' }),
    );
    await renderWithApis(<ApiStoreSignUpPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Email/ }),
      ' Jane@Corp.Example ',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: /Display name/ }),
      'Jane',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(
      await screen.findByRole('heading', { name: 'Check your email' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Thank you for signing up.')).toBeInTheDocument();
    expect(screen.getByText('jane@corp.example')).toBeInTheDocument();
    expect(fetchSpy).toHaveBeenCalledWith(
      `${BASE}/public/sign-ups`,
      expect.objectContaining({
        method: 'POST',
        body: JSON.stringify({
          email: 'jane@corp.example',
          displayName: 'Jane',
        }),
      }),
    );
  });

  it('checks the email address as you type', async () => {
    mockFetch(() => jsonResponse(202, { message: 'ok' }));
    await renderWithApis(<ApiStoreSignUpPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Email/ }),
      'jane',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(
      screen.getByText('Enter your email address, such as jane@example.com'),
    ).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalledWith(
      `${BASE}/public/sign-ups`,
      expect.anything(),
    );
  });

  it('says self sign-up is closed on a 403, with the contact email', async () => {
    mockFetch(() => errorResponse(403, 'NotAllowedError', 'disabled'));
    await renderWithApis(<ApiStoreSignUpPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Email/ }),
      'jane@corp.example',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(
      await screen.findByText('Self sign-up is closed'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'help@acme.example' }),
    ).toHaveAttribute('href', 'mailto:help@acme.example');
  });

  it('says self sign-up is closed when the status says so', async () => {
    mockFetch(() => jsonResponse(202, { message: 'ok' }), {
      selfSignUpEnabled: false,
      contactEmail: 'help@acme.example',
    });
    await renderWithApis(<ApiStoreSignUpPage />);
    expect(
      await screen.findByText('Self sign-up is closed'),
    ).toBeInTheDocument();
  });

  it('shows the server message of a refused sign-up', async () => {
    mockFetch(() =>
      errorResponse(400, 'InputError', 'email must be an email address'),
    );
    await renderWithApis(<ApiStoreSignUpPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Email/ }),
      'jane@corp.example',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    expect(
      await screen.findByText('email must be an email address'),
    ).toBeInTheDocument();
  });

  it('asks to wait after too many attempts', async () => {
    mockFetch(() => errorResponse(429, 'Error', 'Too many requests'));
    await renderWithApis(<ApiStoreSignUpPage />);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Email/ }),
      'jane@corp.example',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Sign up' }));
    await waitFor(() =>
      expect(screen.getByText(/Too many sign-up attempts/)).toBeVisible(),
    );
  });
});
