// Seed list types of the demo district: the red-list categories of seed 二.(一)1–6 and the black-list domains of
// 三.(一)9–13, each with its criteria, period, procedure, remedies and what the public sees.
import type { ListTypeSeed } from './catalog.types.ts';
import { AMR44, G33, G35, WAGE } from './catalog.seed.basis.ts';

// Documents cited more than once.

// Shared wording of list types.
const ADMIN_REMEDIES =
  '对认定决定不服的，可以自知道该决定之日起60日内依法申请行政复议，或者自知道或应当知道之日起6个月内依法提起行政诉讼。' +
  '也可先向作出决定的部门提出书面异议（谁决定、谁负责）；异议处理期间惩戒措施不停止执行。';
const BLACK_REMOVAL_PROCEDURE =
  '当事人向作出认定决定的部门提交信用修复申请，材料限于履行义务的证明和信用承诺书；部门在受理期限（默认3个工作日）内受理，' +
  '在决定期限（默认10个工作日）内核查并作出决定（谁认定、谁修复，不收取任何费用）。准予的，停止公开和共享、解除惩戒措施，' +
  '并推送至所有已接收该名单记录的部门。期限届满的，由系统自动移出。';
const BLACK_NOTE =
  '列入前事前告知并给予陈述申辩期（默认5个工作日，可配置，国办发〔2020〕49号、rules.md §2）；决定书与信用修复告知书同时送达（国办发〔2025〕22号）。';
const RED_REMOVAL =
  '有效期届满的，自动移出；被列入任一严重失信主体名单或者产生严重失信记录的，立即移出本名单及其他所有红名单，并记录移出原因' +
  '（同一主体不得同时处于红名单和黑名单）；以欺骗等不正当手段取得的，撤销认定。';
const RED_PROCEDURE =
  '因严重失信移出的，由系统在黑名单决定生效时自动执行并通知认定部门；其他情形由认定部门作出移出决定，系统推送至所有已接收部门。';
const RED_REMEDIES =
  '对不予认定或者移出决定有异议的，可以向认定部门提出书面异议；属于行政行为的，可以自知道之日起60日内申请行政复议，或者6个月内提起行政诉讼。';

const BLACK_ORG_FIELDS = [
  'subjectName',
  'uscc',
  'legalRepresentativeName',
  'listTypeName',
  'reason',
  'legalBasis',
  // The decision's own number: what a party names when it objects or applies for repair (the service forms ask it).
  'decisionDocumentNo',
  'basisDocumentNo',
  'basisDocumentDate',
  'decisionDate',
  'startDate',
  'endDate',
  'departmentName',
];
const BLACK_MIXED_FIELDS = [...BLACK_ORG_FIELDS, 'citizenId', 'relatedPersons'];
const RED_ORG_FIELDS = ['subjectName', 'uscc', 'listTypeName', 'startDate', 'endDate', 'departmentName'];
const RED_PERSON_FIELDS = ['subjectName', 'listTypeName', 'honourTitle', 'startDate', 'endDate', 'departmentName'];

function red(
  item: Pick<
    ListTypeSeed,
    | 'code'
    | 'name'
    | 'legalBasis'
    | 'basisLevel'
    | 'identifyingDepartmentCode'
    | 'criteria'
    | 'periodMonths'
    | 'disclosure'
    | 'sourceNote'
  > &
    Partial<Pick<ListTypeSeed, 'sharing'>>,
): ListTypeSeed {
  return {
    kind: 'red',
    earlyRemovalMonths: null,
    removalConditions: RED_REMOVAL,
    removalProcedure: RED_PROCEDURE,
    remedies: RED_REMEDIES,
    statementPeriodWorkingDays: 0,
    sharing: { departments: 'all' },
    ...item,
  };
}

function black(
  item: Pick<
    ListTypeSeed,
    | 'code'
    | 'name'
    | 'legalBasis'
    | 'basisLevel'
    | 'identifyingDepartmentCode'
    | 'criteria'
    | 'periodMonths'
    | 'earlyRemovalMonths'
    | 'removalConditions'
    | 'disclosure'
    | 'sourceNote'
  > &
    Partial<Pick<ListTypeSeed, 'removalProcedure' | 'remedies' | 'statementPeriodWorkingDays'>>,
): ListTypeSeed {
  return {
    kind: 'black',
    removalProcedure: BLACK_REMOVAL_PROCEDURE,
    remedies: ADMIN_REMEDIES,
    statementPeriodWorkingDays: 5,
    sharing: { departments: 'all' },
    ...item,
  };
}

