import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

/**
 * GraphiQL served from the project's own node_modules: government intranets have no internet,
 * so nothing may come from a CDN. graphiql@3 and react@18 ship browser bundles.
 */
// The packages' "exports" hide these bundles from require.resolve, so resolve the package root.
const packageFile = (pkg: string, file: string) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

const assets: Record<string, { file: string; type: string }> = {
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
};

export const exampleQuery = `# 干部下基层: one query, four subgraphs.
# A token is needed (the link npm start prints carries one; or: npm run token -- --role ANALYST).
query District($code: ID! = "370523000000") {   # 广饶县
  division(code: $code) {                      # places
    name
    level
    ancestors { name }
    children(first: 5) { totalCount nodes { code name } }
    coverage {                                 # people: 两个全覆盖
      villagesAndCommunities
      withRankedLiaison
      uncovered(first: 5) { nodes { name } }
      householdsVisitedEnough
      households
    }
    enterprises(first: 3) {                    # enterprises
      totalCount
      nodes { name category liaisons { cadre { name rank } } }
    }
    projects(first: 5) {                       # key projects and their lights
      nodes { name light plannedProgress actualProgress liaisons { cadre { name } } }
    }
    issueStats {                               # issues: the closed loop
      total open red
      responseRate resolutionRate satisfactionRate onTimeRate
    }
    issues(filter: { light: [RED] }, first: 5) {
      nodes { ref title status deadline assignee { name } }
    }
  }
}
`;

const page = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>干部下基层 · GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.min.css">
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    #bar { display: flex; gap: .5rem; align-items: center; padding: .4rem .8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
    #bar input { flex: 1; font-family: monospace; padding: .25rem .4rem; }
    #graphiql { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <div id="bar">
    <label for="token">Bearer token</label>
    <input id="token" type="password" autocomplete="off" placeholder="paste the token printed by npm start, or: npm run token -- --role ANALYST">
    <span id="status"></span>
  </div>
  <div id="graphiql">Loading GraphiQL…</div>
  <script src="/graphiql/react.production.min.js"></script>
  <script src="/graphiql/react-dom.production.min.js"></script>
  <script src="/graphiql/graphiql.min.js"></script>
  <script src="/graphiql/app.js"></script>
</body>
</html>
`;

const app = `(function () {
  var KEY = 'cadres.graphiql.token';
  var input = document.getElementById('token');
  var status = document.getElementById('status');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  // npm start prints a link with #token=…: the fragment never reaches a server. Keep it, then drop it from the address bar.
  var fromLink = /[#&]token=([^&]+)/.exec(location.hash);
  if (fromLink) {
    localStorage.setItem(KEY, decodeURIComponent(fromLink[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  input.value = localStorage.getItem(KEY) || '';
  function bearer() {
    var t = input.value.trim();
    return t ? (/^bearer /i.test(t) ? t : 'Bearer ' + t) : null;
  }
  function render() {
    var auth = bearer();
    status.textContent = auth ? '' : 'no token: requests will be UNAUTHENTICATED';
    var fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      fetch: function (url, init) {
        var headers = new Headers((init && init.headers) || {});
        if (auth && !headers.has('authorization')) headers.set('authorization', auth);
        return fetch(url, Object.assign({}, init, { headers: headers }));
      },
    });
    // A new key re-mounts GraphiQL so that the schema is fetched again with the new token.
    root.render(React.createElement(GraphiQL, { key: auth || 'anonymous', fetcher: fetcher, defaultQuery: ${JSON.stringify(exampleQuery)} }));
  }
  input.addEventListener('change', function () {
    localStorage.setItem(KEY, input.value.trim());
    render();
  });
  render();
})();
`;

export const graphiqlHtml = page;

/** Answers /graphiql/<asset>; false when the path is not ours. */
export async function serveGraphiqlAsset(pathname: string, res: ServerResponse): Promise<boolean> {
  const name = pathname.slice('/graphiql/'.length);
  if (name === 'app.js') {
    res.setHeader('content-type', 'text/javascript; charset=utf-8');
    res.end(app);
    return true;
  }
  // Own keys only: `constructor`, `__proto__` and `toString` are not assets.
  const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
  if (!asset) return false;
  res.setHeader('content-type', `${asset.type}; charset=utf-8`);
  res.setHeader('cache-control', 'public, max-age=86400');
  res.end(await readFile(asset.file));
  return true;
}

export function serveGraphiqlPage(res: ServerResponse) {
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(page);
}
