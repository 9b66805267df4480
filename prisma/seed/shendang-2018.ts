/**
 * Demo plan: Shendang town (沈荡镇) 2018 "ten campaigns" (十大战役), measured against 2017.
 *
 * Facts taken from /work/shared/domain/shendang-2018.md are exact: the plan title, goals and
 * rules, the ten campaign names, and the 15 baseline figures with baselineIsSample: false
 * (names, values, units and year-on-year notes as stated in the source).
 *
 * SAMPLE DATA: every target, every owner/user/department assignment, every task and date,
 * every description detail not stated in the source, and every baseline flagged
 * baselineIsSample: true is invented sample data. The UI must mark all of it as sample data.
 * The people are fictitious, not real officials.
 *
 * Pure data: no imports. Consumed by the seed script.
 */

export type Direction = "HIGHER_BETTER" | "LOWER_BETTER";
/** CUMULATIVE: a year-to-date total whose monthly trajectory climbs from 0 to the target; LEVEL: a standing figure (a rate, a count in place) whose trajectory moves from the baseline to the target */
export type Accumulation = "CUMULATIVE" | "LEVEL";

export interface IndicatorSeed {
  key: string;
  name: string;
  nameEn: string;
  unit: string;
  baseline: string;
  baselineIsSample: boolean;
  baselineNote?: string;
  target: string;
  direction: Direction;
  accumulation: Accumulation;
  dataSource: string;
  campaignNumber: number | null;
}

export interface TaskSeed {
  key: string;
  title: string;
  ownerKey: string;
  start: string;
  due: string;
  weight: number;
  children?: Omit<TaskSeed, "children">[];
}

export interface CampaignSeed {
  number: number;
  name: string;
  nameEn: string;
  description: string;
  leadingOfficialKey: string;
  leadDepartment: string;
  cooperatingDepartments: string[];
  leadUserKeys: string[];
  start: string;
  end: string;
  tasks: TaskSeed[];
}

export interface UserSeed {
  key: string;
  username: string;
  name: string;
  role: "admin" | "leader" | "lead" | "staff" | "viewer";
  title: string;
  department?: string;
  /** 主要领导: reviews every campaign's report, besides each campaign's 分管领导. */
  principal?: boolean;
}

export interface PlanSeed {
  year: 2018;
  baselineYear: 2017;
  title: string;
  titleEn: string;
  summary: string;
  goals: string[];
  rules: string[];
}

// ---------------------------------------------------------------------------
// Plan (facts from the source)
// ---------------------------------------------------------------------------

export const PLAN: PlanSeed = {
  year: 2018,
  baselineYear: 2017,
  title: "2018年十大战役",
  titleEn: "2018 Ten Campaigns",
  summary:
    "沈荡镇以2017年为基数，2018年以“十大战役”推进全年工作，总目标为“千亩空间、百亿平台、十亿企业”。" +
    "2017年全镇完成工业总产值56.58亿元，同比增长17.49%；规上工业产值42.21亿元，同比增长25.76%。" +
    "2018年坚持“以亩产论英雄”，精准招商，开展“四无”企业(作坊)百日整治，建设两创中心。",
  goals: [
    "千亩空间、百亿平台、十亿企业",
    "以亩产论英雄：项目以亩均投入、亩均销售、亩均税收为主要指标",
    "精准招商聚焦汽车零部件、整体家居、高端装备制造、新材料、新能源产业，探索资本链招商",
    "建设两创中心和科技孵化器，服务小微企业",
    "开展“四无”企业(作坊)百日整治",
  ],
  rules: [
    "“四无”企业(作坊)百日整治按照“关停淘汰一批、整合入园一批、规范提升一批”分类处置",
    "一把手亲自抓，分管负责人全力抓",
    "责任到人",
    "倒排项目实施计划表",
    "等不起、慢不得、坐不住",
  ],
};

// ---------------------------------------------------------------------------
// Departments and users (sample)
// ---------------------------------------------------------------------------

export const DEPARTMENTS: string[] = [
  "党政办",
  "经济发展办",
  "综治办",
  "行政服务中心",
  "农业农村办",
  "村镇建设办",
  "环保所",
  "招商服务中心",
  "征迁办",
  "市场监管所",
  "派出所",
  "财政所",
  "安监所",
  "综合执法中队",
];

