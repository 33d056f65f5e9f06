import type { DepartmentRow } from './departments.repository.ts';

/** How a department is named inside other resources (users, API keys). */
export const presentDepartmentRef = (d: Pick<DepartmentRow, 'id' | 'code' | 'name'>) => ({
  id: d.id,
  code: d.code,
  name: d.name,
});

export const presentDepartment = (d: DepartmentRow) => ({
  id: d.id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  createdAt: d.created_at.toISOString(),
});
