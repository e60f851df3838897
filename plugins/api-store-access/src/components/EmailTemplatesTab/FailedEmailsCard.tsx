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
import { formatTime } from '../shared/format';
import { templateLabels } from '../shared/templateLabels';

/** Emails the outbox gave up on, so an admin can follow up by hand. */
export function FailedEmailsCard() {
  const api = useApi(apiStoreAccessApiRef);
  const { value, loading, error } = useAsync(
    () => api.listFailedEmails(),
    [api],
  );
  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Undelivered emails"
      subheader="Emails that could not be sent after every retry"
    >
      {loading && <Progress />}
      {error && (
        <Alert severity="error">
          Could not load undelivered emails: {messageOf(error)}
        </Alert>
      )}
      {value && value.items.length === 0 && (
        <Typography color="textSecondary">
          Every email has been delivered.
        </Typography>
      )}
      {value && value.items.length > 0 && (
        <Table size="small" aria-label="Undelivered emails">
          <TableHead>
            <TableRow>
              <TableCell>Recipient</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>Subject</TableCell>
              <TableCell>Attempts</TableCell>
              <TableCell>Last error</TableCell>
              <TableCell>Created</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(message => (
              <TableRow key={message.id}>
                <TableCell>{message.recipient}</TableCell>
                <TableCell>
                  {templateLabels[message.kind] ?? message.kind}
                </TableCell>
                <TableCell>{message.subject}</TableCell>
                <TableCell>{message.attempts}</TableCell>
                <TableCell>{message.lastError ?? ''}</TableCell>
                <TableCell>{formatTime(message.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
