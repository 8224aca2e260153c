import { Role } from '../users/role.enum';

// Who is acting. Passed explicitly as the first argument of every service method that acts for a user.
export interface AuthUser {
  id: string;
  role: Role;
  /** Set for cooperative_manager and cooperative_staff. */
  cooperativeId: string | null;
  /** Province codes an officer covers; empty for other roles. */
  provinceCodes: number[];
  /** Set when the request authenticated with an API token rather than a login. */
  apiTokenId?: string;
}
