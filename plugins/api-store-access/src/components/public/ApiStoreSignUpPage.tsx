import { FormEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { LinkLikeButton } from '../shared/LinkLikeButton';
import {
  isValidEmail,
  MAX_EMAIL_LENGTH,
  normalizeEmail,
} from 'backstage-plugin-api-store-access-common';
import useAsync from 'react-use/esm/useAsync';
import { messageOf, statusOf } from '../shared/errors';
import { BackToSignIn } from './BackToSignIn';
import { ContactLine } from './ContactLine';
import { PublicPageLayout } from './PublicPageLayout';
import { usePublicClient } from './usePublicClient';

type Outcome =
  | { kind: 'sent'; email: string; message: string }
  | { kind: 'closed' };

/** The public sign-up form at /api-store/sign-up, for signed-out visitors. */
export function ApiStoreSignUpPage() {
  const client = usePublicClient();
  const status = useAsync(() => client.getStatus(), [client]);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();

  const normalized = normalizeEmail(email);
  const emailError =
    touched && !isValidEmail(normalized)
      ? 'Enter your email address, such as jane@example.com'
      : undefined;
  const contactEmail = status.value?.contactEmail;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!isValidEmail(normalized)) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const { message } = await client.submitSignUp({
        email: normalized,
        ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
      });
      setOutcome({ kind: 'sent', email: normalized, message });
    } catch (e) {
      const code = statusOf(e);
      if (code === 403) {
        setOutcome({ kind: 'closed' });
      } else if (code === 429) {
        setError(
          'Too many sign-up attempts from here. Wait a few minutes and try again.',
        );
      } else {
        setError(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  if (
    outcome?.kind === 'closed' ||
    (!outcome && status.value?.selfSignUpEnabled === false)
  ) {
    return (
      <PublicPageLayout title="Self sign-up is closed">
        <Typography variant="body1" paragraph>
          The API store does not take new sign-ups at the moment.
        </Typography>
        <ContactLine
          contactEmail={contactEmail}
          lead="To get access, write to"
        />
        <BackToSignIn />
      </PublicPageLayout>
    );
  }

  if (outcome?.kind === 'sent') {
    return (
      <PublicPageLayout title="Check your email">
        <Typography variant="body1" paragraph>
          {outcome.message}
        </Typography>
        <Typography variant="body1" paragraph>
          We will write to <strong>{outcome.email}</strong>. The email holds a
          one-time link where you set your password; it may take a while if an
          administrator reviews sign-ups first.
        </Typography>
        <ContactLine
          contactEmail={contactEmail}
          lead="Nothing arrived? Check your spam folder, or write to"
        />
        <BackToSignIn />
      </PublicPageLayout>
    );
  }

  return (
    <PublicPageLayout title="Sign up for the API Store">
      {(busy || status.loading) && <LinearProgress />}
      <Typography variant="body1" paragraph>
        Sign up with your work email address to browse and use the published
        APIs. We send you a link to set your password.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <form onSubmit={submit} noValidate>
        <TextField
          id="api-store-sign-up-email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={e => setEmail(e.target.value)}
          onBlur={() => setTouched(Boolean(email))}
          error={Boolean(emailError)}
          helperText={emailError}
          inputProps={{ maxLength: MAX_EMAIL_LENGTH }}
          variant="outlined"
          margin="normal"
          fullWidth
          required
        />
        <TextField
          id="api-store-sign-up-display-name"
          label="Display name (optional)"
          autoComplete="name"
          value={displayName}
          onChange={e => setDisplayName(e.target.value)}
          inputProps={{ maxLength: 100 }}
          variant="outlined"
          margin="normal"
          fullWidth
        />
        <Box mt={2} display="flex" alignItems="center" gridGap={16}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={busy}
          >
            Sign up
          </Button>
          <LinkLikeButton to="/">Back to sign in</LinkLikeButton>
        </Box>
      </form>
      <Box mt={2}>
        <ContactLine contactEmail={contactEmail} />
      </Box>
    </PublicPageLayout>
  );
}
