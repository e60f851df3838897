import '@testing-library/jest-dom';

// Rendering MUI pages in jsdom takes seconds on a loaded two-core machine; the default
// 5 s per test is too tight when the backend suites run beside these.
jest.setTimeout(60_000);
