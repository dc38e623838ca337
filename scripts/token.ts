// Prints a signed token for the local stack: npm run token -- --role ADMIN [--scope 370502000000]
//   [--sub NAME] [--department ID] [--cadre ID] [--expires 12h]
// Signed with the development issuer key under DATA_DIR (created if missing), whose public half
// the local processes trust. In production tokens come from the identity provider instead.
import { parseArgs } from 'node:util';
import { devTokenSigner, isValidDivisionCode, roles, type Role } from '@cadres/kit';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'ADMIN' },
    scope: { type: 'string' },
    sub: { type: 'string' },
    department: { type: 'string' },
    cadre: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

const role = values.role!.toUpperCase() as Role;
if (!roles.includes(role)) {
  console.error(`--role must be one of ${roles.join(', ')}`);
  process.exit(2);
}
if (values.scope && !isValidDivisionCode(values.scope)) {
  console.error('--scope must be a valid 12-digit division code, e.g. 370502000000');
  process.exit(2);
}

const viewer = {
  sub: values.sub ?? `dev-${role.toLowerCase()}`,
  role,
  scope: values.scope ?? null,
  departmentId: values.department,
  cadreId: values.cadre,
};
devTokenSigner(process.env.DATA_DIR ?? './data')
  .then((sign) => sign(viewer, values.expires!))
  .then((token) => console.log(token));
