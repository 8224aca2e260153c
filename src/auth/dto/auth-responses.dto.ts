import { UserResponseDto } from '../../users/dto/user-response.dto';

export class LoginResponseDto {
  accessToken!: string;
  tokenType!: 'Bearer';
  /** Seconds until the token expires. */
  expiresIn!: number;
  user!: UserResponseDto;
}

export class ApiTokenResponseDto {
  id!: string;
  name!: string;
  /** First characters of the token, to tell tokens apart. */
  prefix!: string;
  expiresAt!: Date | null;
  lastUsedAt!: Date | null;
  revokedAt!: Date | null;
  createdAt!: Date;
}

export class CreatedApiTokenResponseDto extends ApiTokenResponseDto {
  /** The token itself. Shown only in this response: store it now. */
  token!: string;
}
