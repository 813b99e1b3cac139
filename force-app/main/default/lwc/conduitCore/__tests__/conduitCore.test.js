/*
 * c/conduitCore is the domain core bundled for Lightning. These tests load it the way a component does
 * and check what Lightning Web Security and the platform require of it.
 */
const fs = require('fs');
const path = require('path');
const acorn = require('acorn');
const walk = require('acorn-walk');

const BUNDLE = path.resolve(__dirname, '../conduitCore.js');
const DEMO_PROGRAM = path.resolve(__dirname, '../../../../../../config/conduit.program.json');

function demoProgram() {
    return JSON.parse(fs.readFileSync(DEMO_PROGRAM, 'utf8'));
}

describe('c/conduitCore', () => {
    let core;
    const constructedFunctions = [];
    const OriginalFunction = globalThis.Function;

    beforeAll(() => {
        // Lightning Web Security forbids the Function constructor: record any use of it while the
        // module loads and parses.
        globalThis.Function = new Proxy(OriginalFunction, {
            construct(target, args) {
                constructedFunctions.push(args);
                return Reflect.construct(target, args);
            },
            apply(target, thisArg, args) {
                constructedFunctions.push(args);
                return Reflect.apply(target, thisArg, args);
            }
        });
        jest.isolateModules(() => {
            core = require('c/conduitCore');
        });
    });

    afterAll(() => {
        globalThis.Function = OriginalFunction;
    });

    it('validates the demo program as the server does', () => {
        const result = core.parseProgram(demoProgram());

        expect(result.success).toBe(true);
        expect(result.data.tiers.map((tier) => tier.id)).toEqual([
            'registered',
            'silver',
            'gold',
            'platinum'
        ]);
    });

    it('reports a bad program with the path, code and sentence of the issue', () => {
        const program = demoProgram();
        program.tiers[2].rank = 2;

        const result = core.parseProgram(program);

        expect(result.success).toBe(false);
        expect(result.issues).toEqual([
            {
                path: ['tiers', 2, 'rank'],
                code: 'tier_rank_duplicate',
                message:
                    'Tier "Gold" has rank 2, which tier "Silver" already has: each tier needs its own rank.'
            }
        ]);
    });

    it('never builds code at run time', () => {
        for (let run = 0; run < 3; run++) core.parseProgram(demoProgram());

        expect(constructedFunctions).toEqual([]);
    });

    it('is one self-contained module under the 1 MB limit of a component file', () => {
        const source = fs.readFileSync(BUNDLE, 'utf8');
        const program = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'module' });
        const found = new Set();
        walk.full(program, (node) => found.add(node.type));

        expect(Buffer.byteLength(source)).toBeLessThan(1024 * 1024);
        expect(found.has('ImportDeclaration')).toBe(false);
        expect(found.has('ImportExpression')).toBe(false);
        expect(found.has('ExportNamedDeclaration')).toBe(true);
        expect(source).not.toMatch(/new Function\b|\beval\(/);
        expect(source).not.toMatch(/\brequire\(/);
    });
});
