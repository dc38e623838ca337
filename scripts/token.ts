// Prints a signed token for the local stack: npm run token -- --role ADMIN [--scope 370502000000]
//   [--sub NAME] [--department ID] [--cadre ID] [--expires 12h]
// Signed with AUTH_SECRET, or with the development secret under DATA_DIR that npm start uses.
import { parseArgs } from 'node:util';
import { isValidDivisionCode, resolveAuthSecret, roles, signToken, type Role } from '@cadres/kit';

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

const secret = resolveAuthSecret(process.env.AUTH_SECRET, process.env.DATA_DIR ?? './data');
signToken(
  {
    sub: values.sub ?? `dev-${role.toLowerCase()}`,
    role,
    scope: values.scope ?? null,
    departmentId: values.department,
    cadreId: values.cadre,
  },
  secret,
  values.expires,
).then((token) => console.log(token));
