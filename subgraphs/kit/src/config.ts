import { z } from 'zod';

export class ConfigError extends Error {}

/**
 * Parses the environment once, at start-up. A bad value stops the process with a message
 * naming the variable and what it expected.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** `mysql://user:pass@host:3306/name`; absent means the embedded SQLite file. */
export const dbUrl = z
  .string()
  .regex(/^(mysql|mariadb):\/\/.+\/[A-Za-z0-9_$]+(\?.*)?$/, 'expected mysql://user:pass@host:3306/database')
  .optional();

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** What every process (gateway and subgraphs) reads. */
export const commonEnv = {
  DATA_DIR: z.string().min(1).default('./data'),
  AUTH_SECRET: z.string().min(32, 'expected at least 32 characters').optional(),
  LOG_LEVEL: logLevel.default('info'),
};

/** The environment of one subgraph: PLACES_DB_URL, PLACES_PORT, ... */
export function subgraphEnv(name: string, defaultPort: number) {
  const upper = name.toUpperCase();
  return z
    .object({
      ...commonEnv,
      [`${upper}_DB_URL`]: dbUrl,
      [`${upper}_PORT`]: port(defaultPort),
      PLACES_URL: z.url().default('http://127.0.0.1:4001/graphql'),
      PEOPLE_URL: z.url().default('http://127.0.0.1:4002/graphql'),
      ENTERPRISES_URL: z.url().default('http://127.0.0.1:4003/graphql'),
      ISSUES_URL: z.url().default('http://127.0.0.1:4004/graphql'),
      DEMO_DATA: z.enum(['true', 'false']).default('false'),
      DEMO_SEED: z.coerce.number().int().default(2023),
      DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
    })
    .transform((e: Record<string, unknown>) => ({
      dataDir: e.DATA_DIR as string,
      authSecret: e.AUTH_SECRET as string | undefined,
      logLevel: e.LOG_LEVEL as string,
      dbUrl: e[`${upper}_DB_URL`] as string | undefined,
      port: e[`${upper}_PORT`] as number,
      peers: {
        places: e.PLACES_URL as string,
        people: e.PEOPLE_URL as string,
        enterprises: e.ENTERPRISES_URL as string,
        issues: e.ISSUES_URL as string,
      },
      /** Load the shared demo world into an empty database at start-up (npm start sets it). */
      demo: e.DEMO_DATA === 'true' ? { seed: e.DEMO_SEED as number, scale: e.DEMO_SCALE as number } : null,
    }));
}
export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnv>>;
