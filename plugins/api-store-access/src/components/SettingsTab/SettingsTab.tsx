import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  apiStoreAccessSettingsUpdatePermission,
  SelfSignUpSettings,
} from 'backstage-plugin-api-store-access-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiStoreAccessApiRef } from '../../api';
import { SettingsForm } from './SettingsForm';
import { SettingsStatus } from './SettingsStatus';

/** The API Store Access tab: the self sign-up settings and their status. */
export function SettingsTab() {
  const api = useApi(apiStoreAccessApiRef);
  const { allowed: canUpdate } = usePermission({
    permission: apiStoreAccessSettingsUpdatePermission,
  });
  const loaded = useAsyncRetry(() => api.getSettings(), [api]);
  const [settings, setSettings] = useState<SelfSignUpSettings>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (loaded.value) {
      setSettings(loaded.value);
    }
  }, [loaded.value]);

  if (!settings) {
    return loaded.error ? (
      <ResponseErrorPanel error={loaded.error} />
    ) : (
      <Progress />
    );
  }

  return (
    <Grid container spacing={3}>
      {notice && (
        <Grid item xs={12}>
          <Alert severity="success" onClose={() => setNotice(undefined)}>
            {notice}
          </Alert>
        </Grid>
      )}
      {loaded.error && (
        <Grid item xs={12}>
          <Alert severity="error">
            Could not reload the settings: {loaded.error.message}
          </Alert>
        </Grid>
      )}
      <Grid item xs={12} md={8}>
        <SettingsForm
          key={`${settings.version}-${loaded.loading}`}
          settings={settings}
          canUpdate={canUpdate}
          onSaved={(stored, message) => {
            setSettings(stored);
            setNotice(message);
          }}
          onReload={() => {
            setNotice(undefined);
            loaded.retry();
          }}
        />
      </Grid>
      <Grid item xs={12} md={4}>
        <Box position="sticky" top={16}>
          <SettingsStatus settings={settings} />
        </Box>
      </Grid>
    </Grid>
  );
}
