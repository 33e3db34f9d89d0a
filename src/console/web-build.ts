/**
 * Where the operator console's built files are: `web/dist` under the package root, found from
 * this module's location rather than the working directory, so the same folder is served under
 * tsx from src/ and from the compiled dist/, wherever the hub is started from.
 */
import { fromPackageRoot } from '../lib/package-root';

/** The console's build output (`npm run build:web`). */
export const webBuildDir = fromPackageRoot('web', 'dist');
