// Legal bases and list-type groups that both the list-type and the measure seeds cite.

export const G33 =
  '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';
export const G35 =
  '《国务院办公厅关于加快推进社会信用体系建设构建以信用为基础的新型监管机制的指导意见》（国办发〔2019〕35号）';
export const G49 = '《国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见》（国办发〔2020〕49号）';
export const G52 = '《加强信用信息共享应用促进中小微企业融资实施方案》（国办发〔2021〕52号）';
export const AMR44 = '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）';
export const WAGE = '《保障农民工工资支付条例》（国务院令第724号）';
export const OPTIMIZE = '《优化营商环境条例》（国务院令第722号）';

// List groups used by measures.
export const RED_ALL = [
  'red_tax_a',
  'red_labor_a',
  'red_env_good',
  'red_moral_model',
  'red_youth_volunteer',
  'red_association_member',
  'red_media_found',
  'red_rule_based',
];
export const RED_PUBLIC = RED_ALL.filter((code) => code !== 'red_rule_based');
export const RED_ORG_PUBLIC = ['red_tax_a', 'red_labor_a', 'red_env_good', 'red_association_member', 'red_media_found'];
export const RED_ORG = [...RED_ORG_PUBLIC, 'red_rule_based'];
export const RED_EVALUATED = ['red_tax_a', 'red_labor_a', 'red_env_good', 'red_rule_based'];
export const RED_PERSON = ['red_moral_model', 'red_youth_volunteer', 'red_media_found'];
