import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * A database outage for one Kysely handle: `db.withPlugin(outage)` shares the real connections, and every query
 * through it fails while `down` is true, as an unreachable server would make it fail.
 */
export class Outage implements KyselyPlugin {
  down = false;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.down)
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432 (simulated outage)'), {
        code: 'ECONNREFUSED',
      });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
