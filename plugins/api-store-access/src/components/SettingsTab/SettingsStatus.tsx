import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { SelfSignUpSettings } from 'backstage-plugin-api-store-access-common';
import { formatActor, formatTime } from '../shared/format';

/** The current state of self sign-up: chips and who changed it last. */
export function SettingsStatus(props: { settings: SelfSignUpSettings }) {
  const { settings } = props;
  return (
    <InfoCard titleTypographyProps={{ component: 'h2' }} title="Status">
      <Box display="flex" flexWrap="wrap" gridGap={8} mb={2}>
        <Chip
          label={settings.selfSignUpEnabled ? 'Enabled' : 'Disabled'}
          color={settings.selfSignUpEnabled ? 'primary' : 'default'}
          aria-label={`Self sign-up ${
            settings.selfSignUpEnabled ? 'enabled' : 'disabled'
          }`}
        />
        <Chip
          variant="outlined"
          label={
            settings.approvalProcess === 'auto'
              ? 'Automatic approval'
              : 'Admin approval'
          }
        />
      </Box>
      <Typography variant="body2" paragraph>
        {settings.selfSignUpEnabled
          ? 'Signed-out visitors see a Sign up link on the sign-in page.'
          : 'The Sign up link is hidden and new sign-ups are refused. Pending tasks stay reviewable.'}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {settings.updatedBy
          ? `Last changed by ${formatActor(settings.updatedBy)} at ${formatTime(
              settings.updatedAt,
            )}`
          : 'Not configured yet'}
      </Typography>
    </InfoCard>
  );
}
