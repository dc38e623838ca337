import { BP } from './light';
import { chinaDate, ConfigError, parseConfig } from '@cadres/kit';
import { buildDemoProjects, buildDemoWorld } from '@cadres/demo';
import {
  addMonths,
  dayNumber,
  defaultLightRules,
  isoOfDay,
  lightRulesEnv,
  plannedProgress,
  projectLight,
  unstartedRedCutoff,
  type ProjectSchedule,
} from './light';

// A 100-day plan: on 2026-02-20 (day 50) the plan asks for exactly 0.5.
const plan = (actualBp: number, plannedStart = '2026-01-01', plannedFinish = '2026-04-11'): ProjectSchedule => ({
  plannedStart,
  plannedFinish,
  actualBp,
});
const light = (p: ProjectSchedule, today: string) => projectLight(p, today, defaultLightRules);

describe('plannedProgress', () => {
  it('is 0 up to the start, linear in days, and 1 from the finish', () => {
    const p = plan(0);
    expect(['2025-12-01', '2026-01-01', '2026-01-02', '2026-02-20', '2026-04-10', '2026-04-11', '2027-01-01'].map((d) => plannedProgress(p, d))).toEqual([
      0, 0, 0.01, 0.5, 0.99, 1, 1,
    ]);
  });
});

describe('projectLight boundaries (default thresholds 10 / 30 points, 3 months)', () => {
  it('is YELLOW at exactly 10 points behind and GREEN just under', () => {
    expect([light(plan(4001), '2026-02-20'), light(plan(4000), '2026-02-20')]).toEqual(['GREEN', 'YELLOW']);
  });

  it('is YELLOW at exactly 30 points behind and RED just over', () => {
    expect([light(plan(2000), '2026-02-20'), light(plan(1999), '2026-02-20')]).toEqual(['YELLOW', 'RED']);
  });

  it('is GREEN on plan or ahead, and when finished', () => {
    expect([light(plan(5000), '2026-02-20'), light(plan(9000), '2026-02-20'), light(plan(10000), '2026-12-31')]).toEqual([
      'GREEN',
      'GREEN',
      'GREEN',
    ]);
  });

  it('keeps measuring against 1 after the planned finish', () => {
    expect([9001, 9000, 7000, 6999].map((bp) => light(plan(bp), '2026-05-01'))).toEqual(['GREEN', 'YELLOW', 'YELLOW', 'RED']);
  });

  it('is GREEN before and on the planned start, YELLOW the day after with no progress', () => {
    const long = plan(0, '2026-01-01', '2028-09-27'); // 1000 days: a day of plan is 0.1 points
    expect(['2025-12-31', '2026-01-01', '2026-01-02'].map((d) => light(long, d))).toEqual(['GREEN', 'GREEN', 'YELLOW']);
    expect(light(plan(1, '2026-01-01', '2028-09-27'), '2026-01-02')).toBe('GREEN'); // any progress counts as started
  });

  it('turns RED on the day 3 months after the planned start with no progress', () => {
    const long = plan(0, '2026-01-01', '2028-09-27');
    expect(['2026-03-31', '2026-04-01'].map((d) => light(long, d))).toEqual(['YELLOW', 'RED']);
    // A start on the 30th: the mark clamps to the end of February.
    const lateMonth = plan(0, '2026-11-30', '2029-08-26');
    expect(['2027-02-27', '2027-02-28'].map((d) => light(lateMonth, d))).toEqual(['YELLOW', 'RED']);
    // Started: the 3-month rule no longer applies (0.5 points done, 9 points behind).
    expect(light(plan(50, '2026-01-01', '2028-09-27'), '2026-04-01')).toBe('GREEN');
  });

  it('is RED before the 3-month mark when an unstarted short project is more than 30 points behind', () => {
    expect(['2026-01-04', '2026-01-05'].map((d) => light(plan(0, '2026-01-01', '2026-01-11'), d))).toEqual(['YELLOW', 'RED']);
  });

  it('follows configured thresholds', () => {
    const rules = { yellowBehindBp: 500, redBehindBp: 2000, redUnstartedMonths: 1 };
    expect([4501, 4500, 3000, 2999].map((bp) => projectLight(plan(bp), '2026-02-20', rules))).toEqual(['GREEN', 'YELLOW', 'YELLOW', 'RED']);
    expect(['2026-01-31', '2026-02-01'].map((d) => projectLight(plan(0, '2026-01-01', '2028-09-27'), d, rules))).toEqual(['YELLOW', 'RED']);
  });
});

