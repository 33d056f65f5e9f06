import { z } from 'zod';
import { USER_ROLES } from '../shared/index.ts';
import { DepartmentRefSchema } from '../departments/index.ts';

const Password = z.string().min(1).max(256);

export const UserRoleSchema = z
  .enum(USER_ROLES)
  .describe(
    '角色：admin 系统管理员；credit_office 信用办；operator 部门经办；reviewer 部门审核（作出决定）；auditor 审计（只读）',
  );

export const UserSchema = z.object({
  id: z.uuid().describe('用户 ID'),
  username: z.string().describe('登录用户名'),
  displayName: z.string().describe('姓名或显示名称'),
  department: DepartmentRefSchema,
  roles: z.array(UserRoleSchema).describe('角色'),
  mustChangePassword: z.boolean().describe('为 true 时须先修改密码，其间只能调用“当前用户”“修改密码”“退出登录”'),
  disabled: z.boolean().describe('账号是否已停用'),
  createdAt: z.iso.datetime().describe('创建时间'),
});

export const LoginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64).describe('登录用户名（不区分大小写）'),
  password: Password.describe('密码'),
});

export const LoginResultSchema = z.object({
  token: z.string().describe('会话令牌，放在请求头 Authorization: Bearer <token> 中；只在此处返回一次'),
  expiresAt: z.iso.datetime().describe('会话的最长有效期；闲置超过设定分钟数会提前失效'),
  user: UserSchema,
});

export const ChangePasswordSchema = z.object({
  currentPassword: Password.describe('当前密码'),
  newPassword: Password.describe('新密码：至少 10 位，须同时包含字母和数字；修改后该用户的其他会话全部失效'),
});

export const UserIdParamsSchema = z.object({ id: z.uuid().describe('用户 ID') });

export const UserListQuerySchema = z.object({ departmentId: z.uuid().optional().describe('只列出该部门的用户') });
export const UserListSchema = z.object({ items: z.array(UserSchema).describe('用户') });

export const CreateUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9._-]{2,31}$/)
    .describe('登录用户名：3–32 位，字母开头，可含字母、数字和 . _ -，保存为小写'),
  displayName: z.string().trim().min(1).max(50).describe('姓名或显示名称'),
  departmentId: z.uuid().describe('所属部门 ID；用户只能在本部门范围内办理业务'),
  roles: z.array(UserRoleSchema).min(1).max(USER_ROLES.length).describe('角色，至少一个'),
  password: Password.describe('临时密码：至少 10 位，须同时包含字母和数字；用户首次登录后必须修改'),
});
export type CreateUserInput = z.infer<typeof CreateUserSchema>;

export const UpdateUserSchema = z.object({
  displayName: z.string().trim().min(1).max(50).optional().describe('姓名或显示名称'),
  roles: z
    .array(UserRoleSchema)
    .min(1)
    .max(USER_ROLES.length)
    .optional()
    .describe('新的角色；变更后该用户的会话全部失效'),
  disabled: z.boolean().optional().describe('true 停用账号（会话全部失效），false 重新启用'),
});
export type UpdateUserInput = z.infer<typeof UpdateUserSchema>;

export const ResetPasswordSchema = z.object({
  password: Password.describe(
    '新的临时密码：至少 10 位，须同时包含字母和数字；用户下次登录后必须修改，现有会话全部失效',
  ),
});

export const ApiKeySchema = z.object({
  id: z.uuid().describe('API 密钥 ID'),
  name: z.string().describe('名称，如调用方业务系统的名字'),
  prefix: z.string().describe('密钥前缀（clk_ 之后的 8 位），用于辨认密钥，不是密钥本身'),
  department: DepartmentRefSchema,
  createdAt: z.iso.datetime().describe('创建时间'),
  expiresAt: z.iso.datetime().describe('到期时间，到期后密钥失效'),
  revokedAt: z.iso.datetime().nullable().describe('吊销时间；未吊销为 null'),
});

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z
    .string()
    .describe('完整密钥，形如 clk_<前缀>_<密文>；只在创建时返回这一次，服务器只保存其 SHA-256 摘要，请立即妥善保存'),
});

export const CreateApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100).describe('名称，如调用方业务系统的名字'),
  departmentId: z.uuid().describe('密钥所属部门：以该部门身份调用（如联合奖惩核查）'),
  expiresInDays: z.number().int().min(1).max(730).default(365).describe('有效天数，1–730，默认 365'),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeySchema>;

export const ApiKeyIdParamsSchema = z.object({ id: z.uuid().describe('API 密钥 ID') });
export const ApiKeyListQuerySchema = z.object({ departmentId: z.uuid().optional().describe('只列出该部门的密钥') });
export const ApiKeyListSchema = z.object({ items: z.array(ApiKeySchema).describe('API 密钥（不含密钥本身）') });
