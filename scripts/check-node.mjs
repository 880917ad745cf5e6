// Runs before install-time and npm scripts: the repo brings its own Node 24 as a devDependency
// (node_modules/.bin/node). If that step was skipped (npm ci --ignore-scripts), npm scripts fall
// back to the system Node, which may be too old for ink 8, got 16 and conf 16.
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(
    `wazo-tui needs Node >= 22, but npm scripts are running on Node ${process.versions.node}.\n` +
      'The repository brings Node 24 as a devDependency; it is missing here.\n' +
      'Repair it with `npm rebuild node` (or run `npm ci` again without --ignore-scripts).',
  );
  process.exit(1);
}
