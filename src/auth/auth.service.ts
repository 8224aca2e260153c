import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import { normaliseVnPhone } from '../common/validation/vn-phone';
import { UserResponseDto, toUserResponse } from '../users/dto/user-response.dto';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { ApiToken } from './api-token.entity';
import { AuthErrorCode } from './auth-error-code';
import type { AuthUser } from './auth-user';
import { ApiTokenResponseDto, CreatedApiTokenResponseDto, LoginResponseDto } from './dto/auth-responses.dto';
import type { ChangePasswordDto } from './dto/change-password.dto';
import type { CreateApiTokenDto } from './dto/create-api-token.dto';
import type { LoginDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

// A valid hash of a random password: comparing against it when the account does not exist keeps the
// response time the same, so timing does not reveal which logins exist.
let dummyHash: Promise<string> | undefined;

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    @InjectRepository(ApiToken) private readonly apiTokens: Repository<ApiToken>,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResponseDto> {
    const key = loginKey(dto.login);
    // Counted as a failure before the (slow) password check, so parallel guesses cannot outrun the lock.
    const attempt = await this.throttle.begin(key, ip);
    const user = await this.users.findByLogin(key);
    dummyHash ??= this.hasher.hash(Math.random().toString(36));
    const ok = await this.hasher.verify(dto.password, user?.passwordHash ?? (await dummyHash));
    if (!user || !ok) {
      throw new DomainException(AuthErrorCode.INVALID_CREDENTIALS, {
        vi: 'Sai tài khoản hoặc mật khẩu',
        en: 'Wrong login or password',
      });
    }
    await this.throttle.recordSuccess(attempt);
    if (!user.active) {
      throw new DomainException(AuthErrorCode.ACCOUNT_DISABLED, {
        vi: 'Tài khoản đã bị khóa, liên hệ quản trị viên',
        en: 'This account is disabled, contact an administrator',
      });
    }
    await this.users.touchLogin(user.id);
    return this.issue(user);
  }

  async me(actor: AuthUser): Promise<UserResponseDto> {
    return toUserResponse(await this.users.getEntityOrThrow(actor.id));
  }

  /**
   * Changing the password revokes every login token issued before, and the user's API tokens: a password
   * is changed because it may be known to someone else, who could otherwise have minted an API token with a
   * stolen session and kept access. The response carries a new login token; integrations need new API tokens.
   */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto): Promise<LoginResponseDto> {
    const user = await this.users.getEntityOrThrow(actor.id);
    if (!(await this.hasher.verify(dto.currentPassword, user.passwordHash))) {
      throw new DomainException(
        AuthErrorCode.WRONG_CURRENT_PASSWORD,
        { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' },
        [{ field: 'currentPassword', message: { vi: 'Mật khẩu hiện tại không đúng', en: 'Current password is wrong' } }],
      );
    }
    const updated = await this.users.setPassword(user.id, await this.hasher.hash(dto.newPassword));
    await this.apiTokens.update({ userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return this.issue(updated);
  }

  async createApiToken(actor: AuthUser, dto: CreateApiTokenDto): Promise<CreatedApiTokenResponseDto> {
    const { secret, hash, prefix } = this.tokens.newApiTokenSecret();
    const expiresAt = dto.expiresInDays ? new Date(Date.now() + dto.expiresInDays * 86_400_000) : null;
    const saved = await this.apiTokens.save(
      this.apiTokens.create({ userId: actor.id, name: dto.name, tokenHash: hash, prefix, expiresAt }),
    );
    return { ...toApiTokenResponse(saved), token: secret };
  }

  async listApiTokens(actor: AuthUser): Promise<ApiTokenResponseDto[]> {
    const rows = await this.apiTokens.find({ where: { userId: actor.id }, order: { createdAt: 'DESC' } });
    return rows.map(toApiTokenResponse);
  }

  async revokeApiToken(actor: AuthUser, id: string): Promise<ApiTokenResponseDto> {
    const token = await this.apiTokens.findOneBy({ id, userId: actor.id });
    if (!token) throw notFound('API token', 'API token');
    if (!token.revokedAt) {
      await this.apiTokens.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
    return toApiTokenResponse((await this.apiTokens.findOneBy({ id }))!);
  }

  private async issue(user: User): Promise<LoginResponseDto> {
    return {
      accessToken: await this.tokens.signLogin(user),
      tokenType: 'Bearer',
      expiresIn: this.config.tokenTtlSeconds,
      user: toUserResponse(user),
    };
  }
}

/** The identifier a login is looked up and throttled by: lower-cased email or E.164 phone. */
export function loginKey(login: string): string {
  const trimmed = login.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  return normaliseVnPhone(trimmed) ?? trimmed.toLowerCase();
}

const toApiTokenResponse = (t: ApiToken): ApiTokenResponseDto => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  expiresAt: t.expiresAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
  createdAt: t.createdAt,
});