describe('calendar helpers', () => {
  it('reads today in China Standard Time', () => {
    expect([chinaDate(new Date('2026-03-31T15:59:59Z')), chinaDate(new Date('2026-03-31T16:00:00Z'))]).toEqual(['2026-03-31', '2026-04-01']);
  });

  it('adds months, clamping to the end of the month', () => {
    expect([addMonths('2026-11-30', 3), addMonths('2027-11-30', 3), addMonths('2026-01-31', 1), addMonths('2026-05-31', -3), addMonths('2026-01-15', 12)]).toEqual([
      '2027-02-28',
      '2028-02-29',
      '2026-02-28',
      '2026-02-28',
      '2027-01-15',
    ]);
    expect(isoOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29');
  });

  it('has a cutoff that agrees with "start + months <= today" for every day of a year', () => {
    const disagreements: string[] = [];
    for (let t = dayNumber('2027-10-01'); t <= dayNumber('2028-09-30'); t++) {
      const today = isoOfDay(t);
      for (const months of [1, 3]) {
        const cutoff = unstartedRedCutoff(today, months);
        for (let s = t - 100; s <= t; s++) {
          const start = isoOfDay(s);
          if ((start <= cutoff) !== (addMonths(start, months) <= today)) disagreements.push(`${today} ${months} ${start}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('light thresholds from the environment', () => {
  const lightRulesOf = (env: Record<string, string>) => parseConfig(lightRulesEnv, env);

  it('defaults to 10 / 30 points and 3 months, and reads fractions', () => {
    expect(lightRulesOf({})).toEqual(defaultLightRules);
    expect(
      lightRulesOf({ PROJECT_LIGHT_YELLOW_BEHIND: '0.05', PROJECT_LIGHT_RED_BEHIND: '0.2', PROJECT_LIGHT_RED_UNSTARTED_MONTHS: '2' }),
    ).toEqual({ yellowBehindBp: 500, redBehindBp: 2000, redUnstartedMonths: 2 });
  });

  it('stops with a message naming the variable', () => {
    const problem = (env: Record<string, string>) => {
      try {
        lightRulesOf(env);
        return 'accepted';
      } catch (e) {
        return e instanceof ConfigError ? e.message.split('\n').slice(1).map((l) => l.trim().split(':')[0]) : 'other error';
      }
    };
    expect([
      problem({ PROJECT_LIGHT_YELLOW_BEHIND: 'ten' }),
      problem({ PROJECT_LIGHT_RED_BEHIND: '0' }),
      problem({ PROJECT_LIGHT_RED_BEHIND: '0.05' }),
      problem({ PROJECT_LIGHT_RED_UNSTARTED_MONTHS: '2.5' }),
    ]).toEqual([['PROJECT_LIGHT_YELLOW_BEHIND'], ['PROJECT_LIGHT_RED_BEHIND'], ['PROJECT_LIGHT_RED_BEHIND'], ['PROJECT_LIGHT_RED_UNSTARTED_MONTHS']]);
  });
});

describe('demo projects', () => {
  it('show the light they were made for on the day they are anchored to', () => {
    const wrong: string[] = [];
    for (const scale of [1, 10]) {
      const world = buildDemoWorld({ seed: 2023, scale });
      for (const asOf of ['2026-07-01', '2027-02-28', '2028-12-31']) {
        const { projects, reports } = buildDemoProjects(world, { asOf });
        const latest = new Map(reports.map((r) => [r.projectId, Math.round(r.progress * BP)]));
        for (const p of projects) {
          const light = projectLight({ ...p, actualBp: latest.get(p.id) ?? 0 }, asOf, defaultLightRules);
          if (light !== p.intendedLight) wrong.push(`${scale} ${asOf} ${p.id}: ${light}, meant ${p.intendedLight}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
