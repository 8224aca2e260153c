import { Foundation1763800000000 } from './1763800000000-Foundation';

// Every migration in order. Add each new file here (generated ones too): an explicit list runs the
// same under the compiled app, the CLI and the tests.
export const MIGRATIONS = [Foundation1763800000000];
