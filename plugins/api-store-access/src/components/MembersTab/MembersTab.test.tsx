import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Member } from 'backstage-plugin-api-store-access-common';
import {
  mockApiStoreAccessApi,
  requestFixture,
  responseError,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessPage } from '../ApiStoreAccessPage';

const MEMBERS = ['/members'];

const member: Member = {
  id: 'm1',
  email: 'ann@corp.example',
  displayName: 'Ann',
  status: 'active',
  createdAt: '2026-12-01T09:00:00.000Z',
};

function setup() {
  const api = mockApiStoreAccessApi();
  api.listMembers.mockResolvedValue({
    items: [member],
    totalCount: 1,
    nextCursor: null,
  });
  api.listSignUpRequests.mockResolvedValue({
    items: [
      requestFixture({
        id: 'i1',
        email: 'invited@corp.example',
        source: 'invitation',
        history: [
          {
            at: '2026-12-01T09:00:00.000Z',
            actor: 'user:default/admin',
            action: 'invited',
            detail: null,
          },
        ],
      }),
      requestFixture(),
    ],
    totalCount: 2,
    nextCursor: null,
  });
  return api;
}

describe('Members & invitations tab', () => {
  it('lists members and invitations', async () => {
    const api = setup();
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: MEMBERS,
    });
    expect(await screen.findByText('ann@corp.example')).toBeInTheDocument();
    expect(await screen.findByText('invited@corp.example')).toBeInTheDocument();
    expect(screen.queryByText('jane@corp.example')).not.toBeInTheDocument();
  });

  it('invites the typed addresses and reports who was invited', async () => {
    const api = setup();
    api.invite.mockResolvedValue({
      invited: ['a@corp.example'],
      alreadyActive: ['ann@corp.example'],
    });
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: MEMBERS,
    });

    const box = await screen.findByRole('textbox', { name: 'Email addresses' });
    await userEvent.type(box, 'nope, ');
    expect(screen.getByText('Not email addresses: nope')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite' })).toBeDisabled();

    await userEvent.clear(box);
    await userEvent.type(box, 'A@corp.example, ann@corp.example');
    await userEvent.click(screen.getByRole('button', { name: 'Invite' }));

    expect(api.invite).toHaveBeenCalledWith([
      'a@corp.example',
      'ann@corp.example',
    ]);
    expect(
      await screen.findByText(/Invited: a@corp.example\./),
    ).toBeInTheDocument();
  });

  it('disables a member after confirmation', async () => {
    const api = setup();
    api.disableMember.mockResolvedValue({ ...member, status: 'disabled' });
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: MEMBERS,
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Disable' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Disable member' }),
    );
    await waitFor(() => expect(api.disableMember).toHaveBeenCalledWith('m1'));
  });

  it('hides invite and disable without their permissions', async () => {
    const api = setup();
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: MEMBERS,
      deny: [
        'api-store-access.invitation.create',
        'api-store-access.member.manage',
      ],
    });
    expect(await screen.findByText('ann@corp.example')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Disable' }),
    ).not.toBeInTheDocument();
  });

  it('shows a load error for the members list', async () => {
    const api = setup();
    api.listMembers.mockRejectedValue(
      await responseError(500, 'Error', 'database is down'),
    );
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: MEMBERS,
    });
    expect(
      await screen.findByText('Could not load the members: database is down'),
    ).toBeInTheDocument();
  });
});
