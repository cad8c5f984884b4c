// Every test runs with the network closed: GitHub is mocked with nock, and a request nock does not
// match fails the test instead of leaving the machine.
import nock from 'nock';
import { afterEach, beforeAll } from 'vitest';
import { SHARED_SUMMARY_CACHE } from '../src/exports/analyze.js';

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('localhost'));
});

afterEach(() => {
  // Analyses shared by blob id are process state: no test sees another's.
  SHARED_SUMMARY_CACHE.clear();
  const pending = nock.pendingMocks();
  nock.cleanAll();
  if (pending.length > 0) throw new Error(`nock mocks not called: ${pending.join(', ')}`);
});
