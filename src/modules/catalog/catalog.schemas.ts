// Request and response schemas of the catalog: list types, measures, scenarios
// (issue 2 item 6, docs/domain/rules.md §2, §4).
import { z } from 'zod';
import { freeText } from '../shared/index.ts';

export const BASIS_LEVELS = ['law', 'regulation', 'central_policy', 'ministry_rule', 'local_regulation'] as const;
export const SUBJECT_ROLES = [
  'organization',
  'legalRepresentative',
  'principal',
  'responsiblePerson',
  'person',
] as const;

const catalogCode = (what: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,40}$/)
    .describe(`${what}编码：小写字母开头，可含小写字母、数字和下划线；创建后不可更改`);
// `line` for names, numbers and codes (one line); `text` for prose, where line breaks are kept (shared/free-text.ts).
const text = (description: string, max = 4000) => freeText(z.string().trim().min(1).max(max)).describe(description);
const line = (description: string, max: number) => z.string().trim().min(1).max(max).describe(description);
const instant = (description: string) => z.string().describe(`${description}（ISO 8601）`);

export const IdParams = z.object({ id: z.uuid().describe('标识（UUID）') });
export const VersionParams = IdParams.extend({
  version: z.coerce.number().int().min(1).describe('版本号：名单记录保存其认定时所依据的版本'),
});

export const DepartmentRef = z
  .object({
    id: z.uuid().describe('部门标识'),
    code: z.string().describe('部门编码'),
    name: z.string().describe('部门名称'),
  })
  .describe('部门');

export const ListTypeRef = z
  .object({
    id: z.uuid().describe('名单类型标识'),
    code: z.string().describe('名单类型编码'),
    name: z.string().describe('名单类型名称'),
    kind: z.enum(['red', 'black']).describe('red 红名单；black 黑名单'),
  })
  .describe('名单类型');

const Disclosure = z
  .object({
    public: z.boolean().describe('是否向社会公开（社会公开与部门共享是两个独立范围）'),
    fields: z
      .array(z.string().regex(/^[a-z][A-Za-z]{1,40}$/))
      .max(60)
      .describe('向社会公开的字段（如 subjectName、uscc、reason、startDate）；不公开时为空'),
    personIdentifiers: z
      .enum(['masked', 'hidden'])
      .describe('自然人身份号码的公开方式：masked 脱敏显示；hidden 不显示'),
  })
  .describe('社会公开范围');

const SharingInput = z
  .object({
    departments: z
      .union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1).max(500)])
      .describe('接收共享的部门：all 表示所有部门，否则为已存在的部门编码列表'),
  })
  .describe('部门共享范围');

const listTypeFields = {
  code: catalogCode('名单类型'),
  kind: z.enum(['red', 'black']).describe('red 诚信典型红名单；black 严重失信主体名单；创建后不可更改'),
  name: line('名单类型名称', 200),
  legalBasis: freeText(z.string().max(4000)).describe(
    '法律依据（必填，缺失或为空返回 422）：法律、行政法规、党中央国务院政策文件，或尚无上述依据时的部门规章；仅在本地适用的名单依地方性法规',
  ),
  basisLevel: z
    .enum(BASIS_LEVELS)
    .describe(
      '依据层级：law 法律；regulation 行政法规；central_policy 党中央、国务院政策文件；ministry_rule 部门规章；local_regulation 地方性法规',
    ),
  identifyingDepartmentId: z.uuid().describe('认定部门标识'),
  criteria: text('认定标准'),
  periodMonths: z.number().int().min(1).max(1200).describe('期限（月），自生效法律文书日期起算（民法典第201至203条）'),
  earlyRemovalMonths: z
    .number()
    .int()
    .min(0)
    .max(1200)
    .nullable()
    .describe('最早可提前移出（信用修复）的月数；null 表示不适用提前移出'),
  removalConditions: text('移出条件'),
  removalProcedure: text('移出程序'),
  remedies: text('救济途径'),
  statementPeriodWorkingDays: z
    .number()
    .int()
    .min(0)
    .max(60)
    .describe('事前告知后的陈述申辩期（工作日）；创建时缺省为黑名单 5、红名单 0'),
  disclosure: Disclosure,
  sharing: SharingInput,
  sourceNote: freeText(z.string().max(4000)).describe('数值和规则的出处说明，供管理员查看'),
  exposed: z
    .boolean()
    .describe('是否在门户曝光台公开该名单类型的严重失信案例（由信用办决定；须同时向社会公开）；创建时缺省为 false'),
};

export const ListTypeCreateBody = z
  .strictObject({
    ...listTypeFields,
    legalBasis: listTypeFields.legalBasis.optional(),
    earlyRemovalMonths: listTypeFields.earlyRemovalMonths.optional(),
    statementPeriodWorkingDays: listTypeFields.statementPeriodWorkingDays.optional(),
    sourceNote: listTypeFields.sourceNote.optional(),
    exposed: listTypeFields.exposed.optional(),
  })
  .describe('新建名单类型');

export const ListTypePatchBody = z
  .strictObject(listTypeFields)
  .partial()
  .describe('修改名单类型：只传要改的字段；每次实际修改生成新版本，编码和名单种类不可更改');

export const ListTypesQuery = z.object({
  kind: z.enum(['red', 'black']).optional().describe('只列出红名单或黑名单类型'),
});

