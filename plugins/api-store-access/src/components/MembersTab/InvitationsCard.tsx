import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { apiStoreAccessApiRef } from '../../api';
import { messageOf } from '../shared/errors';
import { formatActor, formatTime } from '../shared/format';
import { RequestStatusChip } from '../shared/RequestStatusChip';

/** How many recent requests are scanned for invitations. */
const RECENT = 100;

/** Recent invitations and where each one stands. */
export function InvitationsCard(props: { refreshKey: number }) {
  const api = useApi(apiStoreAccessApiRef);
  const { value, loading, error } = useAsync(
    () => api.listSignUpRequests({ limit: RECENT }),
    [api, props.refreshKey],
  );
  const invitations =
    value?.items.filter(request => request.source === 'invitation') ?? [];
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Invitations"
      subheader={`Invitations among the ${RECENT} most recent sign-up requests`}
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          Could not load the invitations: {messageOf(error)}
        </Alert>
      )}
      {value && invitations.length === 0 && (
        <Typography color="textSecondary">No invitations yet</Typography>
      )}
      {invitations.length > 0 && (
        <Table size="small" aria-label="Invitations">
          <TableHead>
            <TableRow>
              <TableCell>Email</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Invited by</TableCell>
              <TableCell>Invited</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invitations.map(invitation => (
              <TableRow key={invitation.id}>
                <TableCell>{invitation.email}</TableCell>
                <TableCell>
                  <RequestStatusChip status={invitation.status} />
                </TableCell>
                <TableCell>
                  {formatActor(invitation.history[0]?.actor)}
                </TableCell>
                <TableCell>{formatTime(invitation.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
