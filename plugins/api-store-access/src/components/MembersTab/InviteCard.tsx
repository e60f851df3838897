import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { InvitationResult } from 'backstage-plugin-api-store-access-common';
import { apiStoreAccessApiRef } from '../../api';
import { messageOf } from '../shared/errors';
import { parseEmails } from './parseEmails';

/** Invite people by email address: each gets a registration link. */
export function InviteCard(props: {
  canInvite: boolean;
  onInvited: () => void;
}) {
  const { canInvite, onInvited } = props;
  const api = useApi(apiStoreAccessApiRef);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<InvitationResult>();
  const [error, setError] = useState<string>();
  const { valid, invalid } = parseEmails(text);

  const invite = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await api.invite(valid));
      setText('');
      onInvited();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Invite people"
      subheader="Invited people skip approval and get a registration link by email"
    >
      {result && (
        <Alert severity="success">
          {result.invited.length > 0
            ? `Invited: ${result.invited.join(', ')}.`
            : 'Nobody new to invite.'}
          {result.alreadyActive.length > 0 &&
            ` Already invited or a member, not mailed again: ${result.alreadyActive.join(
              ', ',
            )}.`}
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <TextField
        id="api-store-access-invite-emails"
        label="Email addresses"
        placeholder="jane@example.com, joe@example.org"
        value={text}
        onChange={e => setText(e.target.value)}
        error={invalid.length > 0}
        helperText={
          invalid.length > 0
            ? `Not email addresses: ${invalid.join(', ')}`
            : 'One per line, or separated by commas'
        }
        disabled={!canInvite || busy}
        variant="outlined"
        margin="normal"
        fullWidth
        multiline
        minRows={3}
      />
      <Box display="flex" alignItems="center" gridGap={16}>
        <Button
          variant="contained"
          color="primary"
          onClick={invite}
          disabled={
            !canInvite || busy || valid.length === 0 || invalid.length > 0
          }
        >
          Invite
        </Button>
        {!canInvite && (
          <Alert severity="info">
            Inviting needs the api-store-access.invitation.create permission.
          </Alert>
        )}
      </Box>
    </InfoCard>
  );
}
