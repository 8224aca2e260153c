import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseDiskFull, isDatabaseUnavailable } from '../../src/database/database-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code, severity: 'FATAL' });
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable: which failures mean "PostgreSQL is away, retry shortly"', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['connection reset', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['several addresses refused', Object.assign(new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })]), {})],
    ['fast shutdown (57P01)', wrapped(pgError('57P01', 'terminating connection due to administrator command'))],
    ['crash shutdown (57P02)', wrapped(pgError('57P02'))],
    ['starting up / shutting down (57P03)', pgError('57P03', 'the database system is shutting down')],
    ['connection exception (08006)', wrapped(pgError('08006'))],
    ['too many connections (53300)', pgError('53300')],
    ['socket closed under a query', wrapped(new Error('Connection terminated unexpectedly'))],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['transaction whose connection died (next query)', new QueryRunnerProviderAlreadyReleasedError()],
    ['transaction whose connection died (commit)', new QueryRunnerAlreadyReleasedError()],
  ])('%s → yes', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['unique violation', wrapped(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['syntax error', wrapped(pgError('42601'))],
    ['serialization failure', wrapped(pgError('40001'))],
    ['a marketplace refusing connections (fetch wraps it in cause)', new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s → no', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it('disk full (53100) is its own case', () => {
    expect(isDatabaseDiskFull(wrapped(pgError('53100', 'could not extend file')))).toBe(true);
    expect(isDatabaseDiskFull(pgError('53100'))).toBe(true);
    expect(isDatabaseDiskFull(wrapped(pgError('23505')))).toBe(false);
    expect(isDatabaseUnavailable(wrapped(pgError('53100')))).toBe(false);
  });
});
