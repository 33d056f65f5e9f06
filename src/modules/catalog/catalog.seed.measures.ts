// Seed measure catalog: the incentives of seed 二.(二)1–7 and the sanctions of 三.(二)14–18, each with its legal basis.
import type { MeasureSeed } from './catalog.types.ts';
import { AMR44, G33, G35, G49, G52, OPTIMIZE, RED_ALL, RED_EVALUATED, RED_ORG, RED_ORG_PUBLIC, RED_PERSON, RED_PUBLIC, WAGE } from './catalog.seed.basis.ts';

const BLACK_ORG = ['black_amr', 'black_safety', 'black_env', 'black_tax', 'black_wage', 'black_procurement',
  'black_court', 'black_social_org'];
const BLACK_MARKET = ['black_amr', 'black_safety', 'black_env', 'black_tax', 'black_wage', 'black_court'];
const BLACK_ALL = [...BLACK_ORG, 'black_defence'];
const BLACK_PUBLIC = BLACK_ORG;
const HEADS = ['legalRepresentative', 'principal', 'responsiblePerson'] as const;

export const measures: readonly MeasureSeed[] = [
  // 二.(二) incentives
  {
    code: 'inc_promote_models', kind: 'incentive', title: '选树和宣传诚信典型',
    content: '在监管和服务中建立信用记录，向社会推介无不良信用记录者和诚信典型，通过媒体和信用门户网站宣传其事迹。',
    legalBasis: G33, implementingDepartmentCode: 'civilization', listTypeCodes: RED_PUBLIC,
    subjectRoles: ['organization', 'person'], scenarios: ['publicity'], seedItem: '二.(二)1',
  },
  {
    code: 'inc_commendation_priority', kind: 'incentive', title: '评先评优同等条件下优先考虑',
    content: '在各类评先评优和荣誉称号评选中，同等条件下优先考虑诚信典型；不降低评选标准。',
    legalBasis: G33, implementingDepartmentCode: 'hrss', listTypeCodes: RED_ALL,
    subjectRoles: ['organization', 'person'], scenarios: ['commendation', 'honours'], seedItem: '二.(二)1',
  },
  {
    code: 'inc_green_channel', kind: 'incentive', title: '行政许可“绿色通道”',
    content: '办理行政许可时为诚信典型开辟绿色通道，优先受理、优先办理，加快办理进度。',
    legalBasis: `${G33}；${OPTIMIZE}`, implementingDepartmentCode: 'approval', listTypeCodes: RED_ALL,
    subjectRoles: ['organization', 'person'], scenarios: ['administrative_licensing'], seedItem: '二.(二)2',
  },
  {
    code: 'inc_accept_with_commitment', kind: 'incentive', title: '容缺受理',
    content: '除法律法规要求提供的材料外，部分申报材料不齐备的，申请人书面承诺在规定期限内补齐的，先行受理（信用承诺类型：容缺受理型）；' +
      '未按承诺补齐的，作为失信信息报认定部门审查。',
    legalBasis: `${G33}；${OPTIMIZE}`, implementingDepartmentCode: 'approval', listTypeCodes: RED_ALL,
    subjectRoles: ['organization', 'person'], scenarios: ['administrative_licensing'], seedItem: '二.(二)2',
  },
  {
    code: 'inc_fiscal_priority', kind: 'incentive', title: '财政性资金项目和招商引资优惠政策优先考虑',
    content: '在财政性资金项目安排、招商引资配套优惠政策等各类政府优惠政策中，同等条件下优先考虑诚信市场主体。',
    legalBasis: G33, implementingDepartmentCode: 'finance', listTypeCodes: RED_ORG,
    subjectRoles: ['organization'], scenarios: ['fiscal_funds'], seedItem: '二.(二)3',
  },
  {
    code: 'inc_personal_services', kind: 'incentive', title: '教育、就业、创业、社会保障领域重点支持',
    content: '在教育、就业、创业、社会保障等领域对诚信个人给予重点支持和优先便利。',
    legalBasis: G33, implementingDepartmentCode: 'hrss', listTypeCodes: RED_PERSON,
    subjectRoles: ['person'], scenarios: ['public_services'], seedItem: '二.(二)3',
  },
  {
    code: 'inc_trading_credit_points', kind: 'incentive', title: '公共资源交易信用加分',
    content: '在有关公共资源交易活动中，依法依约在招标、采购文件中载明后，对诚信市场主体给予信用加分。加分依据全国统一的信用评价结果，' +
      '对不同地区、不同所有制形式的主体一视同仁，不得对本地主体倾斜或者设置差别待遇。',
    legalBasis: `${G33}；${OPTIMIZE}；《中华人民共和国招标投标法实施条例》（不得以不合理条件限制、排斥潜在投标人）`,
    implementingDepartmentCode: 'prtc', listTypeCodes: RED_EVALUATED,
    subjectRoles: ['organization'], scenarios: ['public_resource_trading'], seedItem: '二.(二)3',
  },
  {
    code: 'inc_fewer_inspections', kind: 'incentive', title: '减少日常检查和专项检查频次',
    content: '依据信用评价分类，对符合条件的诚信企业在“双随机、一公开”抽查和专项检查中降低抽查比例和频次，无事不扰；依法应当检查的除外。',
    legalBasis: `${G33}；${G35}`, implementingDepartmentCode: 'amr', listTypeCodes: [...RED_EVALUATED, 'red_association_member'],
    subjectRoles: ['organization'], scenarios: ['routine_inspection'], seedItem: '二.(二)4',
  },
  {
    code: 'inc_credit_loans', kind: 'incentive', title: '“信易贷”融资便利',
    content: '通过“信易贷”平台向金融机构推送诚信市场主体信用信息，引导金融机构在授信额度、利率、审批流程等方面给予便利（由金融机构依法自主决定）。',
    legalBasis: `${G33}；${G52}`, implementingDepartmentCode: 'ndrc', listTypeCodes: RED_ORG,
    subjectRoles: ['organization'], scenarios: ['financing'], seedItem: '二.(二)5',
  },
  {
    code: 'inc_tax_loans', kind: 'incentive', title: '“税易贷”（银税互动）',
    content: '经企业授权，向合作银行提供纳税缴费信用信息，支持其开发“税易贷”等信用贷款产品。',
    legalBasis: `${G33}；${G52}`, implementingDepartmentCode: 'tax', listTypeCodes: ['red_tax_a'],
    subjectRoles: ['organization'], scenarios: ['financing'], seedItem: '二.(二)5',
  },
  {
    code: 'inc_portal_publicity', kind: 'incentive', title: '公示优良信用信息',
    content: '在政府网站和信用门户网站及时公示诚信市场主体优良信用信息；自然人只公示名单类型公开范围内的信息，不公示身份号码。',
    legalBasis: G33, implementingDepartmentCode: 'credit_office', listTypeCodes: RED_PUBLIC,
    subjectRoles: ['organization', 'person'], scenarios: ['publicity'], seedItem: '二.(二)6',
  },
  {
    code: 'inc_events_promotion', kind: 'incentive', title: '会展、银企对接活动重点推介',
    content: '在会展、银企对接等活动中重点推介诚信企业，让信用成为市场配置资源的重要考量因素。',
    legalBasis: G33, implementingDepartmentCode: 'ndrc', listTypeCodes: RED_ORG_PUBLIC,
    subjectRoles: ['organization'], scenarios: ['publicity', 'financing'], seedItem: '二.(二)6',
  },
  {
    code: 'inc_tax_a_statutory', kind: 'incentive', title: 'A级纳税人激励措施',
    content: '按《纳税缴费信用管理办法》对A级纳税人适用的激励措施（如主动公告A级名单、发票领用便利、连续A级的涉税事项绿色通道等），以现行办法为准。',
    legalBasis: '《纳税缴费信用管理办法》（国家税务总局发布，2025年7月1日起施行）', implementingDepartmentCode: 'tax',
    listTypeCodes: ['red_tax_a'], subjectRoles: ['organization'], scenarios: ['public_services'], seedItem: '二.(二)7',
  },

  // 三.(二) sanctions
  {
    code: 'san_key_supervision', kind: 'sanction', title: '列为重点监管对象',
    content: '将严重失信主体列为重点监管对象，依法提高抽查比例和检查频次。',
    legalBasis: `${G33}；${G35}；${AMR44}`, implementingDepartmentCode: 'amr', listTypeCodes: BLACK_ORG,
    subjectRoles: ['organization'], scenarios: ['routine_inspection'], seedItem: '三.(二)14',
  },
  {
    code: 'san_strict_licensing', kind: 'sanction', title: '从严审核行政许可审批项目',
    content: '对严重失信主体申请的行政许可审批项目从严审核，从严控制生产许可证发放；不得增设法律法规规定以外的条件。',
    legalBasis: `${G33}；${AMR44}`, implementingDepartmentCode: 'approval', listTypeCodes: BLACK_ORG,
    subjectRoles: ['organization'], scenarios: ['administrative_licensing'], seedItem: '三.(二)14',
  },
  {
    code: 'san_no_commitment', kind: 'sanction', title: '不适用告知承诺制和容缺受理',
    content: '严重失信主体在名单期限内申请行政许可的，不适用告知承诺制和容缺受理，按一般程序提交全部材料。',
    legalBasis: `${G33}；${AMR44}`, implementingDepartmentCode: 'approval', listTypeCodes: BLACK_ALL,
    subjectRoles: ['organization', 'person'], scenarios: ['administrative_licensing'], seedItem: '三.(二)14',
  },
  {
    code: 'san_project_approval', kind: 'sanction', title: '限制新增项目审批、核准',
    content: '对严重失信企业新增投资项目的审批、核准依法从严审查或者予以限制。',
    legalBasis: `${G33}；《企业投资项目核准和备案管理条例》（国务院令第673号）`, implementingDepartmentCode: 'ndrc',
    listTypeCodes: BLACK_MARKET, subjectRoles: ['organization'], scenarios: ['administrative_licensing'], seedItem: '三.(二)14',
  },
  {
    code: 'san_financial_institutions', kind: 'sanction', title: '限制发起设立或者参股金融机构及类金融机构',
    content: '限制严重失信主体发起设立或者参股金融机构以及小额贷款公司、融资担保公司、创业投资公司、互联网融资平台等机构。',
    legalBasis: `${G33}；《融资担保公司监督管理条例》（国务院令第683号）`, implementingDepartmentCode: 'fin_office',
    listTypeCodes: ['black_amr', 'black_tax', 'black_wage', 'black_court'],
    subjectRoles: ['organization', 'legalRepresentative', 'principal'], scenarios: ['market_access'], seedItem: '三.(二)14',
  },
  {
    code: 'san_fiscal_funds', kind: 'sanction', title: '严格限制申请财政性资金项目',
    content: '严格限制严重失信主体申请财政性资金项目和政府资金支持。',
    legalBasis: `${G33}；${WAGE}；《企业信息公示暂行条例》`, implementingDepartmentCode: 'finance', listTypeCodes: BLACK_ORG,
    subjectRoles: ['organization'], scenarios: ['fiscal_funds'], seedItem: '三.(二)14',
  },
  {
    code: 'san_public_trading', kind: 'sanction', title: '限制参与公共资源交易活动',
    content: '在工程招投标、政府采购、土地出让等公共资源交易活动中，依法对严重失信主体予以限制，并在交易文件中载明。',
    legalBasis: `${G33}；《中华人民共和国政府采购法》；《中华人民共和国招标投标法实施条例》；${WAGE}`,
    implementingDepartmentCode: 'prtc', listTypeCodes: BLACK_MARKET,
    subjectRoles: ['organization'], scenarios: ['public_resource_trading'], seedItem: '三.(二)14',
  },
  {
    code: 'san_procurement_ban', kind: 'sanction', title: '禁止参加政府采购活动',
    content: '在处罚决定确定的一至三年期限内，禁止供应商参加政府采购活动。',
    legalBasis: '《中华人民共和国政府采购法》；《中华人民共和国政府采购法实施条例》', implementingDepartmentCode: 'finance',
    listTypeCodes: ['black_procurement'], subjectRoles: ['organization'], scenarios: ['public_resource_trading'], seedItem: '三.(二)14',
  },
  {
    code: 'san_concessions', kind: 'sanction', title: '限制参与基础设施和公用事业特许经营',
    content: '在特许经营者选择中，依法限制严重失信主体参与基础设施和公用事业特许经营。',
    legalBasis: `${G33}；《基础设施和公用事业特许经营管理办法》`, implementingDepartmentCode: 'ndrc', listTypeCodes: BLACK_MARKET,
    subjectRoles: ['organization'], scenarios: ['public_resource_trading', 'market_access'], seedItem: '三.(二)14',
  },
  {
    code: 'san_market_ban', kind: 'sanction', title: '市场和行业禁入',
    content: '依照法律、行政法规对严重失信企业及其法定代表人、主要负责人和对失信行为负有直接责任的人员实施市场禁入，例如：个人因所负数额较大债务到期未清偿' +
      '被列为失信被执行人的，不得担任公司董事、监事、高级管理人员；对因违法被吊销营业执照并负有个人责任的法定代表人，依法限制任职。仅在法律、行政法规有明确规定时适用。',
    legalBasis: `${G33}；《中华人民共和国公司法》（2023年修订）；${WAGE}`, implementingDepartmentCode: 'amr',
    listTypeCodes: ['black_court', 'black_amr', 'black_wage'],
    subjectRoles: ['organization', ...HEADS, 'person'], scenarios: ['market_access'], seedItem: '三.(二)14',
  },
  {
    code: 'san_safety_principal_ban', kind: 'sanction', title: '限制担任生产经营单位主要负责人',
    content: '对生产安全事故负有责任的主要负责人，依照安全生产法规定在相应年限内或者终身不得担任（本行业）生产经营单位的主要负责人。',
    legalBasis: '《中华人民共和国安全生产法》', implementingDepartmentCode: 'emergency', listTypeCodes: ['black_safety'],
    subjectRoles: ['principal', 'responsiblePerson'], scenarios: ['market_access'], seedItem: '三.(二)14',
  },
  {
    code: 'san_construction_practitioner_ban', kind: 'sanction', title: '工程建设领域注册执业人员行业禁入',
    content: '对失信行为负有直接责任的注册执业人员，依法责令停止执业、吊销执业资格证书或者在规定年限内不予注册；对失信企业资质申请从严审核。',
    legalBasis: `${G33}；《建设工程安全生产管理条例》（国务院令第393号）；${WAGE}`, implementingDepartmentCode: 'housing',
    listTypeCodes: ['black_safety', 'black_wage'], subjectRoles: ['organization', 'responsiblePerson'],
    scenarios: ['market_access', 'administrative_licensing'], seedItem: '三.(二)14',
  },
  {
    code: 'san_honours', kind: 'sanction', title: '撤销荣誉称号、取消评先评优资格',
    content: '及时撤销严重失信企业及其法定代表人、负责人、高级管理人员和对失信行为负有直接责任的董事、股东等人员的荣誉称号，取消参加评先评优资格。',
    legalBasis: `${G33}；${AMR44}；${WAGE}`, implementingDepartmentCode: 'hrss', listTypeCodes: BLACK_ALL,
    subjectRoles: ['organization', ...HEADS, 'person'], scenarios: ['honours', 'commendation'], seedItem: '三.(二)14',
  },
  {
    code: 'san_high_consumption', kind: 'sanction', title: '限制高消费及有关消费',
    content: '被执行人为自然人的，不得乘坐飞机、列车软卧、轮船二等以上舱位，不得乘坐G字头动车组列车全部座位和其他动车组列车一等以上座位，' +
      '不得在星级以上宾馆、酒店等场所进行高消费，不得购买不动产或者新建、扩建、高档装修房屋，不得旅游、度假等；被执行人为单位的，' +
      '其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人不得实施上述行为。',
    legalBasis: '《中华人民共和国民事诉讼法》；《最高人民法院关于限制被执行人高消费及有关消费的若干规定》',
    implementingDepartmentCode: 'court', listTypeCodes: ['black_court'],
    subjectRoles: ['person', ...HEADS], scenarios: ['consumption'], seedItem: '三.(二)15',
  },
  {
    code: 'san_exit_restriction', kind: 'sanction', title: '限制出境',
    content: '对有履行能力而拒不履行的失信被执行人，由执行法院依法决定限制出境，并通知出入境管理部门协助执行。',
    legalBasis: '《中华人民共和国民事诉讼法》', implementingDepartmentCode: 'court', listTypeCodes: ['black_court'],
    subjectRoles: ['person', ...HEADS], scenarios: ['exit_entry'], seedItem: '三.(二)15',
  },
  {
    code: 'san_public_disclosure', kind: 'sanction', title: '以统一社会信用代码为索引依法公开披露',
    content: '以统一社会信用代码为索引，在名单类型的公开范围内及时公开披露严重失信信息，便于市场识别和防范信用风险；自然人身份号码一律脱敏。',
    legalBasis: `${G33}；${G49}`, implementingDepartmentCode: 'credit_office', listTypeCodes: BLACK_PUBLIC,
    subjectRoles: ['organization', 'person'], scenarios: ['publicity'], seedItem: '三.(二)15',
  },
  {
    code: 'san_credit_report_pricing', kind: 'sanction', title: '纳入信用记录并提示金融机构风险定价',
    content: '支持征信机构依法采集严重失信信息，纳入信用记录和信用报告；引导金融机构按照风险定价原则，对严重失信主体提高贷款利率和财产保险费率，' +
      '或者限制提供贷款、保荐、承销、保险等服务（由金融机构依法自主决定）。',
    legalBasis: `${G33}；《征信业管理条例》（国务院令第631号）`, implementingDepartmentCode: 'fin_office', listTypeCodes: BLACK_ORG,
    subjectRoles: ['organization', 'person'], scenarios: ['financing'], seedItem: '三.(二)15',
  },
  {
    code: 'san_industry_discipline', kind: 'sanction', title: '行业协会商会自律惩戒',
    content: '引导行业协会商会将严重失信行为记入会员信用档案，按照章程和行规、行约，视情节轻重对失信会员实行警告、行业内通报批评、公开谴责、不予接纳、劝退等措施。',
    legalBasis: `${G33}；《社会团体登记管理条例》`, implementingDepartmentCode: 'civil', listTypeCodes: BLACK_ORG,
    subjectRoles: ['organization'], scenarios: ['industry_self_regulation'], seedItem: '三.(二)16',
  },
  {
    code: 'san_media_exposure', kind: 'sanction', title: '依法曝光失信案件和社会监督',
    content: '通过报刊、广播、电视、网络等媒体依法曝光社会影响恶劣、情节严重的失信案件；受理公众举报，举报人信息严格保密。',
    legalBasis: G33, implementingDepartmentCode: 'civilization', listTypeCodes: BLACK_PUBLIC,
    subjectRoles: ['organization'], scenarios: ['social_supervision', 'publicity'], seedItem: '三.(二)17',
  },
  {
    code: 'san_public_interest_litigation', kind: 'sanction', title: '支持社会组织提起公益诉讼',
    content: '支持符合条件的社会组织依法对污染环境、侵害消费者或者公众投资者合法权益等群体性侵权行为提起公益诉讼，并提供信用信息支持。',
    legalBasis: `${G33}；《中华人民共和国环境保护法》；《中华人民共和国消费者权益保护法》；《中华人民共和国民事诉讼法》`,
    implementingDepartmentCode: 'eco', listTypeCodes: ['black_env', 'black_amr'],
    subjectRoles: ['organization'], scenarios: ['social_supervision'], seedItem: '三.(二)17',
  },
  {
    code: 'san_military_service_refusal', kind: 'sanction', title: '拒服兵役的法定惩戒',
    content: '不得录用为公务员或者参照公务员法管理的工作人员，不得招录、聘用为国有企业和事业单位工作人员，两年内不准出境或者升学复学。',
    legalBasis: '《中华人民共和国兵役法》（2021年修订）', implementingDepartmentCode: 'military', listTypeCodes: ['black_defence'],
    subjectRoles: ['person'], scenarios: ['employment', 'exit_entry'], seedItem: '三.(二)18',
  },
  {
    code: 'san_tax_grade_d', kind: 'sanction', title: '纳税缴费信用直接判为D级',
    content: '重大税收违法失信主体的纳税缴费信用级别直接判为D级，适用D级纳税人管理措施（如发票领用从严、提高检查频次等），以现行办法为准。',
    legalBasis: '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）；《纳税缴费信用管理办法》', implementingDepartmentCode: 'tax',
    listTypeCodes: ['black_tax'], subjectRoles: ['organization'], scenarios: ['public_services', 'routine_inspection'],
    seedItem: '三.(二)18',
  },
];
