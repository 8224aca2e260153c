import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import type { AuthUser } from '../auth/auth-user';
import { PasswordHasher } from '../auth/password-hasher';
import { forbidden, invalidField, notFound, validationFailed } from '../common/errors/common.errors';
import { refuseNulls } from '../common/validation/update-helpers';
import { DomainException } from '../common/errors/domain.exception';
import { Page, PageQueryDto } from '../common/pagination/page-query.dto';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import type { CreateUserDto } from './dto/create-user.dto';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserResponseDto, toUserResponse } from './dto/user-response.dto';
import { COOPERATIVE_ROLES, Role } from './role.enum';
import { UserErrorCode } from './user-error-code';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly repo: Repository<User>,
    private readonly cooperatives: CooperativesService,
    private readonly units: AdminUnitsService,
    private readonly hasher: PasswordHasher,
  ) {}

  findByLogin(key: string): Promise<User | null> {
    return key.startsWith('+') ? this.repo.findOneBy({ phone: key }) : this.repo.findOneBy({ email: key });
  }

  async getEntityOrThrow(id: string): Promise<User> {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw notFound('người dùng', 'User');
    return user;
  }

  async touchLogin(id: string): Promise<void> {
    await this.repo.update(id, { lastLoginAt: new Date() });
  }

  /** Sets a new password hash and revokes every token issued before. */
  async setPassword(id: string, passwordHash: string): Promise<User> {
    await this.repo.increment({ id }, 'tokenVersion', 1);
    await this.repo.update(id, { passwordHash });
    return this.getEntityOrThrow(id);
  }

  async count(): Promise<number> {
    return this.repo.count();
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponseDto> {
    await this.assertMayCreate(actor, dto);
    const user = this.repo.create({
      email: dto.email?.toLowerCase() ?? null,
      phone: dto.phone ?? null,
      fullName: dto.fullName,
      passwordHash: await this.hasher.hash(dto.password),
      role: dto.role,
      cooperativeId: COOPERATIVE_ROLES.includes(dto.role) ? (dto.cooperativeId ?? actor.cooperativeId) : null,
      provinceCodes: dto.role === Role.Officer ? dto.provinceCodes : [],
    });
    return toUserResponse(await this.saveUnique(user));
  }

  async list(actor: AuthUser, page: PageQueryDto): Promise<Page<UserResponseDto>> {
    const [rows, total] = await this.scoped(actor)
      .orderBy('u.full_name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
    return { items: rows.map(toUserResponse), page: page.page, pageSize: page.pageSize, total };
  }

  async get(actor: AuthUser, id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.getVisibleOrThrow(actor, id));
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    const nulls = refuseNulls(dto, []);
    if (nulls.length) throw validationFailed(nulls);
    const user = await this.getVisibleOrThrow(actor, id);
    // Seeing a user (same cooperative, or officer of its province) is not enough to change them:
    // staff may only rename themselves, and nobody but an admin disables their own account.
    const self = user.id === actor.id;
    const manages = actor.role === Role.Admin || (actor.role !== Role.CooperativeStaff && !self);
    if (!self && !manages) throw forbidden();
    if (dto.active !== undefined && !manages) throw forbidden();
    if (dto.provinceCodes !== undefined) {
      if (actor.role !== Role.Admin || user.role !== Role.Officer) throw forbidden();
      this.assertProvinces(dto.provinceCodes);
      user.provinceCodes = dto.provinceCodes;
    }
    if (dto.fullName !== undefined) user.fullName = dto.fullName;
    if (dto.active !== undefined && dto.active !== user.active) {
      user.active = dto.active;
      user.tokenVersion += 1;
    }
    return toUserResponse(await this.repo.save(user));
  }

  private scoped(actor: AuthUser) {
    const qb = this.repo.createQueryBuilder('u').leftJoin('u.cooperative', 'c');
    switch (actor.role) {
      case Role.Admin:
        return qb;
      case Role.Officer:
        return qb.andWhere('(c.province_code = ANY(:provinces) OR u.id = :self)', { provinces: actor.provinceCodes, self: actor.id });
      case Role.CooperativeManager:
      case Role.CooperativeStaff:
        return qb.andWhere('u.cooperative_id = :coop', { coop: actor.cooperativeId });
    }
  }

  private async getVisibleOrThrow(actor: AuthUser, id: string): Promise<User> {
    const user = await this.scoped(actor).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('người dùng', 'User');
    return user;
  }

  private async assertMayCreate(actor: AuthUser, dto: CreateUserDto): Promise<void> {
    if (!dto.email && !dto.phone) {
      throw invalidField('email', 'Cần email hoặc số điện thoại để đăng nhập', 'An email or a phone number is required to log in');
    }
    const coopRole = COOPERATIVE_ROLES.includes(dto.role);
    if (actor.role === Role.CooperativeStaff) throw forbidden();
    if (actor.role !== Role.Admin && !coopRole) {
      throw forbidden('Chỉ quản trị viên tạo được tài khoản quản trị hoặc cán bộ', 'Only admins create admin and officer accounts');
    }
    if (dto.role === Role.Officer) {
      if (!dto.provinceCodes?.length) {
        throw invalidField('provinceCodes', 'Cán bộ cần ít nhất một tỉnh phụ trách', 'An officer needs at least one province');
      }
      this.assertProvinces(dto.provinceCodes);
    }
    if (coopRole) {
      const cooperativeId = dto.cooperativeId ?? actor.cooperativeId;
      if (!cooperativeId) {
        throw invalidField('cooperativeId', 'Tài khoản hợp tác xã cần cooperativeId', 'Cooperative accounts need a cooperativeId');
      }
      // Throws 404/403 unless the actor may manage that cooperative (managers: only their own).
      await this.cooperatives.getManageableOrThrow(actor, cooperativeId);
    }
  }

  private assertProvinces(codes: number[]): void {
    const unknown = codes.filter((c) => !this.units.isProvince(c));
    if (unknown.length) {
      throw invalidField('provinceCodes', `Mã tỉnh không tồn tại: ${unknown.join(', ')}`, `Unknown province codes: ${unknown.join(', ')}`);
    }
  }

  private async saveUnique(user: User): Promise<User> {
    try {
      return await this.repo.save(user);
    } catch (error) {
      const constraint = error instanceof QueryFailedError ? (error as { constraint?: string }).constraint : undefined;
      if (constraint === 'uq_app_user_email' || constraint === 'uq_app_user_phone') {
        const field = constraint === 'uq_app_user_email' ? 'email' : 'phone';
        throw new DomainException(
          UserErrorCode.LOGIN_TAKEN,
          { vi: `${field} này đã được dùng cho tài khoản khác`, en: `This ${field} is already used by another account` },
          [{ field, message: { vi: 'Đã được sử dụng', en: 'Already in use' } }],
        );
      }
      throw error;
    }
  }
}
