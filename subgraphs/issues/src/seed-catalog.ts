// What the demo ledger's problems are: each kind of problem with its category, the words its
// title and description use, the departments that handle it (by the words in their names, most
// fitting first) and what the handling unit reports back. The weights skew the ledger the way
// real ones lean (seed 003, 001: roads and water, then social security, lead).
import type { IssueCategory, IssueKind, Urgency } from './entities';

/** What the problem is about: a household, the village or community, an enterprise, a key project. */
export type ProblemSubject = 'household' | 'place' | 'enterprise' | 'project';

export interface ProblemKind {
  category: IssueCategory;
  kind: IssueKind;
  subject: ProblemSubject;
  /** Relative frequency in the ledger. */
  weight: number;
  title: string;
  /** What residents said, after the place's name. */
  details: readonly string[];
  /**
   * Words of the handling departments' names, most fitting first: the first word any department
   * of the district (then of the city) has in its name decides. Each list ends with one of the
   * four departments every demo district has (民政, 工信, 住建, 人社), so there is always one.
   */
  departments: readonly string[];
  /** For joint handling (共同接单): the words of the department that helps, if the problem is one for two. */
  coHandlers?: readonly string[];
  urgencies: readonly Urgency[];
  /** What the department reports when it has solved it (反馈). */
  feedback: string;
  /** Said when solved during the visit that found it (即知即改), for the problems a cadre can fix at the door. */
  fixOnTheSpot?: string;
}

const G: Urgency[] = ['GENERAL', 'GENERAL', 'GENERAL', 'UTILITIES', 'COMPLEX'];
const UTIL: Urgency[] = ['UTILITIES', 'UTILITIES', 'GENERAL', 'EMERGENCY'];
const HARD: Urgency[] = ['COMPLEX', 'COMPLEX', 'GENERAL'];

