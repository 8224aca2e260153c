import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { canManageCooperative } from '../auth/scope';
import { CommonErrorCode } from '../common/errors/common-error-code';
import { forbidden, notFound } from '../common/errors/common.errors';
import { DomainException } from '../common/errors/domain.exception';
import type { Cooperative } from '../cooperatives/cooperative.entity';
import { CooperativesService } from '../cooperatives/cooperatives.service';
import { PlantingArea } from './planting-area.entity';

export interface AreaInScope {
  area: PlantingArea;
  cooperative: Cooperative;
}

export const areaNotFound = () => notFound('vùng trồng', 'Planting area');

// Who may see or change an area follows from its cooperative, through the cooperatives module's own
// rule: one place decides, and the area services only ask.
@Injectable()
export class PlantingAreaAccess {
  constructor(
    @InjectRepository(PlantingArea) private readonly areas: Repository<PlantingArea>,
    private readonly cooperatives: CooperativesService,
  ) {}

  /** The area and its cooperative if the actor may see them; 404 otherwise (existence is not revealed). */
  async visible(actor: AuthUser, id: string): Promise<AreaInScope> {
    const area = await this.areas.findOneBy({ id });
    if (!area) throw areaNotFound();
    try {
      return { area, cooperative: await this.cooperatives.getVisibleOrThrow(actor, area.cooperativeId) };
    } catch (error) {
      // "Cooperative not found" would tell an outsider that the area exists.
      if (error instanceof DomainException && error.code === CommonErrorCode.NOT_FOUND) throw areaNotFound();
      throw error;
    }
  }

  /** As visible(), and the actor may change it: admins, officers of the province, the cooperative's managers. */
  async manageable(actor: AuthUser, id: string): Promise<AreaInScope> {
    const found = await this.visible(actor, id);
    this.assertCanManage(actor, found.cooperative);
    return found;
  }

  assertCanManage(actor: AuthUser, cooperative: Cooperative): void {
    if (!canManageCooperative(actor, cooperative)) {
      throw forbidden(
        'Nhân viên hợp tác xã chỉ được xem vùng trồng; quản lý hợp tác xã hoặc cán bộ mới được thay đổi',
        'Cooperative staff may only read planting areas; a manager or an officer makes changes',
      );
    }
  }
}