export const USERS: UserSeed[] = [
  { key: "admin", username: "admin", name: "系统管理员", role: "admin", title: "系统管理员", department: "党政办" },
  { key: "staff", username: "staff", name: "王芳", role: "staff", title: "党政办干事", department: "党政办" },
  { key: "leader", username: "leader", name: "张伟", role: "leader", title: "镇党委书记", department: "党政办", principal: true },
  { key: "leader2", username: "leader2", name: "李强", role: "leader", title: "副镇长", department: "党政办" },
  { key: "leader3", username: "leader3", name: "刘洋", role: "leader", title: "副镇长", department: "党政办" },
  { key: "lead1", username: "lead1", name: "陈静", role: "lead", title: "综治办主任", department: "综治办" },
  { key: "lead2", username: "lead2", name: "杨勇", role: "lead", title: "行政服务中心主任", department: "行政服务中心" },
  { key: "lead3", username: "lead3", name: "赵敏", role: "lead", title: "经济发展办主任", department: "经济发展办" },
  { key: "lead4", username: "lead4", name: "黄磊", role: "lead", title: "农业农村办主任", department: "农业农村办" },
  { key: "lead5", username: "lead5", name: "周涛", role: "lead", title: "环保所所长", department: "环保所" },
  { key: "lead6", username: "lead6", name: "吴刚", role: "lead", title: "招商服务中心主任", department: "招商服务中心" },
  { key: "lead7", username: "lead7", name: "徐丽", role: "lead", title: "综合执法中队队长", department: "综合执法中队" },
  { key: "lead8", username: "lead8", name: "孙杰", role: "lead", title: "村镇建设办主任", department: "村镇建设办" },
  { key: "lead9", username: "lead9", name: "马超", role: "lead", title: "征迁办主任", department: "征迁办" },
  { key: "lead10", username: "lead10", name: "朱红", role: "lead", title: "环保所副所长", department: "环保所" },
  { key: "viewer", username: "viewer", name: "郑华", role: "viewer", title: "镇纪委书记", department: "党政办" },
];

// ---------------------------------------------------------------------------
// Campaigns (names exact from the source; everything else sample unless noted)
// ---------------------------------------------------------------------------

