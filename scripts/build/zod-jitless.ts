import * as z from 'zod';

// zod decides at schema construction whether to compile parsers with `new Function`: turn that off
// before the core's schemas are built.
z.config({ jitless: true });
