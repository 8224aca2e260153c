import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/decorators';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { UuidParam } from '../common/validation/params';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Tạo tài khoản trong phạm vi của bạn / create a user within your scope' })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Get()
  list(@CurrentUser() actor: AuthUser, @Query() page: PageQueryDto) {
    return this.users.list(actor, page);
  }

  @Get(':id')
  get(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string) {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Sửa tên, khóa/mở tài khoản, tỉnh phụ trách / rename, disable, set provinces' })
  update(@CurrentUser() actor: AuthUser, @UuidParam('id') id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }
}
