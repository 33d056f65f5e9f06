import { mix } from './synthetic.ts';

// Realistic Chinese names for the portal benchmark, so that bigrams have the frequencies of a real register: a
// region, a trade name (字号) of two characters drawn with a Zipf law (鑫, 源, 华 … in many names, rare characters in
// few), an industry and a legal form; persons get a common surname and one or two given-name characters.

const REGIONS = [
  '济南',
  '山东',
  '青岛',
  '历下区',
  '历城区',
  '槐荫区',
  '天桥区',
  '市中区',
  '章丘',
  '长清',
  '淄博',
  '烟台',
  '潍坊',
  '济宁',
  '临沂',
  '德州',
  '聊城',
  '泰安',
];
const TRADE =
  '鑫源华泰恒盛德和隆宏兴昌祥瑞丰福金通达信诚汇天中新大嘉弘博永安康乐美佳海宇辰成远正明亚东方星光荣益润浩凯鼎顺发旺富贵春秋阳晨晟昊泽铭轩睿琪锦绣雅馨怡欣悦卓越峰岳川江河湖山林森松柏竹梅兰菊桂莲荷' +
  '琮璟瑄珩琨璞珏琛璋瑜瑾璇琳琅玥琬瑶璐珑瑢璠骐骥骁骏驰骋鹏鹤鸿鹭燕鹊翔翊翎羽霖霏霁霆雯雳霄霞露雪云雨风雷电烁炜焱煜熠燚焕烨炫灿昱旻昶晖暄晔暾曦曜皓皎皙睿聪颖慧敏捷锐钧铎镇锋钰铂锟钦铄铖镕鑫淼渊源泉沛沐涵润泓澜瀚澄溪洋浚滨澍潇湘沁淳溢涌泳洁';
const INDUSTRIES: [string, number][] = [
  ['商贸', 14],
  ['科技', 14],
  ['建筑工程', 7],
  ['物流', 5],
  ['餐饮管理', 4],
  ['房地产开发', 3],
  ['置业', 3],
  ['环保科技', 3],
  ['信息技术', 5],
  ['文化传媒', 4],
  ['机械设备', 4],
  ['医药', 2],
  ['农业科技', 3],
  ['电子商务', 3],
  ['汽车销售', 2],
  ['装饰工程', 4],
  ['劳务', 3],
  ['物业管理', 3],
  ['投资管理', 2],
  ['新能源', 2],
  ['食品', 3],
  ['化工', 2],
  ['服饰', 2],
  ['教育咨询', 2],
  ['生物科技', 2],
  ['贸易', 6],
  ['实业', 5],
  ['网络科技', 4],
];
const LEGAL_FORMS: [string, number][] = [
  ['有限公司', 70],
  ['有限责任公司', 10],
  ['股份有限公司', 8],
  ['（集团）有限公司', 4],
  ['有限公司历城分公司', 3],
  ['合伙企业（有限合伙）', 2],
  ['厂', 3],
];
const SHOPS = ['商行', '五金店', '餐馆', '超市', '便利店', '服装店', '理发店', '烟酒店', '建材经营部', '汽车修理厂'];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞斌宇浩凯健俊帆帅旭宁龙林欣晨阳子涵梓轩雨思佳';

const chars = (s: string) => Array.from(s);
const tradeChars = [...new Set(chars(TRADE))];
const surnames = chars(SURNAMES);
const given = chars(GIVEN);

/** Zipf (s = 1) over n ranks from a uniform u in [0, 1): rank r has weight 1 / (r + 1). */
function zipf(n: number, u: number): number {
  const h = Math.log(n) + 0.5772;
  return Math.min(n - 1, Math.floor(Math.exp(u * h) - 1 + 1e-9));
}
const uniform = (i: number, salt: number) => mix(i, salt) / 4294967296;
function weighted<T>(items: [T, number][], u: number): T {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let x = u * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items.at(-1)![0];
}

/** The Zipf ranks of the two trade-name characters of subject i: low ranks are common characters. */
export const tradeRanks = (i: number): [number, number] => [
  zipf(tradeChars.length, uniform(i, 101)),
  zipf(tradeChars.length, uniform(i, 103)),
];

/** The trade name of subject i: two characters, each drawn by Zipf rank from the trade characters. */
export const tradeName = (i: number) => {
  const [a, b] = tradeRanks(i);
  return tradeChars[a]! + tradeChars[b]!;
};

export function companyName(i: number, individualBusiness: boolean): string {
  const region = REGIONS[mix(i, 107) % REGIONS.length]!;
  if (individualBusiness) return `${region}${tradeName(i)}${SHOPS[mix(i, 109) % SHOPS.length]}`;
  return `${region}${tradeName(i)}${weighted(INDUSTRIES, uniform(i, 113))}${weighted(LEGAL_FORMS, uniform(i, 127))}`;
}

export const personName = (i: number) =>
  surnames[zipf(surnames.length, uniform(i, 131))]! +
  given[mix(i, 137) % given.length]! +
  (mix(i, 139) % 3 === 0 ? '' : given[mix(i, 149) % given.length]!);

/** Trade characters by rank: the first are in many names, the last in few. */
export const TRADE_CHARACTERS = tradeChars;
