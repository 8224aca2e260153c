import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdminUnitsService } from '../admin-units/admin-units.service';
import type { AuthUser } from '../auth/auth-user';
import { PasswordHasher } from '../auth/password-hasher';
import { toAuthUser } from '../auth/token.service';
import { AppConfig } from '../config/app-config';
import { Cooperative } from '../cooperatives/cooperative.entity';
import { AdvisoryLock } from '../database/advisory-locks';
import { Role } from '../users/role.enum';
import { User } from '../users/user.entity';
import { DEMO_COOPERATIVES, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { DemoRegistrySeeder } from './demo-registry.seeder';

export class FirstRunError extends Error {}

export type FirstRunOutcome = 'existing' | 'demo-seeded' | 'admin-created';

// Decides what an empty database gets: demo data (embedded mode only) or the first admin from
// ADMIN_EMAIL/ADMIN_PASSWORD. Refuses to start an empty external database with no admin at all.
@Injectable()
export class FirstRunService {
  private readonly logger = new Logger('FirstRun');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly units: AdminUnitsService,
    private readonly registry: DemoRegistrySeeder,
  ) {}

  async run(): Promise<FirstRunOutcome> {
    let demo: { admin: AuthUser; cooperativeIds: Map<string, string> } | undefined;
    // Serialised across replicas: only one of several starting processes seeds.
    const outcome = await this.db.transaction(async (manager): Promise<FirstRunOutcome> => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [AdvisoryLock.FirstRun]);
      if ((await manager.count(User)) > 0) return 'existing';
      if (this.config.demoData) {
        demo = await this.seedDemo(manager);
        return 'demo-seeded';
      }
      if (!this.config.admin) {
        throw new FirstRunError(
          'Cơ sở dữ liệu trống và chưa có tài khoản quản trị / the database is empty and has no admin: ' +
            'set ADMIN_EMAIL and ADMIN_PASSWORD for the first start.',
        );
      }
      await manager.save(User, {
        email: this.config.admin.email,
        fullName: 'Administrator',
        role: Role.Admin,
        passwordHash: await this.hasher.hash(this.config.admin.password),
      });
      this.logger.log(`Created the first admin ${this.config.admin.email}`);
      return 'admin-created';
    });
    // The registry goes through the feature services, which run their own transactions, so it is seeded
    // once the cooperatives and users above are committed.
    if (demo) await this.registry.seed(demo.admin, demo.cooperativeIds);
    return outcome;
  }

  private async seedDemo(manager: DataSource['manager']): Promise<{ admin: AuthUser; cooperativeIds: Map<string, string> }> {
    const ids = new Map<string, string>();
    for (const demo of DEMO_COOPERATIVES) {
      const { key, oldCommuneCode, street, ...fields } = demo;
      const address = this.units.resolve({ oldCommuneCode, street: street ?? undefined });
      const saved = await manager.save(Cooperative, {
        ...fields,
        provinceCode: address.provinceCode,
        communeCode: address.communeCode,
        street: address.street,
        addressConvertedFrom: address.convertedFrom,
      });
      ids.set(key, saved.id);
    }
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    let admin: AuthUser | undefined;
    for (const u of DEMO_USERS) {
      const saved = await manager.save(User, {
        email: u.email,
        phone: u.phone,
        fullName: u.fullName,
        role: u.role,
        passwordHash,
        cooperativeId: u.cooperative ? ids.get(u.cooperative)! : null,
        provinceCodes: u.provinceCodes ?? [],
      });
      if (u.role === Role.Admin) admin = toAuthUser(saved);
    }
    this.logger.log(`Seeded demo data: ${DEMO_COOPERATIVES.length} cooperatives, ${DEMO_USERS.length} users`);
    return { admin: admin!, cooperativeIds: ids };
  }
}
