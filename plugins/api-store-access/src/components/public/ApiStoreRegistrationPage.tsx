import { useState } from 'react';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { Progress } from '@backstage/core-components';
import { useLocation, useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { messageOf, statusOf } from '../shared/errors';
import { BackToSignIn } from './BackToSignIn';
import { ContactLine } from './ContactLine';
import { LinkProblem } from './LinkProblem';
import { PublicPageLayout } from './PublicPageLayout';
import { registrationToken } from './publicPaths';
import { RegistrationForm } from './RegistrationForm';
import { usePublicClient } from './usePublicClient';

/** Props of {@link ApiStoreRegistrationPage}. */
export interface ApiStoreRegistrationPageProps {
  /** The token; defaults to the `:token` route parameter or the last path segment. */
  token?: string;
}

/** The registration link's page at /api-store/register/:token: set a password. */
export function ApiStoreRegistrationPage(props: ApiStoreRegistrationPageProps) {
  const params = useParams();
  const { pathname } = useLocation();
  const token = props.token ?? params.token ?? registrationToken(pathname);
  const client = usePublicClient();
  const status = useAsync(() => client.getStatus(), [client]);
  const registration = useAsync(
    async () => (token ? client.getRegistration(token) : undefined),
    [client, token],
  );
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<string>();
  const [gone, setGone] = useState(false);
  const [done, setDone] = useState(false);
  const contactEmail = status.value?.contactEmail;

  const complete = async (password: string, displayName?: string) => {
    if (!token) {
      return;
    }
    setBusy(true);
    setSubmitError(undefined);
    try {
      await client.completeRegistration(token, {
        password,
        ...(displayName ? { displayName } : {}),
      });
      setDone(true);
    } catch (e) {
      if (statusOf(e) === 410) {
        setGone(true);
      } else {
        setSubmitError(messageOf(e));
      }
    } finally {
      setBusy(false);
    }
  };

  if (done && registration.value) {
    return (
      <PublicPageLayout title="You can now sign in">
        <Typography variant="body1" paragraph>
          Your registration is complete. Sign in with{' '}
          <strong>{registration.value.email}</strong> and the password you just
          set.
        </Typography>
        <BackToSignIn primary text="Sign in" />
      </PublicPageLayout>
    );
  }
  const loadStatus = statusOf(registration.error);
  if (!token || gone || loadStatus === 410 || loadStatus === 404) {
    return (
      <LinkProblem
        reason={gone || loadStatus === 410 ? 'gone' : 'unknown'}
        contactEmail={contactEmail}
      />
    );
  }
  if (registration.error) {
    return (
      <PublicPageLayout title="Registration is not available right now">
        <Alert severity="error">{messageOf(registration.error)}</Alert>
        <ContactLine contactEmail={contactEmail} />
        <BackToSignIn />
      </PublicPageLayout>
    );
  }
  if (!registration.value) {
    return <Progress />;
  }
  return (
    <PublicPageLayout title="Complete your registration">
      <RegistrationForm
        registration={registration.value}
        busy={busy}
        error={submitError}
        onSubmit={complete}
      />
    </PublicPageLayout>
  );
}
