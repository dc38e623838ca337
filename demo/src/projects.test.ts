import { buildDemoProjects } from './projects';
import { buildDemoWorld } from './world';
import { parseDivisionCode } from '@cadres/kit';

describe('buildDemoProjects', () => {
  const world = buildDemoWorld({ seed: 2023, scale: 1 });
  const big = buildDemoWorld({ seed: 2023, scale: 10 });

  it('is deterministic, and only its dates follow asOf', () => {
    expect(buildDemoProjects(world)).toEqual(buildDemoProjects(buildDemoWorld({ seed: 2023, scale: 1 })));
    const a = buildDemoProjects(big, { asOf: '2026-07-01' });
    const b = buildDemoProjects(big, { asOf: '2027-03-15' });
    const fixed = (p: (typeof a.projects)[number]) => ({ ...p, plannedStart: undefined, plannedFinish: undefined });
    expect(b.projects.map(fixed)).toEqual(a.projects.map(fixed));
    expect(b.reports.map((r) => ({ ...r, reportedAt: undefined }))).toEqual(a.reports.map((r) => ({ ...r, reportedAt: undefined })));
    expect(buildDemoProjects(buildDemoWorld({ seed: 7 })).projects.map((p) => p.name)).not.toEqual(buildDemoProjects(world).projects.map((p) => p.name));
  });

  it('has about one project per ten enterprises, with ids P-0001… on existing enterprises and their sites', () => {
    for (const w of [world, big]) {
      const { projects } = buildDemoProjects(w);
      expect(projects.length).toBe(Math.round(w.enterprises.length / 10));
      expect(projects.map((p) => p.id)).toEqual(projects.map((_, i) => `P-${String(i + 1).padStart(4, '0')}`));
      const byId = new Map(w.enterprises.map((e) => [e.id, e]));
      expect(projects.filter((p) => byId.get(p.enterpriseId)?.divisionCode !== p.siteCode || !parseDivisionCode(p.siteCode))).toEqual([]);
      expect(new Set(projects.map((p) => p.enterpriseId)).size).toBe(projects.length);
      expect(projects.filter((p) => !(p.plannedStart < p.plannedFinish))).toEqual([]);
    }
  });

  it('mixes lights 6 : 2 : 2 and keeps reports rising, numbered and in the past', () => {
    const asOf = '2026-07-01';
    const { projects, reports } = buildDemoProjects(big, { asOf });
    const count = (light: string) => projects.filter((p) => p.intendedLight === light).length;
    expect([count('GREEN'), count('YELLOW'), count('RED')]).toEqual([25, 8, 8]);
    const problems: string[] = [];
    for (const p of projects) {
      const mine = reports.filter((r) => r.projectId === p.id);
      mine.forEach((r, i) => {
        if (r.seq !== i + 1 || r.id !== `${p.id}-R${i + 1}`) problems.push(`${r.id} numbering`);
        if (i > 0 && (r.progress < mine[i - 1].progress || r.reportedAt < mine[i - 1].reportedAt)) problems.push(`${r.id} falls`);
        if (r.progress <= 0 || r.progress > 1 || r.reportedAt >= `${asOf}T00:00:00.000Z`) problems.push(`${r.id} range`);
        if (r.reportedAt.slice(0, 10) < p.plannedStart) problems.push(`${r.id} before start`);
      });
    }
    expect(problems).toEqual([]);
  });
});
