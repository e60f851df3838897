#!/usr/bin/env node
/* eslint-disable no-console */
// Turns src/schema/openapi.yaml into src/schema/openapi.generated.ts, the typed constant
// that createValidatedOpenApiRouter needs. With --check it only reports whether the
// checked-in file is up to date (used by CI).
const fs = require('node:fs');
const path = require('node:path');
const yaml = require('js-yaml');
const prettier = require('prettier');

const schemaDir = path.resolve(__dirname, '..', 'src', 'schema');
const yamlPath = path.join(schemaDir, 'openapi.yaml');
const tsPath = path.join(schemaDir, 'openapi.generated.ts');

const document = yaml.load(fs.readFileSync(yamlPath, 'utf8'));
const source = [
  '// Generated from openapi.yaml by scripts/generate-openapi-spec.js: do not edit.',
  '',
  "/** The plugin's OpenAPI document, typed for the validated router. */",
  `export const spec = ${JSON.stringify(document, null, 2)} as const;`,
  '',
].join('\n');
const options = prettier.resolveConfig.sync(tsPath) ?? {};
const formatted = prettier.format(source, { ...options, filepath: tsPath });

if (process.argv.includes('--check')) {
  const current = fs.existsSync(tsPath) ? fs.readFileSync(tsPath, 'utf8') : '';
  if (current !== formatted) {
    console.error(
      `${path.relative(
        process.cwd(),
        tsPath,
      )} is out of date: run "yarn generate:openapi" in ${
        path.relative(process.cwd(), path.resolve(__dirname, '..')) || '.'
      }`,
    );
    process.exit(1);
  }
  console.log('openapi.generated.ts is up to date');
} else {
  fs.writeFileSync(tsPath, formatted);
  console.log(`wrote ${path.relative(process.cwd(), tsPath)}`);
}
