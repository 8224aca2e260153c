import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { forbidden } from '../common/errors/common.errors';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainException } from '../common/errors/domain.exception';
import type { Role } from '../users/role.enum';
import type { AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';
import { TokenService } from './token.service';

// Global guard: every route needs a bearer token unless marked @Public(); @Roles() narrows further.
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new DomainException(CommonErrorCode.UNAUTHENTICATED, {
        vi: 'Cần đăng nhập (thiếu header Authorization: Bearer …)',
        en: 'Authentication required (missing Authorization: Bearer header)',
      });
    }
    request.user = await this.tokens.authenticate(match[1]);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.user.role)) throw forbidden();
    return true;
  }
}