export const listTypes: readonly ListTypeSeed[] = [
  // 二.(一) red-list categories
  red({
    code: 'red_tax_a',
    name: '纳税缴费信用A级纳税人',
    legalBasis: `《纳税缴费信用管理办法》（国家税务总局发布，2025年7月1日起施行）；${G33}`,
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'tax',
    criteria: '经税务机关年度纳税缴费信用评价为A级的纳税人，以税务机关发布的评价结果为准，按规则认定。',
    periodMonths: 12,
    disclosure: { public: true, fields: RED_ORG_FIELDS, personIdentifiers: 'hidden' },
    sourceNote:
      '种子 二.(一)1（信用分类监管确定的信用状况良好的行政相对人）。评价按年度进行，有效期12个月为可配置默认值；《纳税缴费信用管理办法》取代《纳税信用管理办法（试行）》，文号以税务总局公告为准。',
  }),
  red({
    code: 'red_labor_a',
    name: '劳动保障守法诚信A级用人单位',
    legalBasis: `《企业劳动保障守法诚信等级评价办法》（人社部规〔2016〕1号）；${G33}`,
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'hrss',
    criteria: '遵守劳动保障法律、法规和规章，未因劳动保障违法行为被查处，经人力资源社会保障部门评价为A级的用人单位。',
    periodMonths: 12,
    disclosure: { public: true, fields: RED_ORG_FIELDS, personIdentifiers: 'hidden' },
    sourceNote:
      '种子 二.(一)1。该评价办法为部门规范性文件，basisLevel 取最接近的 ministry_rule；有效期12个月为可配置默认值。',
  }),
  red({
    code: 'red_env_good',
    name: '环保诚信企业',
    legalBasis: `《企业环境信用评价办法（试行）》（环发〔2013〕150号）；${G33}`,
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'eco',
    criteria: '年度企业环境信用评价结果为“环保诚信企业”的企业事业单位。',
    periodMonths: 12,
    disclosure: { public: true, fields: RED_ORG_FIELDS, personIdentifiers: 'hidden' },
    sharing: { departments: ['credit_office', 'eco', 'amr', 'approval', 'finance', 'prtc', 'ndrc', 'fin_office'] },
    sourceNote: '种子 二.(一)1。有效期12个月为可配置默认值；共享范围限于与环境信用激励相关的部门（示例）。',
  }),
  red({
    code: 'red_moral_model',
    name: '诚信道德模范',
    legalBasis: `《新时代公民道德建设实施纲要》（中共中央、国务院，2019年）；${G33}`,
    basisLevel: 'central_policy',
    identifyingDepartmentCode: 'civilization',
    criteria:
      '经各级精神文明建设委员会或者有关部门评选表彰的诚实守信类道德模范及其提名人选，事迹经核实且本人无失信记录。',
    periodMonths: 36,
    disclosure: { public: true, fields: RED_PERSON_FIELDS, personIdentifiers: 'hidden' },
    sourceNote: '种子 二.(一)2。有效期36个月为可配置默认值；自然人只公开姓名和荣誉，不公开身份号码。',
  }),
  red({
    code: 'red_youth_volunteer',
    name: '优秀青年志愿者',
    legalBasis: `《志愿服务条例》（国务院令第685号）；${G33}`,
    basisLevel: 'regulation',
    identifyingDepartmentCode: 'youth_league',
    criteria: '经共青团组织或者有关部门依规评选表彰的优秀青年志愿者，志愿服务记录真实完整，本人无失信记录。',
    periodMonths: 24,
    disclosure: { public: true, fields: RED_PERSON_FIELDS, personIdentifiers: 'hidden' },
    sourceNote: '种子 二.(一)3。有效期24个月为可配置默认值。',
  }),
  red({
    code: 'red_association_member',
    name: '行业协会商会推荐的诚信会员',
    legalBasis: G33,
    basisLevel: 'central_policy',
    identifyingDepartmentCode: 'ndrc',
    criteria:
      '依法登记的行业协会商会依据会员信用评价结果书面推荐，经认定部门核查近三年无严重失信记录、无在公示期内的一般及以上失信记录的会员单位。',
    periodMonths: 12,
    disclosure: { public: true, fields: RED_ORG_FIELDS, personIdentifiers: 'hidden' },
    sourceNote: '种子 二.(一)4。推荐每年一次，有效期12个月为可配置默认值。',
  }),
  red({
    code: 'red_media_found',
    name: '新闻媒体挖掘的诚信主体',
    legalBasis: G33,
    basisLevel: 'central_policy',
    identifyingDepartmentCode: 'civilization',
    criteria: '主流新闻媒体报道的诚实守信典型事迹，经认定部门核实事迹属实、主体无失信记录后认定；可为组织或自然人。',
    periodMonths: 12,
    disclosure: { public: true, fields: RED_ORG_FIELDS, personIdentifiers: 'hidden' },
    sourceNote: '种子 二.(一)5。有效期12个月为可配置默认值。',
  }),
  red({
    code: 'red_rule_based',
    name: '信用状况良好的经营主体（规则认定）',
    legalBasis: `${G33}；${G35}`,
    basisLevel: 'central_policy',
    identifyingDepartmentCode: 'credit_office',
    criteria:
      '按规则认定：依法设立满三年、近三年无严重失信主体名单记录且无在公示期内的一般及以上失信记录的法人和非法人组织（规则参数在目录中配置）。',
    periodMonths: 12,
    disclosure: { public: false, fields: [], personIdentifiers: 'hidden' },
    sourceNote:
      '种子 二.(一)6（其他法规、制度等确定的激励对象）；rules.md §2：国家政策倾向于与评价挂钩的激励（如三年无不良记录）。按年重算，12个月为可配置默认值；默认不社会公开，只共享。',
  }),

  // 三.(一) black-list domains
  black({
    code: 'black_amr',
    name: '市场监督管理严重违法失信名单',
    legalBasis: AMR44,
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'amr',
    criteria:
      '当事人违反食品、药品、医疗器械、化妆品、特种设备、产品质量等直接关系人民群众生命健康安全的规定，或者实施不正当竞争、侵害消费者权益、' +
      '拒绝阻碍监督检查等行为，受到较重行政处罚，且经综合考量属于性质恶劣、情节严重、社会危害较大的，由作出行政处罚决定的市场监督管理部门决定列入；' +
      '当事人有证据足以证明没有主观故意的，不列入。',
    periodMonths: 36,
    earlyRemovalMonths: 12,
    removalConditions:
      '列入满三年的，移出并停止公示、解除管理措施。列入满一年，且已自觉履行行政处罚决定中规定的义务、已主动消除危害后果和不良影响、' +
      '未再受到市场监督管理部门较重行政处罚的，可以申请提前移出并作出信用承诺。列入所依据的行政处罚被撤销、确认违法或者无效的，撤销列入决定，于3个工作日内停止公示。',
    disclosure: { public: true, fields: BLACK_ORG_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)9、三.(一)10。期限3年、满1年可申请提前移出见总局令第44号（rules.md §3）。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_safety',
    name: '安全生产严重失信主体名单',
    legalBasis: '《中华人民共和国安全生产法》；《安全生产严重失信主体名单管理办法》（应急管理部令第11号）',
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'emergency',
    criteria:
      '生产经营单位及其有关人员，或者承担安全评价、认证、检测、检验职责的机构及其人员，因生产安全事故或者违反安全生产法律法规受到行政处罚，' +
      '且性质恶劣、情节严重的（如租借资质、挂靠、出具虚假报告或者证书），按“谁处罚、谁决定、谁负责”由作出处罚决定的应急管理部门决定列入。',
    periodMonths: 36,
    earlyRemovalMonths: 12,
    removalConditions:
      '管理期限3年届满的，移出并停止公示、解除管理措施。列入满12个月，已履行行政处罚义务、纠正违法行为并作出信用承诺的，可以申请提前移出；' +
      '申请中隐瞒真实情况、弄虚作假的，撤销提前移出决定，恢复列入状态。',
    disclosure: { public: true, fields: BLACK_MIXED_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)9（安全生产）。期限3年、满12个月可申请提前移出依应急管理部令第11号。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_env',
    name: '生态环境领域严重失信主体名单',
    legalBasis: '《中华人民共和国环境保护法》（环境违法信息记入社会诚信档案、向社会公布违法者名单的规定）',
    basisLevel: 'law',
    identifyingDepartmentCode: 'eco',
    criteria:
      '企业事业单位和其他生产经营者因环境违法受到较重行政处罚（按日连续处罚、查封扣押、责令限制生产或者停产整治、责令停业关闭等），' +
      '或者篡改、伪造监测数据，以暗管、渗井等逃避监管的方式违法排放污染物，性质恶劣、情节严重的。',
    periodMonths: 36,
    earlyRemovalMonths: 12,
    removalConditions:
      '期限届满的，移出并停止公示、解除惩戒措施。列入满12个月，已履行处罚义务、完成整改并消除不良影响，作出信用承诺的，可以申请提前移出。',
    disclosure: { public: true, fields: BLACK_ORG_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)9（生态环境）。法律未规定名单期限：36个月与满12个月可修复为可配置默认值，参照国办发〔2025〕22号“严重”类最短1年、最长3年。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_tax',
    name: '重大税收违法失信主体',
    legalBasis: '《中华人民共和国税收征收管理法》；《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）',
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'tax',
    criteria:
      '偷税（逃避缴纳税款）、逃避追缴欠税、骗取出口退税、抗税、虚开增值税专用发票或者其他发票、私自印制伪造变造发票、' +
      '稽查案件执行完毕前走逃（失联）等重大税收违法行为，达到《办法》规定的金额或者情节标准的。',
    periodMonths: 36,
    earlyRemovalMonths: 0,
    removalConditions:
      '自公布之日起满3年的，停止公布并移出。符合《办法》规定的提前停止公布条件（如按处理、处罚决定缴清税款、滞纳金和罚款并经税务机关确认）的，可以申请提前停止公布。',
    disclosure: { public: true, fields: BLACK_MIXED_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)10（偷税骗税）。公布期3年依总局令第54号；提前停止公布的最短期限未能从官方全文核实，默认0个月（满足条件即可申请），为可配置默认值。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_wage',
    name: '拖欠农民工工资失信联合惩戒对象名单',
    legalBasis: `${WAGE}；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》（人力资源社会保障部令第45号）`,
    basisLevel: 'regulation',
    identifyingDepartmentCode: 'hrss',
    criteria:
      '用人单位克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准，或者因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响，' +
      '经人力资源社会保障行政部门依法责令限期支付工资，逾期未支付的；同时列入其法定代表人或者主要负责人、直接负责的主管人员和其他直接责任人员。',
    periodMonths: 36,
    earlyRemovalMonths: 6,
    removalConditions:
      '列入期限3年届满的，移出。列入期间已偿还拖欠工资、改正违法行为，自改正之日起满6个月且作出守信承诺的，可以申请提前移出。',
    disclosure: { public: true, fields: BLACK_MIXED_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)10（恶意欠薪）。期限3年、改正后满6个月可申请提前移出依人社部令第45号；6个月自改正之日起算，系统以此为最早提前移出时间。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_procurement',
    name: '政府采购严重违法失信行为记录名单',
    legalBasis: '《中华人民共和国政府采购法》；《中华人民共和国政府采购法实施条例》',
    basisLevel: 'law',
    identifyingDepartmentCode: 'finance',
    criteria:
      '供应商提供虚假材料谋取中标、成交，采取不正当手段诋毁、排挤其他供应商，与采购人、其他供应商或者采购代理机构恶意串通，' +
      '向采购人、采购代理机构行贿或者提供其他不正当利益，拒绝有关部门监督检查或者提供虚假情况等，被财政部门处以一至三年内禁止参加政府采购活动的行政处罚的。',
    periodMonths: 36,
    earlyRemovalMonths: null,
    removalConditions:
      '处罚决定确定的禁止参加政府采购活动期限届满的，移出；处罚决定被撤销、确认违法或者无效的，撤销列入并于3个工作日内停止公示。禁止期限内不适用提前移出。',
    disclosure: { public: true, fields: BLACK_ORG_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)10（围标串标、合同欺诈等）。禁止期限由处罚决定在1至3年内确定，36个月为可配置默认值，实际以决定书所载期限为准。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_court',
    name: '失信被执行人名单',
    legalBasis:
      '《中华人民共和国民事诉讼法》；《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号修正）',
    basisLevel: 'law',
    identifyingDepartmentCode: 'court',
    criteria:
      '被执行人未履行生效法律文书确定的义务，并具有下列情形之一：有履行能力而拒不履行；以伪造证据、暴力、威胁等方法妨碍、抗拒执行；' +
      '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行；违反财产报告制度；违反限制消费令；无正当理由拒不履行执行和解协议。',
    periodMonths: 24,
    earlyRemovalMonths: 0,
    removalConditions:
      '纳入期限一般为2年（以暴力、威胁方法妨碍、抗拒执行情节严重或者具有多项失信行为的，可以延长1至3年）。被执行人已履行全部义务、' +
      '与申请执行人达成和解协议并履行完毕、申请执行人书面申请删除、执行依据被撤销或者依法终结执行等情形的，由执行法院删除失信信息。',
    removalProcedure:
      '由执行法院依职权或者依申请作出删除决定（规定为3个工作日内），法院联络员录入系统后停止公开和共享、解除惩戒措施，并推送至所有已接收部门。',
    remedies:
      '认为纳入有误的，可以向执行法院申请纠正，执行法院自收到书面纠正申请之日起15日内审查；对驳回决定不服的，可以自决定书送达之日起10日内向上一级人民法院申请复议。' +
      '纳入属司法行为，不适用行政复议和行政诉讼。',
    disclosure: {
      public: true,
      personIdentifiers: 'masked',
      fields: [
        'subjectName',
        'uscc',
        'legalRepresentativeName',
        'citizenId',
        'obligation',
        'performance',
        'reason',
        'basisDocumentNo',
        'caseNumber',
        'decisionDate',
        'departmentName',
      ],
    },
    sourceNote:
      '种子 三.(一)11。期限与删除情形依法释〔2017〕7号；由法院依司法程序认定、法院联络员导入。陈述申辩期5个工作日为系统统一默认值（rules.md §2），' +
      '对本名单以法院执行通知中的风险提示为事前告知，实际程序以法院为准。',
  }),
  black({
    code: 'black_defence',
    name: '履行国防义务严重失信主体名单',
    legalBasis: '《中华人民共和国兵役法》（2021年修订）',
    basisLevel: 'law',
    identifyingDepartmentCode: 'military',
    criteria:
      '应征公民拒绝、逃避征集服现役，经县级人民政府责令限期改正，逾期拒不改正的，以及兵役法规定纳入履行国防义务严重失信主体名单的其他情形。',
    periodMonths: 24,
    earlyRemovalMonths: null,
    removalConditions: '期限届满的，移出并解除惩戒措施；认定所依据的决定被撤销、确认违法或者无效的，撤销列入。',
    disclosure: { public: false, fields: [], personIdentifiers: 'hidden' },
    sourceNote:
      `种子 三.(一)12。兵役法规定“两年内不准出境或者升学复学”，名单期限24个月为可配置默认值；决定由区人民政府作出，征兵办公室承办。` +
      `对象为自然人，默认只在政府部门间共享、不社会公开。${BLACK_NOTE}`,
  }),
  black({
    code: 'black_social_org',
    name: '社会组织严重违法失信名单',
    legalBasis: '《社会组织信用信息管理办法》（民政部令第60号）',
    basisLevel: 'ministry_rule',
    identifyingDepartmentCode: 'civil',
    criteria:
      '社会组织被列入活动异常名录满2年、弄虚作假办理变更登记被撤销变更登记、受到限期停止活动等较重行政处罚、被司法机关纳入失信被执行人名单、' +
      '被有关国家机关列入严重失信名单等《办法》规定情形的。',
    periodMonths: 24,
    earlyRemovalMonths: null,
    removalConditions: '自列入之日起满2年且未再发生列入情形的，由登记管理机关移出；列入依据被撤销的，撤销列入。',
    disclosure: { public: true, fields: BLACK_ORG_FIELDS, personIdentifiers: 'masked' },
    sourceNote: `种子 三.(一)13（法律法规规定的其他严重失信行为）。期限24个月为可配置默认值，以民政部令第60号原文为准。${BLACK_NOTE}`,
  }),
];
