import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { SignUpDecision } from 'backstage-plugin-api-store-access-common';
import { SignUpCompletion } from '../../api';

/** Confirms one decision for many tasks, with an optional reason. */
export function BulkDecisionDialog(props: {
  decision?: SignUpDecision;
  count: number;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (completion: SignUpCompletion) => void;
}) {
  const { decision, count, busy, onCancel, onConfirm } = props;
  const [reason, setReason] = useState('');
  const verb = decision === 'reject' ? 'Reject' : 'Approve';
  const noun = count === 1 ? 'sign-up request' : 'sign-up requests';
  return (
    <Dialog
      open={Boolean(decision)}
      onClose={onCancel}
      aria-labelledby="bulk-decision-title"
      TransitionProps={{ onExited: () => setReason('') }}
    >
      <DialogTitle id="bulk-decision-title">
        {verb} {count} {noun}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Each request gets its own recorded decision; pending requests are
          started for you first. Requests that cannot be decided, for example
          because another admin is reviewing them, are listed afterwards and
          left unchanged.
        </DialogContentText>
        <TextField
          id="bulk-decision-reason"
          label="Reason"
          placeholder="Optional"
          value={reason}
          onChange={e => setReason(e.target.value)}
          inputProps={{ maxLength: 1000 }}
          fullWidth
          multiline
          variant="outlined"
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={decision === 'reject' ? 'secondary' : 'primary'}
          disabled={busy || !decision}
          onClick={() =>
            decision &&
            onConfirm({
              decision,
              ...(reason.trim() ? { reason: reason.trim() } : {}),
            })
          }
        >
          {verb} {count}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
