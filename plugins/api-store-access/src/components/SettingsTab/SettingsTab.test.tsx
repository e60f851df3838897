import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApiStoreAccessApi,
  responseError,
  settingsFixture,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessPage } from '../ApiStoreAccessPage';

describe('API Store Access tab', () => {
  it('shows the stored settings, their status and who changed them', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    await renderWithApis(<ApiStoreAccessPage />, { api });

    expect(
      screen.getByRole('heading', { name: 'API Store Access', level: 1 }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText(/Signature line/)).toHaveValue(
      'Acme API Team',
    );
    expect(screen.getByLabelText(/Contact email/)).toHaveValue(
      'api-team@acme.example',
    );
    expect(
      screen.getByRole('checkbox', { name: 'Notify all admins' }),
    ).toBeChecked();
    expect(
      screen.getByRole('radio', {
        name: 'Send sign-up requests to me for approval',
      }),
    ).toBeChecked();
    expect(
      screen.getByRole('radio', { name: 'Automatically approve new members' }),
    ).not.toBeChecked();
    expect(screen.getByText('acme.example')).toBeInTheDocument();
    expect(screen.getByText('Enabled')).toBeInTheDocument();
    expect(screen.getByText('Admin approval')).toBeInTheDocument();
    expect(screen.getByText(/Last changed by alice at/)).toBeInTheDocument();
  });

  it('Configure saves the edited fields with the version it read', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(
      settingsFixture({ selfSignUpEnabled: false }),
    );
    api.updateSettings.mockResolvedValue(
      settingsFixture({ signatureLine: 'Portal Team', version: 4 }),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });

    const signature = await screen.findByLabelText(/Signature line/);
    await userEvent.clear(signature);
    await userEvent.type(signature, 'Portal Team');
    await userEvent.click(
      screen.getByRole('radio', { name: 'Automatically approve new members' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Configure' }));

    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenCalledWith(
        expect.objectContaining({
          signatureLine: 'Portal Team',
          approvalProcess: 'auto',
          selfSignUpEnabled: true,
          version: 3,
        }),
      ),
    );
    expect(await screen.findByText(/Self sign-up is enabled/)).toBeVisible();
    expect(screen.getByLabelText(/Signature line/)).toHaveValue('Portal Team');
  });

  it('validates the contact email as you type and does not save it', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    await renderWithApis(<ApiStoreAccessPage />, { api });

    const email = await screen.findByLabelText(/Contact email/);
    await userEvent.clear(email);
    await userEvent.type(email, 'not-an-address');
    expect(
      screen.getByText('Enter an email address such as api-team@example.com'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Configure' }));
    expect(api.updateSettings).not.toHaveBeenCalled();
  });

  it('adds domain rules typed with a comma', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    api.updateSettings.mockImplementation(async update =>
      settingsFixture({ ...update, version: 4 }),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });

    const blocked = await screen.findByLabelText('Blocked domains');
    await userEvent.type(blocked, 'Spam.example,');
    expect(screen.getByText('spam.example')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Configure' }));

    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenCalledWith(
        expect.objectContaining({ blockedDomains: ['spam.example'] }),
      ),
    );
  });

  it('says when someone else changed the settings, and reloads them', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings
      .mockResolvedValueOnce(settingsFixture())
      .mockResolvedValueOnce(
        settingsFixture({ signatureLine: 'Their Team', version: 4 }),
      );
    api.updateSettings.mockRejectedValue(
      await responseError(409, 'ConflictError', 'The settings changed'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Configure' }),
    );
    expect(
      await screen.findByText(/Changed by someone else, reload/),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() =>
      expect(screen.getByLabelText(/Signature line/)).toHaveValue('Their Team'),
    );
    expect(api.getSettings).toHaveBeenCalledTimes(2);
    expect(
      screen.queryByText(/Changed by someone else, reload/),
    ).not.toBeInTheDocument();
  });

  it('shows the server message of a refused save', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    api.updateSettings.mockRejectedValue(
      await responseError(400, 'InputError', 'blockedDomains is not valid'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Configure' }),
    );
    expect(
      await screen.findByText('blockedDomains is not valid'),
    ).toBeInTheDocument();
  });

  it('Disable Self Signup asks first, then turns self sign-up off', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    api.updateSettings.mockResolvedValue(
      settingsFixture({ selfSignUpEnabled: false, version: 4 }),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Disable Self Signup' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(api.updateSettings).not.toHaveBeenCalled();
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Disable Self Signup' }),
    );

    await waitFor(() =>
      expect(api.updateSettings).toHaveBeenCalledWith({
        selfSignUpEnabled: false,
        version: 3,
      }),
    );
    expect(await screen.findByText('Disabled')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Disable Self Signup' }),
    ).not.toBeInTheDocument();
  });

  it('disables the form without the update permission', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      deny: ['api-store-access.settings.update'],
    });

    expect(await screen.findByLabelText(/Signature line/)).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Configure' })).toBeDisabled();
    expect(
      screen.getByRole('button', { name: 'Disable Self Signup' }),
    ).toBeDisabled();
  });

  it('shows a load error', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockRejectedValue(
      await responseError(500, 'Error', 'database is down'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api });
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
  });

  it('says so without the read permission', async () => {
    const api = mockApiStoreAccessApi();
    api.getSettings.mockResolvedValue(settingsFixture());
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      deny: ['api-store-access.settings.read'],
    });
    expect(
      await screen.findByText(
        /You do not have access to the self sign-up settings/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByLabelText(/Signature line/)).not.toBeInTheDocument();
  });
});
