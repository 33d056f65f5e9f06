// The front of the subjects module: what other modules may use. Everything else in this folder is its own.
export { normalizeSubjectName } from './names.ts';
export { presentSubject } from './subjects.presenters.ts';
export { findSubject, findSubjectByUscc, lockSubject } from './subjects.repository.ts';
export { subjectsRoutes } from './subjects.routes.ts';
export { RelatedPersonInput, Subject, SubjectInput } from './subjects.schemas.ts';
export { addRelatedPerson, parseSubjectCode, resolveSubject } from './subjects.usecases.ts';
export { searchKey } from './name-grams.ts';
export { changeSubjectStatus, renameSubject } from './subject-names.usecases.ts';
export { subjectSearchRoutes } from './subject-search.routes.ts';
export { SubjectHit as SubjectHitSchema, SubjectSearchResult } from './subject-search.schemas.ts';
export { SEARCH_CAP, searchSubjects } from './subject-search.usecases.ts';
export type { SubjectHit, SubjectSearch } from './subject-search.usecases.ts';
export { parseSearchQuery, type ParsedQuery } from './search-query.ts';
