import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Member } from 'backstage-plugin-api-store-access-common';

/** Asks before a member is disabled. */
export function DisableMemberDialog(props: {
  member?: Member;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (member: Member) => void;
}) {
  const { member, busy, onCancel, onConfirm } = props;
  return (
    <Dialog
      open={Boolean(member)}
      onClose={onCancel}
      aria-labelledby="disable-member-title"
    >
      <DialogTitle id="disable-member-title">Disable member?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          {member?.email} will be signed out and can no longer sign in to the
          portal.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="secondary"
          variant="contained"
          disabled={busy || !member}
          onClick={() => member && onConfirm(member)}
        >
          Disable member
        </Button>
      </DialogActions>
    </Dialog>
  );
}
