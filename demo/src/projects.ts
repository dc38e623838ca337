// Deterministic demo key projects (重点项目) on the demo world's enterprises, with their
// progress reports. A pure function of the DemoWorld (and of the day the plan is anchored
// to), so that enterprises seeds them and people/issues can reference the same project ids
// (`P-0001`, …), enterprises and sites without reading the enterprises database.
//
// Ratios follow the seeds: about 1 project per 10 enterprises (Dongying: 1,000 enterprises,
// 100 project sites), on above-scale industrial and 专精特新 enterprises first. Lights come in a
// fixed mix (6 green, 2 yellow, 2 red in every 10), each produced one of a few ways (on plan,
// not started yet, finished; behind; started late; well behind; months unstarted).
//
// Dates are offsets from `asOf` (default DEMO_PROJECTS_AS_OF): ids, enterprises, sites, levels,
// names and progress values do not depend on it, only the dates move. The enterprises seed
// anchors them to the day it loads, so that the demo shows its mix of lights on that day.

import { createRandom, type DemoEnterprise, type DemoWorld } from './world';

export type ProjectLevel = 'PROVINCIAL_KEY' | 'MUNICIPAL_KEY' | 'COUNTY_KEY' | 'OTHER';
export type ProjectLight = 'GREEN' | 'YELLOW' | 'RED';

export interface DemoProject {
  id: string;
  name: string;
  level: ProjectLevel;
  enterpriseId: string;
  /** The division code of the site (the enterprise's own division). */
  siteCode: string;
  /** YYYY-MM-DD */
  plannedStart: string;
  /** YYYY-MM-DD, after plannedStart */
  plannedFinish: string;
  /** The light the project shows on `asOf` under the default rules (10 / 30 points, 3 months). */
  intendedLight: ProjectLight;
}

export interface DemoProgressReport {
  id: string;
  projectId: string;
  /** 1, 2, … per project, in the order reported. */
  seq: number;
  /** 0..1 in whole percent; never lower than the report before. */
  progress: number;
  note: string | null;
  /** ISO-8601 instant, before `asOf`. */
  reportedAt: string;
}

export interface DemoProjects {
  projects: DemoProject[];
  /** Ordered by project, then seq. The last one of a project is its actual progress. */
  reports: DemoProgressReport[];
}

export const DEMO_PROJECTS_AS_OF = '2026-07-01';

const DAY_MS = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

// Six green, two yellow, two red in every ten; the first four already hold all three.
const LIGHT_CYCLE: ProjectLight[] = ['GREEN', 'YELLOW', 'GREEN', 'RED', 'GREEN', 'GREEN', 'YELLOW', 'GREEN', 'RED', 'GREEN'];

const WORKS = ['扩建', '智能化技术改造', '新厂区建设', '研发中心建设', '数字化车间', '产能提升', '绿色低碳改造', '产业园'];
const NOTES_ON = ['按计划推进', '主体施工中', '设备安装调试中', '手续办理完毕', '完成阶段性验收'];

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const shortName = (e: DemoEnterprise) => e.name.replace(/(股份)?有限公司$/, '');

