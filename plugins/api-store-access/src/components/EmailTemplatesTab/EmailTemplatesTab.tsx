import { useEffect, useState } from 'react';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Alert from '@material-ui/lab/Alert';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  apiStoreAccessSettingsUpdatePermission,
  apiStoreAccessSignUpRequestReadPermission,
  EmailTemplate,
  EmailTemplateKind,
} from 'backstage-plugin-api-store-access-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { apiStoreAccessApiRef } from '../../api';
import { templateLabels } from '../shared/templateLabels';
import { EmailTemplateEditor } from './EmailTemplateEditor';
import { FailedEmailsCard } from './FailedEmailsCard';

/** The Email templates tab: one editor per kind of email, and undelivered emails. */
export function EmailTemplatesTab() {
  const api = useApi(apiStoreAccessApiRef);
  const { allowed: canUpdate } = usePermission({
    permission: apiStoreAccessSettingsUpdatePermission,
  });
  const { allowed: canReadOutbox } = usePermission({
    permission: apiStoreAccessSignUpRequestReadPermission,
  });
  const loaded = useAsyncRetry(() => api.listEmailTemplates(), [api]);
  const [templates, setTemplates] = useState<EmailTemplate[]>();
  const [kind, setKind] = useState<EmailTemplateKind>();
  const [saved, setSaved] = useState<string>();

  useEffect(() => {
    if (loaded.value) {
      setTemplates(loaded.value);
      setKind(current => current ?? loaded.value?.[0]?.kind);
    }
  }, [loaded.value]);

  if (loaded.error) {
    return (
      <ResponseErrorPanel
        error={loaded.error}
        title="Email templates are not available"
      />
    );
  }
  if (!templates) {
    return <Progress />;
  }
  const template = templates.find(t => t.kind === kind) ?? templates[0];

  return (
    <>
      {saved && (
        <Box mb={2}>
          <Alert severity="success" onClose={() => setSaved(undefined)}>
            {saved}
          </Alert>
        </Box>
      )}
      <Box mb={3}>
        <Paper>
          <Tabs
            value={template?.kind ?? false}
            onChange={(_e, value) => {
              setSaved(undefined);
              setKind(value);
            }}
            indicatorColor="primary"
            variant="scrollable"
            aria-label="Kind of email"
          >
            {templates.map(t => (
              <Tab
                key={t.kind}
                value={t.kind}
                label={templateLabels[t.kind] ?? t.kind}
              />
            ))}
          </Tabs>
        </Paper>
      </Box>
      {template && (
        <EmailTemplateEditor
          key={`${template.kind}-${template.updatedAt}`}
          template={template}
          canUpdate={canUpdate}
          onSaved={stored => {
            setTemplates(current =>
              current?.map(t => (t.kind === stored.kind ? stored : t)),
            );
            setSaved(`${templateLabels[stored.kind] ?? stored.kind} saved.`);
          }}
        />
      )}
      {canReadOutbox && (
        <Box mt={3}>
          <FailedEmailsCard />
        </Box>
      )}
    </>
  );
}