export const CAMPAIGNS: CampaignSeed[] = [
  {
    number: 1,
    name: "平安建设提升战",
    nameEn: "Public-safety improvement campaign",
    description: "深化平安沈荡建设，加强社会治安防控、矛盾纠纷排查化解和安全生产监管，提升群众安全感。",
    leadingOfficialKey: "leader3",
    leadDepartment: "综治办",
    cooperatingDepartments: ["派出所", "安监所", "市场监管所"],
    leadUserKeys: ["lead1"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c1-plan", title: "制定2018年平安建设工作方案并分解任务到村(社区)", ownerKey: "lead1", start: "2018-01-08", due: "2018-02-28", weight: 3 },
      { key: "c1-disputes", title: "开展矛盾纠纷排查化解专项行动，化解信访积案", ownerKey: "lead1", start: "2018-02-01", due: "2018-06-30", weight: 4 },
      { key: "c1-safety-check", title: "开展安全生产大检查，隐患整改“回头看”", ownerKey: "lead1", start: "2018-03-01", due: "2018-09-30", weight: 5 },
      { key: "c1-grid", title: "完善全科网格建设，落实网格员每月走访", ownerKey: "lead1", start: "2018-01-15", due: "2018-12-15", weight: 3 },
      { key: "c1-fire", title: "开展出租房和“三合一”场所消防安全整治", ownerKey: "lead1", start: "2018-04-01", due: "2018-10-31", weight: 4 },
      { key: "c1-assess", title: "迎接平安考核，整理平安建设台账资料", ownerKey: "lead1", start: "2018-10-01", due: "2018-12-20", weight: 2 },
    ],
  },
  {
    number: 2,
    name: '"最多跑一次"改革深化战',
    nameEn: 'Deepening the "at most one trip" service reform',
    description: "深化“最多跑一次”改革，推进办事事项网上办、就近办、一窗办，提升企业和群众办事便利度。",
    leadingOfficialKey: "leader2",
    leadDepartment: "行政服务中心",
    cooperatingDepartments: ["党政办", "市场监管所", "财政所"],
    leadUserKeys: ["lead2", "lead6"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c2-list", title: "梳理并公布镇级“最多跑一次”办事事项清单", ownerKey: "lead2", start: "2018-01-08", due: "2018-03-15", weight: 4 },
      { key: "c2-online", title: "推进办事事项网上办理，对接浙江政务服务网", ownerKey: "lead2", start: "2018-02-01", due: "2018-09-30", weight: 4 },
      { key: "c2-village-points", title: "建设村(社区)便民服务代办点", ownerKey: "lead2", start: "2018-03-01", due: "2018-07-31", weight: 3 },
      { key: "c2-enterprise-agent", title: "建立企业投资项目全程代办制度", ownerKey: "lead6", start: "2018-03-01", due: "2018-06-30", weight: 4 },
      { key: "c2-window", title: "推进“一窗受理、集成服务”窗口改造", ownerKey: "lead2", start: "2018-05-01", due: "2018-08-31", weight: 3 },
      { key: "c2-survey", title: "开展办事群众满意度回访", ownerKey: "lead2", start: "2018-04-01", due: "2018-12-15", weight: 2 },
    ],
  },
  {
    number: 3,
    name: '"低小散"企业(作坊)百日整治大会战',
    nameEn: '100-day rectification of "low, small, scattered" firms and workshops',
    description:
      "对“四无”企业(作坊)开展百日整治，按照“关停淘汰一批、整合入园一批、规范提升一批”分类处置。" + "2017年已整治提升“低小散”企业213家，腾退面积228.8亩。",
    leadingOfficialKey: "leader",
    leadDepartment: "经济发展办",
    cooperatingDepartments: ["市场监管所", "环保所", "安监所", "村镇建设办", "派出所"],
    leadUserKeys: ["lead3"],
    start: "2018-03-01",
    end: "2018-06-08",
    tasks: [
      { key: "c3-census", title: "全面摸排“四无”企业(作坊)底数，建立一户一档", ownerKey: "lead3", start: "2018-03-01", due: "2018-03-20", weight: 4 },
      {
        key: "c3-classify",
        title: "逐户制定分类处置方案",
        ownerKey: "lead3",
        start: "2018-03-15",
        due: "2018-03-31",
        weight: 4,
        children: [
          { key: "c3-classify-close", title: "确定关停淘汰一批名单", ownerKey: "lead3", start: "2018-03-15", due: "2018-03-31", weight: 3 },
          { key: "c3-classify-park", title: "确定整合入园一批名单", ownerKey: "lead3", start: "2018-03-15", due: "2018-03-31", weight: 3 },
          { key: "c3-classify-upgrade", title: "确定规范提升一批名单", ownerKey: "lead3", start: "2018-03-15", due: "2018-03-31", weight: 3 },
        ],
      },
      { key: "c3-close", title: "实施关停淘汰，拆除生产设备", ownerKey: "lead3", start: "2018-04-01", due: "2018-05-31", weight: 5 },
      { key: "c3-park", title: "推进整合入园，协调小微企业园入驻空间", ownerKey: "lead3", start: "2018-04-01", due: "2018-06-08", weight: 4 },
      { key: "c3-upgrade", title: "督促规范提升企业完成安全、环保、消防整改", ownerKey: "lead3", start: "2018-04-01", due: "2018-06-08", weight: 4 },
      { key: "c3-vacate", title: "腾退土地收储，核定腾退面积", ownerKey: "lead9", start: "2018-04-15", due: "2018-06-08", weight: 3 },
      { key: "c3-acceptance", title: "百日整治验收及总结", ownerKey: "lead3", start: "2018-06-01", due: "2018-06-08", weight: 2 },
    ],
  },
  {
    number: 4,
    name: "五星达标A级创建阵地战",
    nameEn: '"Five-star standard, A-grade" village creation',
    description: "推进“五星达标”村和A级景区村庄创建，提升村庄环境、治理和集体经济水平。",
    leadingOfficialKey: "leader3",
    leadDepartment: "农业农村办",
    cooperatingDepartments: ["村镇建设办", "党政办", "财政所"],
    leadUserKeys: ["lead4"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c4-plan", title: "确定2018年“五星达标”村和A级景区村庄创建名单", ownerKey: "lead4", start: "2018-01-15", due: "2018-03-10", weight: 3 },
      { key: "c4-selfcheck", title: "各村对照“五星达标”标准开展对标自查", ownerKey: "lead4", start: "2018-02-01", due: "2018-04-30", weight: 3 },
      {
        key: "c4-scenic",
        title: "推进A级景区村庄建设",
        ownerKey: "lead4",
        start: "2018-04-01",
        due: "2018-10-31",
        weight: 5,
        children: [
          { key: "c4-scenic-design", title: "编制景区村庄建设方案", ownerKey: "lead4", start: "2018-04-01", due: "2018-05-15", weight: 2 },
          { key: "c4-scenic-paths", title: "完成游步道和标识系统建设", ownerKey: "lead4", start: "2018-05-15", due: "2018-09-30", weight: 4 },
          { key: "c4-scenic-toilets", title: "完成旅游公厕和停车场改造", ownerKey: "lead4", start: "2018-06-01", due: "2018-10-31", weight: 3 },
        ],
      },
      { key: "c4-courtyard", title: "开展美丽庭院创建", ownerKey: "lead4", start: "2018-03-01", due: "2018-11-30", weight: 3 },
      { key: "c4-collective", title: "发展村级集体经济，落实增收项目", ownerKey: "lead4", start: "2018-03-01", due: "2018-12-15", weight: 4 },
      { key: "c4-acceptance", title: "迎接县级考核验收", ownerKey: "lead4", start: "2018-11-01", due: "2018-12-20", weight: 2 },
    ],
  },
  {
    number: 5,
    name: "治水和生猪退养巩固提升战",
    nameEn: "Water treatment and consolidating the exit from pig farming",
    description: "巩固治水和生猪退养成果，严防生猪复养反弹；持续推进纸厂环保设施改造（2017年与浙江大学团队合作完成4家）。",
    leadingOfficialKey: "leader3",
    leadDepartment: "环保所",
    cooperatingDepartments: ["农业农村办", "村镇建设办", "市场监管所"],
    leadUserKeys: ["lead5"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c5-patrol", title: "落实河长制，镇村河长按期巡河", ownerKey: "lead5", start: "2018-01-01", due: "2018-12-31", weight: 3 },
      { key: "c5-paper", title: "推进纸厂环保设施提升改造", ownerKey: "lead5", start: "2018-02-01", due: "2018-08-31", weight: 5 },
      { key: "c5-pig-check", title: "开展生猪复养排查，发现一起拆除一起", ownerKey: "lead4", start: "2018-02-01", due: "2018-12-15", weight: 4 },
      { key: "c5-sewage", title: "做好农村生活污水治理设施运维", ownerKey: "lead5", start: "2018-03-01", due: "2018-11-30", weight: 3 },
      { key: "c5-sewer-network", title: "推进工业园区雨污分流改造", ownerKey: "lead5", start: "2018-04-01", due: "2018-09-30", weight: 4 },
      { key: "c5-dredge", title: "开展河道清淤疏浚", ownerKey: "lead5", start: "2018-10-15", due: "2018-12-31", weight: 3 },
    ],
  },
  {
    number: 6,
    name: "精准招商持久战",
    nameEn: "Long-haul precision investment attraction",
    description:
      "坚持“以亩产论英雄”，以亩均投入、亩均销售、亩均税收为主要指标，聚焦汽车零部件、整体家居、高端装备制造、新材料、新能源产业精准招商，探索资本链招商。",
    leadingOfficialKey: "leader",
    leadDepartment: "招商服务中心",
    cooperatingDepartments: ["经济发展办", "财政所", "征迁办"],
    leadUserKeys: ["lead6"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c6-map", title: "编制产业招商地图和目标企业清单", ownerKey: "lead6", start: "2018-01-08", due: "2018-03-31", weight: 4 },
      {
        key: "c6-shanghai",
        title: "驻沪招商和主要领导赴上海招商",
        ownerKey: "lead6",
        start: "2018-01-01",
        due: "2018-12-31",
        weight: 5,
        children: [
          { key: "c6-shanghai-h1", title: "上半年赴上海招商走访", ownerKey: "lead6", start: "2018-01-01", due: "2018-06-30", weight: 3 },
          { key: "c6-shanghai-h2", title: "下半年赴上海招商走访", ownerKey: "lead6", start: "2018-07-01", due: "2018-12-31", weight: 3 },
        ],
      },
      { key: "c6-evaluate", title: "建立项目亩均投入、亩均销售、亩均税收评价机制", ownerKey: "lead6", start: "2018-02-01", due: "2018-04-30", weight: 4 },
      { key: "c6-capital", title: "探索资本链招商，对接投资机构", ownerKey: "lead6", start: "2018-03-01", due: "2018-10-31", weight: 3 },
      {
        key: "c6-incubator",
        title: "建设两创中心和科技孵化器",
        ownerKey: "lead3",
        start: "2018-03-01",
        due: "2018-12-31",
        weight: 4,
        children: [
          { key: "c6-incubator-site", title: "完成两创中心场地改造", ownerKey: "lead3", start: "2018-03-01", due: "2018-07-31", weight: 3 },
          { key: "c6-incubator-policy", title: "出台小微企业入驻扶持办法", ownerKey: "lead3", start: "2018-04-01", due: "2018-06-30", weight: 2 },
          { key: "c6-incubator-tenants", title: "引进首批小微企业入驻", ownerKey: "lead3", start: "2018-07-01", due: "2018-12-31", weight: 3 },
        ],
      },
      { key: "c6-sign", title: "签约项目倒排项目实施计划表，推进落地", ownerKey: "lead6", start: "2018-04-01", due: "2018-12-20", weight: 5 },
      { key: "c6-expo", title: "参加县级招商推介活动", ownerKey: "lead6", start: "2018-05-01", due: "2018-06-30", weight: 2 },
    ],
  },
  {
    number: 7,
    name: "拆违和垃圾分类推进战",
    nameEn: "Demolishing illegal buildings and pushing garbage sorting",
    description: "持续推进违法建筑拆除，严控新增违建；推进农村生活垃圾分类覆盖和资源化处理。",
    leadingOfficialKey: "leader2",
    leadDepartment: "综合执法中队",
    cooperatingDepartments: ["村镇建设办", "环保所", "派出所"],
    leadUserKeys: ["lead7"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c7-survey", title: "排查存量违法建筑，建立拆违台账", ownerKey: "lead7", start: "2018-01-08", due: "2018-03-15", weight: 4 },
      {
        key: "c7-demolish",
        title: "分季度推进违法建筑拆除",
        ownerKey: "lead7",
        start: "2018-01-01",
        due: "2018-12-31",
        weight: 5,
        children: [
          { key: "c7-demolish-q1", title: "完成一季度拆违任务", ownerKey: "lead7", start: "2018-01-01", due: "2018-03-31", weight: 3 },
          { key: "c7-demolish-q2", title: "完成二季度拆违任务", ownerKey: "lead7", start: "2018-04-01", due: "2018-06-30", weight: 3 },
          { key: "c7-demolish-q3", title: "完成三季度拆违任务", ownerKey: "lead7", start: "2018-07-01", due: "2018-09-30", weight: 3 },
          { key: "c7-demolish-q4", title: "完成四季度拆违任务", ownerKey: "lead7", start: "2018-10-01", due: "2018-12-31", weight: 3 },
        ],
      },
      { key: "c7-zero", title: "落实巡查制度，新增违建零增长", ownerKey: "lead7", start: "2018-01-01", due: "2018-12-31", weight: 3 },
      { key: "c7-bins", title: "推进垃圾分类村(社区)覆盖，配置分类收集设施", ownerKey: "lead7", start: "2018-02-01", due: "2018-06-30", weight: 4 },
      { key: "c7-training", title: "开展垃圾分类宣传培训和入户指导", ownerKey: "lead7", start: "2018-03-01", due: "2018-10-31", weight: 2 },
      { key: "c7-station", title: "建设易腐垃圾资源化处理站", ownerKey: "lead8", start: "2018-05-01", due: "2018-11-30", weight: 4 },
    ],
  },
  {
    number: 8,
    name: "小城镇环境综合整治攻坚战",
    nameEn: "Comprehensive small-town environment remediation",
    description: "对集镇环境卫生、城镇秩序和乡容镇貌开展综合整治，补齐基础设施短板，提升集镇形象。",
    leadingOfficialKey: "leader2",
    leadDepartment: "村镇建设办",
    cooperatingDepartments: ["综合执法中队", "环保所", "市场监管所", "财政所"],
    leadUserKeys: ["lead8"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c8-plan", title: "编制小城镇环境综合整治规划和项目清单", ownerKey: "lead8", start: "2018-01-08", due: "2018-03-15", weight: 3 },
      {
        key: "c8-facade",
        title: "集镇主要街道立面改造",
        ownerKey: "lead8",
        start: "2018-03-15",
        due: "2018-10-31",
        weight: 5,
        children: [
          { key: "c8-facade-tender", title: "完成设计和施工招标", ownerKey: "lead8", start: "2018-03-15", due: "2018-04-30", weight: 2 },
          { key: "c8-facade-build", title: "完成立面改造施工", ownerKey: "lead8", start: "2018-05-01", due: "2018-09-30", weight: 4 },
          { key: "c8-facade-accept", title: "完成工程验收", ownerKey: "lead8", start: "2018-10-01", due: "2018-10-31", weight: 2 },
        ],
      },
      { key: "c8-lines", title: "开展“线乱拉”整治，规整强弱电线路", ownerKey: "lead8", start: "2018-04-01", due: "2018-09-30", weight: 3 },
      { key: "c8-order", title: "整治“车乱开、摊乱摆”，规范集镇秩序", ownerKey: "lead7", start: "2018-02-01", due: "2018-12-15", weight: 4 },
      { key: "c8-market", title: "农贸市场改造提升", ownerKey: "lead8", start: "2018-05-01", due: "2018-11-30", weight: 3 },
      { key: "c8-acceptance", title: "迎接小城镇环境综合整治考核验收", ownerKey: "lead8", start: "2018-11-01", due: "2018-12-25", weight: 2 },
    ],
  },
  {
    number: 9,
    name: "征(搬)迁工作突击战",
    nameEn: "Land acquisition and relocation assault",
    description: "加快园区和重点项目征(搬)迁，为产业项目腾出发展空间；2017年完成园区拆迁123户。",
    leadingOfficialKey: "leader2",
    leadDepartment: "征迁办",
    cooperatingDepartments: ["村镇建设办", "财政所", "派出所", "综治办"],
    leadUserKeys: ["lead9"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c9-survey", title: "征迁范围入户调查和房屋评估", ownerKey: "lead9", start: "2018-01-15", due: "2018-03-31", weight: 4 },
      { key: "c9-policy", title: "公布补偿安置方案", ownerKey: "lead9", start: "2018-02-01", due: "2018-03-15", weight: 3 },
      {
        key: "c9-sign",
        title: "签约攻坚",
        ownerKey: "lead9",
        start: "2018-03-15",
        due: "2018-08-31",
        weight: 5,
        children: [
          { key: "c9-sign-phase1", title: "完成一期片区签约", ownerKey: "lead9", start: "2018-03-15", due: "2018-05-31", weight: 4 },
          { key: "c9-sign-phase2", title: "完成二期片区签约", ownerKey: "lead9", start: "2018-06-01", due: "2018-08-31", weight: 4 },
        ],
      },
      { key: "c9-demolish", title: "腾空房屋拆除和土地交付", ownerKey: "lead9", start: "2018-06-01", due: "2018-11-30", weight: 4 },
      { key: "c9-resettle", title: "推进安置房建设与分配", ownerKey: "lead9", start: "2018-04-01", due: "2018-12-31", weight: 3 },
      { key: "c9-stability", title: "征迁矛盾调处和信访稳控", ownerKey: "lead1", start: "2018-03-01", due: "2018-12-31", weight: 3 },
    ],
  },
  {
    number: 10,
    name: "大气环境整治保卫战",
    nameEn: "Air-quality remediation",
    description: "开展工业废气、扬尘、秸秆焚烧和餐饮油烟等综合治理，改善空气质量。",
    leadingOfficialKey: "leader3",
    leadDepartment: "环保所",
    cooperatingDepartments: ["综合执法中队", "村镇建设办", "农业农村办", "市场监管所"],
    leadUserKeys: ["lead10"],
    start: "2018-01-01",
    end: "2018-12-31",
    tasks: [
      { key: "c10-boiler", title: "淘汰改造燃煤小锅炉", ownerKey: "lead10", start: "2018-01-15", due: "2018-06-30", weight: 4 },
      { key: "c10-voc", title: "推进工业企业废气(VOCs)治理", ownerKey: "lead10", start: "2018-02-01", due: "2018-10-31", weight: 5 },
      { key: "c10-dust", title: "加强建筑工地和道路扬尘管控", ownerKey: "lead10", start: "2018-03-01", due: "2018-12-31", weight: 3 },
      { key: "c10-catering", title: "督促餐饮单位安装油烟净化装置", ownerKey: "lead10", start: "2018-04-01", due: "2018-08-31", weight: 2 },
      {
        key: "c10-straw",
        title: "秸秆禁烧巡查",
        ownerKey: "lead10",
        start: "2018-05-20",
        due: "2018-11-30",
        weight: 3,
        children: [
          { key: "c10-straw-summer", title: "夏收季节秸秆禁烧巡查", ownerKey: "lead10", start: "2018-05-20", due: "2018-06-30", weight: 2 },
          { key: "c10-straw-autumn", title: "秋收季节秸秆禁烧巡查", ownerKey: "lead10", start: "2018-10-15", due: "2018-11-30", weight: 2 },
        ],
      },
      { key: "c10-vehicle", title: "排查柴油货车和非道路移动机械", ownerKey: "lead10", start: "2018-06-01", due: "2018-10-31", weight: 2 },
    ],
  },
];

