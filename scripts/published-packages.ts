/** The packages published to npm (folders under packages/), each with a README, a LICENSE and an API report. */
export const PUBLISHED_PACKAGES = ['core', 'decorators', 'nestjs', 'cli'] as const;

/** One of `PUBLISHED_PACKAGES`. */
export type PublishedPackage = (typeof PUBLISHED_PACKAGES)[number];

/** The repository, as package.json `repository`, `homepage` and `bugs` and the package READMEs link it. */
export const REPOSITORY_URL = 'https://github.com/spearmint-framework/spearmint-ts';
