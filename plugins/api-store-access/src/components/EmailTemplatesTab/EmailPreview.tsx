import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EmailTemplateContent,
  EmailTemplateKind,
} from 'backstage-plugin-api-store-access-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { apiStoreAccessApiRef } from '../../api';
import { messageOf } from '../shared/errors';

const useStyles = makeStyles(theme => ({
  frame: {
    width: '100%',
    height: 480,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    background: '#fff',
  },
  text: {
    whiteSpace: 'pre-wrap',
    fontFamily: 'monospace',
    margin: 0,
    padding: theme.spacing(2),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    minHeight: 200,
  },
}));

/** The email as the backend renders it, in a sandboxed iframe, updated as you type. */
export function EmailPreview(props: {
  kind: EmailTemplateKind;
  content: EmailTemplateContent;
}) {
  const classes = useStyles();
  const api = useApi(apiStoreAccessApiRef);
  const [view, setView] = useState<'html' | 'text'>('html');
  const [debounced, setDebounced] = useState(props.content);
  useDebounce(() => setDebounced(props.content), 600, [props.content]);
  const preview = useAsync(
    () => api.previewEmailTemplate(props.kind, debounced),
    [api, props.kind, debounced],
  );

  return (
    <InfoCard
      titleTypographyProps={{ component: 'h2' }}
      title="Preview"
      subheader="Rendered by the backend with sample values"
    >
      {preview.loading && <Progress />}
      {preview.error && (
        <Alert severity="error">
          Could not render the preview: {messageOf(preview.error)}
        </Alert>
      )}
      {preview.value && (
        <>
          <Typography variant="subtitle2" gutterBottom>
            Subject: {preview.value.subject}
          </Typography>
          <Tabs
            value={view}
            onChange={(_e, value) => setView(value)}
            indicatorColor="primary"
          >
            <Tab value="html" label="HTML" />
            <Tab value="text" label="Plain text" />
          </Tabs>
          <Box mt={2}>
            {view === 'html' ? (
              <iframe
                title="Email preview"
                sandbox=""
                srcDoc={preview.value.html}
                className={classes.frame}
              />
            ) : (
              <pre className={classes.text}>{preview.value.text}</pre>
            )}
          </Box>
        </>
      )}
    </InfoCard>
  );
}
