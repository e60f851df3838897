import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EmailTemplate,
  EmailTemplateContent,
} from 'backstage-plugin-api-store-access-common';
import { apiStoreAccessApiRef } from '../../api';
import { messageOf } from '../shared/errors';
import { formatActor, formatTime } from '../shared/format';
import { templateLabels } from '../shared/templateLabels';
import { EmailPreview } from './EmailPreview';
import { PlaceholderList } from './PlaceholderList';

function logoUrlError(url: string): string | undefined {
  if (!url.trim()) {
    return undefined;
  }
  try {
    return new URL(url.trim()).protocol === 'https:'
      ? undefined
      : 'Use an https URL';
  } catch {
    return 'Enter an absolute URL such as https://example.com/logo.png';
  }
}

/** Subject, logo, HTML and text of one email kind, with a live preview. */
export function EmailTemplateEditor(props: {
  template: EmailTemplate;
  canUpdate: boolean;
  onSaved: (template: EmailTemplate) => void;
}) {
  const { template, canUpdate, onSaved } = props;
  const api = useApi(apiStoreAccessApiRef);
  const [draft, setDraft] = useState<EmailTemplateContent>({
    subject: template.subject,
    html: template.html,
    text: template.text,
    logoUrl: template.logoUrl,
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const logoError = logoUrlError(draft.logoUrl);
  const subjectError = draft.subject.trim() ? undefined : 'Required';
  const disabled = !canUpdate || saving;
  const set = (field: keyof EmailTemplateContent) => (value: string) =>
    setDraft(current => ({ ...current, [field]: value }));

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(
        await api.updateEmailTemplate(template.kind, {
          ...draft,
          logoUrl: draft.logoUrl.trim(),
        }),
      );
    } catch (e) {
      setError(messageOf(e));
      setSaving(false);
    }
  };

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={6}>
        <InfoCard
          titleTypographyProps={{ component: 'h2' }}
          title={templateLabels[template.kind] ?? template.kind}
          subheader={
            template.customized && template.updatedBy
              ? `Last changed by ${formatActor(
                  template.updatedBy,
                )} at ${formatTime(template.updatedAt)}`
              : 'The default text is in use'
          }
          action={
            <Chip
              size="small"
              label={template.customized ? 'Customized' : 'Default'}
            />
          }
        >
          {error && <Alert severity="error">{error}</Alert>}
          <TextField
            id="email-template-subject"
            label="Subject"
            value={draft.subject}
            onChange={e => set('subject')(e.target.value)}
            error={Boolean(subjectError)}
            helperText={subjectError}
            disabled={disabled}
            variant="outlined"
            margin="normal"
            fullWidth
            required
          />
          <TextField
            id="email-template-logo-url"
            label="Logo URL"
            value={draft.logoUrl}
            onChange={e => set('logoUrl')(e.target.value)}
            error={Boolean(logoError)}
            helperText={
              logoError ?? 'Shown at the top of the email; empty for none'
            }
            disabled={disabled}
            variant="outlined"
            margin="normal"
            fullWidth
          />
          <TextField
            id="email-template-html"
            label="HTML"
            value={draft.html}
            onChange={e => set('html')(e.target.value)}
            disabled={disabled}
            variant="outlined"
            margin="normal"
            fullWidth
            multiline
            minRows={10}
            maxRows={24}
            inputProps={{ style: { fontFamily: 'monospace' } }}
          />
          <TextField
            id="email-template-text"
            label="Text"
            value={draft.text}
            onChange={e => set('text')(e.target.value)}
            helperText="The plain-text part, for mail clients that do not show HTML"
            disabled={disabled}
            variant="outlined"
            margin="normal"
            fullWidth
            multiline
            minRows={6}
            maxRows={16}
            inputProps={{ style: { fontFamily: 'monospace' } }}
          />
          <Box mt={2} display="flex" alignItems="center" gridGap={16}>
            <Button
              variant="contained"
              color="primary"
              onClick={save}
              disabled={disabled || Boolean(logoError || subjectError)}
            >
              Save template
            </Button>
            {!canUpdate && (
              <Typography variant="body2" color="textSecondary">
                Editing needs the api-store-access.settings.update permission.
              </Typography>
            )}
          </Box>
          <Box mt={3}>
            <PlaceholderList kind={template.kind} />
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} lg={6}>
        <EmailPreview kind={template.kind} content={draft} />
      </Grid>
    </Grid>
  );
}
