import { conflict, notFound, unprocessable } from '../shared/index.ts';

export const departmentNotFound = () => notFound('部门', 'department.not_found');
export const departmentCodeTaken = (code: string) =>
  conflict('department.code_taken', `部门编码 ${code} 已被使用。`, { field: 'code' });
export const creditOfficeExists = () =>
  conflict('department.credit_office_exists', '系统中已有信用办，同一系统只能有一个信用办。', { field: 'kind' });
/** A department named in a request body that does not exist: a domain rule, not a missing resource. */
export const unknownDepartment = (field = 'departmentId') =>
  unprocessable('department.unknown', '所选部门不存在。', { field });
