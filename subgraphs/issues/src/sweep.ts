import type { Subgraph } from '@cadres/kit';
import type { IssuesConfig } from './config';
import { superviseOverdue } from './service';

/**
 * The periodic supervision sweep, started once the subgraph serves (the definition's `started`
 * hook), on its own DataSource (tests call `superviseOverdue` with a fixed clock instead). Ticks
 * never overlap; the sweep is idempotent, so a tick that races a manual superviseIssue does no harm.
 */
export function startSupervisionSweep(subgraph: Subgraph<IssuesConfig>): () => void {
  const { config } = subgraph;
  if (!config.sweepSeconds) return () => {};
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const raised = await superviseOverdue({ ds: subgraph.ds, now: subgraph.now(), actor: 'system:supervision-sweep', config });
      if (raised) subgraph.log.info({ raised }, 'supervision sweep raised levels');
    } catch (e) {
      subgraph.log.error({ err: e }, 'supervision sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), config.sweepSeconds * 1000);
  return () => clearInterval(timer);
}
