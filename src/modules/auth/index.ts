// The front of the auth module: what other modules may use. Everything else in this folder is its own.
export { ApiKeyCache } from './api-key-cache.ts';
export { apiKeyRoutes } from './api-keys.routes.ts';
export { createApiKey } from './api-keys.usecases.ts';
export { passwordChangeRequired } from './auth.errors.ts';
export { authRoutes } from './auth.routes.ts';
export { authenticateRequest } from './auth.usecases.ts';
export { ensureAdmin } from './bootstrap.ts';
export { userRoutes } from './users.routes.ts';
export { createUser } from './users.usecases.ts';
