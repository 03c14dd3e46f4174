/**
 * The layering, checked by `npm run lint` (dependency-cruiser resolves every import, type-only ones
 * included, so a moved file or a re-export cannot slip past it as a text search would).
 *   core     → nothing of Mnemo's outside src/core, no Node API, and only pure libraries (i18next: catalogs in memory; wanakana: kana tables);
 *   chat     → core only (the platform-neutral flows between core and the adapters);
 *   adapters → never src/db, and never another adapter (discord, slack, console each stand alone);
 *   installs → never an adapter, never src/db (OAuth installs reach storage through their rows port).
 */
const PURE_LIBRARIES = 'node_modules/(i18next|luxon|ts-fsrs|wanakana|yaml|zod)/';
const NPM = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment: 'src/core is the domain: it knows no platform, storage, logger or process (STYLE.md, Shape).',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-no-node-api',
      comment: 'src/core runs anywhere: time, files and randomness come in through ports.',
      severity: 'error',
      from: { path: '^src/(core|chat)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-only-pure-libraries',
      comment: 'src/core and src/chat use only libraries without I/O (dates, FSRS, YAML, schemas).',
      severity: 'error',
      from: { path: '^src/(core|chat)/' },
      to: { dependencyTypes: NPM, pathNot: PURE_LIBRARIES },
    },
    {
      name: 'chat-imports-only-core',
      comment: 'src/chat holds every flow once, for every platform: it builds on core and nothing else.',
      severity: 'error',
      from: { path: '^src/chat/' },
      to: { path: '^src/', pathNot: '^src/(core|chat)/' },
    },
    {
      name: 'adapters-not-db',
      comment: 'An adapter reaches storage only through core (and src/chat): never src/db.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/db/' },
    },
    {
      name: 'adapters-not-each-other',
      comment: 'Discord, Slack and the console each translate for one platform; what they share lives in src/chat.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    {
      name: 'installs-not-adapters-or-db',
      comment: 'Installing Mnemo (OAuth, sealed tokens) is not translation: its storage is a port, its platform code its own.',
      severity: 'error',
      from: { path: '^src/installs/' },
      to: { path: '^src/(adapters|db)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
};
