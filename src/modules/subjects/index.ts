// The front of the subjects module: what other modules may use. Everything else in this folder is its own.
export { normalizeSubjectName } from './names.ts';
export { presentSubject } from './subjects.presenters.ts';
export { findSubject, findSubjectByUscc, lockSubject } from './subjects.repository.ts';
export { subjectsRoutes } from './subjects.routes.ts';
export { RelatedPersonInput, Subject, SubjectInput } from './subjects.schemas.ts';
export { addRelatedPerson, parseSubjectCode, resolveSubject } from './subjects.usecases.ts';
