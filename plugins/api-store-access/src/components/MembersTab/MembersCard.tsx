import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Member } from 'backstage-plugin-api-store-access-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { apiStoreAccessApiRef } from '../../api';
import { useCursorPages } from '../ApprovalTasksTab/useCursorPages';
import { CursorPagination } from '../shared/CursorPagination';
import { messageOf } from '../shared/errors';
import { formatTime } from '../shared/format';
import { DisableMemberDialog } from './DisableMemberDialog';

const PAGE_SIZE = 25;

/** Registered community members, searchable, with Disable for managers. */
export function MembersCard(props: { canManage: boolean }) {
  const api = useApi(apiStoreAccessApiRef);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useDebounce(() => setQ(search.trim()), 300, [search]);
  const pages = useCursorPages(q);
  const list = useAsyncRetry(
    () =>
      api.listMembers({
        q: q || undefined,
        limit: PAGE_SIZE,
        cursor: pages.cursor,
      }),
    [api, q, pages.cursor],
  );
  const [toDisable, setToDisable] = useState<Member>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  const disable = async (member: Member) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await api.disableMember(member.id);
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
      setToDisable(undefined);
      list.retry();
    }
  };

  const page = list.value;
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Members"
      subheader="People who completed registration"
    >
      <TextField
        id="api-store-access-member-search"
        label="Search"
        placeholder="Email or name"
        value={search}
        onChange={e => setSearch(e.target.value)}
        variant="outlined"
        size="small"
      />
      {actionError && (
        <Box mt={2}>
          <Alert severity="error">{actionError}</Alert>
        </Box>
      )}
      {list.error && (
        <Box mt={2}>
          <Alert severity="error">
            Could not load the members: {messageOf(list.error)}
          </Alert>
        </Box>
      )}
      {list.loading && <Progress />}
      {page && page.items.length === 0 && (
        <Box mt={2}>
          <Typography color="textSecondary">
            {q ? 'No members match this search' : 'No members yet'}
          </Typography>
        </Box>
      )}
      {page && page.items.length > 0 && (
        <>
          <Table size="small" aria-label="Members">
            <TableHead>
              <TableRow>
                <TableCell>Email</TableCell>
                <TableCell>Display name</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Member since</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {page.items.map(member => (
                <TableRow key={member.id}>
                  <TableCell>{member.email}</TableCell>
                  <TableCell>{member.displayName ?? ''}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      label={member.status === 'active' ? 'Active' : 'Disabled'}
                      color={member.status === 'active' ? 'primary' : 'default'}
                    />
                  </TableCell>
                  <TableCell>{formatTime(member.createdAt)}</TableCell>
                  <TableCell align="right">
                    {props.canManage && member.status === 'active' && (
                      <Button
                        size="small"
                        color="secondary"
                        onClick={() => setToDisable(member)}
                      >
                        Disable
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <CursorPagination
            pageIndex={pages.pageIndex}
            pageSize={PAGE_SIZE}
            shown={page.items.length}
            totalCount={page.totalCount}
            hasNext={Boolean(page.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => page.nextCursor && pages.next(page.nextCursor)}
          />
        </>
      )}
      <DisableMemberDialog
        member={toDisable}
        busy={busy}
        onCancel={() => setToDisable(undefined)}
        onConfirm={disable}
      />
    </InfoCard>
  );
}
