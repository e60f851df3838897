import { useState } from 'react';
import Chip from '@material-ui/core/Chip';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  isValidDomain,
  normalizeDomain,
} from 'backstage-plugin-api-store-access-common';

const SEPARATOR = /[\s,;]+/;

function addDomains(current: string[], entries: string[]): string[] {
  const added = entries.map(normalizeDomain).filter(Boolean);
  return [...new Set([...current, ...added])];
}

/** A chip input for a list of domain names: Enter, comma or space adds one. */
export function DomainListField(props: {
  id: string;
  label: string;
  value: string[];
  onChange: (domains: string[]) => void;
  helperText: string;
  error?: string;
  disabled?: boolean;
}) {
  const { id, label, value, onChange, helperText, error, disabled } = props;
  const [input, setInput] = useState('');

  return (
    <Autocomplete<string, true, false, true>
      id={id}
      multiple
      freeSolo
      autoSelect
      options={[]}
      value={value}
      disabled={disabled}
      inputValue={input}
      onInputChange={(_event, text, reason) => {
        if (reason === 'input' && SEPARATOR.test(text)) {
          const parts = text.split(SEPARATOR);
          const rest = parts.pop() ?? '';
          onChange(addDomains(value, parts));
          setInput(rest);
        } else {
          setInput(text);
        }
      }}
      onChange={(_event, domains) => onChange(addDomains([], domains))}
      renderTags={(domains, getTagProps) =>
        domains.map((domain, index) => {
          const { key, ...tagProps } = getTagProps({ index }) as {
            key?: number;
          };
          return (
            <Chip
              key={key ?? domain}
              size="small"
              label={domain}
              color={isValidDomain(domain) ? 'default' : 'secondary'}
              {...tagProps}
            />
          );
        })
      }
      renderInput={params => (
        <TextField
          {...params}
          label={label}
          variant="outlined"
          margin="normal"
          error={Boolean(error)}
          helperText={error ?? helperText}
          placeholder={value.length === 0 ? 'example.com' : undefined}
        />
      )}
    />
  );
}
