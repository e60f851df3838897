import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import { SignUpRequestStatus } from 'backstage-plugin-api-store-access-common';
import { statusLabels } from './statusLabels';

const useStyles = makeStyles((theme: Theme) => ({
  pending_approval: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  in_review: {
    backgroundColor: theme.palette.info.light,
    color: theme.palette.getContrastText(theme.palette.info.light),
  },
  approved: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  registered: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.getContrastText(theme.palette.success.main),
  },
  rejected: {
    backgroundColor: theme.palette.error.light,
    color: theme.palette.getContrastText(theme.palette.error.light),
  },
  expired: {},
}));

/** A coloured chip naming a sign-up request's status. */
export function RequestStatusChip(props: { status: SignUpRequestStatus }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={statusLabels[props.status] ?? props.status}
      className={classes[props.status]}
    />
  );
}
