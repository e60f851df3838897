import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Rendering MUI pages in jsdom takes seconds on a loaded two-core machine; the default
// 5 s per test is too tight when the backend suites run beside these.
jest.setTimeout(60_000);

// For the same reason, findBy* and waitFor wait up to 15 s instead of 1 s.
configure({ asyncUtilTimeout: 15_000 });
