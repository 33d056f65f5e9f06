import { AppError, conflict, forbidden, notFound, unprocessable } from '../shared/index.ts';
import { waitText } from './login-throttle.ts';
import { PASSWORD_MIN_LENGTH } from './passwords.ts';

/** One answer for an unknown user and a wrong password, so usernames cannot be probed. */
export const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, '用户名或密码错误。');
export const userDisabled = () => forbidden('该账号已停用，请联系系统管理员。', 'auth.user_disabled');
/** Refused before the password is looked at, so the answer says nothing about whether it was right. */
export const tooManyAttempts = (retryAfterSeconds: number, scope: 'account' | 'address') =>
  new AppError(
    'auth.too_many_attempts',
    429,
    scope === 'address'
      ? `本网络地址登录失败次数过多，请在 ${waitText(retryAfterSeconds)}后再试。`
      : `登录失败次数过多，请在 ${waitText(retryAfterSeconds)}后再试。`,
    { retryAfterSeconds, scope },
  );
export const passwordChangeRequired = () =>
  forbidden(
    '首次登录或密码被重置后，须先修改密码才能继续操作：请用当前的会话令牌调用 POST /api/v1/auth/password，' +
      '请求体为 {"currentPassword": "当前密码", "newPassword": "新密码"}（至少 10 位，须同时包含字母和数字），修改成功后即可继续操作。',
    'auth.password_change_required',
  );
export const sessionRequired = () =>
  forbidden('此操作仅限登录用户；部门系统的 API 密钥不能使用。', 'auth.session_required');
export const weakPassword = (field: string) =>
  unprocessable('auth.weak_password', `密码至少 ${PASSWORD_MIN_LENGTH} 位，且须同时包含字母和数字。`, { field });
export const wrongCurrentPassword = () =>
  unprocessable('auth.wrong_current_password', '当前密码不正确。', { field: 'currentPassword' });
export const passwordUnchanged = () =>
  unprocessable('auth.password_unchanged', '新密码不能与当前密码相同。', { field: 'newPassword' });

export const userNotFound = () => notFound('用户', 'user.not_found');
export const usernameTaken = (username: string) =>
  conflict('user.username_taken', `用户名 ${username} 已被使用。`, { field: 'username' });
export const creditOfficeRoleOutsideOffice = () =>
  unprocessable('user.role_not_allowed', '只有信用办的用户才能被授予信用办角色。', { field: 'roles' });
export const cannotLockOutSelf = (field: string) =>
  unprocessable('user.cannot_lock_out_self', '不能停用自己的账号或取消自己的系统管理员角色。', { field });

export const apiKeyNotFound = () => notFound('API 密钥', 'api_key.not_found');
export const apiKeyAlreadyRevoked = () =>
  conflict('api_key.already_revoked', '该 API 密钥已经吊销。', { state: 'revoked' });
