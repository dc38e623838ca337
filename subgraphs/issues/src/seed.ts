import { IdempotencyRecord, insertInChunks, reportProgress, transaction, type Subgraph } from '@cadres/kit';
import { buildDemoPeople, buildDemoProjects, createRandom, type DemoVisit, type DemoWorld } from '@cadres/demo';
import type { DataSource } from 'typeorm';
import type { IssuesConfig } from './config';
import { Issue, IssueEvent, KnownDepartment, LedgerCounter, Rating, issueCategories, issueKinds, urgencies, type IssueCategory, type IssueSource, type Satisfaction } from './entities';
import * as service from './service';

const TITLES: Record<IssueCategory, string[]> = {
  EMPLOYMENT: ['返乡青年求职无门', '公益岗位补贴未发放'],
  SOCIAL_SECURITY: ['高龄补贴办理慢', '城乡居民医保缴费问题'],
  EDUCATION: ['村小校车接送不便', '学前教育学位紧张'],
  MEDICAL: ['卫生室缺少常用药', '家庭医生签约未落实'],
  HOUSING: ['老旧小区屋顶漏水', '危房改造进度慢'],
  INFRASTRUCTURE: ['村内道路坑洼', '路灯损坏夜间出行不便', '自来水压力不足'],
  SAFETY: ['燃气管道老化', '消防通道被占用'],
  ENVIRONMENT: ['生活垃圾清运不及时', '河道漂浮物未清理'],
  ENTERPRISE_SERVICE: ['企业用地手续办理慢', '企业融资需求对接', '用工招聘困难'],
  PROJECT_CONSTRUCTION: ['项目施工用电接入慢', '项目环评审批待办'],
  OTHER: ['群众反映邻里纠纷', '建议增设便民服务点'],
};

