import { formatPackageConfig } from '../../scripts/tsup-format.js';

export default formatPackageConfig();
