export enum Role {
  Admin = 'admin',
  Officer = 'officer',
  CooperativeManager = 'cooperative_manager',
  CooperativeStaff = 'cooperative_staff',
}

export const COOPERATIVE_ROLES: readonly Role[] = [Role.CooperativeManager, Role.CooperativeStaff];
