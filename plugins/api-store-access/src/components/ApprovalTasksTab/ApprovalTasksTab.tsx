import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  apiStoreAccessSignUpRequestReviewPermission,
  SignUpDecision,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { apiStoreAccessApiRef, SignUpCompletion } from '../../api';
import { CursorPagination } from '../shared/CursorPagination';
import { messageOf } from '../shared/errors';
import { BulkActionBar } from './BulkActionBar';
import { BulkDecisionDialog } from './BulkDecisionDialog';
import { bulkSummary } from './bulkSummary';
import { TaskFilters, TaskFilterValues } from './TaskFilters';
import { TaskHistoryDrawer } from './TaskHistoryDrawer';
import { TaskTable } from './TaskTable';
import { useCursorPages } from './useCursorPages';

/** Rows per page of the Approval Tasks table. */
export const PAGE_SIZE = 25;

type Notice = { severity: 'success' | 'warning' | 'error'; message: string };

/** The Approval Tasks tab: sign-up requests to start, decide and complete. */
export function ApprovalTasksTab() {
  const api = useApi(apiStoreAccessApiRef);
  const identityApi = useApi(identityApiRef);
  const { allowed: canReview } = usePermission({
    permission: apiStoreAccessSignUpRequestReviewPermission,
  });
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const me = identity.value?.userEntityRef;

  const [filters, setFilters] = useState<TaskFilterValues>({
    status: '',
    mine: false,
    search: '',
  });
  const [q, setQ] = useState('');
  useDebounce(() => setQ(filters.search.trim()), 300, [filters.search]);
  const filterKey = JSON.stringify([filters.status, filters.mine, q]);
  const pages = useCursorPages(filterKey);

  const list = useAsyncRetry(
    () =>
      api.listSignUpRequests({
        status: filters.status || undefined,
        assignee: filters.mine ? 'me' : undefined,
        q: q || undefined,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, filters.status, filters.mine, q, pages.cursor],
  );

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busyId, setBusyId] = useState<string>();
  const [bulkDecision, setBulkDecision] = useState<SignUpDecision>();
  const [bulkBusy, setBulkBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [openId, setOpenId] = useState<string>();
  const [drawerRefresh, setDrawerRefresh] = useState(0);

  const act = async (
    id: string,
    action: () => Promise<unknown>,
    success: string,
  ) => {
    setBusyId(id);
    setNotice(undefined);
    try {
      await action();
      setNotice({ severity: 'success', message: success });
    } catch (error) {
      setNotice({ severity: 'error', message: messageOf(error) });
    } finally {
      setBusyId(undefined);
      setDrawerRefresh(n => n + 1);
      list.retry();
    }
  };

  const start = (task: SignUpRequest) =>
    act(
      task.id,
      () => api.startSignUpRequest(task.id),
      `You are reviewing ${task.email}. Choose a decision and Complete it.`,
    );

  const complete = (task: SignUpRequest, completion: SignUpCompletion) =>
    act(
      task.id,
      () => api.completeSignUpRequest(task.id, completion),
      `${task.email} ${
        completion.decision === 'approve' ? 'approved' : 'rejected'
      }.`,
    );

  const resend = (id: string) =>
    act(
      id,
      () => api.resendRegistrationLink(id),
      'A fresh registration link is on its way.',
    );

  const completeSelected = async (completion: SignUpCompletion) => {
    const ids = [...selected];
    setBulkBusy(true);
    setNotice(undefined);
    try {
      const results = await api.bulkCompleteSignUpRequests(ids, completion);
      setNotice(
        bulkSummary(completion.decision, results, list.value?.items ?? []),
      );
      setSelected(new Set());
    } catch (error) {
      setNotice({ severity: 'error', message: messageOf(error) });
    } finally {
      setBulkBusy(false);
      setBulkDecision(undefined);
      list.retry();
    }
  };

  const changeFilters = (value: TaskFilterValues) => {
    setFilters(value);
    setSelected(new Set());
  };

  const page = list.value;
  const filtered = Boolean(filters.status || filters.mine || q);
  const selectedCount = selected.size;

  let body;
  if (list.error) {
    body = (
      <Box p={2}>
        <ResponseErrorPanel
          error={list.error}
          title="Could not load the sign-up requests"
        />
      </Box>
    );
  } else if (!page) {
    body = <Progress />;
  } else if (page.items.length === 0) {
    body = (
      <Box p={2}>
        {filtered ? (
          <Typography color="textSecondary" align="center">
            No sign-up requests match these filters
          </Typography>
        ) : (
          <EmptyState
            missing="data"
            title="No sign-up requests yet"
            description="When visitors sign up or you invite people, their requests appear here."
          />
        )}
      </Box>
    );
  } else {
    body = (
      <>
        {list.loading && <Progress />}
        <Box overflow="auto">
          <TaskTable
            tasks={page.items}
            me={me}
            canReview={canReview}
            busyId={busyId}
            selected={selected}
            onSelectedChange={setSelected}
            onOpen={task => setOpenId(task.id)}
            onStart={start}
            onComplete={complete}
          />
        </Box>
        <CursorPagination
          pageIndex={pages.pageIndex}
          pageSize={PAGE_SIZE}
          shown={page.items.length}
          totalCount={page.totalCount}
          hasNext={Boolean(page.nextCursor)}
          onPrevious={() => {
            setSelected(new Set());
            pages.previous();
          }}
          onNext={() => {
            if (page.nextCursor) {
              setSelected(new Set());
              pages.next(page.nextCursor);
            }
          }}
        />
      </>
    );
  }

  return (
    <>
      {notice && (
        <Box mb={2}>
          <Alert
            severity={notice.severity}
            onClose={() => setNotice(undefined)}
          >
            {notice.message}
          </Alert>
        </Box>
      )}
      <Paper>
        <Box px={2} pt={2}>
          <Typography variant="h5" component="h2">
            Sign-up requests
          </Typography>
          <Typography variant="body2" color="textSecondary">
            Start a task to claim it, choose Approve or Reject, then Complete
            it. Newest first.
          </Typography>
        </Box>
        <TaskFilters value={filters} onChange={changeFilters} />
        {canReview && selectedCount > 0 && (
          <BulkActionBar
            count={selectedCount}
            busy={bulkBusy}
            onDecide={setBulkDecision}
            onClear={() => setSelected(new Set())}
          />
        )}
        {body}
      </Paper>
      <BulkDecisionDialog
        decision={bulkDecision}
        count={selectedCount}
        busy={bulkBusy}
        onCancel={() => setBulkDecision(undefined)}
        onConfirm={completeSelected}
      />
      <TaskHistoryDrawer
        requestId={openId}
        canReview={canReview}
        busy={Boolean(busyId)}
        refreshKey={drawerRefresh}
        onClose={() => setOpenId(undefined)}
        onResend={resend}
      />
    </>
  );
}
