// The front of the departments module: what other modules may use. Everything else in this folder is its own.
export { unknownDepartment } from './departments.errors.ts';
export {
  departmentRefsByIds,
  findCreditOffice,
  findDepartmentById,
  listDepartments,
} from './departments.repository.ts';
export { departmentRoutes } from './departments.routes.ts';
export { DepartmentRefSchema } from './departments.schemas.ts';
export { addDepartment } from './departments.usecases.ts';