export const PROBLEM_KINDS: readonly ProblemKind[] = [
  // Roads, bridges, street lights, water: the largest share of every ledger.
  {
    category: 'INFRASTRUCTURE', kind: 'HELP', subject: 'place', weight: 9, title: '村内道路坑洼不平',
    details: ['主街路面多处坑洼，雨天积水，群众出行不便', '通往田间的生产路破损严重，农机难以通行', '村口道路塌陷一处，存在安全隐患'],
    departments: ['交通', '住建', '住房和城乡建设'], coHandlers: ['财政', '自然资源', '农业农村'], urgencies: G,
    feedback: '已对破损路段进行修补硬化，恢复正常通行',
  },
  {
    category: 'INFRASTRUCTURE', kind: 'SUGGESTION', subject: 'place', weight: 3, title: '建议拓宽村际连接路',
    details: ['村际连接路仅容一车通行，错车困难，群众建议拓宽', '学生上学必经的道路狭窄，希望加宽并设置护栏'],
    departments: ['交通', '住建', '住房和城乡建设'], coHandlers: ['自然资源', '财政'], urgencies: HARD,
    feedback: '已列入年度道路改造计划，完成拓宽并设置护栏',
  },
  {
    category: 'INFRASTRUCTURE', kind: 'HELP', subject: 'place', weight: 6, title: '自来水水压不足',
    details: ['高峰时段自来水水压低，楼上住户经常断水', '部分片区自来水时断时续，水质发黄', '供水管道老化漏水，冬季多次冻裂'],
    departments: ['水务', '水利', '住建', '住房和城乡建设'], coHandlers: ['财政'], urgencies: UTIL,
    feedback: '已更换老化供水管道并加装增压设备，供水恢复正常',
  },
  {
    category: 'INFRASTRUCTURE', kind: 'HELP', subject: 'place', weight: 3, title: '雨后积水排不出去',
    details: ['排水沟淤堵，雨后路面和院落积水多日', '汛期低洼片区积水倒灌进户'],
    departments: ['水务', '水利', '住建', '住房和城乡建设'], coHandlers: ['应急'], urgencies: UTIL,
    feedback: '已清淤疏通排水沟并新建排水管网，积水问题解决',
  },
  {
    category: 'INFRASTRUCTURE', kind: 'HELP', subject: 'place', weight: 4, title: '路灯损坏夜间出行不便',
    details: ['主路多盏路灯不亮，夜间出行存在安全隐患', '新建道路未安装路灯，群众晚上不敢出门'],
    departments: ['城市管理', '综合执法', '住建', '住房和城乡建设'], urgencies: G,
    feedback: '已维修更换损坏路灯，夜间照明恢复', fixOnTheSpot: '现场联系电工更换灯泡，路灯已恢复照明',
  },
  {
    category: 'INFRASTRUCTURE', kind: 'HELP', subject: 'place', weight: 2, title: '农田灌溉渠道淤塞',
    details: ['灌溉渠道淤塞，春灌用水困难', '扬水站设备老旧，灌溉用水供不上'],
    departments: ['水利', '水务', '农业农村', '住建'], urgencies: G,
    feedback: '已完成渠道清淤和扬水站设备维修，保障灌溉用水',
  },
  // Social security: pensions, subsistence allowances, medical insurance, old-age subsidies.
  {
    category: 'SOCIAL_SECURITY', kind: 'HELP', subject: 'household', weight: 4, title: '养老金未按时到账',
    details: ['户主反映城乡居民养老金连续两个月未到账', '老人达到领取年龄后养老保险待遇迟迟未核定'],
    departments: ['人社', '人力资源和社会保障'], urgencies: G,
    feedback: '已核实参保信息并补发养老金，告知老人查询方式',
  },
  {
    category: 'SOCIAL_SECURITY', kind: 'HELP', subject: 'household', weight: 4, title: '申请低保办理慢',
    details: ['家中因病致贫，申请低保一个多月没有结果', '户主失去劳动能力，咨询低保申请条件'],
    departments: ['民政'], urgencies: G,
    feedback: '已入户核查，符合条件纳入低保，按月发放保障金',
    fixOnTheSpot: '现场讲解低保政策并帮助填写申请材料，当场提交村委',
  },
  {
    category: 'SOCIAL_SECURITY', kind: 'INQUIRY', subject: 'household', weight: 3, title: '城乡居民医保缴费问题',
    details: ['老人不会使用手机缴纳医保，担心断缴', '外出务工人员医保关系转移接续不清楚'],
    departments: ['医保', '医疗保障', '人社', '人力资源和社会保障'], urgencies: G,
    feedback: '已协助完成医保缴费和关系转移，讲解线上缴费办法',
    fixOnTheSpot: '现场用手机帮助老人完成医保缴费，并教会操作',
  },
  {
    category: 'SOCIAL_SECURITY', kind: 'HELP', subject: 'household', weight: 3, title: '高龄补贴未发放',
    details: ['老人年满八十周岁，高龄补贴至今未发放', '残疾人两项补贴停发，家属不清楚原因'],
    departments: ['民政', '残联'], urgencies: G,
    feedback: '已复核资格并补发高龄补贴',
  },
  // Housing, environment, employment, health, schools, safety.
  {
    category: 'HOUSING', kind: 'HELP', subject: 'household', weight: 3, title: '房屋漏雨需要维修',
    details: ['老旧房屋屋顶漏雨，独居老人无力维修', '危房改造申请已交，迟迟未开工'],
    departments: ['住建', '住房和城乡建设'], coHandlers: ['民政'], urgencies: G,
    feedback: '已纳入危房改造，完成屋顶防水维修',
  },
  {
    category: 'HOUSING', kind: 'COMPLAINT', subject: 'place', weight: 3, title: '老旧小区物业服务差',
    details: ['小区无物业管理，楼道杂物堆积、门禁损坏', '物业收费不公开，群众意见大'],
    departments: ['住建', '住房和城乡建设'], coHandlers: ['城市管理', '综合执法', '民政'], urgencies: G,
    feedback: '已督促物业整改，成立业主委员会，公开收费明细',
  },
  {
    category: 'ENVIRONMENT', kind: 'COMPLAINT', subject: 'place', weight: 5, title: '生活垃圾清运不及时',
    details: ['垃圾桶满溢多日无人清运，气味难闻', '村头空地被倾倒建筑垃圾'],
    departments: ['城市管理', '综合执法', '住建', '农业农村'], urgencies: UTIL,
    feedback: '已清运积存垃圾，增加清运频次并设置警示牌',
    fixOnTheSpot: '现场协调保洁员清运了积存垃圾',
  },
  {
    category: 'ENVIRONMENT', kind: 'REPORT', subject: 'place', weight: 2, title: '河道漂浮物未清理',
    details: ['村边河道漂浮物多，夏季蚊蝇滋生', '沟渠有不明污水排入，水体发黑'],
    departments: ['生态环境', '水利', '水务', '农业农村', '住建'], coHandlers: ['水利', '生态环境', '农业农村'], urgencies: G,
    feedback: '已组织清理河道漂浮物，排查封堵排污口',
  },
  {
    category: 'EMPLOYMENT', kind: 'HELP', subject: 'household', weight: 3, title: '返乡人员求职无门',
    details: ['家中有返乡青年想就近就业，不知道去哪里找岗位', '脱贫户劳动力希望安排公益性岗位'],
    departments: ['人社', '人力资源和社会保障'], urgencies: G,
    feedback: '已推荐至辖区企业就业，纳入就业服务跟踪',
    fixOnTheSpot: '现场推送辖区企业招聘信息并登记求职意向',
  },
  {
    category: 'EMPLOYMENT', kind: 'COMPLAINT', subject: 'household', weight: 2, title: '务工工资被拖欠',
    details: ['在建筑工地务工，工资被拖欠三个月', '家人在外务工被拖欠工资，求助讨薪'],
    departments: ['人社', '人力资源和社会保障'], coHandlers: ['住建', '住房和城乡建设'], urgencies: G,
    feedback: '已约谈施工单位，拖欠工资全部结清',
  },
  {
    category: 'MEDICAL', kind: 'HELP', subject: 'place', weight: 2, title: '村卫生室缺少常用药',
    details: ['村卫生室常用慢性病药品经常缺货', '村医年龄大，卫生室只上半天班'],
    departments: ['卫生健康', '卫生', '民政'], urgencies: G,
    feedback: '已补齐常用药品目录，安排乡镇卫生院医生定期坐诊',
  },
  {
    category: 'MEDICAL', kind: 'INQUIRY', subject: 'household', weight: 2, title: '家庭医生签约未落实',
    details: ['家中有慢性病老人，签约后家庭医生从未上门', '失能老人需要上门诊疗服务'],
    departments: ['卫生健康', '卫生', '民政'], urgencies: G,
    feedback: '已安排家庭医生上门随访，建立健康档案',
  },
  {
    category: 'EDUCATION', kind: 'HELP', subject: 'place', weight: 2, title: '学生上学接送不便',
    details: ['村里撤点后孩子上学路远，没有校车', '学校门口上下学时段交通拥堵'],
    departments: ['教育', '交通', '民政'], coHandlers: ['交通', '公安'], urgencies: G,
    feedback: '已开通校车线路，上下学时段安排护学岗',
  },
  {
    category: 'EDUCATION', kind: 'SUGGESTION', subject: 'place', weight: 1, title: '学前教育学位紧张',
    details: ['新建小区入住后幼儿园学位不够', '群众希望开办普惠性幼儿园'],
    departments: ['教育', '民政'], urgencies: HARD,
    feedback: '已协调新增普惠性幼儿园班级，满足入园需求',
  },
  {
    category: 'SAFETY', kind: 'REPORT', subject: 'place', weight: 2, title: '燃气管道老化存在隐患',
    details: ['老旧小区燃气管道锈蚀，有时能闻到气味', '沿街商户违规使用液化气罐'],
    departments: ['住建', '住房和城乡建设', '应急'], coHandlers: ['应急', '市场监管'], urgencies: UTIL,
    feedback: '已更换老化燃气管道，开展商户用气安全检查',
  },
  {
    category: 'SAFETY', kind: 'REPORT', subject: 'place', weight: 2, title: '电动车楼道充电隐患',
    details: ['居民在楼道内给电动车充电，消防通道被占用', '小区没有集中充电桩，飞线充电普遍'],
    departments: ['应急', '住建', '住房和城乡建设'], urgencies: G,
    feedback: '已建设集中充电车棚，清理楼道堆放',
    fixOnTheSpot: '现场劝导居民将电动车移出楼道，清理了消防通道',
  },
  // Enterprises and key projects (评环境评服务, 一对一包联).
  {
    category: 'ENTERPRISE_SERVICE', kind: 'HELP', subject: 'enterprise', weight: 3, title: '企业用地手续办理慢',
    details: ['扩建项目用地预审材料已报，审批进度慢', '厂区土地证办理遇到历史遗留问题'],
    departments: ['自然资源', '工信', '工业和信息化'], coHandlers: ['发展和改革', '发改', '工信'], urgencies: HARD,
    feedback: '已召开专题会明确办理路径，完成用地手续',
  },
  {
    category: 'ENTERPRISE_SERVICE', kind: 'HELP', subject: 'enterprise', weight: 2, title: '企业融资需求对接',
    details: ['企业扩大生产需要流动资金贷款', '企业申请技改补贴不清楚条件'],
    departments: ['财政', '工信', '工业和信息化'], urgencies: G,
    feedback: '已组织银企对接，企业获得授信并申报补贴',
  },
  {
    category: 'ENTERPRISE_SERVICE', kind: 'HELP', subject: 'enterprise', weight: 2, title: '企业用工招聘困难',
    details: ['企业缺少技术工人，招聘困难', '订单增加急需普工，招工难'],
    departments: ['人社', '人力资源和社会保障', '工信'], urgencies: G,
    feedback: '已举办专场招聘会，帮助企业招到所需人员',
  },
  {
    category: 'PROJECT_CONSTRUCTION', kind: 'HELP', subject: 'project', weight: 2, title: '项目施工用电接入慢',
    details: ['项目临时用电申请后迟迟未接入，影响施工进度', '项目专线电力增容审批慢'],
    departments: ['发展和改革', '发改', '工信', '工业和信息化'], coHandlers: ['住建', '住房和城乡建设'], urgencies: HARD,
    feedback: '已协调供电部门完成专线接入，项目恢复施工',
  },
  {
    category: 'PROJECT_CONSTRUCTION', kind: 'HELP', subject: 'project', weight: 2, title: '项目审批手续待办',
    details: ['项目施工许可材料已报，等待审批', '项目环评批复办理进度慢'],
    departments: ['行政审批', '政务服务', '住建', '住房和城乡建设'], coHandlers: ['自然资源', '生态环境'], urgencies: HARD,
    feedback: '已开辟绿色通道，完成项目审批手续',
  },
  // Everything else a visit hears.
  {
    category: 'OTHER', kind: 'HELP', subject: 'place', weight: 2, title: '邻里宅基地纠纷',
    details: ['两户因宅基地边界发生纠纷，多次调解未果', '邻里因排水问题产生矛盾'],
    departments: ['司法', '信访', '民政'], urgencies: G,
    feedback: '已组织调解达成协议，双方签字确认',
  },
  {
    category: 'OTHER', kind: 'SUGGESTION', subject: 'place', weight: 2, title: '建议增设便民服务点',
    details: ['群众办事要跑到镇上，建议村里设代办点', '老人多，希望建设老年人日间照料中心'],
    departments: ['政务服务', '民政'], urgencies: HARD,
    feedback: '已设立便民代办点，常用事项就近办理',
  },
];

