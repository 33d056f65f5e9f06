import type { FastifyReply } from 'fastify';
import type { RoutePlugin } from '../shared/index.ts';
import { IdentifierBody, IdentifierCheck, IdentifierParams } from './identifiers.schemas.ts';
import { checkIdentifier } from './identifiers.usecases.ts';

const tags = ['identifiers'];

// The answer may hold the caller's own ID number: no cache between the caller and us may keep it.
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** Public: anyone may check a code's form; nothing is looked up or stored. */
export const identifierRoutes: RoutePlugin = (app, ctx) => {
  app.get(
    '/api/v1/identifiers/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '校验统一社会信用代码或公民身份号码（公开）',
        security: [],
        params: IdentifierParams,
        response: { 200: IdentifierCheck },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return checkIdentifier(ctx, req.params.code);
    },
  );

  app.post(
    '/api/v1/identifiers',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '校验号码（公开；号码放在请求体中，不出现在网址里）',
        security: [],
        body: IdentifierBody,
        response: { 200: IdentifierCheck },
      },
    },
    async (req, reply) => {
      noStore(reply);
      return checkIdentifier(ctx, req.body.code);
    },
  );
};
