import { FREE_MAIL_DOMAINS_FILE, renderFreeMailDomains } from './free-mail-domains.js';
import { renderSubdivisionCodes, SUBDIVISION_CODES_FILE } from './subdivision-codes.js';

/** A committed file that a script writes: where it lives and how to produce its content. */
export interface GeneratedFile {
  file: string;
  render: () => Promise<string>;
}

/**
 * Every generated file, in the order they must be written: the ISO 3166-2 and free-mail tables first,
 * because the core (which the others import) reads them. The later ones are imported lazily for that reason.
 */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { file: SUBDIVISION_CODES_FILE, render: async () => renderSubdivisionCodes() },
  { file: FREE_MAIL_DOMAINS_FILE, render: async () => renderFreeMailDomains() },
  {
    file: 'config/conduit.program.schema.json',
    render: async () => (await import('./program-json-schema.js')).renderProgramJsonSchema(),
  },
  {
    file: 'force-app/main/default/lwc/conduitCore/conduitCore.js',
    render: async () => (await import('./lwc-core-bundle.js')).bundleLwcCore(),
  },
];
