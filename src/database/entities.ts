import { ApiToken } from '../auth/api-token.entity';
import { LoginThrottle } from '../auth/login-throttle.entity';
import { Cooperative } from '../cooperatives/cooperative.entity';
import { User } from '../users/user.entity';

// Every entity, listed explicitly so the app, the migration CLI and the tests see the same set.
export const ENTITIES = [Cooperative, User, ApiToken, LoginThrottle];
