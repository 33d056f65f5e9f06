import { conflict, notFound, unprocessable } from '../shared/index.ts';

export const listTypeNotFound = () => notFound('名单类型', 'list_type.not_found');
export const listTypeVersionNotFound = () => notFound('名单类型的该版本', 'list_type.version_not_found');
export const measureNotFound = () => notFound('措施', 'measure.not_found');
export const measureVersionNotFound = () => notFound('措施的该版本', 'measure.version_not_found');

/** 清单制管理: no list type and no measure without a legal basis (docs/domain/rules.md §2, §4). */
export const legalBasisRequired = () =>
  unprocessable('catalog.legal_basis_required', '必须填写法律依据：名单类型和奖惩措施都必须有法律、法规或政策依据。', {
    field: 'legalBasis',
  });

export const codeTaken = (code: string) =>
  conflict('catalog.code_taken', `编码 ${code} 已被使用，请换一个编码。`, { field: 'code' });

export const codeImmutable = () => unprocessable('catalog.code_immutable', '编码创建后不可更改。', { field: 'code' });

export const kindImmutable = () =>
  unprocessable('catalog.kind_immutable', '种类（红名单/黑名单、激励/惩戒）创建后不可更改，请新建一项。', {
    field: 'kind',
  });

export const unknownDepartment = (field: string, codes?: string[]) =>
  unprocessable(
    'catalog.department_unknown',
    codes ? `以下部门编码不存在：${codes.join('、')}。` : '所选部门不存在。',
    codes ? { field, codes } : { field },
  );

export const earlyRemovalBeyondPeriod = () =>
  unprocessable('catalog.early_removal_beyond_period', '最早提前移出的月数不能超过名单期限。', {
    field: 'earlyRemovalMonths',
  });

export const unknownListTypes = (ids: string[]) =>
  unprocessable('catalog.list_type_unknown', '所选名单类型不存在。', { field: 'listTypeIds', ids });

export const measureKindMismatch = (kind: 'incentive' | 'sanction', codes: string[]) =>
  unprocessable(
    'catalog.measure_list_kind_mismatch',
    kind === 'incentive'
      ? `激励措施只能适用于红名单，以下名单类型是黑名单：${codes.join('、')}。`
      : `惩戒措施只能适用于黑名单，以下名单类型是红名单：${codes.join('、')}。`,
    { field: 'listTypeIds', codes },
  );

export const unknownScenarios = (codes: string[]) =>
  unprocessable('catalog.scenario_unknown', `以下业务场景编码不存在：${codes.join('、')}。`, {
    field: 'scenarios',
    codes,
  });

/** The exposure page (曝光台) shows serious dishonesty only, and only what is disclosed to the public anyway. */
export const exposureNotAllowed = () =>
  unprocessable('list_type.exposure_not_allowed', '只有向社会公开的严重失信主体名单（黑名单）才能在曝光台公开。', {
    field: 'exposed',
  });
