// Kubernetes quantities and the resource checks built on them.

import {
  QuantityParseError,
  compareQuantities,
  parseQuantity,
  quantityGoSyntax,
  quantityMilliValue,
  quantityString,
} from '../src/emulator/rules/quantity.js';
import { resourceErrors, resourceParseErrors } from '../src/emulator/rules/resources.js';

const FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe('parseQuantity and quantityString', () => {
  it.each([
    ['2024m', '2024m'],
    ['2Gi', '2Gi'],
    ['100M', '100M'],
    ['1e3', '1e3'],
    ['1E3', '1E3'],
    ['1000e0', '1e3'],
    ['1.5', '1500m'],
    ['.5', '500m'],
    ['1000m', '1'],
    ['2048Mi', '2Gi'],
    ['8Gi', '8Gi'],
    ['0.5Gi', '512Mi'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['0.1n', '1n'],
    ['1e-10', '1e-9'],
    ['12345678901234567890', '12345678901234567890'],
    ['+1', '+1'],
    ['-1', '-1'],
    ['-0.5', '-500m'],
    ['0', '0'],
    ['000', '0'],
    ['1E', '1E'],
  ])('%s → %s', (text, printed) => {
    expect(quantityString(parseQuantity(text))).toBe(printed);
  });

  it.each([
    ['abc', FORMAT_ERROR],
    ['1x', FORMAT_ERROR],
    ['1.5.5', FORMAT_ERROR],
    ['1Gi ', FORMAT_ERROR],
    ['', FORMAT_ERROR],
    ['1KK', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
    ['1Mi3', "unable to parse quantity's suffix"],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseQuantity(text)).toThrow(new QuantityParseError(message));
  });

  it('compares exactly across units', () => {
    const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a), parseQuantity(b));
    expect(cmp('2', '2000m')).toBe(0);
    expect(cmp('1', '1.5')).toBe(-1);
    expect(cmp('1Gi', '1G')).toBe(1);
    expect(cmp('128Mi', '134217728')).toBe(0);
  });

  it('gives milli-values rounded away from zero', () => {
    expect(quantityMilliValue(parseQuantity('0.5'))).toBe(500n);
    expect(quantityMilliValue(parseQuantity('1.0001'))).toBe(1001n);
    expect(quantityMilliValue(parseQuantity('-0.0001'))).toBe(-1n);
    expect(quantityMilliValue(parseQuantity('2Ki'))).toBe(2048000n);
  });

  it("prints Go's %#v of the struct, the cached input included", () => {
    expect(quantityGoSyntax(parseQuantity('0.5'))).toBe(
      'resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}',
    );
    expect(quantityGoSyntax(parseQuantity('1500m'))).toContain('value:1500, scale:-3}');
    expect(quantityGoSyntax(parseQuantity('1500m'))).toContain('s:"1500m"');
  });
});

describe('resource checks', () => {
  it.each([
    [{ requests: { cpu: 'lots' } }, [`validation of cpu request is failed: ${FORMAT_ERROR}`]],
    [
      { limits: { memory: '1KK' } },
      ["validation of memory limit is failed: unable to parse quantity's suffix"],
    ],
    [{ requests: { gpu: 'x' } }, [`validation of gpu request is failed: ${FORMAT_ERROR}`]],
    [
      { limits: { gpu: 'x' }, requests: { gpu: 'y' } },
      [`validation of gpu limit is failed: ${FORMAT_ERROR}`],
    ],
    [
      { requests: { cpu: 'a', memory: 'b' }, limits: { cpu: 'c' } },
      [
        `validation of cpu request is failed: ${FORMAT_ERROR}`,
        `validation of memory request is failed: ${FORMAT_ERROR}`,
        `validation of cpu limit is failed: ${FORMAT_ERROR}`,
      ],
    ],
    [{ requests: { cpu: '2', memory: '' } }, []],
  ])('parse errors of %j', (resources, errors) => {
    expect(resourceParseErrors(resources)).toEqual(errors);
  });

  it.each([
    [
      { requests: { cpu: '2' }, limits: { cpu: '1' } },
      ['resources.requests: Invalid value: "2": must be less than or equal to cpu limit'],
    ],
    [
      { requests: { memory: '2048Mi' }, limits: { memory: '1Gi' } },
      ['resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit'],
    ],
    [{ requests: { cpu: '1' }, limits: { cpu: '1000m' } }, []],
    [
      { limits: { cpu: '-1' } },
      ['resources.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0'],
    ],
    [
      { requests: { memory: '-1.5Gi' } },
      ['resources.requests[memory]: Invalid value: "-1536Mi": must be greater than or equal to 0'],
    ],
    [
      { limits: { gpu: '0.5' } },
      [
        'resources.limits[nvidia.com/gpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:5, scale:-1}, ' +
          'd:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer',
      ],
    ],
    [{ requests: { gpu: '2' } }, []],
    // A limit that does not parse counts as zero, so a request above it is refused too.
    [
      { requests: { cpu: '1' }, limits: { cpu: 'x' } },
      [
        `validation of cpu limit is failed: ${FORMAT_ERROR}`,
        'resources.requests: Invalid value: "1": must be less than or equal to cpu limit',
      ],
    ],
    [undefined, []],
  ])('Kubernetes rules for %j', (resources, errors) => {
    expect(resourceErrors(resources)).toEqual(errors);
  });
});
