import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  SignUpDecision,
  SignUpRequest,
} from 'backstage-plugin-api-store-access-common';
import { SignUpCompletion } from '../../api';
import { formatActor } from '../shared/format';

/** Start, or Decision/Reason/Complete, for one Approval Task. */
export function TaskActions(props: {
  task: SignUpRequest;
  me?: string;
  canReview: boolean;
  busy: boolean;
  onStart: () => void;
  onComplete: (completion: SignUpCompletion) => void;
}) {
  const { task, me, canReview, busy, onStart, onComplete } = props;
  const [decision, setDecision] = useState<SignUpDecision | ''>('');
  const [reason, setReason] = useState('');

  if (task.status === 'pending_approval') {
    return canReview ? (
      <Button
        variant="outlined"
        color="primary"
        size="small"
        onClick={onStart}
        disabled={busy}
      >
        Start
      </Button>
    ) : null;
  }
  if (task.status !== 'in_review') {
    return null;
  }
  if (!canReview || !me || task.assignee !== me) {
    return (
      <Typography variant="body2" color="textSecondary">
        In review by {formatActor(task.assignee)}
      </Typography>
    );
  }
  return (
    <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
      <TextField
        id={`decision-${task.id}`}
        select
        label="Decision"
        value={decision}
        onChange={e => setDecision(e.target.value as SignUpDecision | '')}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        variant="outlined"
        size="small"
        disabled={busy}
      >
        <option value="">Choose…</option>
        <option value="approve">Approve</option>
        <option value="reject">Reject</option>
      </TextField>
      <TextField
        id={`reason-${task.id}`}
        label="Reason"
        placeholder="Optional"
        value={reason}
        onChange={e => setReason(e.target.value)}
        inputProps={{ maxLength: 1000 }}
        InputLabelProps={{ shrink: true }}
        variant="outlined"
        size="small"
        disabled={busy}
      />
      <Button
        variant="contained"
        color="primary"
        size="small"
        disabled={busy || !decision}
        onClick={() =>
          decision &&
          onComplete({
            decision,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          })
        }
      >
        Complete
      </Button>
    </Box>
  );
}
