export enum UserErrorCode {
  LOGIN_TAKEN = 'USER_LOGIN_TAKEN',
}

export const USER_ERROR_STATUS: Record<UserErrorCode, number> = {
  USER_LOGIN_TAKEN: 409,
};
