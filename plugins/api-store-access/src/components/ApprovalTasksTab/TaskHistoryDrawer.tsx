import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Drawer from '@material-ui/core/Drawer';
import IconButton from '@material-ui/core/IconButton';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { makeStyles } from '@material-ui/core/styles';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiStoreAccessApiRef } from '../../api';
import { formatActor, formatTime } from '../shared/format';
import { RequestStatusChip } from '../shared/RequestStatusChip';
import { sourceLabels } from '../shared/statusLabels';

const useStyles = makeStyles(theme => ({
  paper: { width: 440, maxWidth: '100%', padding: theme.spacing(3) },
}));

/** A side panel with one request's details, its history and Resend link. */
export function TaskHistoryDrawer(props: {
  requestId?: string;
  canReview: boolean;
  busy: boolean;
  refreshKey: number;
  onClose: () => void;
  onResend: (id: string) => void;
}) {
  const { requestId, canReview, busy, refreshKey, onClose, onResend } = props;
  const classes = useStyles();
  const api = useApi(apiStoreAccessApiRef);
  const { value, loading, error } = useAsyncRetry(
    async () => (requestId ? api.getSignUpRequest(requestId) : undefined),
    [api, requestId, refreshKey],
  );

  return (
    <Drawer
      anchor="right"
      open={Boolean(requestId)}
      onClose={onClose}
      classes={{ paper: classes.paper }}
    >
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="h5" component="h2">
          Request history
        </Typography>
        <IconButton aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      </Box>
      {loading && !value && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Box my={2}>
            <Typography variant="h6" component="p">
              {value.email}
            </Typography>
            {value.displayName && (
              <Typography color="textSecondary">{value.displayName}</Typography>
            )}
            <Box display="flex" alignItems="center" gridGap={8} mt={1}>
              <RequestStatusChip status={value.status} />
              <Typography variant="body2" color="textSecondary">
                {sourceLabels[value.source] ?? value.source}
              </Typography>
            </Box>
            {value.reason && (
              <Typography variant="body2" style={{ marginTop: 8 }}>
                Reason: {value.reason}
              </Typography>
            )}
          </Box>
          {canReview &&
            (value.status === 'approved' || value.status === 'expired') && (
              <Box mb={2}>
                <Button
                  variant="outlined"
                  color="primary"
                  disabled={busy}
                  onClick={() => onResend(value.id)}
                >
                  Resend link
                </Button>
              </Box>
            )}
          <Divider />
          <List aria-label="History">
            {[...value.history].reverse().map((event, index) => (
              <ListItem
                key={`${event.at}-${index}`}
                divider
                alignItems="flex-start"
              >
                <ListItemText
                  primary={`${event.action} · ${formatActor(event.actor)}`}
                  secondary={
                    <>
                      {formatTime(event.at)}
                      {event.detail ? ` · ${event.detail}` : ''}
                    </>
                  }
                />
              </ListItem>
            ))}
            {value.history.length === 0 && (
              <ListItem>
                <ListItemText primary="No events recorded yet" />
              </ListItem>
            )}
          </List>
        </>
      )}
    </Drawer>
  );
}
