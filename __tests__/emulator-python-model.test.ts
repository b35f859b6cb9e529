// The emulated model behind odahu-ml-server: Python's JSON reading and writing, and the mean-of-row
// prediction with numpy's conversions and scikit-learn's refusals.

import { predict, PredictionError } from '../src/emulator/emulated-model.js';
import { pyDumps, pyFloat, pyLoads, pyRepr, PythonJsonError } from '../src/emulator/python-json.js';

describe("Python's json.loads", () => {
  it('reads what JSON.parse reads, and NaN and Infinity', () => {
    expect(pyLoads(' {"data": [[1, 2.5e1, -0.5]], "columns": ["a"], "x": null, "t": true} ')).toEqual({
      data: [[1, 25, -0.5]],
      columns: ['a'],
      x: null,
      t: true,
    });
    expect(pyLoads('[NaN, Infinity, -Infinity, "\\u00e9\\n"]')).toEqual([NaN, Infinity, -Infinity, 'é\n']);
  });

  it.each([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['{"data": }', 'Expecting value: line 1 column 10 (char 9)'],
    ['{data: 1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['{"a": 1}\n x', 'Extra data: line 2 column 2 (char 10)'],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\qb"', "Invalid \\escape: 'q': line 1 column 3 (char 2)"],
  ])('words the error for %j as Python does', (text, message) => {
    expect(() => pyLoads(text)).toThrow(new PythonJsonError(message));
  });
});

describe("Python's json.dumps and repr", () => {
  it('prints floats as repr does and separates with ", " and ": "', () => {
    expect(pyDumps({ prediction: [2, 0.1, 1e-5, 1e16, 123.456], columns: ['prediction'] })).toBe(
      '{"prediction": [2.0, 0.1, 1e-05, 1e+16, 123.456], "columns": ["prediction"]}',
    );
    expect(pyFloat(6.3881577909662886)).toBe('6.3881577909662886');
    expect(pyDumps({ message: 'é "q"' })).toBe('{"message": "\\u00e9 \\"q\\""}');
  });

  it('quotes strings as repr does', () => {
    expect(pyRepr('abc')).toBe("'abc'");
    expect(pyRepr("it's")).toBe('"it\'s"');
  });
});

describe('the emulated model', () => {
  it("predicts each row's arithmetic mean", () => {
    expect(
      predict(
        [
          [1, 2, 3],
          [4, 5, 6],
          [10, 0, 0.5],
        ],
        ['a', 'b', 'c'],
      ),
    ).toEqual([2, 5, 3.5]);
    expect(
      predict(
        [
          [true, '2', ' 3.5 '],
          ['1_000', 0, '2e0'],
        ],
        undefined,
      ),
    ).toEqual([(1 + 2 + 3.5) / 3, (1000 + 0 + 2) / 3]);
    expect(predict([7, 8], undefined)).toEqual([7, 8]);
  });

  it.each([
    [[[1, 'abc']], undefined, "could not convert string to float: 'abc'"],
    [[[1, '']], undefined, "could not convert string to float: ''"],
    [[[1, 2], [3]], ['a', 'b', 'c'], '3 columns passed, passed data had 2 columns'],
    [[[1, 2], [3]], undefined, "Input contains NaN, infinity or a value too large for dtype('float64')."],
    [[[1, null]], undefined, "Input contains NaN, infinity or a value too large for dtype('float64')."],
    [[[1, [2]]], undefined, 'setting an array element with a sequence.'],
    [[[1, { a: 1 }]], undefined, "float() argument must be a string or a real number, not 'dict'"],
    ['abc', undefined, 'DataFrame constructor not properly called!'],
    [[[]], undefined, 'Found array with 0 feature(s) (shape=(1, 0)) while a minimum of 1 is required.'],
  ])('refuses %j (columns %j)', (data, columns, message) => {
    expect(() => predict(data, columns)).toThrow(new PredictionError(message));
  });
});
