import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EmailTemplate } from 'backstage-plugin-api-store-access-common';
import {
  mockApiStoreAccessApi,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessPage } from '../ApiStoreAccessPage';

const TEMPLATES = ['/email-templates'];

function template(overrides: Partial<EmailTemplate> = {}): EmailTemplate {
  return {
    kind: 'welcome',
    subject: 'Welcome to {{ portalTitle }}',
    html: '<p>Hello {{ displayName }}</p>',
    text: 'Hello {{ displayName }}',
    logoUrl: '',
    customized: false,
    updatedBy: null,
    updatedAt: null,
    ...overrides,
  };
}

describe('Email templates tab', () => {
  it('edits a template with a live preview in a sandboxed iframe', async () => {
    const api = mockApiStoreAccessApi();
    api.listEmailTemplates.mockResolvedValue([template()]);
    api.listFailedEmails.mockResolvedValue({
      items: [],
      totalCount: 0,
      nextCursor: null,
    });
    api.previewEmailTemplate.mockImplementation(async (_kind, content) => ({
      subject: content.subject.replace('{{ portalTitle }}', 'Portal'),
      html: '<p>Hello Jane</p>',
      text: 'Hello Jane',
    }));
    api.updateEmailTemplate.mockImplementation(async (kind, content) =>
      template({
        ...content,
        kind,
        customized: true,
        updatedBy: 'user:default/admin',
        updatedAt: '2026-12-03T10:00:00.000Z',
      }),
    );
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: TEMPLATES,
    });

    const frame = await screen.findByTitle('Email preview');
    expect(frame).toHaveAttribute('sandbox', '');
    expect(frame).toHaveAttribute('srcdoc', '<p>Hello Jane</p>');
    expect(screen.getByText('Subject: Welcome to Portal')).toBeInTheDocument();
    const placeholders = screen.getByRole('region', { name: 'Placeholders' });
    expect(placeholders).toHaveTextContent(
      'link: the one-time registration link',
    );
    expect(placeholders).not.toHaveTextContent('requestCount');

    const subject = screen.getByRole('textbox', { name: /Subject/ });
    await userEvent.clear(subject);
    await userEvent.type(subject, 'Your link');
    await waitFor(
      () =>
        expect(api.previewEmailTemplate).toHaveBeenLastCalledWith(
          'welcome',
          expect.objectContaining({ subject: 'Your link' }),
        ),
      { timeout: 3000 },
    );

    await userEvent.type(
      screen.getByRole('textbox', { name: 'Logo URL' }),
      'http://insecure.example/logo.png',
    );
    expect(screen.getByText('Use an https URL')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Save template' }),
    ).toBeDisabled();
    await userEvent.clear(screen.getByRole('textbox', { name: 'Logo URL' }));

    await userEvent.click(
      screen.getByRole('button', { name: 'Save template' }),
    );
    expect(api.updateEmailTemplate).toHaveBeenCalledWith('welcome', {
      subject: 'Your link',
      html: '<p>Hello {{ displayName }}</p>',
      text: 'Hello {{ displayName }}',
      logoUrl: '',
    });
    expect(
      await screen.findByText('Welcome (registration link) saved.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Customized')).toBeInTheDocument();
  });

  it('says when the templates cannot be loaded', async () => {
    const api = mockApiStoreAccessApi();
    api.listEmailTemplates.mockRejectedValue(
      await responseError(404, 'NotFoundError', 'No such route'),
    );
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: TEMPLATES,
    });
    expect(
      (await screen.findAllByText(/Email templates are not available/)).length,
    ).toBeGreaterThan(0);
  });

  it('cannot save without the update permission', async () => {
    const api = mockApiStoreAccessApi();
    api.listEmailTemplates.mockResolvedValue([template()]);
    api.listFailedEmails.mockResolvedValue({
      items: [],
      totalCount: 0,
      nextCursor: null,
    });
    api.previewEmailTemplate.mockResolvedValue({
      subject: 's',
      html: '',
      text: '',
    });
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: TEMPLATES,
      deny: ['api-store-access.settings.update'],
    });
    expect(
      await screen.findByRole('button', { name: 'Save template' }),
    ).toBeDisabled();
    expect(screen.getByRole('textbox', { name: /Subject/ })).toBeDisabled();
  });
});
