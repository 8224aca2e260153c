import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception';
import { User } from '../users/user.entity';
import { ApiToken } from './api-token.entity';
import { AuthErrorCode } from './auth-error-code';
import type { AuthUser } from './auth-user';

const API_TOKEN_PREFIX = 'ngn_';

interface LoginClaims {
  sub: string;
  tv: number;
}

// Issues and checks both kinds of bearer token: signed login tokens and opaque API tokens.
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(ApiToken) private readonly apiTokens: Repository<ApiToken>,
  ) {}

  signLogin(user: User): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, tv: user.tokenVersion } satisfies LoginClaims);
  }

  async authenticate(bearer: string): Promise<AuthUser> {
    return bearer.startsWith(API_TOKEN_PREFIX) ? this.fromApiToken(bearer) : this.fromLoginToken(bearer);
  }

  /** A new API token: returns the secret once and stores only its hash. */
  newApiTokenSecret(): { secret: string; hash: string; prefix: string } {
    const secret = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return { secret, hash: sha256(secret), prefix: secret.slice(0, 10) };
  }

  private async fromLoginToken(token: string): Promise<AuthUser> {
    let claims: LoginClaims;
    try {
      claims = await this.jwt.verifyAsync<LoginClaims>(token);
    } catch {
      throw invalidToken();
    }
    const user = await this.users.findOneBy({ id: claims.sub });
    if (!user || !user.active || user.tokenVersion !== claims.tv) throw invalidToken();
    return toAuthUser(user);
  }

  private async fromApiToken(secret: string): Promise<AuthUser> {
    const token = await this.apiTokens.findOne({
      where: { tokenHash: sha256(secret), revokedAt: IsNull() },
      relations: { user: true },
    });
    if (!token?.user?.active || (token.expiresAt && token.expiresAt < new Date())) throw invalidToken();
    // Coarse last-used stamp: one write per token per minute at most.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await this.apiTokens.update(token.id, { lastUsedAt: new Date() });
    }
    return { ...toAuthUser(token.user), apiTokenId: token.id };
  }
}

export function toAuthUser(user: User): AuthUser {
  return { id: user.id, role: user.role, cooperativeId: user.cooperativeId, provinceCodes: user.provinceCodes ?? [] };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const invalidToken = () =>
  new DomainException(AuthErrorCode.TOKEN_INVALID, {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn, vui lòng đăng nhập lại',
    en: 'Invalid or expired token, please log in again',
  });
