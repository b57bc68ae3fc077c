/**
 * Word pools for the demo districts. The first district borrows Meihekou's (梅河口) street names;
 * communities, roads, compounds and companies are plausible, not a map of the real city.
 */

/** A pool written as words separated by spaces and line breaks. */
function words(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** County-level cities and counties of the north-east; beyond the list a number tells them apart. */
export const DISTRICT_NAMES: readonly string[] = words(`
  梅河口市 集安市 通化县 辉南县 柳河县 临江市 抚松县 靖宇县 长白县 磐石市 蛟河市 桦甸市 舒兰市
  永吉县 公主岭市 梨树县 伊通县 双辽市 东丰县 东辽县 洮南市 大安市 镇赉县 通榆县 扶余市 乾安县
  长岭县 敦化市 珲春市 龙井市 和龙市 汪清县 安图县 榆树市 德惠市 农安县 海城市 开原市 西丰县
  昌图县 清原县 新宾县 桓仁县 宽甸县 凤城市 东港市 庄河市 瓦房店市 尚志市 五常市
`);

/** Meihekou's five streets (街道). */
export const MEIHEKOU_STREETS: readonly string[] = words('新华街道 和平街道 广场街道 解放街道 福民街道');

export const STREET_NAMES: readonly string[] = [
  ...MEIHEKOU_STREETS,
  ...words(`
  建设街道 胜利街道 城南街道 城北街道 站前街道 东城街道 西城街道 向阳街道
  长安街道 民主街道 团结街道 光明街道 兴华街道 振兴街道 龙泉街道
`),
];

export const COMMUNITY_NAMES: readonly string[] = words(`
  双兴社区 站前社区 胜利社区 龙泉社区 向阳社区 沿河社区 新兴社区 光明社区 东昌社区 北山社区
  繁荣社区 英华社区 民主社区 团结社区 长青社区 育新社区 红旗社区 友谊社区 东兴社区 西苑社区
  南山社区 春光社区 翠园社区 文化社区 工农社区 铁北社区 河东社区 永安社区 康乐社区 和顺社区
  安居社区 花园社区 建华社区 兴隆社区 太平社区 朝阳社区
`);

export const ROAD_NAMES: readonly string[] = words(`
  人民大街 解放大街 新华大街 和平大街 建设大街 银河大街 海龙大街 光明路 胜利路 长青路 龙泉路
  英华路 民主路 团结路 福民路 向阳路 站前路 沿河路 东兴路 北山路 文化路 育新路 繁荣路 工农路
  华阳路 红旗路 友谊路 春光路 翠园路 铁北路 河东路 永安路 康乐路 和顺路 兴隆路 太平路 朝阳路
  滨河路 青年路 迎宾路
`);

/** First parts of compound (小区) names. */
export const COMPOUND_STEMS: readonly string[] = words(`
  阳光 锦绣 幸福 和谐 金色 翠湖 名都 华府 盛世 东方 怡景 富丽 康乐 安居 丽景 碧水 天泽
  紫荆 丰泽 新城 御景 金桥 银河 松鹤 春晓 秀水 瑞祥 滨江 书香 桂园 梧桐 枫林 兰亭 水岸
  学府 世纪 明珠 雅居 景泰 香榭 绿洲 嘉园 龙湾 凤鸣 福源 宏远 泰和 润园 清华 江南 北苑
  南湖 西城 东郡 馨苑 柳岸
`);

/** Older compounds without a property company are often a work unit's former housing. */
export const WORK_UNITS: readonly string[] = words(`
  粮食局 纺织厂 机械厂 供销社 木材公司 铁路 造纸厂 酒厂 水泥厂 电业局 邮电局 建筑公司 食品厂
  农机厂 医药公司 物资局 交通局 百货公司 印刷厂 砖厂
`);

/** Brand words for companies (物业, 非公企业). */
export const BRAND_WORDS: readonly string[] = words(`
  鑫源 恒通 盛世 宏达 嘉和 瑞丰 鼎盛 安泰 康宁 福泰 隆盛 润泽 德馨 金阳 万家 祥和 永安
  泰和 兴业 怡家 佳和 宜居 金鼎 银泰 华宇 中天 长城 北方 东盛 海龙 天成 富源 宏基 鸿运
  聚福 同心 锦华 新宇 众诚 博远 立信 诚信 家和 百顺 乐居 睿达 晟世 丰华 亿安 合众
`);

export const ENTERPRISE_TRADES: readonly string[] = words(`
  商贸 建筑工程 食品 医药连锁 物流 科技 农业发展 餐饮管理 汽车销售 药业 粮油 家政服务 装饰工程
  电子商务
`);

/** 县直单位 and stationed units (驻区单位); the district's name goes in front. */
export const UNIT_NAMES: readonly string[] = words(`
  住建局 民政局 人社局 卫健局 教育局 公安局 司法局 财政局 税务局 市场监管局 自然资源局
  生态环境局 交通运输局 水利局 农业农村局 商务局 文广旅局 应急管理局 医保局 城管执法局
  退役军人事务局 统计局 审计局 信访局 发改局 工信局 林业局 粮食局 消防救援大队 供电公司
  自来水公司 燃气公司 中心医院 融媒体中心 机关事务服务中心 邮政分公司 移动分公司 联通分公司
  电信分公司 农商银行
`);

export const SOCIAL_ORGANIZATION_NAMES: readonly string[] = words(`
  社会工作服务中心 老年人协会 志愿者协会 心理健康服务中心 人民调解协会 慈善会
`);

/** 群团组织; the names put the district in different places, hence the functions. */
export const MASS_ORGANIZATION_NAMES: readonly ((district: string) => string)[] = [
  (d) => `${d}妇女联合会`,
  (d) => `共青团${d}委员会`,
  (d) => `${d}总工会`,
  (d) => `${d}残疾人联合会`,
  (d) => `${d}工商业联合会`,
  (d) => `${d}红十字会`,
];

export const CHINESE_NUMERALS: readonly string[] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function chineseNumeral(n: number): string {
  if (n <= 10) return CHINESE_NUMERALS[n];
  if (n < 20) return `十${CHINESE_NUMERALS[n - 10]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CHINESE_NUMERALS[tens]}十${ones === 0 ? '' : CHINESE_NUMERALS[ones]}`;
}