const listTypeOut = {
  id: z.uuid().describe('名单类型标识'),
  code: z.string().describe('名单类型编码'),
  kind: listTypeFields.kind,
  name: z.string().describe('名单类型名称'),
  version: z.number().int().describe('版本号'),
  legalBasis: z.string().describe('法律依据'),
  basisLevel: listTypeFields.basisLevel,
  identifyingDepartment: DepartmentRef.describe('认定部门'),
  criteria: z.string().describe('认定标准'),
  periodMonths: z.number().int().describe('期限（月）'),
  earlyRemovalMonths: z.number().int().nullable().describe('最早可提前移出的月数；null 表示不适用'),
  removalConditions: z.string().describe('移出条件'),
  removalProcedure: z.string().describe('移出程序'),
  remedies: z.string().describe('救济途径'),
  statementPeriodWorkingDays: z.number().int().describe('陈述申辩期（工作日）'),
  disclosure: Disclosure,
  sharing: z
    .object({
      departments: z
        .union([z.literal('all'), z.array(DepartmentRef)])
        .describe('all 表示所有部门，否则为接收共享的部门'),
    })
    .describe('部门共享范围'),
  sourceNote: z.string().describe('出处说明'),
  exposed: z.boolean().describe('是否在门户曝光台公开'),
};

export const ListType = z
  .object({ ...listTypeOut, updatedAt: instant('当前版本的生效时间') })
  .describe('名单类型（当前版本）');
export const ListTypeVersion = z
  .object({
    ...listTypeOut,
    changedAt: instant('该版本的生成时间'),
    changedBy: z.string().describe('生成该版本的操作者'),
  })
  .describe('名单类型的历史版本');
export const ListTypeList = z.object({ items: z.array(ListType) });

const measureFields = {
  code: catalogCode('措施'),
  kind: z
    .enum(['incentive', 'sanction'])
    .describe('incentive 激励措施（只适用于红名单）；sanction 惩戒措施（只适用于黑名单）；创建后不可更改'),
  title: line('措施名称', 200),
  content: text('措施内容'),
  legalBasis: freeText(z.string().max(4000)).describe(
    '法律依据（必填，缺失或为空返回 422：清单制管理，每项措施须有依据）',
  ),
  implementingDepartmentId: z.uuid().describe('实施部门标识'),
  listTypeIds: z
    .array(z.uuid())
    .min(1)
    .max(200)
    .describe('适用的名单类型标识；激励措施只能适用红名单，惩戒措施只能适用黑名单'),
  subjectRoles: z
    .array(z.enum(SUBJECT_ROLES))
    .min(1)
    .describe(
      '适用对象：organization 组织；legalRepresentative 法定代表人；principal 主要负责人；responsiblePerson 直接责任人；person 自然人',
    ),
  scenarios: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(100)
    .describe('适用的业务场景编码（见 GET /api/v1/scenarios）'),
  seedItem: z.string().max(40).nullable().describe('对应种子文件条目，如 三.(二)14；无则为 null'),
  active: z.boolean().describe('是否启用；停用的措施不再返回给核查'),
};

export const MeasureCreateBody = z
  .strictObject({
    ...measureFields,
    legalBasis: measureFields.legalBasis.optional(),
    seedItem: measureFields.seedItem.optional(),
    active: measureFields.active.optional(),
  })
  .describe('新建措施');

export const MeasurePatchBody = z
  .strictObject(measureFields)
  .partial()
  .describe('修改措施：只传要改的字段；每次实际修改生成新版本，编码和措施种类不可更改');

export const MeasuresQuery = z.object({
  kind: z.enum(['incentive', 'sanction']).optional().describe('只列出激励或惩戒措施'),
  listTypeId: z.uuid().optional().describe('只列出适用于该名单类型的措施'),
  scenario: z.string().min(1).max(64).optional().describe('只列出适用于该业务场景的措施'),
});

const measureOut = {
  id: z.uuid().describe('措施标识'),
  code: z.string().describe('措施编码'),
  kind: measureFields.kind,
  version: z.number().int().describe('版本号'),
  title: z.string().describe('措施名称'),
  content: z.string().describe('措施内容'),
  legalBasis: z.string().describe('法律依据'),
  implementingDepartment: DepartmentRef.describe('实施部门'),
  listTypes: z.array(ListTypeRef).describe('适用的名单类型'),
  subjectRoles: z.array(z.enum(SUBJECT_ROLES)).describe('适用对象'),
  scenarios: z.array(z.string()).describe('适用的业务场景编码'),
  seedItem: z.string().nullable().describe('对应种子文件条目'),
  active: z.boolean().describe('是否启用'),
};

export const Measure = z
  .object({ ...measureOut, updatedAt: instant('当前版本的生效时间') })
  .describe('措施（当前版本）');
export const MeasureVersion = z
  .object({
    ...measureOut,
    changedAt: instant('该版本的生成时间'),
    changedBy: z.string().describe('生成该版本的操作者'),
  })
  .describe('措施的历史版本');
export const MeasureList = z.object({ items: z.array(Measure) });

export const ScenarioList = z.object({
  items: z.array(
    z.object({
      code: z.string().describe('业务场景编码'),
      name: z.string().describe('业务场景名称'),
    }),
  ),
});

export type ListTypeCreateInput = z.infer<typeof ListTypeCreateBody>;
export type ListTypePatchInput = z.infer<typeof ListTypePatchBody>;
export type MeasureCreateInput = z.infer<typeof MeasureCreateBody>;
export type MeasurePatchInput = z.infer<typeof MeasurePatchBody>;
