import { chinaDate, insertInChunks, transaction, type Subgraph } from '@cadres/kit';
import { buildDemoProjects, type DemoWorld } from '@cadres/demo';
import { Enterprise, Project, ProjectProgress } from './entities';
import { BP, dayNumber } from './light';

/**
 * Loads the demo world's enterprises, projects and progress reports, once: a database with
 * enterprises is left alone. The projects' plans are anchored to the subgraph's today in China
 * (see demo/src/projects.ts), so that a freshly loaded demo shows its mix of lights; ids never
 * depend on it.
 */
export async function seedEnterprises({ ds, now }: Subgraph, world: DemoWorld): Promise<boolean> {
  if ((await ds.getRepository(Enterprise).count()) > 0) return false;
  const { projects, reports } = buildDemoProjects(world, { asOf: chinaDate(now()) });
  const latest = new Map(reports.map((r) => [r.projectId, r]));
  await transaction(ds, async (tx) => {
    await insertInChunks(tx, Enterprise, world.enterprises);
    await insertInChunks(
      tx,
      Project,
      projects.map(({ intendedLight: _, ...p }) => ({
        ...p,
        startDay: dayNumber(p.plannedStart),
        finishDay: dayNumber(p.plannedFinish),
        actualBp: Math.round((latest.get(p.id)?.progress ?? 0) * BP),
        reportCount: latest.get(p.id)?.seq ?? 0,
      })),
    );
    await insertInChunks(
      tx,
      ProjectProgress,
      reports.map((r) => ({
        id: r.id,
        projectId: r.projectId,
        seq: r.seq,
        progressBp: Math.round(r.progress * BP),
        note: r.note,
        reportedAt: new Date(r.reportedAt),
        reportedBy: 'demo',
      })),
    );
  });
  return true;
}
