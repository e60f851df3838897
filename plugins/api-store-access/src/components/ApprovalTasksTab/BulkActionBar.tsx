import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { SignUpDecision } from 'backstage-plugin-api-store-access-common';

/** Shown while tasks are selected: Approve selected / Reject selected. */
export function BulkActionBar(props: {
  count: number;
  busy: boolean;
  onDecide: (decision: SignUpDecision) => void;
  onClear: () => void;
}) {
  const { count, busy, onDecide, onClear } = props;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      gridGap={8}
      px={2}
      py={1}
      bgcolor="action.selected"
    >
      <Typography variant="subtitle2" style={{ flexGrow: 1 }}>
        {count} selected
      </Typography>
      <Button
        size="small"
        variant="contained"
        color="primary"
        disabled={busy || count === 0}
        onClick={() => onDecide('approve')}
      >
        Approve selected
      </Button>
      <Button
        size="small"
        variant="outlined"
        color="secondary"
        disabled={busy || count === 0}
        onClick={() => onDecide('reject')}
      >
        Reject selected
      </Button>
      <Button size="small" onClick={onClear} disabled={busy}>
        Clear selection
      </Button>
    </Box>
  );
}
