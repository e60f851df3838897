import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApiStoreAccessApi,
  requestFixture,
  responseError,
} from '../../__testUtils__/fixtures';
import { ME, renderWithApis } from '../../__testUtils__/renderPage';
import { ApiStoreAccessPage } from '../ApiStoreAccessPage';

const TASKS = ['/approval-tasks'];

function page(items = [requestFixture()], nextCursor: string | null = null) {
  return { items, totalCount: items.length, nextCursor };
}

function rowOf(email: string): HTMLElement {
  return screen.getByText(email).closest('tr') as HTMLElement;
}

describe('Approval Tasks tab', () => {
  it('lists sign-up requests, newest page first', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(
      page([
        requestFixture(),
        requestFixture({
          id: 'r2',
          email: 'joe@corp.example',
          displayName: null,
          status: 'in_review',
          assignee: 'user:default/bob',
          source: 'invitation',
        }),
      ]),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    expect(await screen.findByText('jane@corp.example')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Approval Tasks' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      within(rowOf('jane@corp.example')).getByText('Pending approval'),
    ).toBeInTheDocument();
    expect(
      within(rowOf('joe@corp.example')).getByText('In review by bob'),
    ).toBeInTheDocument();
    expect(api.listSignUpRequests).toHaveBeenCalledWith({
      limit: 25,
      status: undefined,
      assignee: undefined,
      q: undefined,
      cursor: undefined,
    });
  });

  it('Start claims a task and reloads the list', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests
      .mockResolvedValueOnce(page())
      .mockResolvedValue(
        page([requestFixture({ status: 'in_review', assignee: ME })]),
      );
    api.startSignUpRequest.mockResolvedValue(
      requestFixture({ status: 'in_review', assignee: ME }),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    await userEvent.click(await screen.findByRole('button', { name: 'Start' }));

    expect(api.startSignUpRequest).toHaveBeenCalledWith('r1');
    expect(
      await screen.findByRole('combobox', { name: 'Decision' }),
    ).toBeInTheDocument();
    expect(api.listSignUpRequests).toHaveBeenCalledTimes(2);
  });

  it('Complete sends the chosen decision and reason', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(
      page([requestFixture({ status: 'in_review', assignee: ME })]),
    );
    api.completeSignUpRequest.mockResolvedValue(
      requestFixture({ status: 'rejected', decision: 'reject' }),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    const complete = await screen.findByRole('button', { name: 'Complete' });
    expect(complete).toBeDisabled();
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Decision' }),
      'Reject',
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Reason' }),
      'Not a customer',
    );
    await userEvent.click(complete);

    expect(api.completeSignUpRequest).toHaveBeenCalledWith('r1', {
      decision: 'reject',
      reason: 'Not a customer',
    });
    expect(
      await screen.findByText('jane@corp.example rejected.'),
    ).toBeInTheDocument();
  });

  it('shows the server message when a task cannot be started', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(page());
    api.startSignUpRequest.mockRejectedValue(
      await responseError(409, 'ConflictError', 'Already started by bob'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    await userEvent.click(await screen.findByRole('button', { name: 'Start' }));
    expect(
      await screen.findByText('Already started by bob'),
    ).toBeInTheDocument();
  });

  it('approves selected tasks at once', async () => {
    const api = mockApiStoreAccessApi();
    const second = requestFixture({ id: 'r2', email: 'joe@corp.example' });
    api.listSignUpRequests.mockResolvedValue(page([requestFixture(), second]));
    api.bulkCompleteSignUpRequests.mockResolvedValue([
      { id: 'r1', ok: true },
      {
        id: 'r2',
        ok: false,
        error: { name: 'ConflictError', message: 'in review by bob' },
      },
    ]);
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    await userEvent.click(
      await screen.findByRole('checkbox', { name: 'Select all on this page' }),
    );
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Approve selected' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Approve 2' }),
    );

    expect(api.bulkCompleteSignUpRequests).toHaveBeenCalledWith(['r1', 'r2'], {
      decision: 'approve',
    });
    expect(
      await screen.findByText(
        '1 request approved. 1 could not be completed: joe@corp.example: in review by bob',
      ),
    ).toBeInTheDocument();
  });

  it('pages with the server cursor and back', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockImplementation(async query =>
      query?.cursor === 'c2'
        ? page([requestFixture({ id: 'r9', email: 'old@corp.example' })])
        : page([requestFixture()], 'c2'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    expect(
      await screen.findByRole('button', { name: 'Previous page' }),
    ).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('old@corp.example')).toBeInTheDocument();
    expect(api.listSignUpRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: 'c2' }),
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();

    await userEvent.click(
      screen.getByRole('button', { name: 'Previous page' }),
    );
    expect(await screen.findByText('jane@corp.example')).toBeInTheDocument();
    expect(api.listSignUpRequests).toHaveBeenLastCalledWith(
      expect.objectContaining({ cursor: undefined }),
    );
  });

  it('filters by status, by assignee and by search text', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(page());
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });
    await screen.findByText('jane@corp.example');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Status' }),
      'In review',
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Assigned to me' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search' }),
      'jan',
    );

    await waitFor(() =>
      expect(api.listSignUpRequests).toHaveBeenLastCalledWith({
        status: 'in_review',
        assignee: 'me',
        q: 'jan',
        limit: 25,
        cursor: undefined,
      }),
    );
  });

  it('shows the history in a side panel, with Resend link for approved requests', async () => {
    const api = mockApiStoreAccessApi();
    const approved = requestFixture({
      status: 'approved',
      decision: 'approve',
      history: [
        {
          at: '2026-12-01T09:00:00.000Z',
          actor: 'jane@corp.example',
          action: 'submitted',
          detail: null,
        },
        {
          at: '2026-12-01T10:00:00.000Z',
          actor: ME,
          action: 'approved',
          detail: 'Known partner',
        },
      ],
    });
    api.listSignUpRequests.mockResolvedValue(page([approved]));
    api.getSignUpRequest.mockResolvedValue(approved);
    api.resendRegistrationLink.mockResolvedValue(approved);
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });

    await userEvent.click(await screen.findByText('jane@corp.example'));
    const history = await screen.findByRole('list', { name: 'History' });
    expect(within(history).getByText('approved · admin')).toBeInTheDocument();
    expect(within(history).getByText(/Known partner/)).toBeInTheDocument();
    expect(api.getSignUpRequest).toHaveBeenCalledWith('r1');

    await userEvent.click(screen.getByRole('button', { name: 'Resend link' }));
    expect(api.resendRegistrationLink).toHaveBeenCalledWith('r1');
  });

  it('says when there are no sign-up requests yet', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(page([]));
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });
    expect(
      await screen.findByText('No sign-up requests yet'),
    ).toBeInTheDocument();
  });

  it('shows a load error', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockRejectedValue(
      await responseError(500, 'Error', 'database is down'),
    );
    await renderWithApis(<ApiStoreAccessPage />, { api, routeEntries: TASKS });
    expect(
      await screen.findByText(/Could not load the sign-up requests/),
    ).toBeInTheDocument();
  });

  it('hides the actions without the review permission', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(
      page([
        requestFixture(),
        requestFixture({
          id: 'r2',
          email: 'joe@corp.example',
          status: 'in_review',
          assignee: ME,
        }),
      ]),
    );
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: TASKS,
      deny: ['api-store-access.sign-up-request.review'],
    });

    expect(await screen.findByText('jane@corp.example')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Start' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('combobox', { name: 'Decision' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('checkbox', { name: 'Select all on this page' }),
    ).not.toBeInTheDocument();
  });

  it('says so without the read permission', async () => {
    const api = mockApiStoreAccessApi();
    api.listSignUpRequests.mockResolvedValue(page());
    await renderWithApis(<ApiStoreAccessPage />, {
      api,
      routeEntries: TASKS,
      deny: ['api-store-access.sign-up-request.read'],
    });
    expect(
      await screen.findByText(/You do not have access to the Approval Tasks/),
    ).toBeInTheDocument();
    expect(api.listSignUpRequests).not.toHaveBeenCalled();
  });
});
