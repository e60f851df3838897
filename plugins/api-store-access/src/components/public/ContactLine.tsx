import Typography from '@material-ui/core/Typography';
import Link from '@material-ui/core/Link';

/** "Questions? Write to …" with the portal's contact email, if it is known. */
export function ContactLine(props: { contactEmail?: string; lead?: string }) {
  if (!props.contactEmail) {
    return null;
  }
  return (
    <Typography variant="body1" paragraph>
      {props.lead ?? 'Questions? Write to'}{' '}
      <Link href={`mailto:${props.contactEmail}`}>{props.contactEmail}</Link>.
    </Typography>
  );
}
