import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';

/** Asks before self sign-up is turned off. */
export function DisableSelfSignUpDialog(props: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { open, busy, onCancel, onConfirm } = props;
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      aria-labelledby="disable-self-sign-up-title"
    >
      <DialogTitle id="disable-self-sign-up-title">
        Disable Self Signup?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The Sign up link disappears from the sign-in page at once and new
          sign-ups are refused. Requests already submitted stay in Approval
          Tasks, and registration links already sent keep working until they
          expire.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          onClick={onConfirm}
          color="secondary"
          variant="contained"
          disabled={busy}
        >
          Disable Self Signup
        </Button>
      </DialogActions>
    </Dialog>
  );
}
