import { SetMetadata } from '@nestjs/common';
import type { Role } from '@app/domain';

export const ROLES_KEY = 'pqr:roles';
export const PUBLIC_KEY = 'pqr:public';

/** The roles allowed on a route (any one of them). A route with neither @Roles nor @Public is closed to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Any authenticated staff member. */
export const AnyRole = () => SetMetadata(ROLES_KEY, 'any');
/** No token needed (`/health`, `/public/*`). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
