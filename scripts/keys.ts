// npm run keys: development keys in DATA_DIR/keys (npm start and npm run token make them too):
// the token issuer's key pair and one per service, with the public JWKS files the processes read.
// Existing keys are kept. In production the identity provider holds the token key instead.
import { devKeyPaths, ensureDevKeys, subgraphEntries } from '@cadres/kit';

const dataDir = process.env.DATA_DIR ?? './data';
ensureDevKeys(dataDir, ['gateway', ...subgraphEntries().map((e) => e.name)]).then(() => {
  const paths = devKeyPaths(dataDir);
  console.log(`Keys in ${dataDir}/keys: tokens are verified with ${paths.tokenKeys}, service credentials with ${paths.serviceKeys}`);
});
