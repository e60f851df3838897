import Typography from '@material-ui/core/Typography';
import { BackToSignIn } from './BackToSignIn';
import { ContactLine } from './ContactLine';
import { PublicPageLayout } from './PublicPageLayout';

/** The page for a registration link that is used, expired or unknown. */
export function LinkProblem(props: {
  reason: 'gone' | 'unknown';
  contactEmail?: string;
}) {
  const gone = props.reason === 'gone';
  return (
    <PublicPageLayout
      title={
        gone
          ? 'This registration link has been used or has expired'
          : 'This registration link is not valid'
      }
    >
      <Typography variant="body1" paragraph>
        {gone
          ? 'Each registration link works once and only for a limited time. If you already set your password, sign in with your email address. Otherwise ask for a new link.'
          : 'We do not know this link. Check that you opened the whole link from the email, or ask for a new one.'}
      </Typography>
      <ContactLine
        contactEmail={props.contactEmail}
        lead="For a new link, write to"
      />
      <BackToSignIn text="Go to sign in" />
    </PublicPageLayout>
  );
}