// ---------------------------------------------------------------------------
// Indicators: the first 15 are the source's 2017 baseline (exact); the rest are sample
// ---------------------------------------------------------------------------

export const INDICATORS: IndicatorSeed[] = [
  // Plan-wide (source baselines)
  {
    key: "industrial-output",
    name: "工业总产值",
    nameEn: "Total industrial output",
    unit: "亿元",
    baseline: "56.58",
    baselineIsSample: false,
    baselineNote: "同比增长17.49%",
    target: "65",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "镇统计站",
    campaignNumber: null,
  },
  {
    key: "above-size-output",
    name: "规上工业产值",
    nameEn: "Output of industrial firms above designated size",
    unit: "亿元",
    baseline: "42.21",
    baselineIsSample: false,
    baselineNote: "同比增长25.76%",
    target: "50",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "镇统计站",
    campaignNumber: null,
  },
  {
    key: "productive-investment",
    name: "工业生产性投入",
    nameEn: "Productive industrial investment",
    unit: "亿元",
    baseline: "15.5",
    baselineIsSample: false,
    baselineNote: "同比增长8.05%",
    target: "17",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: null,
  },
  {
    key: "park-infrastructure-investment",
    name: "园区基础设施投入",
    nameEn: "Industrial-park infrastructure investment",
    unit: "亿元",
    baseline: "1.32",
    baselineIsSample: false,
    baselineNote: "完成计划的120.14%",
    target: "1.5",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: null,
  },
  {
    key: "guangtai-automation-investment",
    name: "光泰照明 机器换人技改投资",
    nameEn: 'Guangtai Lighting "machines replace people" upgrade investment',
    unit: "亿元",
    baseline: "1.2",
    baselineIsSample: false,
    target: "1.5",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: null,
  },

  // Campaign 6: investment promotion (source baselines)
  {
    key: "promotion-days",
    name: "外出招商天数",
    nameEn: "Days spent out on investment promotion",
    unit: "天",
    baseline: "393",
    baselineIsSample: false,
    target: "420",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },
  {
    key: "leader-shanghai-days",
    name: "主要领导赴上海招商天数",
    nameEn: "Days town leaders spent promoting in Shanghai",
    unit: "天",
    baseline: "110",
    baselineIsSample: false,
    target: "120",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },
  {
    key: "companies-visited",
    name: "拜访企业",
    nameEn: "Companies visited",
    unit: "家",
    baseline: "99",
    baselineIsSample: false,
    target: "120",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },
  {
    key: "delegations-received",
    name: "接待企业",
    nameEn: "Company delegations received",
    unit: "批次",
    baseline: "114",
    baselineIsSample: false,
    target: "130",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },
  {
    key: "projects-negotiating",
    name: "洽谈招商项目",
    nameEn: "Investment projects under negotiation",
    unit: "个",
    baseline: "29",
    baselineIsSample: false,
    target: "35",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },
  {
    key: "projects-signed",
    name: "签约项目",
    nameEn: "Projects signed",
    unit: "个",
    baseline: "5",
    baselineIsSample: false,
    target: "8",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "招商服务中心",
    campaignNumber: 6,
  },

  // Campaign 9 (source baseline)
  {
    key: "park-relocation-households",
    name: "园区拆迁",
    nameEn: "Households relocated from the park",
    unit: "户",
    baseline: "123",
    baselineIsSample: false,
    target: "150",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "征迁办",
    campaignNumber: 9,
  },

  // Campaign 3 (source baselines)
  {
    key: "lss-firms-rectified",
    name: '"低小散"企业整治提升',
    nameEn: '"Low, small, scattered" firms rectified',
    unit: "家",
    baseline: "213",
    baselineIsSample: false,
    target: "250",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: 3,
  },
  {
    key: "land-vacated",
    name: "腾退面积",
    nameEn: "Land vacated by the rectification",
    unit: "亩",
    baseline: "228.8",
    baselineIsSample: false,
    target: "300",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: 3,
  },

  // Campaign 5 (source baseline)
  {
    key: "paper-mill-upgrades",
    name: "纸厂环保设施改造",
    nameEn: "Paper mills whose environmental facilities were rebuilt",
    unit: "家",
    baseline: "4",
    baselineIsSample: false,
    baselineNote: "与浙江大学团队合作",
    target: "6",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "环保所",
    campaignNumber: 5,
  },

  // ----- Sample indicators (baselineIsSample: true) -----

  // Campaign 1
  {
    key: "criminal-cases",
    name: "刑事案件发案数",
    nameEn: "Criminal cases reported",
    unit: "件",
    baseline: "86",
    baselineIsSample: true,
    target: "75",
    direction: "LOWER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "派出所",
    campaignNumber: 1,
  },
  {
    key: "petition-backlog-resolved",
    name: "信访积案化解率",
    nameEn: "Backlogged petitions resolved",
    unit: "%",
    baseline: "85",
    baselineIsSample: true,
    target: "95",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "综治办",
    campaignNumber: 1,
  },
  {
    key: "work-safety-accidents",
    name: "安全生产事故起数",
    nameEn: "Work-safety accidents",
    unit: "起",
    baseline: "6",
    baselineIsSample: true,
    target: "3",
    direction: "LOWER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "安监所",
    campaignNumber: 1,
  },

  // Campaign 2
  {
    key: "one-trip-rate",
    name: '办事事项"最多跑一次"实现率',
    nameEn: "Share of services needing at most one trip",
    unit: "%",
    baseline: "90",
    baselineIsSample: true,
    target: "100",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "行政服务中心",
    campaignNumber: 2,
  },
  {
    key: "online-rate",
    name: "网上办理率",
    nameEn: "Share of services handled online",
    unit: "%",
    baseline: "45",
    baselineIsSample: true,
    target: "80",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "行政服务中心",
    campaignNumber: 2,
  },
  {
    key: "service-satisfaction",
    name: "群众满意率",
    nameEn: "Public satisfaction with services",
    unit: "%",
    baseline: "95",
    baselineIsSample: true,
    target: "98",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "行政服务中心",
    campaignNumber: 2,
  },

  // Campaign 3
  {
    key: "workshops-closed",
    name: "关停淘汰企业(作坊)数",
    nameEn: "Firms and workshops closed",
    unit: "家",
    baseline: "96",
    baselineIsSample: true,
    target: "120",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "市场监管所",
    campaignNumber: 3,
  },
  {
    key: "firms-moved-to-park",
    name: "整合入园企业数",
    nameEn: "Firms moved into the industrial park",
    unit: "家",
    baseline: "18",
    baselineIsSample: true,
    target: "30",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "经济发展办",
    campaignNumber: 3,
  },

  // Campaign 4
  {
    key: "five-star-villages",
    name: "五星达标村数",
    nameEn: "Villages meeting the five-star standard",
    unit: "个",
    baseline: "3",
    baselineIsSample: true,
    target: "6",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "农业农村办",
    campaignNumber: 4,
  },
  {
    key: "a-grade-scenic-villages",
    name: "A级景区村庄数",
    nameEn: "A-grade scenic villages",
    unit: "个",
    baseline: "1",
    baselineIsSample: true,
    target: "3",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "农业农村办",
    campaignNumber: 4,
  },
  {
    key: "beautiful-courtyards",
    name: "美丽庭院创建户数",
    nameEn: "Households certified as beautiful courtyards",
    unit: "户",
    baseline: "300",
    baselineIsSample: true,
    target: "500",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "农业农村办",
    campaignNumber: 4,
  },

  // Campaign 5
  {
    key: "surface-water-class3",
    name: "地表水Ⅲ类以上断面比例",
    nameEn: "Share of surface-water sections at class III or better",
    unit: "%",
    baseline: "60",
    baselineIsSample: true,
    target: "75",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "县环境监测站",
    campaignNumber: 5,
  },
  {
    key: "pigs-restocked",
    name: "生猪存栏复养数",
    nameEn: "Pigs found restocked after the exit",
    unit: "头",
    baseline: "12",
    baselineIsSample: true,
    target: "0",
    direction: "LOWER_BETTER",
    accumulation: "LEVEL",
    dataSource: "农业农村办",
    campaignNumber: 5,
  },

  // Campaign 7
  {
    key: "illegal-buildings-demolished",
    name: "拆除违法建筑面积",
    nameEn: "Illegal floor area demolished",
    unit: "平方米",
    baseline: "52000",
    baselineIsSample: true,
    target: "60000",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "综合执法中队",
    campaignNumber: 7,
  },
  {
    key: "garbage-sorting-coverage",
    name: "垃圾分类覆盖率",
    nameEn: "Garbage-sorting coverage",
    unit: "%",
    baseline: "40",
    baselineIsSample: true,
    target: "80",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "村镇建设办",
    campaignNumber: 7,
  },
  {
    key: "sorting-demo-villages",
    name: "垃圾分类示范村数",
    nameEn: "Garbage-sorting model villages",
    unit: "个",
    baseline: "2",
    baselineIsSample: true,
    target: "5",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "村镇建设办",
    campaignNumber: 7,
  },

  // Campaign 8
  {
    key: "facades-renovated",
    name: "沿街立面改造面积",
    nameEn: "Street facade area renovated",
    unit: "平方米",
    baseline: "15000",
    baselineIsSample: true,
    target: "30000",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "村镇建设办",
    campaignNumber: 8,
  },
  {
    key: "clutter-issues-fixed",
    name: "环境问题整改数",
    nameEn: "Environment issues fixed",
    unit: "件",
    baseline: "260",
    baselineIsSample: true,
    target: "400",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "综合执法中队",
    campaignNumber: 8,
  },
  {
    key: "town-environment-satisfaction",
    name: "群众对集镇环境满意率",
    nameEn: "Public satisfaction with the town environment",
    unit: "%",
    baseline: "85",
    baselineIsSample: true,
    target: "92",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "村镇建设办",
    campaignNumber: 8,
  },

  // Campaign 9
  {
    key: "relocation-agreements",
    name: "完成签约户数",
    nameEn: "Households that signed relocation agreements",
    unit: "户",
    baseline: "130",
    baselineIsSample: true,
    target: "160",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "征迁办",
    campaignNumber: 9,
  },
  {
    key: "land-acquired",
    name: "完成征收土地面积",
    nameEn: "Land acquired",
    unit: "亩",
    baseline: "420",
    baselineIsSample: true,
    target: "500",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "征迁办",
    campaignNumber: 9,
  },

  // Campaign 10
  {
    key: "pm25",
    name: "PM2.5平均浓度",
    nameEn: "Average PM2.5 concentration",
    unit: "微克/立方米",
    baseline: "42",
    baselineIsSample: true,
    target: "38",
    direction: "LOWER_BETTER",
    accumulation: "LEVEL",
    dataSource: "县环境监测站",
    campaignNumber: 10,
  },
  {
    key: "good-air-days",
    name: "空气质量优良天数比例",
    nameEn: "Share of days with good air quality",
    unit: "%",
    baseline: "78",
    baselineIsSample: true,
    target: "82",
    direction: "HIGHER_BETTER",
    accumulation: "LEVEL",
    dataSource: "县环境监测站",
    campaignNumber: 10,
  },
  {
    key: "exhaust-gas-firms",
    name: "工业废气治理企业数",
    nameEn: "Firms completing exhaust-gas treatment",
    unit: "家",
    baseline: "15",
    baselineIsSample: true,
    target: "25",
    direction: "HIGHER_BETTER",
    accumulation: "CUMULATIVE",
    dataSource: "环保所",
    campaignNumber: 10,
  },
];
