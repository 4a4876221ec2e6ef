/** Version of @echemkit/analysis-pulse, recorded in every result (kept equal to package.json by a test). */
export const PACKAGE_VERSION = '0.1.0';
