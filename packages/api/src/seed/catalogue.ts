/**
 * The service catalogue every station picks from (Meihekou's stations list 40+ services).
 * Codes are stable: portals and exports refer to them.
 */
export interface CatalogueEntry {
  code: string;
  name: string;
  nameEn: string;
  category: string;
}

export const SERVICE_CATALOGUE: readonly CatalogueEntry[] = [
  { code: 'errand-proxy', name: '帮办代办', nameEn: 'Errands done on your behalf', category: 'government' },
  { code: 'policy-advice', name: '政策咨询', nameEn: 'Policy advice', category: 'government' },
  { code: 'social-security', name: '社保医保办理', nameEn: 'Social and medical insurance', category: 'government' },
  { code: 'household-registration', name: '户籍证明代办', nameEn: 'Household registration papers', category: 'government' },
  { code: 'subsistence-allowance', name: '低保救助申请', nameEn: 'Subsistence allowance applications', category: 'government' },
  { code: 'disability-certificate', name: '残疾人证办理', nameEn: 'Disability certificates', category: 'government' },
  { code: 'veterans-service', name: '退役军人服务', nameEn: 'Services for veterans', category: 'government' },
  { code: 'party-member-service', name: '党员服务', nameEn: 'Party member services', category: 'government' },
  { code: 'employment-guidance', name: '就业指导', nameEn: 'Employment guidance', category: 'employment' },
  { code: 'skills-training', name: '技能培训', nameEn: 'Skills training', category: 'employment' },
  { code: 'job-postings', name: '招聘信息发布', nameEn: 'Job postings', category: 'employment' },
  { code: 'meal-assistance', name: '助餐服务', nameEn: 'Meals for older residents', category: 'elderly' },
  { code: 'elderly-care', name: '养老服务', nameEn: 'Care for older residents', category: 'elderly' },
  { code: 'day-care-elderly', name: '日间照料', nameEn: 'Day care for older residents', category: 'elderly' },
  { code: 'home-visits', name: '入户探访', nameEn: 'Home visits', category: 'elderly' },
  { code: 'bathing-assistance', name: '助浴服务', nameEn: 'Bathing assistance', category: 'elderly' },
  { code: 'emergency-call', name: '一键呼叫', nameEn: 'One-button emergency call', category: 'elderly' },
  { code: 'child-care', name: '儿童托管', nameEn: 'After-school child care', category: 'family' },
  { code: 'homework-help', name: '四点半课堂', nameEn: 'Homework club', category: 'family' },
  { code: 'women-children', name: '妇女儿童之家', nameEn: "Women's and children's home", category: 'family' },
  { code: 'family-education', name: '家庭教育指导', nameEn: 'Parenting guidance', category: 'family' },
  { code: 'dispute-mediation', name: '矛盾调解', nameEn: 'Dispute mediation', category: 'legal' },
  { code: 'legal-aid', name: '法律援助', nameEn: 'Legal aid', category: 'legal' },
  { code: 'legal-advice', name: '法律咨询', nameEn: 'Legal advice', category: 'legal' },
  { code: 'petition-reception', name: '信访接待', nameEn: 'Petitions and complaints', category: 'legal' },
  { code: 'anti-fraud', name: '反诈宣传', nameEn: 'Fraud prevention', category: 'safety' },
  { code: 'police-service', name: '警务服务', nameEn: 'Community police desk', category: 'safety' },
  { code: 'fire-safety', name: '消防安全宣传', nameEn: 'Fire safety', category: 'safety' },
  { code: 'health-checks', name: '医疗健康', nameEn: 'Health checks', category: 'health' },
  { code: 'family-doctor', name: '家庭医生签约', nameEn: 'Family doctor sign-up', category: 'health' },
  { code: 'psychological-support', name: '心理疏导', nameEn: 'Psychological support', category: 'health' },
  { code: 'rehabilitation', name: '康复辅具租借', nameEn: 'Rehabilitation aids on loan', category: 'health' },
  { code: 'culture-sports', name: '文体活动', nameEn: 'Culture and sports', category: 'culture' },
  { code: 'reading-room', name: '阅览室', nameEn: 'Reading room', category: 'culture' },
  { code: 'senior-university', name: '老年大学', nameEn: 'University for older residents', category: 'culture' },
  { code: 'volunteer-service', name: '志愿服务', nameEn: 'Volunteering', category: 'community' },
  { code: 'micro-wishes', name: '微心愿认领', nameEn: 'Micro-wishes', category: 'community' },
  { code: 'property-complaints', name: '物业投诉受理', nameEn: 'Property management complaints', category: 'community' },
  { code: 'shared-tools', name: '共享工具箱', nameEn: 'Shared tool box', category: 'convenience' },
  { code: 'repairs', name: '便民维修', nameEn: 'Small repairs', category: 'convenience' },
  { code: 'haircuts', name: '爱心理发', nameEn: 'Free haircuts', category: 'convenience' },
  { code: 'parcel-lockers', name: '快递代收', nameEn: 'Parcel collection', category: 'convenience' },
  { code: 'rest-stop', name: '户外劳动者驿站', nameEn: 'Rest stop for outdoor workers', category: 'convenience' },
];

/** Offered by every station: the errands and the advice desk are what a station is for. */
export const CORE_SERVICE_CODES: readonly string[] = ['errand-proxy', 'policy-advice'];
