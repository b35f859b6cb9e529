// web-tree-sitter's CommonJS build. Its ES module build finds Node's require through
// `await import("module")`, which the bundle's module shim does not give named exports; this one
// requires what it needs directly, in the bundle and in the tests alike.
module.exports = require('web-tree-sitter');
