import type { User } from '../user.entity';
import { Role } from '../role.enum';

export class UserResponseDto {
  id!: string;
  email!: string | null;
  phone!: string | null;
  fullName!: string;
  role!: Role;
  cooperativeId!: string | null;
  provinceCodes!: number[];
  active!: boolean;
  lastLoginAt!: Date | null;
  createdAt!: Date;
}

export const toUserResponse = (u: User): UserResponseDto => ({
  id: u.id,
  email: u.email,
  phone: u.phone,
  fullName: u.fullName,
  role: u.role,
  cooperativeId: u.cooperativeId,
  provinceCodes: u.provinceCodes ?? [],
  active: u.active,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
});
