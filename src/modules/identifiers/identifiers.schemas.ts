import { z } from 'zod';

const Code = z
  .string()
  .max(64)
  .describe('统一社会信用代码或公民身份号码；可含空格、全角字符和小写 x，15位旧版身份号码自动升位');

export const IdentifierParams = z.object({ code: Code });
export const IdentifierBody = z.strictObject({ code: Code }).describe('待校验的号码');

export const IdentifierCheck = z
  .object({
    valid: z.boolean().describe('是否有效；只有提示性问题（severity 为 warning）时仍为 true'),
    type: z
      .enum(['uscc', 'citizen_id'])
      .nullable()
      .describe('号码类型：uscc 统一社会信用代码；citizen_id 公民身份号码；无法判断时为 null'),
    normalized: z.string().nullable().describe('规范化后的号码（去空格、转半角、大写、15位升18位）；无效时为 null'),
    problems: z
      .array(
        z.object({
          code: z.string().describe('问题编码，如 uscc.check_character'),
          message: z.string().describe('中文说明'),
          severity: z.enum(['error', 'warning']).describe('error 使号码无效；warning 仅提示'),
        }),
      )
      .describe('发现的问题；有效且无提示时为空'),
  })
  .describe('号码校验结果（GB 32100-2015、GB 11643-1999）');