export function buildDemoProjects(world: DemoWorld, options: { asOf?: string } = {}): DemoProjects {
  const asOf = options.asOf ?? DEMO_PROJECTS_AS_OF;
  const today = dayOf(asOf);
  if (!Number.isFinite(today)) throw new Error(`asOf must be YYYY-MM-DD: ${asOf}`);
  // Seeded from the world itself, so a different world seed gives different projects.
  const rng = createRandom(hash(`projects:${world.enterprises.map((e) => e.creditCode).join(',')}`));

  const byId = [...world.enterprises].sort((a, b) => (a.id < b.id ? -1 : 1));
  const n = Math.max(1, Math.round(byId.length / 10));
  const key = byId.filter((e) => e.category === 'ABOVE_SCALE_INDUSTRIAL' || e.category === 'SPECIALIZED_NEW');
  const rest = byId.filter((e) => !key.includes(e));
  const chosen = [...rng.shuffle(key), ...rng.shuffle(rest)].slice(0, n).sort((a, b) => (a.id < b.id ? -1 : 1));

  const projects: DemoProject[] = [];
  const reports: DemoProgressReport[] = [];
  const variantsUsed: Record<ProjectLight, number> = { GREEN: 0, YELLOW: 0, RED: 0 };

  chosen.forEach((enterprise, i) => {
    const id = `P-${String(i + 1).padStart(4, '0')}`;
    const light = LIGHT_CYCLE[i % LIGHT_CYCLE.length];
    const variant = variantsUsed[light]++;
    const r = rng.next();
    const level: ProjectLevel = r < 0.2 ? 'PROVINCIAL_KEY' : r < 0.65 ? 'MUNICIPAL_KEY' : r < 0.9 ? 'COUNTY_KEY' : 'OTHER';
    const name = `${shortName(enterprise)}${rng.pick(WORKS)}项目`;

    // start, finish (day numbers) and the actual progress in whole percent on `asOf`.
    let start: number;
    let finish: number;
    let percent: number;
    /** Whole percent the plan asks for on `asOf` (rounded down or up). */
    const planned = (s: number, f: number, round: (x: number) => number) =>
      round((100 * Math.min(Math.max(today - s, 0), f - s)) / (f - s));
    if (light === 'GREEN') {
      if (variant % 3 === 0) {
        // On plan, a little ahead.
        start = today - rng.int(60, 400);
        finish = today + rng.int(60, 500);
        percent = Math.min(100, planned(start, finish, Math.ceil) + rng.int(0, 5));
      } else if (variant % 3 === 1) {
        // Not started yet, and not due to.
        start = today + rng.int(10, 90);
        finish = start + rng.int(365, 900);
        percent = 0;
      } else {
        // Finished.
        finish = today - rng.int(10, 200);
        start = finish - rng.int(300, 700);
        percent = 100;
      }
    } else if (light === 'YELLOW') {
      if (variant % 2 === 0) {
        // 15–25 points behind.
        start = today - rng.int(120, 400);
        finish = start + Math.round((today - start) / (0.4 + 0.4 * rng.next()));
        percent = Math.max(1, planned(start, finish, Math.floor) - rng.int(15, 25));
      } else {
        // Started on paper weeks ago, nothing reported yet (well short of 3 months).
        start = today - rng.int(5, 40);
        finish = start + rng.int(600, 900);
        percent = 0;
      }
    } else if (variant % 2 === 0) {
      // 36–50 points behind.
      start = today - rng.int(200, 500);
      finish = start + Math.round((today - start) / (0.6 + 0.35 * rng.next()));
      percent = Math.max(1, planned(start, finish, Math.floor) - rng.int(36, 50));
    } else {
      // Four to eight months past the planned start with nothing done.
      start = today - rng.int(125, 240);
      finish = start + rng.int(900, 1200);
      percent = 0;
    }

    projects.push({
      id,
      name,
      level,
      enterpriseId: enterprise.id,
      siteCode: enterprise.divisionCode,
      plannedStart: isoOf(start),
      plannedFinish: isoOf(finish),
      intendedLight: light,
    });

    if (percent > 0) {
      // 1–4 reports, rising to `percent`, spread between the start and the last day reported.
      const count = Math.min(percent, rng.int(1, 4));
      const last = Math.min(today - 1, finish) - rng.int(0, 3);
      const first = Math.min(start + 7, last);
      const values = Array.from({ length: count - 1 }, () => rng.int(1, percent)).sort((a, b) => a - b);
      values.push(percent);
      values.forEach((value, k) => {
        const day = count === 1 ? last : first + Math.round(((last - first) * k) / (count - 1));
        reports.push({
          id: `${id}-R${k + 1}`,
          projectId: id,
          seq: k + 1,
          progress: value / 100,
          note: k === 0 ? '开工' : value === 100 ? '竣工' : rng.pick(NOTES_ON),
          reportedAt: `${isoOf(day)}T02:00:00.000Z`,
        });
      });
    }
  });
  return { projects, reports };
}