/** Why an issue is turned away (驳回): not the ledger's business, or already settled. */
export const REJECT_REASONS = [
  '经核实属于民事纠纷，已告知群众通过法律途径解决',
  '经核实不属于本级职责范围，已告知群众向有关单位反映',
  '与已登记问题重复，已合并办理',
];

/** A resident's word when the result does not satisfy or does not solve it. */
export const REOPEN_COMMENTS: Record<string, string> = {
  'DISSATISFIED,true': '问题解决了，但办理拖了太久，没人回个话',
  'BASICALLY_SATISFIED,false': '态度很好，但问题还没有彻底解决',
  'DISSATISFIED,false': '问题依然存在，希望再来看看',
};

/** The 四单 method's demands (群众点单): what residents order for their village or community. */
export const DEMAND_KINDS: ReadonlyArray<{ title: string; description: string; departments: readonly string[]; result: string }> = [
  { title: '建设老年食堂', description: '村里老人多，子女外出，希望建一个老年助餐点', departments: ['民政'], result: '老年助餐点已建成，每日供应午餐' },
  { title: '增设健身器材', description: '文化广场健身器材少且老化，群众希望增设', departments: ['教育和体育', '体育', '民政'], result: '已新增健身器材十二件并完成安装' },
  { title: '开设四点半课堂', description: '双职工家庭孩子放学后无人照看，希望开设四点半课堂', departments: ['教育', '民政'], result: '四点半课堂已开课，志愿者每日辅导' },
  { title: '修建村内文化广场', description: '村里缺少活动场地，群众希望修建文化广场', departments: ['住建', '住房和城乡建设'], result: '文化广场已建成并投入使用' },
  { title: '安装小区监控', description: '小区进出人员杂，电动车被盗多起，希望安装监控', departments: ['公安', '住建', '住房和城乡建设'], result: '已安装监控探头二十个，接入社区平台' },
  { title: '开展技能培训', description: '群众希望学习电商和家政技能，增加收入', departments: ['人社', '人力资源和社会保障'], result: '已举办两期技能培训，八十余人结业' },
];