/** How far along the closed loop each demo issue goes (cycled, so every state appears in every district). */
const STAGES = ['REPORTED', 'ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'REOPENED', 'REJECTED', 'CLOSED_LATE'] as const;

const HOUR = 3_600_000;
const DEMO_ACTOR = 'system:demo';

/**
 * Demo issues on the shared demo world: every status, every category, every district, some
 * overdue, some reopened, some supervised, with their events; subjects are the world's
 * divisions, enterprises, households and projects, reporters and visits the people side's
 * (@cadres/demo: buildDemoPeople, buildDemoProjects). Plus 双评: households rate their linked cadres, enterprises
 * rate their district's departments. Issues are built through the same service functions as the
 * API, with a clock walking forward from each report, so the ledger and history are what real
 * use would leave.
 * Once: a database with issues is left alone. The subgraph's clock says when the demo looks
 * "current", its settings how long each urgency has.
 */
export async function seedIssues(subgraph: Subgraph<IssuesConfig>, world: DemoWorld): Promise<boolean> {
  const { ds, config } = subgraph;
  const now = subgraph.now();
  if ((await ds.getRepository(Issue).count()) > 0 && !(await clearInterruptedSeed(ds))) return false;
  const rng = createRandom(7_2023);
  const at = (t: number) => ({ ds, now: new Date(t), actor: DEMO_ACTOR, config });
  const base = Math.floor(now.getTime() / HOUR) * HOUR;
  const grassroots = world.divisions.filter((d) => d.level === 'VILLAGE' || d.level === 'COMMUNITY');
  const districts = world.divisions.filter((d) => d.level === 'DISTRICT');
  const people = buildDemoPeople(world);
  const { projects } = buildDemoProjects(world);
  const visitsIn = new Map<string, DemoVisit[]>();
  for (const v of people.visits) visitsIn.set(v.divisionCode, [...(visitsIn.get(v.divisionCode) ?? []), v]);
  const perDistrict = Math.max(STAGES.length * 2, Math.round(grassroots.length / districts.length / 2));

  let n = 0;
  for (const district of districts) {
    const prefix = district.code.slice(0, 6);
    const places = grassroots.filter((d) => d.code.startsWith(prefix));
    const departments = world.departments.filter((d) => d.divisionCode === district.code);
    const enterprises = world.enterprises.filter((e) => e.divisionCode.startsWith(prefix));
    const liaisons = world.villageLiaisons.filter((l) => l.divisionCode.startsWith(prefix));
    const households = people.households.filter((h) => h.divisionCode.startsWith(prefix));
    const sites = projects.filter((p) => p.siteCode.startsWith(prefix));
    if (!places.length || !departments.length) continue;
    for (let i = 0; i < perDistrict; i++, n++) {
      // Issue by issue through the service, not insertInChunks: say how far along (npm start waits on it).
      reportProgress('seeding issues', n, districts.length * perDistrict);
      const stage = STAGES[(i + districts.indexOf(district)) % STAGES.length];
      const category = issueCategories[n % issueCategories.length];
      // The subject: a project or an enterprise for those categories, else a household or the place.
      const project = category === 'PROJECT_CONSTRUCTION' && sites.length ? rng.pick(sites) : null;
      const enterprise =
        !project && (category === 'ENTERPRISE_SERVICE' || category === 'PROJECT_CONSTRUCTION') && enterprises.length ? rng.pick(enterprises) : null;
      const household = !project && !enterprise && households.length && rng.chance(0.5) ? rng.pick(households) : null;
      const divisionCode = project?.siteCode ?? enterprise?.divisionCode ?? household?.divisionCode ?? rng.pick(places).code;
      const subject = project
        ? { subjectType: 'Project', subjectId: project.id }
        : enterprise
          ? { subjectType: 'Enterprise', subjectId: enterprise.id }
          : household
            ? { subjectType: 'Household', subjectId: household.id }
            : { subjectType: 'Division', subjectId: divisionCode };
      // Found on a visit to that place when there was one, else by the place's liaison cadre.
      const visits = visitsIn.get(divisionCode) ?? [];
      const visit = visits.length && rng.chance(0.7) ? rng.pick(visits) : null;
      const liaison = liaisons.find((l) => l.divisionCode === divisionCode) ?? (liaisons.length ? rng.pick(liaisons) : null);
      const urgency = stage === 'CLOSED_LATE' ? 'UTILITIES' : rng.pick(urgencies.filter((u) => u !== 'EMERGENCY' || i % 5 === 0));
      const span = config.deadlineHours[urgency] * HOUR;
      // Most reports are recent enough to be on time; every fourth, and those to be closed late,
      // are old enough to be overdue.
      const age = stage === 'CLOSED_LATE' || i % 4 === 3 ? span * (1.5 + rng.next()) : span * rng.next() * 0.9;
      let t = base - Math.round(age);
      const source: IssueSource = visit ? 'VISIT' : enterprise || project ? 'ENTERPRISE' : rng.pick(['HOTLINE', 'FORUM', 'ONLINE'] as const);
      let issue = await service.reportIssue(at(t), {
        title: rng.pick(TITLES[category]),
        description: `${district.name}群众反映：${rng.pick(TITLES[category])}，请相关部门尽快核实处理。`,
        category,
        kind: rng.pick(issueKinds),
        source,
        urgency,
        divisionCode,
        ...subject,
        reporterId: visit?.cadreIds[0] ?? liaison?.cadreId ?? null,
        visitId: visit?.id ?? null,
        idempotencyKey: `demo-${n}`,
      });
      // The steps walk forward in time but never past `now`.
      const step = (fraction: number) => {
        t = Math.min(base, t + Math.max(60_000, Math.round(span * fraction)));
        return at(t);
      };
      if (stage === 'REJECTED') {
        await service.rejectIssue(step(0.05), issue.id, issue.version, '经核实不属于本级职责范围，已告知群众向有关单位反映');
        continue;
      }
      if (stage === 'REPORTED') continue;
      const department = rng.pick(departments);
      issue = await service.assignIssue(step(0.02), issue.id, department.id, issue.version, '请按期办理并反馈');
      if (stage === 'ASSIGNED') continue;
      issue = await service.acceptIssue(step(rng.chance(0.8) ? 0.001 : 0.2), issue.id, issue.version);
      if (stage === 'ACCEPTED') continue;
      issue = await service.startIssue(step(0.05), issue.id, issue.version, '已到现场核实');
      if (stage === 'IN_PROGRESS') continue;
      const late = stage === 'CLOSED_LATE';
      issue = await service.resolveIssue(step(late ? 1.2 : 0.3), issue.id, issue.version, '已协调处理完毕，现场整改到位');
      if (stage === 'RESOLVED') continue;
      if (stage === 'REOPENED') {
        issue = await service.evaluateIssue(step(0.05), issue.id, issue.version, 'DISSATISFIED', false, '问题仍未解决');
        continue;
      }
      const satisfaction: Satisfaction = rng.chance(0.7) ? 'SATISFIED' : 'BASICALLY_SATISFIED';
      await service.evaluateIssue(step(0.05), issue.id, issue.version, satisfaction, true, null);
    }
  }
  await service.superviseOverdue(at(base));

  // 双评, written in bulk: enterprises rate departments of their district (评环境评服务), and
  // households rate the cadres linked to them, every third link (评工作评作风).
  const ratings: Rating[] = [];
  const rating = (r: Omit<Rating, 'id' | 'comment' | 'at' | 'aspectKey' | 'period'>, daysAgo: number) => {
    const at = new Date(base - daysAgo * 24 * HOUR);
    ratings.push({ id: `RT-${String(ratings.length + 1).padStart(6, '0')}`, comment: null, at, aspectKey: r.aspect ?? '-', period: service.ledgerYear(at), ...r });
  };
  for (const e of world.enterprises) {
    const departments = world.departments.filter((d) => d.divisionCode === e.divisionCode.slice(0, 6) + '000000');
    if (!departments.length) continue;
    for (const aspect of ['ENVIRONMENT', 'SERVICE'] as const) {
      const targetId = rng.pick(departments).id;
      rating({ targetType: 'Department', targetId, raterType: 'Enterprise', raterId: e.id, score: rng.pick([3, 4, 4, 5, 5, 2]), aspect }, rng.int(1, 60));
    }
  }
  const links = people.liaisons.filter((l) => l.targetType === 'Household');
  for (let k = 0; k < links.length; k += 3) {
    for (const aspect of ['WORK', 'CONDUCT'] as const) {
      const score = rng.pick([5, 5, 4, 4, 4, 3, 2]);
      rating({ targetType: 'Cadre', targetId: links[k].cadreId, raterType: 'Household', raterId: links[k].targetId, score, aspect }, rng.int(1, 90));
    }
  }
  await transaction(ds, async (em) => {
    await insertInChunks(em, Rating, ratings);
    // The seed's actor asks no owner, so the departments' divisions come from the world.
    await em.createQueryBuilder().delete().from(KnownDepartment).execute();
    await insertInChunks(em, KnownDepartment, world.departments.map((d) => ({ id: d.id, divisionCode: d.divisionCode })));
  });
  return true;
}

/**
 * A first start killed while seeding leaves some demo issues and no ratings (they come last).
 * When the ledger holds nothing but that (no event by anyone but the demo seed), it is cleared
 * so that the seed can run again; anything a person did keeps the database as it is.
 */
async function clearInterruptedSeed(ds: DataSource): Promise<boolean> {
  if ((await ds.getRepository(Rating).count()) > 0) return false;
  if ((await ds.getRepository(IssueEvent).createQueryBuilder('e').where('e.actor <> :demo', { demo: DEMO_ACTOR }).getCount()) > 0) return false;
  await transaction(ds, async (em) => {
    await em.createQueryBuilder().delete().from(IssueEvent).execute();
    await em.createQueryBuilder().delete().from(Issue).execute();
    await em.createQueryBuilder().delete().from(LedgerCounter).execute();
    // The seed's idempotency keys (demo-0, …) would otherwise answer the next run with the deleted issues.
    await em.createQueryBuilder().delete().from(IdempotencyRecord).where('caller = :demo', { demo: DEMO_ACTOR }).execute();
  });
  return true;
}
