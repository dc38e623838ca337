// The image's HEALTHCHECK: GET /health of the service this container runs. PID 1's command names
// it (dist/gateway/src/main.js or dist/subgraphs/<name>/src/main.js); its port is <NAME>_PORT
// (GATEWAY_PORT) or the default the registry gives. Exit 0 when it answers 200.
const { readFileSync } = require('node:fs');
const { registry } = require('../dist/subgraphs/registry.js');

const command = readFileSync('/proc/1/cmdline', 'utf8');
const name = /dist\/subgraphs\/([a-z0-9]+)\/src\/main\.js/.exec(command)?.[1];
const port = name
  ? process.env[`${name.toUpperCase()}_PORT`] ?? registry.find((e) => e.name === name)?.port
  : process.env.GATEWAY_PORT ?? 4000;
fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2500) }).then(
  (r) => process.exit(r.ok ? 0 : 1),
  () => process.exit(1),
);
