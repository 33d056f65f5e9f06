// Every message a user reads is Chinese, the validation details of a 400 included. zod's own zh-CN locale still
// speaks of "string", "object" and "instanceof"; this map says the common cases plainly and leaves the rare ones to
// that locale. A message written on a schema (refine, regex) is used as it is: it wins over this map.
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值（true 或 false）',
  object: '对象',
  array: '数组',
  null: 'null',
  date: '日期',
  nan: '非数字',
  undefined: '空',
  symbol: '符号',
  function: '函数',
};

const FORMAT_NAMES: Record<string, string> = {
  email: '电子邮件地址',
  url: '网址',
  uuid: 'UUID',
  uuidv4: 'UUID',
  uuidv6: 'UUID',
  uuidv7: 'UUID',
  guid: 'GUID',
  date: '日期（YYYY-MM-DD）',
  datetime: '带时区的时间（ISO 8601，如 2026-06-01T08:00:00+08:00）',
  time: '时间（HH:MM:SS）',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  cidrv4: 'IPv4 网段',
  cidrv6: 'IPv6 网段',
  base64: 'Base64 编码',
  base64url: 'Base64URL 编码',
};

const zhCN = z.locales.zhCN().localeError;

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return '数组';
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字';
  return TYPE_NAMES[typeof input] ?? typeof input;
}

function describeValue(value: unknown): string {
  return typeof value === 'string' ? `“${value}”` : String(value);
}

function sizeMessage(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string | undefined {
  const small = issue.code === 'too_small';
  const limit = Number(
    small ? (issue as { minimum: number | bigint }).minimum : (issue as { maximum: number | bigint }).maximum,
  );
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      if (small && limit === 1) return '不能为空';
      return small ? `至少 ${limit} 个字符` : `不能超过 ${limit} 个字符`;
    case 'array':
    case 'set':
      if (small && limit === 1) return '至少需要 1 项';
      return small ? `至少 ${limit} 项` : `最多 ${limit} 项`;
    case 'number':
    case 'int':
    case 'bigint':
      if (small) return inclusive ? `不能小于 ${limit}` : `应大于 ${limit}`;
      return inclusive ? `不能大于 ${limit}` : `应小于 ${limit}`;
    default:
      return undefined;
  }
}

/** The Chinese message for one issue; undefined lets zod fall through to its zh-CN locale. */
export function chineseIssueMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '必须填写';
      return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${received(issue.input)}`;
    case 'too_big':
    case 'too_small':
      return sizeMessage(issue);
    case 'invalid_format': {
      if (issue.format === 'regex') return '格式不正确';
      if (issue.format === 'starts_with') return `应以 ${(issue as { prefix?: string }).prefix ?? ''} 开头`;
      if (issue.format === 'ends_with') return `应以 ${(issue as { suffix?: string }).suffix ?? ''} 结尾`;
      const name = FORMAT_NAMES[issue.format];
      return name ? `不是有效的${name}` : undefined;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `应为 ${describeValue(issue.values[0])}`
        : `应为以下之一：${issue.values.map(describeValue).join('、')}`;
    case 'unrecognized_keys':
      return `不允许的字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '不符合任何一种允许的形式';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的整数倍`;
    case 'invalid_key':
      return '键名无效';
    case 'invalid_element':
      return '元素无效';
    case 'custom':
      return '无效';
    default:
      return undefined;
  }
}

let configured = false;

/**
 * Makes zod speak Chinese in this process. Called by the server and the CLI at start, and by every shared schema
 * module on import, so a test or a script that only parses a schema gets the same messages.
 */
export function useChineseValidationMessages(): void {
  if (configured) return;
  configured = true;
  z.config({ localeError: (issue) => chineseIssueMessage(issue) ?? zhCN(issue) });
}

useChineseValidationMessages();
