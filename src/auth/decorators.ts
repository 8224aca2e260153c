import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './auth-user';
import type { Role } from '../users/role.enum';

export const IS_PUBLIC = 'nguon:isPublic';
export const ROLES = 'nguon:roles';

/** Route needs no login (origin pages, reference data, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route; finer scoping happens in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
  return request.user!;
});

export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().ip;
});
