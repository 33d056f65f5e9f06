import { actorOf, type ModuleContext, type RoutePlugin } from '../shared/index.ts';
import { presentDeadlineSetting } from './settings.presenters.ts';
import {
  DeadlineKeyParams,
  DeadlineSetting,
  DeadlineSettingBody,
  DeadlineSettingList,
  SiteNameBody,
  SiteNameSetting,
} from './settings.schemas.ts';
import { getDeadlineSettings, setDeadlineSetting } from './settings.usecases.ts';
import { getSiteName, setSiteName, type SiteName } from './site-name.usecases.ts';

const tags = ['settings'];

export const settingsRoutes: RoutePlugin<ModuleContext & { site: SiteName }> = (app, ctx) => {
  app.get(
    '/api/v1/settings/deadlines',
    {
      schema: { tags, summary: '期限设置（工作日数、出处、最后修改）', response: { 200: DeadlineSettingList } },
    },
    async (req) => {
      actorOf(req);
      return { items: (await getDeadlineSettings(ctx)).settings.map(presentDeadlineSetting) };
    },
  );

  app.put(
    '/api/v1/settings/deadlines/:key',
    {
      schema: {
        tags,
        summary: '修改一项期限设置（信用办、系统管理员）；只适用于此后新建的事项',
        params: DeadlineKeyParams,
        body: DeadlineSettingBody,
        response: { 200: DeadlineSetting },
      },
    },
    async (req) =>
      presentDeadlineSetting(
        (await setDeadlineSetting({ ...ctx, actor: actorOf(req) }, req.params.key, req.body)).setting,
      ),
  );

  app.get(
    '/api/v1/settings/site',
    { schema: { tags, summary: '公众门户的名称（现用名称及其来源）', response: { 200: SiteNameSetting } } },
    async (req) => {
      actorOf(req);
      return getSiteName(ctx);
    },
  );

  app.put(
    '/api/v1/settings/site',
    {
      schema: {
        tags,
        summary: '修改公众门户的名称（信用办、系统管理员）；设置了 CREDLINK_SITE_NAME 时以该配置为准',
        body: SiteNameBody,
        response: { 200: SiteNameSetting },
      },
    },
    async (req) => setSiteName({ ...ctx, actor: actorOf(req) }, req.body.siteName),
  );
};
