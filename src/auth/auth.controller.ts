import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { UuidParam } from '../common/validation/params';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { ClientIp, CurrentUser, Public } from './decorators';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { LoginDto } from './dto/login.dto';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng email hoặc số điện thoại / log in with email or phone' })
  login(@Body() dto: LoginDto, @ClientIp() ip: string) {
    return this.auth.login(dto, ip);
  }

  @Get('me')
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập / the current user' })
  me(@CurrentUser() actor: AuthUser) {
    return this.auth.me(actor);
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đổi mật khẩu (thu hồi mọi phiên cũ và API token) / change password, revoking older login and API tokens' })
  changePassword(@CurrentUser() actor: AuthUser, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(actor, dto);
  }

  @Post('api-tokens')
  @ApiOperation({ summary: 'Tạo API token cho tích hợp (chỉ hiển thị một lần) / create an API token, shown once' })
  createApiToken(@CurrentUser() actor: AuthUser, @Body() dto: CreateApiTokenDto) {
    return this.auth.createApiToken(actor, dto);
  }

  @Get('api-tokens')
  @ApiOperation({ summary: 'API token của tôi / my API tokens' })
  listApiTokens(@CurrentUser() actor: AuthUser) {
    return this.auth.listApiTokens(actor);
  }

  @Delete('api-tokens/:id')
  @ApiOperation({ summary: 'Thu hồi API token / revoke an API token' })
  revokeApiToken(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.auth.revokeApiToken(actor, id);
  }
}
