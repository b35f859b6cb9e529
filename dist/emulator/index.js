import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 290:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("async_hooks");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8877:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ }),

/***/ 7880:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ compactVerify)
/* harmony export */ });
/* harmony import */ var _lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9806);

async function compactVerify(jws, key, options) {
  const [result] = await (0,_lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyCompact */ .BO)(jws, (0,_lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .prepareVerify */ .F_)(options), key);
  return result;
}



/***/ }),

/***/ 4605:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ jwtVerify)
/* harmony export */ });
/* harmony import */ var _lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9806);
/* harmony import */ var _lib_jwt_claims_set_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5526);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5674);



async function jwtVerify(jwt, key, options) {
  const [verified, b64] = await (0,_lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .verifyCompact */ .BO)(jwt, (0,_lib_jws_verify_js__WEBPACK_IMPORTED_MODULE_0__/* .prepareVerify */ .F_)(options), key);
  if (!b64)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWTInvalid */ .Dp("JWTs MUST NOT use unencoded payload");
  const payload = (0,_lib_jwt_claims_set_js__WEBPACK_IMPORTED_MODULE_2__/* .validateClaimsSet */ .k6)(verified.protectedHeader, verified.payload, options);
  return { ...verified, payload };
}



/***/ }),

/***/ 7968:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JU: () => (/* binding */ exportJWK)
/* harmony export */ });
/* unused harmony exports exportPKCS8, exportSPKI */
/* harmony import */ var _lib_key_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7859);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1445);



function exportSPKI(key) {
  return exportPublic(key);
}
function exportPKCS8(key) {
  return exportPrivate(key);
}
async function exportJWK(key) {
  if ((0,_lib_key_js__WEBPACK_IMPORTED_MODULE_0__/* .isKeyObject */ .D2)(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .l)(key)
    };
  if (!(0,_lib_key_js__WEBPACK_IMPORTED_MODULE_0__/* .isCryptoKey */ .R7)(key))
    throw new TypeError((0,_lib_key_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidKeyInput */ .XP)(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}



/***/ }),

/***/ 7410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D0: () => (/* binding */ decoder),
/* harmony export */   Rd: () => (/* binding */ encoder),
/* harmony export */   VS: () => (/* binding */ uint32be),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   br: () => (/* binding */ digest),
/* harmony export */   lF: () => (/* binding */ encode),
/* harmony export */   mx: () => (/* binding */ uint64be),
/* harmony export */   u8: () => (/* binding */ strictDecoder),
/* harmony export */   xW: () => (/* binding */ concat),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
const encoder = new TextEncoder(), decoder = new TextDecoder(), strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
function writeUInt32BE(buf, value, offset) {
  if (value < 0 || value >= UINT32_RANGE)
    throw new RangeError(`value must be >= 0 and <= ${UINT32_RANGE - 1}. Received ${value}`);
  buf.set([value >>> 24, value >>> 16, value >>> 8, value & 255], offset);
}
function uint64be(value) {
  const high = Math.floor(value / UINT32_RANGE), low = value % UINT32_RANGE, buf = new Uint8Array(8);
  return writeUInt32BE(buf, high, 0), writeUInt32BE(buf, low, 4), buf;
}
function uint32be(value) {
  const buf = new Uint8Array(4);
  return writeUInt32BE(buf, value), buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = !1) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}



/***/ }),

/***/ 9347:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Oe: () => (/* binding */ jweEncryption),
/* harmony export */   eD: () => (/* binding */ jweAlgorithm),
/* harmony export */   p3: () => (/* binding */ isJWECEKTransport),
/* harmony export */   po: () => (/* binding */ JWE)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5674);
/* harmony import */ var _key_descriptor_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3035);


const wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
], derive = [[], ["deriveBits"]], none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = !1) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
const JWE = (0,_key_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .t)({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: !0,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, !0),
  A192GCMKW: aeskw(192, !0),
  A256GCMKW: aeskw(256, !0),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
}), contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = !1) {
  return {
    kty: ["oct"],
    secret: !0,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
const ENC = (0,_key_descriptor_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .t)({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, !0),
  "A192CBC-HS384": contentEncryption(384, !0),
  "A256CBC-HS512": contentEncryption(512, !0)
});
function unsupported(parameter, name) {
  throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0(`Invalid or unsupported "${parameter}" (JWE ${name}) header value`);
}
function jweAlgorithm(alg) {
  return (typeof alg == "string" ? JWE[alg] : void 0) ?? unsupported("alg", "Algorithm");
}
function isJWECEKTransport(algorithm) {
  return algorithm.mode === "key-wrapping" || algorithm.mode === "key-encryption" || algorithm.mode === "key-agreement-with-key-wrapping";
}
function jweEncryption(enc) {
  return (typeof enc == "string" ? ENC[enc] : void 0) ?? unsupported("enc", "Encryption Algorithm");
}



/***/ }),

/***/ 8109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ JWS),
/* harmony export */   q: () => (/* binding */ jwsAlgorithm)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5674);
/* harmony import */ var _key_descriptor_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3035);


const sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: !0, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
const JWS = (0,_key_descriptor_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .t)({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JOSENotSupported */ .T0(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}



/***/ }),

/***/ 9806:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ verifyCompact),
/* harmony export */   F_: () => (/* binding */ prepareVerify)
/* harmony export */ });
/* unused harmony exports encodeJsonUnencodedPayload, parseProtectedHeader, snapshotJws, verifySignature */
/* harmony import */ var _jws_algorithms_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8109);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5674);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7410);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7784);
/* harmony import */ var _key_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7859);





function snapshotJws(jws, sharedPayload) {
  const encodedProtectedHeader = jws.protected, inputHeader = jws.header, header = isObject(inputHeader) ? { ...inputHeader } : inputHeader;
  let payload = sharedPayload ? sharedPayload[0] : jws.payload;
  !sharedPayload && payload instanceof Uint8Array && (payload = new Uint8Array(payload));
  const signature = jws.signature, snapshot = { payload, signature };
  if (encodedProtectedHeader !== void 0 && (snapshot.protected = encodedProtectedHeader), inputHeader !== void 0 && (snapshot.header = header), encodedProtectedHeader === void 0 && header === void 0)
    throw new JWSInvalid('Flattened JWS must have either of the "protected" or "header" members');
  if (encodedProtectedHeader !== void 0 && typeof encodedProtectedHeader != "string")
    throw new JWSInvalid("JWS Protected Header incorrect type");
  if (payload === void 0)
    throw new JWSInvalid("JWS Payload missing");
  if (typeof signature != "string")
    throw new JWSInvalid("JWS Signature missing or incorrect type");
  if (header !== void 0 && !isObject(header))
    throw new JWSInvalid("JWS Unprotected Header incorrect type");
  return snapshot;
}
function prepareVerify(options) {
  return [options && (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .validateAlgorithms */ .Fw)("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
  return encodedProtectedHeader === void 0 ? {} : (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJoseHeader */ .OX)(encodedProtectedHeader, _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye, "JWS Protected Header is invalid");
}
function encodeJsonUnencodedPayload(payload) {
  const invalid = /[\p{Cs}\p{Cn}]/u.exec(payload)?.[0];
  if (invalid !== void 0)
    throw new JWSInvalid(/\p{Cs}/u.test(invalid) ? "JWS Payload must be a well-formed Unicode string" : "JWS Payload must not contain unassigned Unicode code points");
  return encoder.encode(payload);
}
function encodeCompactUnencodedPayload(payload) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .encode */ .lF)(payload);
  } catch (cause) {
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("JWS Compact Serialization payload must use only ASCII characters", {
      cause
    });
  }
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
  const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
  if (!(0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .isDisjoint */ .fz)(protectedHeader, header))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...header }, b64 = (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .validateB64 */ .J0)(protectedHeader, (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .validateCrit */ .nI)(_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye, _validate_js__WEBPACK_IMPORTED_MODULE_0__/* .JWS_RECOGNIZED */ .qc, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  if (shared[0] && !shared[0].has(alg))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JOSEAlgNotAllowed */ .Rb('"alg" (Algorithm) Header Parameter value not allowed');
  if (b64) {
    if (typeof inputPayload != "string")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("JWS Payload must be a string");
  } else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("JWS Payload must be a string or an Uint8Array instance");
  const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
  let resolvedKey = !1;
  typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = !0);
  const entry = (0,_jws_algorithms_js__WEBPACK_IMPORTED_MODULE_3__/* .jwsAlgorithm */ .q)(alg), signingInput = (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .concat */ .xW)(encodedProtectedHeader !== void 0 ? (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .encode */ .lF)(encodedProtectedHeader) : new Uint8Array(), (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .encode */ .lF)("."), typeof signingPayload == "string" ? shared[2] ??= (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeAsciiMember */ .MV)(signingPayload, "payload", _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye) : signingPayload), signature = (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64url */ .h2)(jws.signature, "signature", _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye), verificationKey = await (0,_key_js__WEBPACK_IMPORTED_MODULE_4__/* .prepareKey */ .dT)(entry, key, "verify"), cryptoKey = await (0,_key_js__WEBPACK_IMPORTED_MODULE_4__/* .rawKey */ .GK)(verificationKey, entry.subtle, "verify");
  entry.minRsaBits && (0,_key_js__WEBPACK_IMPORTED_MODULE_4__/* .checkModulusLength */ .or)(entry.alg, cryptoKey);
  let verified = !1;
  try {
    verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
  } catch (cause) {
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSSignatureVerificationFailed */ .h2(void 0, { cause });
  }
  if (!verified)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSSignatureVerificationFailed */ .h2();
  const result = { payload: typeof signingPayload == "string" ? (0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64url */ .h2)(signingPayload, "payload", _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye) : signingPayload };
  return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{ ...result, key: verificationKey }, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
  if (jws instanceof Uint8Array && (jws = _buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .decoder */ .D0.decode(jws)), typeof jws != "string")
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("Compact JWS must be a string or Uint8Array");
  const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
  if (length !== 3)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .JWSInvalid */ .Ye("Invalid Compact JWS");
  return verifySignature({ payload, protected: protectedHeader, signature }, shared, key, encodeCompactUnencodedPayload);
}



/***/ }),

/***/ 5526:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _g: () => (/* binding */ jwtClaimsSetBytes),
/* harmony export */   cE: () => (/* binding */ JWTClaimsBuilder),
/* harmony export */   k6: () => (/* binding */ validateClaimsSet)
/* harmony export */ });
/* unused harmony exports jwtClaim, secs */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5674);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7410);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7784);



const epoch = (date) => Math.floor(date.getTime() / 1e3), multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
}, REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i, checkFailed = "check_failed";
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4]?.toLowerCase() === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
function validateStringClaim(claim, value) {
  if (typeof value != "string")
    throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
  if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string")))
    throw new TypeError('"aud" claim must be a string or an array of strings');
}
function numericDate(value, label) {
  return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
const normalizeTyp = (value) => {
  const normalized = value.toLowerCase();
  return value.includes("/") ? normalized : `application/${normalized}`;
}, checkAudiencePresence = (audPayload, audOption) => typeof audPayload == "string" ? audOption.includes(audPayload) : Array.isArray(audPayload) ? audOption.some((aud) => audPayload.includes(aud)) : !1;
function validateNumericDate(claimsSet, claim, required = !1) {
  const value = claimsSet[claim];
  if (!(value === void 0 && !required)) {
    if (typeof value != "number")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie(`"${claim}" claim must be a number`, claimsSet, claim, "invalid");
    return value;
  }
}
function unexpectedClaim(claimsSet, claim) {
  throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie(`unexpected "${claim}" claim value`, claimsSet, claim, checkFailed);
}
function validateClaimsSet(protectedHeader, claimsSetBytes, options = {}) {
  let claimsSet;
  try {
    claimsSet = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWT Claims Set must be a top-level JSON object", { cause });
  }
  if (!(0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(claimsSet))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWT Claims Set must be a top-level JSON object");
  const { typ } = options;
  if (typ !== void 0 && (typeof protectedHeader.typ != "string" || normalizeTyp(protectedHeader.typ) !== normalizeTyp(typ)))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie('unexpected "typ" JWT header value', claimsSet, "typ", checkFailed);
  const { requiredClaims = [], issuer, subject, audience, maxTokenAge } = options, presenceCheck = [...requiredClaims];
  maxTokenAge !== void 0 && presenceCheck.push("iat"), audience !== void 0 && presenceCheck.push("aud"), subject !== void 0 && presenceCheck.push("sub"), issuer !== void 0 && presenceCheck.push("iss");
  for (const claim of new Set(presenceCheck.reverse()))
    if (!Object.hasOwn(claimsSet, claim))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie(`missing required "${claim}" claim`, claimsSet, claim, "missing");
  issuer !== void 0 && !(Array.isArray(issuer) ? issuer : [issuer]).includes(claimsSet.iss) && unexpectedClaim(claimsSet, "iss"), subject !== void 0 && claimsSet.sub !== subject && unexpectedClaim(claimsSet, "sub"), audience !== void 0 && !checkAudiencePresence(claimsSet.aud, typeof audience == "string" ? [audience] : audience) && unexpectedClaim(claimsSet, "aud");
  const { clockTolerance } = options;
  let tolerance = 0;
  if (typeof clockTolerance == "string")
    tolerance = secs(clockTolerance);
  else if (clockTolerance !== void 0) {
    if (typeof clockTolerance != "number")
      throw new TypeError("Invalid clockTolerance option type");
    tolerance = clockTolerance;
  }
  if (validateInput("clockTolerance option", tolerance), tolerance < 0)
    throw new TypeError("Invalid clockTolerance option input");
  const { currentDate } = options, now = validateInput("currentDate option", epoch(currentDate === void 0 ? /* @__PURE__ */ new Date() : currentDate)), iat = validateNumericDate(claimsSet, "iat", maxTokenAge !== void 0), nbf = validateNumericDate(claimsSet, "nbf");
  if (nbf !== void 0 && nbf > now + tolerance)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie('"nbf" claim timestamp check failed', claimsSet, "nbf", checkFailed);
  const exp = validateNumericDate(claimsSet, "exp");
  if (exp !== void 0 && exp <= now - tolerance)
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTExpired */ .n('"exp" claim timestamp check failed', claimsSet, "exp", checkFailed);
  if (maxTokenAge !== void 0) {
    const age = now - iat, max = validateInput("maxTokenAge option", typeof maxTokenAge == "number" ? maxTokenAge : secs(maxTokenAge));
    if (max < 0)
      throw new TypeError("Invalid maxTokenAge option input");
    if (age - tolerance > max)
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTExpired */ .n('"iat" claim timestamp check failed (too far in the past)', claimsSet, "iat", checkFailed);
    if (age < -tolerance)
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTClaimValidationFailed */ .ie('"iat" claim timestamp check failed (it should be in the past)', claimsSet, "iat", checkFailed);
  }
  return claimsSet;
}
let producerClaimsSets;
function producerClaimsSet(producer) {
  return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
  const claimsSet = producerClaimsSet(producer);
  for (const claim of ["iat", "nbf", "exp"]) {
    const value = claimsSet[claim];
    if (typeof value == "number" && !Number.isFinite(value))
      throw new TypeError(`"${claim}" claim must be a finite number`);
  }
  return _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encoder */ .Rd.encode(JSON.stringify(claimsSet));
}
function jwtClaim(producer, claim) {
  return producerClaimsSet(producer)[claim];
}
class JWTClaimsBuilder {
  constructor(claimsSet = {}) {
    if (!(0,_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(claimsSet))
      throw new TypeError("JWT Claims Set MUST be an object");
    (producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
  }
  setIssuer(value) {
    return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
  }
  setSubject(value) {
    return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
  }
  setAudience(value) {
    return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
  }
  setJti(value) {
    return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
  }
  setNotBefore(value) {
    return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
  }
  setExpirationTime(value) {
    return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
  }
  setIssuedAt(value) {
    const claimsSet = producerClaimsSet(this);
    return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
  }
}



/***/ }),

/***/ 7859:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ isKeyObject),
/* harmony export */   GK: () => (/* binding */ rawKey),
/* harmony export */   GZ: () => (/* binding */ checkUsage),
/* harmony export */   Ni: () => (/* binding */ checkCryptoKey),
/* harmony export */   P2: () => (/* binding */ isKeyLike),
/* harmony export */   R7: () => (/* binding */ isCryptoKey),
/* harmony export */   Tz: () => (/* binding */ assertCryptoKey),
/* harmony export */   XP: () => (/* binding */ invalidKeyInput),
/* harmony export */   ZZ: () => (/* binding */ snapshotJwk),
/* harmony export */   dT: () => (/* binding */ prepareKey),
/* harmony export */   l: () => (/* binding */ validateExtractableOption),
/* harmony export */   oX: () => (/* binding */ normalizeJwk),
/* harmony export */   or: () => (/* binding */ checkModulusLength),
/* harmony export */   xY: () => (/* binding */ jwkToKey)
/* harmony export */ });
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7784);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1445);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5674);



const tag = (key) => key[Symbol.toStringTag], jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.kty === "AKP" && key.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if ((0,_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .Gv)(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
let cache;
const nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
function assertCryptoKey(key) {
  if (!isCryptoKey(key))
    throw new Error("CryptoKey instance expected");
}
const isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return !0;
  try {
    return key instanceof CryptoKey;
  } catch {
    return !1;
  }
}, isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject", isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
const invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
const unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = !1) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}



/***/ }),

/***/ 889:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ms: () => (/* binding */ algArgument),
/* harmony export */   Ze: () => (/* binding */ keyAlgorithm),
/* harmony export */   yt: () => (/* binding */ unsupportedAlg)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5674);
/* harmony import */ var _jws_algorithms_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8109);
/* harmony import */ var _jwe_algorithms_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9347);



const algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JOSENotSupported */ .T0(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? _jws_algorithms_js__WEBPACK_IMPORTED_MODULE_1__/* .JWS */ .p[alg] ?? _jwe_algorithms_js__WEBPACK_IMPORTED_MODULE_2__/* .JWE */ .po[alg] : void 0) ?? unsupportedAlg(source);
}



/***/ }),

/***/ 3035:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ table)
/* harmony export */ });
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}



/***/ }),

/***/ 7784:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ validateCritDuplicates),
/* harmony export */   CT: () => (/* binding */ JWE_RECOGNIZED),
/* harmony export */   Fw: () => (/* binding */ validateAlgorithms),
/* harmony export */   GT: () => (/* binding */ assertUint8Array),
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   J0: () => (/* binding */ validateB64),
/* harmony export */   MV: () => (/* binding */ encodeAsciiMember),
/* harmony export */   OX: () => (/* binding */ parseJoseHeader),
/* harmony export */   ac: () => (/* binding */ assertNotSet),
/* harmony export */   fV: () => (/* binding */ isJwkSet),
/* harmony export */   fz: () => (/* binding */ isDisjoint),
/* harmony export */   h2: () => (/* binding */ decodeBase64url),
/* harmony export */   ji: () => (/* binding */ serializeJoseHeader),
/* harmony export */   nI: () => (/* binding */ validateCrit),
/* harmony export */   qc: () => (/* binding */ JWS_RECOGNIZED)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5674);
/* harmony import */ var _util_base64url_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1445);
/* harmony import */ var _buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7410);



function assertUint8Array(input, label) {
  if (!(input instanceof Uint8Array))
    throw new TypeError(`${label} must be an instance of Uint8Array`);
}
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return !1;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isJwkSet(input) {
  return isObject(input) && Array.isArray(input.keys) && Array.from(input.keys).every(isObject);
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return !1;
        parameters.add(parameter);
      }
  return !0;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
  try {
    return (0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return (0,_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .encode */ .lF)(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(_buffer_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .strictDecoder */ .u8.decode((0,_util_base64url_js__WEBPACK_IMPORTED_MODULE_0__/* .decode */ .D)(encodedProtectedHeader)));
  } catch (cause) {
    throw new ErrorClass(message, { cause });
  }
  if (!isObject(parsed))
    throw new ErrorClass(message);
  return parsed;
}
const JWS_RECOGNIZED = { __proto__: null, b64: !0 }, JWE_RECOGNIZED = { __proto__: null };
function validateAlgorithms(option, algorithms) {
  if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string")))
    throw new TypeError(`"${option}" option must be an array of strings`);
  return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JOSENotSupported */ .T0(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .JWSInvalid */ .Ye('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return !0;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}



/***/ }),

/***/ 1445:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ decode),
/* harmony export */   l: () => (/* binding */ encode)
/* harmony export */ });
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7410);

const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(typeof input == "string" ? input : _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .decoder */ .D0.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode(input) {
  return (0,_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeBase64 */ .WG)(typeof input == "string" ? _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_0__/* .encoder */ .Rd.encode(input) : input, !0);
}



/***/ }),

/***/ 7961:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ decodeJwt)
/* harmony export */ });
/* harmony import */ var _base64url_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1445);
/* harmony import */ var _lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7410);
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7784);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5674);




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT");
  if (!encodedPayload)
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = (0,_base64url_js__WEBPACK_IMPORTED_MODULE_1__/* .decode */ .D)(encodedPayload);
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(_lib_buffer_utils_js__WEBPACK_IMPORTED_MODULE_2__/* .strictDecoder */ .u8.decode(claimsSetBytes));
  } catch (cause) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!(0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(claimsSet))
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .JWTInvalid */ .Dp("Invalid JWT Claims Set");
  return claimsSet;
}



/***/ }),

/***/ 1196:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ decodeProtectedHeader)
/* harmony export */ });
/* harmony import */ var _lib_validate_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7784);

function decodeProtectedHeader(token) {
  let encodedProtectedHeader;
  if (typeof token == "string") {
    const parts = token.split(".");
    (parts.length === 3 || parts.length === 5) && ([encodedProtectedHeader] = parts);
  } else if (typeof token == "object" && token)
    if ("protected" in token)
      encodedProtectedHeader = token.protected;
    else
      throw new TypeError("Token does not contain a Protected Header");
  const invalid = "Invalid Token or Protected Header formatting";
  if (typeof encodedProtectedHeader != "string" || !encodedProtectedHeader)
    throw new TypeError(invalid);
  return (0,_lib_validate_js__WEBPACK_IMPORTED_MODULE_0__/* .parseJoseHeader */ .OX)(encodedProtectedHeader, TypeError, invalid);
}



/***/ }),

/***/ 5674:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ JWKSMultipleMatchingKeys),
/* harmony export */   BT: () => (/* binding */ JWKSNoMatchingKey),
/* harmony export */   Dm: () => (/* binding */ JWKSInvalid),
/* harmony export */   Dp: () => (/* binding */ JWTInvalid),
/* harmony export */   Rb: () => (/* binding */ JOSEAlgNotAllowed),
/* harmony export */   T0: () => (/* binding */ JOSENotSupported),
/* harmony export */   Ye: () => (/* binding */ JWSInvalid),
/* harmony export */   _L: () => (/* binding */ JWKInvalid),
/* harmony export */   aA: () => (/* binding */ JWEInvalid),
/* harmony export */   h2: () => (/* binding */ JWSSignatureVerificationFailed),
/* harmony export */   i4: () => (/* binding */ JOSEError),
/* harmony export */   ie: () => (/* binding */ JWTClaimValidationFailed),
/* harmony export */   n: () => (/* binding */ JWTExpired),
/* harmony export */   xO: () => (/* binding */ JWEDecryptionFailed),
/* harmony export */   xb: () => (/* binding */ JWKSTimeout)
/* harmony export */ });
class JOSEError extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message, options) {
    super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
}
class JWTClaimValidationFailed extends JOSEError {
  static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JWTExpired extends JOSEError {
  static code = "ERR_JWT_EXPIRED";
  code = "ERR_JWT_EXPIRED";
  claim;
  reason;
  payload;
  constructor(message, payload, claim = "unspecified", reason = "unspecified") {
    super(message, { cause: { claim, reason, payload } }), this.claim = claim, this.reason = reason, this.payload = payload;
  }
}
class JOSEAlgNotAllowed extends JOSEError {
  static code = "ERR_JOSE_ALG_NOT_ALLOWED";
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class JOSENotSupported extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends JOSEError {
  static code = "ERR_JWE_INVALID";
  code = "ERR_JWE_INVALID";
}
class JWSInvalid extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends JOSEError {
  static code = "ERR_JWKS_INVALID";
  code = "ERR_JWKS_INVALID";
}
class JWKSNoMatchingKey extends JOSEError {
  static code = "ERR_JWKS_NO_MATCHING_KEY";
  code = "ERR_JWKS_NO_MATCHING_KEY";
  constructor(message = "no applicable key found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {
  };
  static code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  code = "ERR_JWKS_MULTIPLE_MATCHING_KEYS";
  constructor(message = "multiple matching keys found in the JSON Web Key Set", options) {
    super(message, options);
  }
}
class JWKSTimeout extends JOSEError {
  static code = "ERR_JWKS_TIMEOUT";
  code = "ERR_JWKS_TIMEOUT";
  constructor(message = "request timed out", options) {
    super(message, options);
  }
}
class JWSSignatureVerificationFailed extends JOSEError {
  static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
  constructor(message = "signature verification failed", options) {
    super(message, options);
  }
}



/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/shared/thrown.ts
// Whatever was thrown, as something to report. No dependencies: the emulator and the workflow runner
// use it too.
/** Any thrown value as an Error. Duck-typed: errors of Node's own realm fail `instanceof Error` in a vm. */
function asError(value) {
    if (typeof value === 'object' && value !== null && typeof value.message === 'string') {
        return value;
    }
    return new Error(String(value));
}
/** The message of any thrown value, for a one-line report. */
function messageOf(error) {
    return asError(error).message;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __nccwpck_require__(7067);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var key = __nccwpck_require__(7859);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jws_algorithms.js
var jws_algorithms = __nccwpck_require__(8109);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __nccwpck_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/validate.js
var validate = __nccwpck_require__(7784);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwks/local.js




function isUsableJWK(jwk, entry, alg, kid) {
  const { kty, key_ops: keyOps, ext, kid: jwkKid, alg: jwkAlg, use, crv } = jwk;
  return (ext === void 0 || typeof ext == "boolean") && (keyOps === void 0 || Array.isArray(keyOps) && keyOps.every((operation, index) => typeof operation == "string" && keyOps.indexOf(operation) === index) && keyOps.includes("verify")) && entry.kty.includes(kty) && (kid === void 0 || typeof kid == "string" && kid === jwkKid) && (jwkAlg === void 0 ? kty !== "AKP" : alg === jwkAlg) && (use === void 0 || use === "sig") && (!entry.crv || crv === entry.crv);
}
async function importWithAlgCache(cache, jwk, entry) {
  const cached = cache.get(jwk) || cache.set(jwk, {}).get(jwk), { alg } = entry;
  if (cached[alg] === void 0) {
    const pending = (0,key/* jwkToKey */.xY)(entry, jwk, !0).then((key) => {
      if (key.type !== "public")
        throw new errors/* JWKSInvalid */.Dm("JSON Web Key Set members must be public keys");
      return cached[alg] = key, key;
    }).catch((error) => {
      throw cached[alg] === pending && delete cached[alg], error;
    });
    cached[alg] = pending;
  }
  return cached[alg];
}
function createLocalJWKSet(jwks) {
  let snapshot;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new errors/* JWKSInvalid */.Dm("JSON Web Key Set malformed", { cause });
  }
  if (!(0,validate/* isJwkSet */.fV)(snapshot))
    throw new errors/* JWKSInvalid */.Dm("JSON Web Key Set malformed");
  const metadata = snapshot.keys.map((jwk) => {
    const normalized = (0,key/* snapshotJwk */.ZZ)(jwk);
    return Array.isArray(normalized.key_ops) && (normalized.key_ops = [...normalized.key_ops]), normalized;
  }), cached = /* @__PURE__ */ new WeakMap();
  return Object.defineProperty(async (protectedHeader, token) => {
    const { alg, kid } = { ...protectedHeader, ...token?.header }, entry = typeof alg == "string" ? jws_algorithms/* JWS */.p[alg] : void 0;
    if (!entry || entry.secret)
      throw new errors/* JOSENotSupported */.T0('Unsupported "alg" value for a JSON Web Key Set');
    const candidates = snapshot.keys.filter((_, index) => isUsableJWK(metadata[index], entry, alg, kid)), { 0: jwk, length } = candidates;
    if (!length)
      throw new errors/* JWKSNoMatchingKey */.BT();
    if (length !== 1) {
      const error = new errors/* JWKSMultipleMatchingKeys */.$4();
      throw error[Symbol.asyncIterator] = async function* () {
        for (const jwk2 of candidates)
          try {
            yield await importWithAlgCache(cached, jwk2, entry);
          } catch {
          }
      }, error;
    }
    return importWithAlgCache(cached, jwk, entry);
  }, "jwks", {
    value: () => structuredClone(snapshot)
  });
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js
var decode_jwt = __nccwpck_require__(7961);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/verify.js
var verify = __nccwpck_require__(4605);
;// CONCATENATED MODULE: ./src/shared/realm-roles.ts
// The realm roles Odahu's policies read from a token (realm_access.roles, mapped in the API's
// mapper.rego): admin, data scientist, viewer. The emulator signs them into its tokens and checks
// them; the actions read them to refuse early what the token may not do.

const REALM_ROLES = {
    admin: 'odahu_admin',
    data_scientist: 'odahu_data_scientist',
    viewer: 'odahu_viewer',
};
/** `realm_access.roles` of a token's claims; none when the claim is absent or malformed. */
function realmRolesOf(claims) {
    const access = claims.realm_access;
    if (typeof access !== 'object' || access === null)
        return [];
    const roles = access.roles;
    return Array.isArray(roles) ? roles.filter((r) => typeof r === 'string') : [];
}
/**
 * The realm roles a bearer token carries (unverified: only to refuse early), or undefined when that
 * cannot be told: an opaque token, or a JWT without realm_access.
 */
function tokenRealmRoles(token) {
    let claims;
    try {
        claims = decodeJwt(token);
    }
    catch {
        return undefined;
    }
    return typeof claims.realm_access === 'object' && claims.realm_access !== null
        ? realmRolesOf(claims)
        : undefined;
}

;// CONCATENATED MODULE: ./src/emulator/access.ts
// Who may call what. In a real cluster the API server checks no token itself: Istio's JWT filter
// (Envoy) rejects missing or bad tokens with 401 and OPA decides by realm role (403 "RBAC: access
// denied"); each model's sidecar does the same against the deployment's roleName. The emulator
// verifies the signature against its provider's keys, the issuer and the expiry, in Envoy's order.


const ACCESS_DENIED = 'RBAC: access denied';
class TokenVerifier {
    issuer;
    keys;
    constructor(issuer, publicKeys) {
        this.issuer = issuer;
        this.keys = createLocalJWKSet(publicKeys);
    }
    /** Checks an Authorization header; the reasons are Envoy jwt_authn's answer texts. */
    async verify(authorization) {
        const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
        if (!match?.[1])
            return { ok: false, reason: 'Jwt is missing' };
        const token = match[1];
        if (token.split('.').length !== 3) {
            return {
                ok: false,
                reason: 'Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections',
            };
        }
        let claims;
        try {
            claims = (0,decode_jwt/* decodeJwt */.i)(token);
        }
        catch {
            return { ok: false, reason: 'Jwt verification fails' };
        }
        if (claims.iss !== this.issuer)
            return { ok: false, reason: 'Jwt issuer is not configured' };
        const now = Math.floor(Date.now() / 1000);
        if (typeof claims.exp === 'number' && claims.exp <= now)
            return { ok: false, reason: 'Jwt is expired' };
        if (typeof claims.nbf === 'number' && claims.nbf > now)
            return { ok: false, reason: 'Jwt not yet valid' };
        try {
            // Times were checked above; a tolerance here keeps jose from judging them a second time.
            const verified = await (0,verify/* jwtVerify */.V)(token, this.keys, {
                issuer: this.issuer,
                algorithms: ['RS256'],
                clockTolerance: 60,
            });
            return { ok: true, claims: verified.payload };
        }
        catch {
            return { ok: false, reason: 'Jwt verification fails' };
        }
    }
}
/** Envoy's challenge header on a 401. */
function bearerChallenge(url, reason) {
    return reason === 'Jwt is missing'
        ? `Bearer realm="${url}"`
        : `Bearer realm="${url}", error="invalid_token"`;
}
/**
 * The API's OPA policy (helms/odahu-flow-core/policies/api/permissions.rego and core.rego): a role may
 * do what one of its [method, resource] pairs matches, each a regular expression tried anywhere in
 * the text (OPA's re_match), unanchored unless it says ^ or $. The resource is Envoy's
 * `attributes.request.http.path`, the request target as the client sent it: the path with its query
 * string, undecoded. So `GET /api/v1/connection?type=git` matches no connection rule (the rule ends
 * in `/*$`) and is denied to data scientists and viewers, while the `.*` rules match with a query.
 */
/** Paths a data scientist may do anything on, and a viewer GET. */
const SCIENCE_PATHS = [
    /^\/api\/v1\/model\/deployment.*/,
    /^\/api\/v1\/model\/packaging.*/,
    /^\/api\/v1\/model\/training.*/,
];
/** Paths data scientists and viewers may GET. */
const READ_PATHS = [
    /^\/api\/v1\/model\/route.*/,
    /^\/api\/v1\/configuration.*/,
    /^\/api\/v1\/connection\/*[a-zA-Z0-9-]*\/*$/,
    /^\/api\/v1\/packaging\/integration.*/,
    /^\/api\/v1\/user.*/,
    /^\/api\/v1\/toolchain\/integration.*/,
];
const ANY = /.*/;
const GET = /GET/;
const API_PERMISSIONS = {
    [REALM_ROLES.admin]: [[ANY, ANY]],
    [REALM_ROLES.data_scientist]: [
        ...SCIENCE_PATHS.map((path) => [ANY, path]),
        ...READ_PATHS.map((path) => [GET, path]),
    ],
    [REALM_ROLES.viewer]: [...SCIENCE_PATHS, ...READ_PATHS].map((path) => [GET, path]),
};
/** What core.rego lets any token GET: `/`, `/health`, and anything with `/swagger` in it (unanchored). */
const OPEN_TO_ALL = [/^\/$/, /\/swagger.*/, /^\/health$/];
/** The API's OPA policy, for a request `target` (path and query, as sent) by a token with `roles`. */
function apiAllows(roles, method, target) {
    if (method === 'GET' && OPEN_TO_ALL.some((resource) => resource.test(target)))
        return true;
    return roles.some((role) => (API_PERMISSIONS[role] ?? []).some(([action, resource]) => action.test(method) && resource.test(target)));
}
/** A model's OPA policy: the deployment's roleName, or a data scientist or admin. */
function modelAllows(roles, roleName) {
    return (roles.includes(roleName) ||
        roles.includes(REALM_ROLES.data_scientist) ||
        roles.includes(REALM_ROLES.admin));
}

;// CONCATENATED MODULE: ./src/emulator/cluster.ts
// What the emulator's API rules (src/emulator/rules) may see of the cluster, and how they refuse a
// request. The runtime (server, store, controller) implements ClusterView; the rules stay pure.
/** A refusal the server answers with `{"message": ...}` (or an empty body for a Go panic). */
class ApiFailure extends Error {
    status;
    emptyBody;
    constructor(status, message, 
    /** A Go panic answers 500 with an empty body. */
    emptyBody = false) {
        super(message);
        this.status = status;
        this.emptyBody = emptyBody;
        this.name = 'ApiFailure';
    }
}

;// CONCATENATED MODULE: ./src/emulator/clock.ts
// Wall-clock time with nanoseconds, printed the way Go's encoding/json prints a time.Time: RFC 3339,
// fractional seconds with trailing zeros trimmed. The real server answers a POST/PUT with time.Now()
// (ns) and later reads the value back from Postgres (µs), so the emulator keeps both precisions.
/** Nanoseconds since the epoch at an arbitrary hrtime origin: hrtime is monotonic and has ns ticks. */
const originNs = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
const ZERO_TIME = '0001-01-01T00:00:00Z';
function nowNs() {
    return originNs + process.hrtime.bigint();
}
/** `digits` = 9 for a fresh time.Now(), 6 for a value read back from Postgres, 0 for Kubernetes times. */
function rfc3339(ns, digits) {
    const ms = Number(ns / 1000000n);
    const seconds = new Date(ms).toISOString().slice(0, 19);
    if (digits === 0)
        return `${seconds}Z`;
    const fraction = (ns % 1000000000n).toString().padStart(9, '0').slice(0, digits).replace(/0+$/, '');
    return fraction ? `${seconds}.${fraction}Z` : `${seconds}Z`;
}
function moment() {
    const ns = nowNs();
    return { answer: rfc3339(ns, 9), stored: rfc3339(ns, 6) };
}

;// CONCATENATED MODULE: ./src/emulator/rules/go-json.ts
// The first JSON value of a request body, read the way Go's encoding/json Decoder reads it: syntax
// errors carry the scanner's texts, an empty body is `EOF`, a value cut short is `unexpected EOF`, and
// whatever follows the first value is never looked at. The result keeps what the decoder needs to
// apply Go's rules later: number literals as written, object members in order with duplicates, and
// each value's raw text (time.Time decodes from it).
/** A body Go's decoder rejects before any value is stored; the message is Go's error text. */
class GoJsonSyntaxError extends Error {
    constructor(message) {
        super(message);
        this.name = 'GoJsonSyntaxError';
    }
}
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const utf8 = new TextDecoder();
function readFirstJsonValue(body) {
    const reader = new Reader(new TextEncoder().encode(body));
    reader.skipSpace();
    if (reader.atEnd())
        throw new GoJsonSyntaxError('EOF');
    return reader.value();
}
/** How Go's scanner names an offending byte: `'x'`, `'\n'`, `'\x01'`, `'"'`. */
function quoteChar(c) {
    if (c === 0x27)
        return `'\\''`;
    if (c === 0x22)
        return `'"'`;
    const named = {
        0x07: '\\a',
        0x08: '\\b',
        0x0c: '\\f',
        0x0a: '\\n',
        0x0d: '\\r',
        0x09: '\\t',
        0x0b: '\\v',
        0x5c: '\\\\',
    };
    const name = named[c];
    if (name !== undefined)
        return `'${name}'`;
    const hex = c.toString(16).padStart(2, '0');
    if (c < 0x20 || c === 0x7f)
        return `'\\x${hex}'`;
    // Go turns the byte into the rune U+00XX before quoting; C1 controls, NBSP and SHY are not printable.
    if ((c >= 0x80 && c <= 0xa0) || c === 0xad)
        return `'\\u00${hex}'`;
    return `'${String.fromCharCode(c)}'`;
}
class Reader {
    bytes;
    pos = 0;
    constructor(bytes) {
        this.bytes = bytes;
    }
    atEnd() {
        return this.pos >= this.bytes.length;
    }
    skipSpace() {
        while (!this.atEnd() && SPACE.has(this.bytes[this.pos]))
            this.pos++;
    }
    value() {
        const start = this.pos;
        const c = this.next();
        switch (c) {
            case 0x7b:
                return this.object(start);
            case 0x5b:
                return this.array(start);
            case 0x22:
                return { kind: 'string', value: this.stringBody(), raw: this.raw(start) };
            case 0x74:
                this.literal('true');
                return { kind: 'bool', value: true, raw: 'true' };
            case 0x66:
                this.literal('false');
                return { kind: 'bool', value: false, raw: 'false' };
            case 0x6e:
                this.literal('null');
                return { kind: 'null', raw: 'null' };
            default:
                if (c === 0x2d || isDigit(c)) {
                    this.number(c);
                    const literal = this.raw(start);
                    return { kind: 'number', literal, raw: literal };
                }
                return this.fail(c, 'looking for beginning of value');
        }
    }
    object(start) {
        const members = [];
        this.skipSpace();
        if (this.peek() === 0x7d) {
            this.pos++;
            return { kind: 'object', members, raw: this.raw(start) };
        }
        for (;;) {
            this.skipSpace();
            const quote = this.next();
            if (quote !== 0x22)
                this.fail(quote, 'looking for beginning of object key string');
            const key = this.stringBody();
            this.skipSpace();
            const colon = this.next();
            if (colon !== 0x3a)
                this.fail(colon, 'after object key');
            this.skipSpace();
            members.push([key, this.value()]);
            this.skipSpace();
            const after = this.next();
            if (after === 0x7d)
                return { kind: 'object', members, raw: this.raw(start) };
            if (after !== 0x2c)
                this.fail(after, 'after object key:value pair');
        }
    }
    array(start) {
        const items = [];
        this.skipSpace();
        if (this.peek() === 0x5d) {
            this.pos++;
            return { kind: 'array', items, raw: this.raw(start) };
        }
        for (;;) {
            this.skipSpace();
            items.push(this.value());
            this.skipSpace();
            const after = this.next();
            if (after === 0x5d)
                return { kind: 'array', items, raw: this.raw(start) };
            if (after !== 0x2c)
                this.fail(after, 'after array element');
        }
    }
    /** The rest of a string after its opening quote, unescaped as Go does (bad surrogates become U+FFFD). */
    stringBody() {
        let text = '';
        let runStart = this.pos;
        const flush = (end) => {
            text += utf8.decode(this.bytes.subarray(runStart, end));
        };
        for (;;) {
            const c = this.next();
            if (c === 0x22) {
                flush(this.pos - 1);
                return text;
            }
            if (c < 0x20)
                this.fail(c, 'in string literal');
            if (c !== 0x5c)
                continue;
            flush(this.pos - 1);
            const escape = this.next();
            const simple = {
                0x22: '"',
                0x5c: '\\',
                0x2f: '/',
                0x62: '\b',
                0x66: '\f',
                0x6e: '\n',
                0x72: '\r',
                0x74: '\t',
            };
            const char = simple[escape];
            if (char !== undefined) {
                text += char;
            }
            else if (escape === 0x75) {
                text += this.unicodeEscape();
            }
            else {
                this.fail(escape, 'in string escape code');
            }
            runStart = this.pos;
        }
    }
    unicodeEscape() {
        const unit = this.hex4();
        if (unit < 0xd800 || unit > 0xdfff)
            return String.fromCharCode(unit);
        // Go pairs a high surrogate with an immediately following \uDC00-\uDFFF escape, else U+FFFD.
        const p = this.pos;
        if (unit < 0xdc00 && this.bytes[p] === 0x5c && this.bytes[p + 1] === 0x75) {
            const digits = utf8.decode(this.bytes.subarray(p + 2, p + 6));
            const low = /^[0-9a-fA-F]{4}$/.test(digits) ? parseInt(digits, 16) : -1;
            if (low >= 0xdc00 && low <= 0xdfff) {
                this.pos += 6;
                return String.fromCharCode(unit, low);
            }
        }
        return '\ufffd';
    }
    hex4() {
        let unit = 0;
        for (let i = 0; i < 4; i++) {
            const c = this.next();
            const digit = hexValue(c);
            if (digit < 0)
                this.fail(c, 'in \\u hexadecimal character escape');
            unit = unit * 16 + digit;
        }
        return unit;
    }
    number(first) {
        let c = first;
        if (c === 0x2d) {
            c = this.next();
            if (!isDigit(c))
                this.fail(c, 'in numeric literal');
        }
        if (c !== 0x30)
            this.digits();
        if (this.peek() === 0x2e) {
            this.pos++;
            const d = this.next();
            if (!isDigit(d))
                this.fail(d, 'after decimal point in numeric literal');
            this.digits();
        }
        const e = this.peek();
        if (e === 0x65 || e === 0x45) {
            this.pos++;
            let d = this.next();
            if (d === 0x2b || d === 0x2d)
                d = this.next();
            if (!isDigit(d))
                this.fail(d, 'in exponent of numeric literal');
            this.digits();
        }
    }
    digits() {
        while (isDigit(this.peek()))
            this.pos++;
    }
    literal(word) {
        for (let i = 1; i < word.length; i++) {
            const c = this.next();
            const expected = word.charCodeAt(i);
            if (c !== expected)
                this.fail(c, `in literal ${word} (expecting ${quoteChar(expected)})`);
        }
    }
    peek() {
        return this.bytes[this.pos];
    }
    /** The next byte; running out inside a value is Go's io.ErrUnexpectedEOF. */
    next() {
        const c = this.bytes[this.pos++];
        if (c === undefined)
            throw new GoJsonSyntaxError('unexpected EOF');
        return c;
    }
    raw(start) {
        return utf8.decode(this.bytes.subarray(start, this.pos));
    }
    fail(c, context) {
        throw new GoJsonSyntaxError(`invalid character ${quoteChar(c)} ${context}`);
    }
}
function isDigit(c) {
    return c !== undefined && c >= 0x30 && c <= 0x39;
}
function hexValue(c) {
    if (isDigit(c))
        return c - 0x30;
    if (c >= 0x61 && c <= 0x66)
        return c - 0x57;
    if (c >= 0x41 && c <= 0x46)
        return c - 0x37;
    return -1;
}

;// CONCATENATED MODULE: ./src/emulator/rules/go-time.ts
// time.Time.UnmarshalJSON: Go parses the raw JSON text (quotes included) with the layout
// `"2006-01-02T15:04:05Z07:00"` and reports time.ParseError texts. Mirrors Go's parse loop for that one
// layout: each element in turn, range checks (`month out of range`), fractional seconds accepted
// after the seconds, then `extra text`. Values are quoted as Go 1.14's time package did (no escaping).
const QUOTED_RFC3339 = '"2006-01-02T15:04:05Z07:00"';
/** The layout cut into (literal prefix, standard element) pairs, as Go's nextStdChunk yields them. */
const LAYOUT = [
    { prefix: '"', std: '2006' },
    { prefix: '-', std: '01' },
    { prefix: '-', std: '02' },
    { prefix: 'T', std: '15' },
    { prefix: ':', std: '04' },
    { prefix: ':', std: '05' },
    { prefix: '', std: 'Z07:00' },
    { prefix: '"', std: null },
];
/** Go's error for a JSON value that is not an RFC 3339 time, or undefined when it parses. */
function goTimeJsonError(raw) {
    const fail = (layoutElem, valueElem) => `parsing time ${quote(raw)} as ${quote(QUOTED_RFC3339)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`;
    const outOfRange = (what) => `parsing time ${quote(raw)}: ${what} out of range`;
    let value = raw;
    let year = 0;
    let month = 0;
    let day = 0;
    for (const { prefix, std } of LAYOUT) {
        if (!value.startsWith(prefix)) {
            // Go reports what is left after the part of the prefix that did match.
            let matched = 0;
            while (matched < prefix.length && value[matched] === prefix[matched])
                matched++;
            return fail(prefix, value.slice(matched));
        }
        value = value.slice(prefix.length);
        if (std === null) {
            if (value !== '')
                return `parsing time ${quote(raw)}: extra text: ${value}`;
            break;
        }
        const before = value;
        const parsed = parseElement(std, value);
        if (parsed === undefined)
            return fail(std, before);
        value = parsed.rest;
        if (std === '2006')
            year = parsed.number;
        if (std === '01')
            month = parsed.number;
        if (std === '02')
            day = parsed.number;
        if (parsed.rangeError)
            return outOfRange(parsed.rangeError);
    }
    if (day < 1 || day > daysIn(month, year))
        return outOfRange('day');
    return undefined;
}
function parseElement(std, value) {
    switch (std) {
        case '2006':
            if (!/^\d{4}/.test(value))
                return undefined;
            return { number: Number(value.slice(0, 4)), rest: value.slice(4) };
        case '01':
            return twoDigits(value, (n) => (n <= 0 || n > 12 ? 'month' : undefined));
        case '02':
            return twoDigits(value, () => undefined);
        case '15':
            return hour(value);
        case '04':
            return twoDigits(value, (n) => (n >= 60 ? 'minute' : undefined));
        case '05':
            return seconds(value);
        case 'Z07:00':
            return zone(value);
    }
}
function twoDigits(value, range) {
    if (!/^\d\d/.test(value))
        return undefined;
    const number = Number(value.slice(0, 2));
    const rangeError = range(number);
    return { number, rest: value.slice(2), ...(rangeError ? { rangeError } : {}) };
}
/** `15` takes one or two digits. */
function hour(value) {
    const digits = /^\d\d?/.exec(value)?.[0];
    if (digits === undefined)
        return undefined;
    const number = Number(digits);
    return { number, rest: value.slice(digits.length), ...(number >= 24 ? { rangeError: 'hour' } : {}) };
}
/** Seconds, then any fractional part the input has although the layout does not name one. */
function seconds(value) {
    const parsed = twoDigits(value, (n) => (n >= 60 ? 'second' : undefined));
    if (parsed === undefined || parsed.rangeError)
        return parsed;
    const fraction = /^\.\d+/.exec(parsed.rest)?.[0];
    if (fraction === undefined)
        return parsed;
    // Go reads at most nine digits as nanoseconds; a tenth makes the value reach 1e9.
    const rangeError = fraction.length > 10 ? 'fractional second' : undefined;
    return { ...parsed, rest: parsed.rest.slice(fraction.length), ...(rangeError ? { rangeError } : {}) };
}
function zone(value) {
    if (value.startsWith('Z'))
        return { number: 0, rest: value.slice(1) };
    if (value.length < 6 || value[3] !== ':')
        return undefined;
    if (!/^\d\d$/.test(value.slice(1, 3)) || !/^\d\d$/.test(value.slice(4, 6)))
        return undefined;
    if (value[0] !== '+' && value[0] !== '-')
        return undefined;
    return { number: 0, rest: value.slice(6) };
}
function daysIn(month, year) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function quote(s) {
    return `"${s}"`;
}

;// CONCATENATED MODULE: ./src/shared/shapes.ts
// What each kind's JSON looks like to the Odahu server: field names, JSON types and the Go types the
// server decodes them into. Read by the manifest loader (shape errors, unknown-field warnings, YAML
// scalars turned into the string a string field needs) and by the emulator (Go encoding/json errors,
// e.g. `json: cannot unmarshal number into Go struct field ModelIdentity.spec.model.version of type string`).
const str = { t: 'string' };
const int32 = { t: 'int', go: 'int32' };
const bool = { t: 'bool' };
const any = { t: 'any' };
const obj = (go, fields) => ({ t: 'object', go, fields });
const arr = (of) => ({ t: 'array', of });
const map = (of) => ({ t: 'map', of });
const stringMap = map(str);
const resourceList = obj('ResourceList', { cpu: str, memory: str, gpu: str });
const resources = obj('ResourceRequirements', { limits: resourceList, requests: resourceList });
const envs = arr(obj('EnvironmentVariable', { name: str, value: str }));
const connectionReference = obj('ConnectionReference', { connection: str, path: str });
/** The envelope every kind shares; `spec` and `status` differ. */
function resource(go, spec, status, extra = {}) {
    return obj(go, { id: str, createdAt: str, updatedAt: str, deletionMark: bool, spec, status, ...extra });
}
const KIND_SHAPES = {
    ModelTraining: resource('ModelTraining', obj('ModelTrainingSpec', {
        model: obj('ModelIdentity', { name: str, version: str, artifactNameTemplate: str }),
        toolchain: str,
        image: str,
        entrypoint: str,
        args: arr(str),
        data: arr(obj('DataBindingDir', { connection: str, localPath: str, remotePath: str })),
        envs,
        hyperParameters: stringMap,
        resources,
        workDir: str,
        outputConnection: str,
        nodeSelector: stringMap,
        algorithmSource: obj('AlgorithmSource', {
            vcs: obj('VCS', { connection: str, reference: str }),
            objectStorage: obj('ObjectStorage', { connection: str, path: str }),
        }),
    }), obj('ModelTrainingStatus', {
        podName: str,
        state: str,
        exitCode: int32,
        reason: str,
        message: str,
        artifacts: arr(obj('TrainingResult', { runId: str, artifactName: str, commitID: str })),
    })),
    ToolchainIntegration: resource('ToolchainIntegration', obj('ToolchainIntegrationSpec', {
        entrypoint: str,
        defaultImage: str,
        additionalEnvironments: stringMap,
    }), obj('ToolchainIntegrationStatus', {})),
    ModelPackaging: resource('ModelPackaging', obj('ModelPackagingSpec', {
        artifactName: str,
        integrationName: str,
        image: str,
        arguments: map(any),
        targets: arr(obj('Target', { name: str, connectionName: str })),
        resources,
        outputConnection: str,
        nodeSelector: stringMap,
    }), obj('ModelPackagingStatus', {
        podName: str,
        state: str,
        exitCode: int32,
        reason: str,
        message: str,
        results: arr(obj('ModelPackagingResult', { name: str, value: str })),
    })),
    PackagingIntegration: resource('PackagingIntegration', obj('PackagingIntegrationSpec', {
        entrypoint: str,
        defaultImage: str,
        privileged: bool,
        schema: obj('Schema', {
            targets: arr(obj('TargetSchema', { name: str, connectionTypes: arr(str), default: str, required: bool })),
            arguments: obj('JsonSchema', {
                properties: arr(obj('Property', { name: str, parameters: arr(obj('Parameter', { name: str, value: any })) })),
                required: arr(str),
            }),
        }),
    }), obj('PackagingIntegrationStatus', {})),
    ModelDeployment: resource('ModelDeployment', obj('ModelDeploymentSpec', {
        image: str,
        predictor: str,
        resources,
        annotations: stringMap,
        minReplicas: int32,
        maxReplicas: int32,
        livenessProbeInitialDelay: int32,
        readinessProbeInitialDelay: int32,
        roleName: str,
        imagePullConnID: str,
        nodeSelector: stringMap,
    }), obj('ModelDeploymentStatus', {
        state: str,
        deployment: str,
        hostHeader: str,
        availableReplicas: int32,
        replicas: int32,
        lastUpdatedTime: str,
        modelName: str,
        modelVersion: str,
    })),
    ModelRoute: resource('ModelRoute', obj('ModelRouteSpec', {
        urlPrefix: str,
        mirror: str,
        modelDeployments: arr(obj('ModelDeploymentTarget', { mdName: str, weight: int32 })),
    }), obj('ModelRouteStatus', { edgeUrl: str, state: str }), { default: bool }),
    Connection: resource('Connection', obj('ConnectionSpec', {
        type: str,
        uri: str,
        region: str,
        role: str,
        keyID: str,
        keySecret: str,
        username: str,
        password: str,
        publicKey: str,
        reference: str,
        description: str,
        webUILink: str,
        vital: bool,
    }), obj('ConnectionStatus', { secretName: str, serviceAccount: str })),
    InferenceService: resource('InferenceService', obj('InferenceServiceSpec', {
        image: str,
        command: arr(str),
        args: arr(str),
        modelRegistry: obj('ModelSource', {
            remote: obj('RemoteModelSource', { modelConnection: str, modelPath: str }),
            local: obj('LocalModelSource', {
                meta: obj('ModelMeta', { name: str, version: str }),
                modelPath: str,
            }),
        }),
        dataSource: connectionReference,
        outputDestination: connectionReference,
        triggers: obj('InferenceServiceTriggers', {
            webhook: obj('PredictorWebhookTrigger', { enabled: bool }),
        }),
        nodeSelector: stringMap,
        resources,
    }), obj('InferenceServiceStatus', {})),
    InferenceJob: resource('InferenceJob', obj('InferenceJobSpec', {
        inferenceServiceId: str,
        dataSource: connectionReference,
        outputDestination: connectionReference,
        nodeSelector: stringMap,
        resources,
        requestId: str,
    }), obj('InferenceJobStatus', { state: str, message: str, reason: str, podName: str })),
};

;// CONCATENATED MODULE: ./src/emulator/rules/decode-body.ts
// A request body decoded as the Odahu server's gin handlers decode it: Go's encoding/json into the
// kind's struct (src/shared/shapes.ts). What Go does and this does too:
// - syntax errors, `EOF` and `unexpected EOF` come first (go-json.ts);
// - member names match fields exactly, else case-insensitively; unknown members are dropped;
// - `null` leaves a field as it was (absent); inside arrays and maps it is the element's zero value,
//   in `interface{}` values it stays null;
// - a value of the wrong JSON type is skipped and the first such error is reported once decoding ends:
//   `json: cannot unmarshal <kind> into Go struct field <Struct>.<json.path> of type <type>`, where an
//   integer field that cannot hold the number says `number <literal>`;
// - createdAt/updatedAt are time.Time: any non-null value is parsed as RFC 3339 and a failure is
//   returned at once (go-time.ts).
// Simplified: a repeated member merges into an object or map and replaces anything else (Go also reuses
// slice elements); `null` never clears a pointer that an earlier duplicate member set.




/** Go packages of the structs, for type names such as `v1alpha1.ModelIdentity`; v1alpha1 unless listed. */
const STRUCT_PACKAGES = {
    ModelTraining: 'training',
    ToolchainIntegration: 'training',
    ModelPackaging: 'packaging',
    ModelPackagingSpec: 'packaging',
    PackagingIntegration: 'packaging',
    PackagingIntegrationSpec: 'packaging',
    Schema: 'packaging',
    JsonSchema: 'packaging',
    Property: 'packaging',
    Parameter: 'packaging',
    ModelDeployment: 'deployment',
    ModelRoute: 'deployment',
    Connection: 'connection',
    InferenceService: 'batch',
    InferenceServiceSpec: 'batch',
    InferenceServiceStatus: 'batch',
    ModelSource: 'batch',
    RemoteModelSource: 'batch',
    LocalModelSource: 'batch',
    ModelMeta: 'batch',
    ConnectionReference: 'batch',
    InferenceServiceTriggers: 'batch',
    PredictorWebhookTrigger: 'batch',
    InferenceJob: 'batch',
    InferenceJobSpec: 'batch',
    InferenceJobStatus: 'batch',
};
/** String fields whose Go type is a named string type. */
const NAMED_STRING_FIELDS = {
    'ConnectionSpec.type': 'v1alpha1.ConnectionType',
    'ModelTrainingStatus.state': 'v1alpha1.ModelTrainingState',
    'ModelPackagingStatus.state': 'v1alpha1.ModelPackagingState',
    'ModelDeploymentStatus.state': 'v1alpha1.ModelDeploymentState',
    'ModelRouteStatus.state': 'v1alpha1.ModelRouteState',
    'InferenceJobStatus.state': 'batch.JobState',
};
const TIME_FIELDS = new Set(['createdAt', 'updatedAt']);
const INT32_RANGE = { min: -(2n ** 31n), max: 2n ** 31n - 1n };
function decodeBody(kind, raw) {
    let node;
    try {
        node = readFirstJsonValue(raw);
    }
    catch (error) {
        if (error instanceof GoJsonSyntaxError)
            throw new ApiFailure(400, error.message);
        throw error;
    }
    const root = KIND_SHAPES[kind];
    const decoder = new Decoder(root.go);
    const value = decoder.decode(root, node, {}, { path: [] });
    if (decoder.firstTypeError !== undefined)
        throw new ApiFailure(400, decoder.firstTypeError);
    return value;
}
class Decoder {
    rootStruct;
    firstTypeError;
    constructor(rootStruct) {
        this.rootStruct = rootStruct;
    }
    /** The value after decoding `node` over `current` (what the field held before). */
    decode(shape, node, current, context) {
        if (node.kind === 'null')
            return shape.t === 'any' ? null : current;
        switch (shape.t) {
            case 'string':
                if (node.kind === 'string')
                    return node.value;
                return this.mismatch(node, shape, context, current);
            case 'bool':
                if (node.kind === 'bool')
                    return node.value;
                return this.mismatch(node, shape, context, current);
            case 'int':
                if (node.kind !== 'number')
                    return this.mismatch(node, shape, context, current);
                if (!fitsInt32(node.literal)) {
                    return this.mismatch(node, shape, context, current, `number ${node.literal}`);
                }
                return Number(BigInt(node.literal));
            case 'any':
                return this.plain(node, context);
            case 'object':
                if (node.kind !== 'object')
                    return this.mismatch(node, shape, context, current);
                return this.struct(shape, node, isRecord(current) ? current : {}, context);
            case 'array':
                if (node.kind !== 'array')
                    return this.mismatch(node, shape, context, current);
                return node.items.map((item) => this.decode(shape.of, item, zeroValue(shape.of), context));
            case 'map': {
                if (node.kind !== 'object')
                    return this.mismatch(node, shape, context, current);
                const map = isRecord(current) ? current : {};
                for (const [key, item] of node.members) {
                    setMember(map, key, this.decode(shape.of, item, zeroValue(shape.of), context));
                }
                return map;
            }
        }
    }
    struct(shape, node, target, context) {
        for (const [key, item] of node.members) {
            const field = fieldFor(shape, key);
            if (field === undefined)
                continue;
            const inner = { struct: shape.go, field, path: [...context.path, field] };
            if (shape.go === this.rootStruct && TIME_FIELDS.has(field)) {
                if (item.kind === 'null')
                    continue;
                const timeError = goTimeJsonError(item.raw);
                // Go returns an Unmarshaler's error at once, ahead of any type error saved before it.
                if (timeError !== undefined)
                    throw new ApiFailure(400, timeError);
                if (item.kind === 'string')
                    target[field] = item.value;
                continue;
            }
            const value = this.decode(shape.fields[field], item, target[field], inner);
            if (value !== undefined)
                target[field] = value;
        }
        return target;
    }
    /** An interface{} value: what json.Unmarshal gives Go (numbers as float64). */
    plain(node, context) {
        switch (node.kind) {
            case 'object': {
                const object = {};
                for (const [key, item] of node.members)
                    setMember(object, key, this.plain(item, context));
                return object;
            }
            case 'array':
                return node.items.map((item) => this.plain(item, context));
            case 'number': {
                const number = Number(node.literal);
                if (Number.isFinite(number))
                    return number;
                this.saveTypeError(`number ${node.literal}`, 'float64', context);
                return null;
            }
            case 'null':
                return null;
            default:
                return node.value;
        }
    }
    mismatch(node, shape, context, current, what) {
        const named = context.struct && context.field ? NAMED_STRING_FIELDS[`${context.struct}.${context.field}`] : undefined;
        this.saveTypeError(what ?? node.kind, shape.t === 'string' && named ? named : goTypeName(shape), context);
        return current;
    }
    saveTypeError(what, type, context) {
        if (this.firstTypeError !== undefined)
            return;
        this.firstTypeError =
            context.struct === undefined
                ? `json: cannot unmarshal ${what} into Go value of type ${type}`
                : `json: cannot unmarshal ${what} into Go struct field ${context.struct}.${context.path.join('.')} of type ${type}`;
    }
}
/** The struct field a member name fills: exact match first, then Go's case-insensitive match. */
function fieldFor(shape, key) {
    if (Object.prototype.hasOwnProperty.call(shape.fields, key))
        return key;
    const folded = foldCase(key);
    return Object.keys(shape.fields).find((field) => foldCase(field) === folded);
}
/** Unicode simple folding as Go's encoding/json applies it (the Kelvin sign and long s fold to k and s). */
function foldCase(s) {
    return s
        .replace(/\u212a/g, 'k')
        .replace(/\u017f/g, 's')
        .toLowerCase();
}
function fitsInt32(literal) {
    if (!/^-?\d+$/.test(literal))
        return false;
    const n = BigInt(literal);
    return n >= INT32_RANGE.min && n <= INT32_RANGE.max;
}
function zeroValue(shape) {
    switch (shape.t) {
        case 'string':
            return '';
        case 'int':
            return 0;
        case 'bool':
            return false;
        case 'object':
            return {};
        default:
            return null;
    }
}
function goTypeName(shape) {
    switch (shape.t) {
        case 'string':
        case 'bool':
            return shape.t;
        case 'int':
            return shape.go;
        case 'any':
            return 'interface {}';
        case 'object':
            return `${STRUCT_PACKAGES[shape.go] ?? 'v1alpha1'}.${shape.go}`;
        case 'array':
            return `[]${goTypeName(shape.of)}`;
        case 'map':
            return `map[string]${goTypeName(shape.of)}`;
    }
}
/** A map key as an own property, even `__proto__`, which plain assignment would turn into a prototype. */
function setMember(target, key, value) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/shared/kinds.ts
// The resource kinds a manifest can hold and where each lives in the API. One table, read by the
// manifest loader (is this kind known?), the client (which path?) and the emulator (which routes?).
const KINDS = {
    ModelTraining: { kind: 'ModelTraining', path: 'model/training', generatedId: false, updatable: true },
    ToolchainIntegration: {
        kind: 'ToolchainIntegration',
        path: 'toolchain/integration',
        generatedId: false,
        updatable: true,
    },
    ModelPackaging: { kind: 'ModelPackaging', path: 'model/packaging', generatedId: false, updatable: true },
    PackagingIntegration: {
        kind: 'PackagingIntegration',
        path: 'packaging/integration',
        generatedId: false,
        updatable: true,
    },
    ModelDeployment: { kind: 'ModelDeployment', path: 'model/deployment', generatedId: false, updatable: true },
    ModelRoute: { kind: 'ModelRoute', path: 'model/route', generatedId: false, updatable: true },
    Connection: { kind: 'Connection', path: 'connection', generatedId: false, updatable: true },
    InferenceService: { kind: 'InferenceService', path: 'batch/service', generatedId: false, updatable: true },
    InferenceJob: { kind: 'InferenceJob', path: 'batch/job', generatedId: true, updatable: false },
};
/**
 * The order in which resources can be created: each kind only refers to kinds before it (a training
 * to connections and its toolchain, a packaging to its integration and connections, a route to
 * deployments, a job to its service). Deleting goes the other way.
 */
const DEPENDENCY_ORDER = (/* unused pure expression or super */ null && ([
    'Connection',
    'ToolchainIntegration',
    'PackagingIntegration',
    'ModelTraining',
    'ModelPackaging',
    'ModelDeployment',
    'ModelRoute',
    'InferenceService',
    'InferenceJob',
]));
const KIND_NAMES = Object.keys(KINDS);
function isKindName(value) {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(KINDS, value);
}
/** The server's id rule (validation.ValidateID): 1–63 of a-z, 0-9 and -, a letter first, no - last. */
const ID_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Deployment ids are capped lower: their names grow inside Kubernetes. */
const MAX_DEPLOYMENT_ID_LENGTH = 46;
/** Batch service ids too: their jobs are named `job-<service id>-<5 characters>`. */
const MAX_SERVICE_ID_LENGTH = 53;
/** Why the server would refuse this id, in words a workflow author can act on; undefined if fine. */
function idProblem(kind, id) {
    if (kind === 'ModelDeployment' && id.length > MAX_DEPLOYMENT_ID_LENGTH) {
        return `id "${id}" is too long for a ModelDeployment: at most ${MAX_DEPLOYMENT_ID_LENGTH} characters`;
    }
    if (kind === 'InferenceService' && id.length > MAX_SERVICE_ID_LENGTH) {
        return `id "${id}" is too long for an InferenceService: at most ${MAX_SERVICE_ID_LENGTH} characters (its jobs are named job-<id>-xxxxx)`;
    }
    if (!ID_PATTERN.test(id)) {
        return `id "${id}" is not a valid Odahu id: 1 to 63 lower-case letters, digits and -, starting with a letter and not ending with -`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/emulator/rules/identifiers.ts
// The server's rules for ids and for values that become Kubernetes labels. The id pattern is the
// client's too (src/shared/kinds.ts), checked against REFERENCE.md by a test.

const LABEL_SOURCE = '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$';
const LABEL_PATTERN = new RegExp(LABEL_SOURCE);
/** validation.ValidateID: 1-63 of a-z 0-9 -, a letter first, no dash last. */
function idErrors(id) {
    if (ID_PATTERN.test(id))
        return [];
    return id === '' ? ['ID is not valid', 'empty "ID"'] : ['ID is not valid'];
}
/** validation.ValidateK8sLabel; the empty string is a valid label. */
function labelError(value) {
    if (LABEL_PATTERN.test(value))
        return undefined;
    return `${value} must be valid Kubernetes label, i.e. match this pattern: ${LABEL_SOURCE}`;
}

;// CONCATENATED MODULE: ./src/emulator/rules/go-fmt.ts
// How Go's fmt prints the values that end up inside the server's messages.
/** `%v` of a map: `map[k1:v1 k2:v2]`, keys sorted as fmt sorts them. */
function goMap(map) {
    const keys = Object.keys(map).sort(compareBytes);
    return `map[${keys.map((key) => `${key}:${map[key]}`).join(' ')}]`;
}
/** `%v` (or `%s`) of a string slice: `[a b]`. */
function goSlice(items) {
    return `[${items.join(' ')}]`;
}
/** Go compares strings byte by byte; for UTF-16 strings this is code point order. */
function compareBytes(a, b) {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const d = x[i].codePointAt(0) - y[i].codePointAt(0);
        if (d !== 0)
            return d;
    }
    return x.length - y.length;
}

;// CONCATENATED MODULE: ./src/emulator/rules/node-selector.ts
// A node selector must name one of the configured node pools, else
// `node selector map[k:v] is not presented in ODAHU config`.

/** Packaging and deployment: the selector must equal a pool's selector (reflect.DeepEqual). */
function nodeSelectorError(selector, pools) {
    if (selector === undefined || Object.keys(selector).length === 0)
        return undefined;
    const matches = pools.some((pool) => sameMap(selector, pool.nodeSelector));
    return matches ? undefined : unknownSelector(selector);
}
/**
 * Training compares differently: same size, and every pool key looked up in the selector, so a pool
 * key with an empty value also matches a selector that lacks that key.
 */
function trainingNodeSelectorError(selector, pools) {
    if (selector === undefined || Object.keys(selector).length === 0)
        return undefined;
    const size = Object.keys(selector).length;
    const matches = pools.some((pool) => Object.keys(pool.nodeSelector).length === size &&
        Object.entries(pool.nodeSelector).every(([key, value]) => lookup(selector, key) === value));
    return matches ? undefined : unknownSelector(selector);
}
/** A Go map lookup: the zero value for a missing key. */
function lookup(map, key) {
    return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : '';
}
function sameMap(a, b) {
    const keys = Object.keys(a);
    return (keys.length === Object.keys(b).length &&
        keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && lookup(a, key) === lookup(b, key)));
}
function unknownSelector(selector) {
    return `node selector ${goMap(selector)} is not presented in ODAHU config`;
}

;// CONCATENATED MODULE: ./src/emulator/rules/refusals.ts
// How the server words and combines its refusals: go.uber.org/multierr joins with "; ", the shared
// not-found text, and the batch API's InvalidEntityError.

/** errors.NotFoundError. */
function notFound(id) {
    return `entity "${id}" is not found`;
}
/** 400 `<prefix>: e1; e2` when there is anything to report. */
function refuseIfAny(prefix, errors) {
    if (errors.length > 0)
        throw new ApiFailure(400, `${prefix}: ${errors.join('; ')}`);
}
/** errors.InvalidEntityError: 400 `entity "<id>" is invalid; errors: e1, e2`. */
function invalidEntity(id, errors) {
    return new ApiFailure(400, `entity "${id}" is invalid; errors: ${errors.join(', ')}`);
}
/** The "Spec.<section>" wrapper the output-connection checks put around their errors. */
function specSectionError(section, errors) {
    return `"Spec.${JSON.stringify(section)}" validation errors: ${errors.join('; ')}`;
}

;// CONCATENATED MODULE: ./src/emulator/rules/output-connection.ts
// The output connection of trainings and packagings: the configured one when none is given, and it
// must exist.

function resolveOutputConnection(given, configured, view) {
    const id = given || configured;
    if (id === '')
        return { id, error: specSectionError('OutputConnection', ['empty "OutputConnection"']) };
    if (view.connection(id) === undefined) {
        return { id, error: specSectionError('OutputConnection', [notFound(id)]) };
    }
    return { id };
}

;// CONCATENATED MODULE: ./src/emulator/rules/prepared.ts
// What the prepare functions take and give back (all share one signature: body, view, options), and
// how they read a body decodeBody has produced (every field already has its Go type, so a typed view
// of it is safe).
function readBody(body) {
    return {
        id: typeof body.id === 'string' ? body.id : '',
        spec: structuredClone((body.spec ?? {})),
    };
}

;// CONCATENATED MODULE: ./src/emulator/rules/quantity.ts
// Kubernetes resource quantities (k8s.io/apimachinery resource.ParseQuantity) as the server parses,
// compares and prints them: `2024m`, `2Gi`, `1.5`, `100M`, `1e3`. Values are kept exact (an integer
// times a power of ten), so comparisons never round. Go keeps a quantity either as an int64 amount or
// as an inf.Dec and caches the input when it was already canonical; both show in its messages, so
// both are tracked here.
/** What Go leaves in the resource list when a quantity does not parse. */
const ZERO_QUANTITY = { unscaled: 0n, exponent: 0, format: '', form: 'int64', cached: '' };
class QuantityParseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'QuantityParseError';
    }
}
const FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const NUMERIC_ERROR = 'unable to parse numeric part of quantity';
const SUFFIX_ERROR = "unable to parse quantity's suffix";
const DECIMAL_SUFFIXES = {
    n: -9,
    u: -6,
    m: -3,
    '': 0,
    k: 3,
    M: 6,
    G: 9,
    T: 12,
    P: 15,
    E: 18,
};
const BINARY_SUFFIXES = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const BINARY_NAMES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const INT64_MAX = 2n ** 63n - 1n;
const NANO = -9;
function parseQuantity(text) {
    if (text.length === 0)
        throw new QuantityParseError(FORMAT_ERROR);
    if (text === '0')
        return { unscaled: 0n, exponent: 0, format: 'DecimalSI', form: 'int64', cached: text };
    const parts = splitQuantity(text);
    const suffix = interpretSuffix(parts.suffix);
    return fastPath(text, parts, suffix) ?? slowPath(parts, suffix);
}
/** Go's parseQuantityString: sign, integer digits, fraction digits, then the suffix. */
function splitQuantity(text) {
    const end = text.length;
    let pos = 0;
    let positive = true;
    if (text[0] === '-' || text[0] === '+') {
        positive = text[0] === '+';
        pos++;
    }
    while (pos < end && text[pos] === '0')
        pos++;
    if (pos >= end)
        return { positive, value: '0', num: '0', denom: '', suffix: '' };
    const numStart = pos;
    while (pos < end && quantity_isDigit(text[pos]))
        pos++;
    const num = text.slice(numStart, pos) || '0';
    if (pos >= end)
        return { positive, value: text, num, denom: '', suffix: '' };
    let denom = '';
    if (text[pos] === '.') {
        const denomStart = ++pos;
        while (pos < end && quantity_isDigit(text[pos]))
            pos++;
        denom = text.slice(denomStart, pos);
        if (pos >= end)
            return { positive, value: text, num, denom, suffix: '' };
    }
    const value = text.slice(0, pos);
    const suffixStart = pos;
    while (pos < end && 'eEinumkKMGTP'.includes(text[pos]))
        pos++;
    if (pos < end && (text[pos] === '-' || text[pos] === '+'))
        pos++;
    while (pos < end && quantity_isDigit(text[pos]))
        pos++;
    if (pos < end)
        throw new QuantityParseError(FORMAT_ERROR);
    return { positive, value, num, denom, suffix: text.slice(suffixStart) };
}
function interpretSuffix(suffix) {
    const decimal = DECIMAL_SUFFIXES[suffix];
    if (decimal !== undefined)
        return { base: 10, exponent: decimal, format: 'DecimalSI' };
    const binary = BINARY_SUFFIXES[suffix];
    if (binary !== undefined)
        return { base: 2, exponent: binary, format: 'BinarySI' };
    if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
        const parsed = BigInt(suffix.slice(1));
        if (parsed <= INT64_MAX && parsed >= -INT64_MAX - 1n) {
            return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
        }
    }
    throw new QuantityParseError(SUFFIX_ERROR);
}
/** Small values become an int64 amount; undefined when Go would take the inf.Dec path. */
function fastPath(text, parts, suffix) {
    const { num, denom } = parts;
    let precision;
    let scale = 0;
    let mantissa = 1n;
    if (suffix.base === 10) {
        scale = suffix.exponent;
        precision = 18 - (num.length + denom.length);
    }
    else if (denom.length === 0) {
        mantissa = 1n << BigInt(suffix.exponent);
        precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    }
    else {
        precision = -1;
    }
    if (precision < 0)
        return undefined;
    scale -= denom.length;
    if (scale < NANO)
        return undefined;
    const shifted = num + denom;
    const value = BigInt(shifted);
    const result = value * mantissa;
    if (result > INT64_MAX)
        return undefined;
    const canonical = suffix.base === 2
        ? suffix.exponent % 10 === 0 && (value & 7n) !== 0n
        : scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
    return {
        unscaled: parts.positive ? result : -result,
        exponent: scale,
        format: suffix.format,
        form: 'int64',
        cached: canonical ? text : '',
    };
}
function slowPath(parts, suffix) {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(parts.value);
    if (!match || `${match[2]}${match[3] ?? ''}` === '')
        throw new QuantityParseError(NUMERIC_ERROR);
    const fraction = match[3] ?? '';
    let magnitude = BigInt(`${match[2]}${fraction}` || '0');
    let exponent = -fraction.length;
    if (suffix.base === 10)
        exponent += suffix.exponent;
    else
        magnitude <<= BigInt(suffix.exponent);
    // Anything finer than a nano-unit is rounded up to one: asking for some resource gives some.
    if (magnitude !== 0n && exponent < NANO) {
        const factor = 10n ** BigInt(NANO - exponent);
        magnitude = (magnitude + factor - 1n) / factor;
        exponent = NANO;
    }
    let format = suffix.format;
    if (format === 'BinarySI') {
        if (compareExact(magnitude, exponent, INT64_MAX, 0) > 0) {
            magnitude = INT64_MAX;
            exponent = 0;
        }
        if (magnitude !== 0n && compareExact(magnitude, exponent, 1n, 0) < 0)
            format = 'DecimalSI';
    }
    return { unscaled: parts.positive ? magnitude : -magnitude, exponent, format, form: 'dec', cached: '' };
}
function compareQuantities(a, b) {
    return compareExact(a.unscaled, a.exponent, b.unscaled, b.exponent);
}
/** Quantity.String(): the cached input, or the canonical form (`1500m`, `2Gi`, `1e3`). */
function quantityString(q) {
    if (q.cached !== '')
        return q.cached;
    if (q.unscaled === 0n)
        return '0';
    let format = q.format || 'DecimalExponent';
    if (format === 'BinarySI') {
        const small = compareExact(q.unscaled, q.exponent, -1024n, 0) > 0 &&
            compareExact(q.unscaled, q.exponent, 1024n, 0) < 0;
        if (small || integerValue(q) === undefined)
            format = 'DecimalSI';
    }
    if (format === 'BinarySI') {
        let amount = integerValue(q);
        let power = 0;
        while (amount % 1024n === 0n) {
            amount /= 1024n;
            power++;
        }
        return `${amount}${BINARY_NAMES[power]}`;
    }
    let [amount, exponent] = withoutTrailingZeros(q.unscaled, q.exponent);
    const remainder = exponent % 3;
    if (remainder === 1 || remainder === -2) {
        amount *= 10n;
        exponent -= 1;
    }
    else if (remainder === 2 || remainder === -1) {
        amount *= 100n;
        exponent -= 2;
    }
    if (format === 'DecimalExponent')
        return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
    // Go prints no suffix at all for a decimal exponent it has no name for.
    const name = Object.keys(DECIMAL_SUFFIXES).find((key) => DECIMAL_SUFFIXES[key] === exponent) ?? '';
    return `${amount}${name}`;
}
/** Quantity.MilliValue(): the value in thousandths, rounded away from zero. */
function quantityMilliValue(q) {
    const exponent = q.exponent + 3;
    if (exponent >= 0)
        return q.unscaled * 10n ** BigInt(exponent);
    const factor = 10n ** BigInt(-exponent);
    const quotient = q.unscaled / factor;
    if (q.unscaled % factor === 0n)
        return quotient;
    return q.unscaled > 0n ? quotient + 1n : quotient - 1n;
}
/** `%#v` of a resource.Quantity. An inf.Dec shows a pointer; this one is made up and fixed. */
function quantityGoSyntax(q) {
    const int64 = q.form === 'int64' ? `value:${q.unscaled}, scale:${q.exponent}` : 'value:0, scale:0';
    const dec = q.form === 'int64' ? '(*inf.Dec)(nil)' : '(*inf.Dec)(0xc000010000)';
    return (`resource.Quantity{i:resource.int64Amount{${int64}}, d:resource.infDecAmount{Dec:${dec}}, ` +
        `s:${JSON.stringify(q.cached)}, Format:${JSON.stringify(q.format)}}`);
}
function integerValue(q) {
    if (q.exponent >= 0)
        return q.unscaled * 10n ** BigInt(q.exponent);
    const factor = 10n ** BigInt(-q.exponent);
    return q.unscaled % factor === 0n ? q.unscaled / factor : undefined;
}
function withoutTrailingZeros(unscaled, exponent) {
    while (unscaled !== 0n && unscaled % 10n === 0n) {
        unscaled /= 10n;
        exponent++;
    }
    return [unscaled, exponent];
}
function compareExact(a, aExp, b, bExp) {
    const low = Math.min(aExp, bExp);
    const x = a * 10n ** BigInt(aExp - low);
    const y = b * 10n ** BigInt(bExp - low);
    return x === y ? 0 : x < y ? -1 : 1;
}
function quantity_isDigit(c) {
    return c !== undefined && c >= '0' && c <= '9';
}

;// CONCATENATED MODULE: ./src/emulator/rules/resources.ts
// Resource requirements as the server checks them: first turned into Kubernetes resource lists (each
// bad quantity becomes `validation of <cpu|memory|gpu> <request|limit> is failed: ...` and a zero in
// the list), then Kubernetes' own rules on those lists (non-negative, GPU whole, request <= limit).
// Go ranges over the lists as maps, in random order; here it is always cpu, memory, GPU.

/** config.NvidiaResourceName: the name a GPU gets in Kubernetes resource lists. */
const GPU_RESOURCE = 'nvidia.com/gpu';
/** ConvertOdahuflowResourcesToK8s: the lists, plus one message per quantity that does not parse. */
function toKubernetes(resources) {
    const converted = { errors: [] };
    if (resources === undefined)
        return converted;
    const add = (list, name, value, what, kind) => {
        if (!value)
            return;
        try {
            list.set(name, parseQuantity(value));
        }
        catch (error) {
            list.set(name, ZERO_QUANTITY);
            converted.errors.push(`validation of ${what} ${kind} is failed: ${error.message}`);
        }
    };
    const convertList = (list, kind) => {
        if (list === undefined)
            return undefined;
        const k8s = new Map();
        add(k8s, 'cpu', list.cpu, 'cpu', kind);
        add(k8s, 'memory', list.memory, 'memory', kind);
        return k8s;
    };
    converted.requests = convertList(resources.requests, 'request');
    converted.limits = convertList(resources.limits, 'limit');
    // A GPU goes only into the limits: the limit wins, a GPU given as a request alone becomes the limit.
    if (resources.limits?.gpu) {
        add(converted.limits, GPU_RESOURCE, resources.limits.gpu, 'gpu', 'limit');
    }
    else if (resources.requests?.gpu) {
        converted.limits ??= new Map();
        add(converted.limits, GPU_RESOURCE, resources.requests.gpu, 'gpu', 'request');
    }
    return converted;
}
/** The messages for quantities that do not parse (the early check of training, packaging, deployment). */
function resourceParseErrors(resources) {
    return toKubernetes(resources).errors;
}
/** validation.ValidateResources: parse errors again, then Kubernetes' resource requirement rules. */
function resourceErrors(resources) {
    const { requests, limits, errors } = toKubernetes(resources);
    for (const [name, quantity] of limits ?? []) {
        errors.push(...quantityValueErrors(`resources.limits[${name}]`, name, quantity));
    }
    for (const [name, quantity] of requests ?? []) {
        errors.push(...quantityValueErrors(`resources.requests[${name}]`, name, quantity));
        const limit = limits?.get(name);
        if (limit !== undefined && compareQuantities(quantity, limit) > 0) {
            errors.push(`resources.requests: Invalid value: "${quantityString(quantity)}": must be less than or equal to ${name} limit`);
        }
    }
    return errors;
}
function quantityValueErrors(path, name, quantity) {
    const errors = [];
    if (quantity.unscaled < 0n) {
        errors.push(`${path}: Invalid value: "${quantityString(quantity)}": must be greater than or equal to 0`);
    }
    // Extended resources such as GPUs come in whole units; Kubernetes prints the raw Go struct here.
    if (name === GPU_RESOURCE && quantityMilliValue(quantity) % 1000n !== 0n) {
        errors.push(`${path}: Invalid value: ${quantityGoSyntax(quantity)}: must be an integer`);
    }
    return errors;
}
/** True when a GPU is asked for (training then picks a GPU node pool). */
function requestsGpu(resources) {
    return Boolean(resources?.limits?.gpu || resources?.requests?.gpu);
}
/** A deep copy of configured default resources, so that stored objects never share them. */
function copyResources(resources) {
    return structuredClone(resources);
}

;// CONCATENATED MODULE: ./src/emulator/rules/training.ts
// ModelTraining: validation in the server's order (prefix `Validation of model training is failed: `)
// and its defaults: artifact name template, resources, workDir, the VCS reference from a git
// connection, the toolchain's image and the configured output connection.






const DEFAULT_ARTIFACT_NAME_TEMPLATE = '{{ .Name }}-{{ .Version }}-{{ .RandomUUID }}.zip';
const DEFAULT_WORK_DIR = './';
/** connection.ObjectStorageTypesSet, printed as Go prints its keys. */
const OBJECT_STORAGE_TYPES = ['s3', 'gcs', 'azureblob'];
function prepareModelTraining(body, view, _options) {
    const { id, spec } = readBody(body);
    const config = view.config.training;
    const errors = [...idErrors(id)];
    const model = { name: '', version: '', ...spec.model };
    errors.push(...identityErrors('name', model.name), ...identityErrors('version', model.version));
    model.artifactNameTemplate ||= DEFAULT_ARTIFACT_NAME_TEMPLATE;
    if (spec.resources === undefined)
        spec.resources = copyResources(config.defaultResources);
    else
        errors.push(...resourceParseErrors(spec.resources));
    spec.workDir ||= DEFAULT_WORK_DIR;
    const vcs = { ...spec.algorithmSource?.vcs };
    const objectStorage = { ...spec.algorithmSource?.objectStorage };
    if (vcs.connection && objectStorage.connection) {
        errors.push('both VCS and ObjectStorage names are specified, must be only one');
    }
    else if (vcs.connection) {
        const connection = view.connection(vcs.connection);
        if (connection === undefined)
            errors.push(notFound(vcs.connection));
        else if (!vcs.reference && connection.spec.type !== 'git') {
            errors.push(`VCS connection must have the GIT type. You pass the connection of ${connection.spec.type} type`);
        }
        else if (!vcs.reference && connection.spec.reference) {
            vcs.reference = connection.spec.reference;
        }
    }
    else if (objectStorage.connection) {
        const connection = view.connection(objectStorage.connection);
        if (connection === undefined)
            errors.push(notFound(objectStorage.connection));
        else if (!OBJECT_STORAGE_TYPES.includes(connection.spec.type)) {
            errors.push(`${connection.id} object storage has wrong data type. Currently supported the following types of ` +
                `connections for object storage: [${OBJECT_STORAGE_TYPES.join(' ')}]`);
        }
    }
    else {
        errors.push('both VCS and ObjectStorage names are empty');
    }
    (spec.data ?? []).forEach((binding, i) => {
        if (!binding.localPath)
            errors.push(`you should specify local path for ${i} number of data binding`);
        if (!binding.connection) {
            errors.push(`you should specify connection name for ${i} number of data binding`);
            return;
        }
        const connection = view.connection(binding.connection);
        if (connection === undefined)
            errors.push(notFound(binding.connection));
        else if (!OBJECT_STORAGE_TYPES.includes(connection.spec.type)) {
            errors.push(`${connection.id} data binding has wrong data type. Currently supported the following types of ` +
                `connections for data bindings: [${OBJECT_STORAGE_TYPES.join(' ')}]`);
        }
    });
    const toolchain = spec.toolchain ?? '';
    if (toolchain === '') {
        errors.push('empty toolchain parameter');
    }
    else {
        const invalid = labelError(toolchain);
        if (invalid !== undefined)
            errors.push(`invalid training toolchain: ${invalid}`);
        const integration = view.toolchain(toolchain);
        if (integration === undefined)
            errors.push(notFound(toolchain));
        else
            spec.image ||= integration.spec.defaultImage;
    }
    const output = resolveOutputConnection(spec.outputConnection, config.outputConnectionID, view);
    if (output.error !== undefined)
        errors.push(output.error);
    const pools = requestsGpu(spec.resources) ? config.gpuNodePools : config.nodePools;
    const selectorError = trainingNodeSelectorError(spec.nodeSelector, pools);
    if (selectorError !== undefined)
        errors.push(selectorError);
    errors.push(...resourceErrors(spec.resources));
    refuseIfAny('Validation of model training is failed', errors);
    return {
        id,
        spec: {
            ...spec,
            model,
            toolchain,
            entrypoint: spec.entrypoint ?? '',
            outputConnection: output.id,
            algorithmSource: { vcs, objectStorage },
        },
    };
}
/** `empty model.name`, and the label rule (which the empty value passes). */
function identityErrors(field, value) {
    if (value === '')
        return [`empty model.${field}`];
    const invalid = labelError(value);
    return invalid === undefined ? [] : [`invalid training ${field}: ${invalid}`];
}

;// CONCATENATED MODULE: ./src/emulator/rules/toolchain-integration.ts
// ToolchainIntegration: prefix `Validation of toolchain integration is failed: `; no defaults.



function prepareToolchainIntegration(body, _view, _options) {
    const { id, spec } = readBody(body);
    const errors = idErrors(id);
    if (!spec.entrypoint)
        errors.push('empty entrypoint');
    if (!spec.defaultImage)
        errors.push('empty defaultImage');
    refuseIfAny('Validation of toolchain integration is failed', errors);
    return { id, spec: { ...spec, entrypoint: spec.entrypoint ?? '', defaultImage: spec.defaultImage ?? '' } };
}

;// CONCATENATED MODULE: ./src/emulator/rules/argument-schema.ts
// Packaging arguments against a packaging integration's argument schema, as gojsonschema v1.1.0
// (the server's version) reports them. The server builds
//   {type: object, properties: {<name>: {<parameter>: <value>, ...}}, required, additionalProperties: false}
// so each parameter of a property is a JSON-Schema keyword. Supported keywords: type, enum, minimum,
// maximum, minLength, maxLength, pattern, plus description, title and default (no checks); others are
// ignored. Messages are `<field>: <description>` with field `(root)` for the object itself, e.g.
// `(root): foo is required`, `port: Invalid type. Expected: integer, given: string`; v1.1.0 prints
// bounds as big.Rat (`Must be greater than or equal to 1/1`).
// Simplified: Go ranges over maps in random order; here properties keep the integration's order and
// unknown arguments the body's order. Patterns are compiled as JavaScript (u flag), not RE2.
/** The integration's schema does not compile; gojsonschema returns this instead of a result. */
class SchemaCompileError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SchemaCompileError';
    }
}
const JSON_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];
/** The compile error the server reports as `arguments have not valid json schema: <error>`. */
function argumentSchemaError(args) {
    try {
        compileSchema(args);
        return undefined;
    }
    catch (error) {
        if (error instanceof SchemaCompileError)
            return error.message;
        throw error;
    }
}
/** The result errors for `args`; empty when they are valid. Throws SchemaCompileError. */
function validateArguments(integration, args) {
    const schema = compileSchema(integration.spec.schema?.arguments);
    const data = args ?? {};
    const errors = [];
    for (const name of schema.required) {
        if (!Object.prototype.hasOwnProperty.call(data, name))
            errors.push(`(root): ${name} is required`);
    }
    for (const name of Object.keys(data)) {
        if (!schema.properties.has(name))
            errors.push(`(root): Additional property ${name} is not allowed`);
    }
    for (const [name, property] of schema.properties) {
        if (Object.prototype.hasOwnProperty.call(data, name)) {
            errors.push(...valueErrors(name, property, data[name]));
        }
    }
    return errors;
}
function compileSchema(args) {
    const properties = new Map();
    for (const property of args?.properties ?? []) {
        const keywords = {};
        for (const parameter of property.parameters ?? [])
            keywords[parameter.name] = parameter.value;
        properties.set(property.name, keywords);
    }
    const compiled = new Map();
    for (const [name, keywords] of properties)
        compiled.set(name, compileProperty(keywords));
    const required = args?.required ?? [];
    if (new Set(required).size !== required.length) {
        throw new SchemaCompileError('required items must be unique');
    }
    return { properties: compiled, required };
}
/** One property's keywords, checked in gojsonschema's parse order; the first problem is the error. */
function compileProperty(keywords) {
    const has = (key) => Object.prototype.hasOwnProperty.call(keywords, key);
    const invalidType = (expected, given) => new SchemaCompileError(`Invalid type. Expected: ${expected}, given: ${given}`);
    const schema = { types: [] };
    for (const key of ['title', 'description']) {
        if (has(key) && typeof keywords[key] !== 'string')
            throw invalidType('string', key);
    }
    if (has('type')) {
        const type = keywords.type;
        const listed = Array.isArray(type) ? type : [type];
        for (const entry of listed) {
            if (typeof entry !== 'string')
                throw invalidType('string/array of strings', 'type');
            if (!JSON_TYPES.includes(entry)) {
                throw new SchemaCompileError(`has a primitive type that is NOT VALID -- given: /${entry}/ Expected valid values are:[${JSON_TYPES.join(' ')}]`);
            }
            if (schema.types.includes(entry))
                throw new SchemaCompileError(`${entry} type is duplicated`);
            schema.types.push(entry);
        }
    }
    for (const key of ['minimum', 'maximum']) {
        if (!has(key))
            continue;
        const value = keywords[key];
        if (typeof value !== 'number')
            throw new SchemaCompileError(`${key} must be of a number`);
        schema[key] = value;
    }
    if (schema.minimum !== undefined && schema.maximum !== undefined && schema.minimum > schema.maximum) {
        throw new SchemaCompileError('minimum cannot be greater than maximum');
    }
    for (const key of ['minLength', 'maxLength']) {
        if (!has(key))
            continue;
        const value = keywords[key];
        if (typeof value !== 'number' || !Number.isInteger(value)) {
            throw new SchemaCompileError(`${key} must be of an integer`);
        }
        if (value < 0)
            throw new SchemaCompileError(`${key} must be greater than or equal to 0`);
        schema[key] = value;
    }
    if (schema.minLength !== undefined &&
        schema.maxLength !== undefined &&
        schema.minLength > schema.maxLength) {
        throw new SchemaCompileError('minLength cannot be greater than maxLength');
    }
    if (has('pattern')) {
        const source = keywords.pattern;
        if (typeof source !== 'string')
            throw invalidType('string', 'pattern');
        try {
            schema.pattern = { source, regexp: new RegExp(source, 'u') };
        }
        catch {
            throw new SchemaCompileError(`Invalid regex pattern '${source}'`);
        }
    }
    if (has('enum')) {
        const values = keywords.enum;
        if (!Array.isArray(values))
            throw invalidType('array', 'enum');
        const seen = new Set(values.map((value) => canonicalJson(value)));
        if (seen.size !== values.length)
            throw new SchemaCompileError('enum items must be unique');
        schema.enum = values;
    }
    return schema;
}
function valueErrors(name, schema, value) {
    const given = jsonSchemaType(value);
    const typed = schema.types.length > 0;
    const accepted = schema.types.includes(given) || (given === 'integer' && schema.types.includes('number'));
    if (typed && !accepted) {
        const expected = schema.types.length === 1 ? schema.types[0] : `[${schema.types.join(',')}]`;
        return [`${name}: Invalid type. Expected: ${expected}, given: ${given}`];
    }
    const errors = [];
    if (typeof value === 'number') {
        if (schema.maximum !== undefined && value > schema.maximum) {
            errors.push(`${name}: Must be less than or equal to ${ratString(schema.maximum)}`);
        }
        if (schema.minimum !== undefined && value < schema.minimum) {
            errors.push(`${name}: Must be greater than or equal to ${ratString(schema.minimum)}`);
        }
    }
    if (schema.enum !== undefined &&
        !schema.enum.some((allowed) => canonicalJson(allowed) === canonicalJson(value))) {
        const allowed = schema.enum.map((entry) => canonicalJson(entry)).join(', ');
        errors.push(`${name}: ${name} must be one of the following: ${allowed}`);
    }
    if (typeof value === 'string') {
        const length = [...value].length;
        if (schema.minLength !== undefined && length < schema.minLength) {
            errors.push(`${name}: String length must be greater than or equal to ${schema.minLength}`);
        }
        if (schema.maxLength !== undefined && length > schema.maxLength) {
            errors.push(`${name}: String length must be less than or equal to ${schema.maxLength}`);
        }
        if (schema.pattern !== undefined && !schema.pattern.regexp.test(value)) {
            errors.push(`${name}: Does not match pattern '${schema.pattern.source}'`);
        }
    }
    return errors;
}
/** The JSON-Schema type gojsonschema names for a decoded value (whole numbers are integers). */
function jsonSchemaType(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'array';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'integer' : 'number';
    return typeof value === 'object' ? 'object' : typeof value;
}
/** json.Marshal output: object keys sorted, so equal values compare equal. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
        return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** big.Rat's String() of a JSON number: the reduced fraction `a/b`. */
function ratString(value) {
    const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
    const [, sign, whole, fraction = '', exponent = '0'] = match;
    let numerator = BigInt(`${whole}${fraction}`);
    let denominator = 1n;
    const scale = Number(exponent) - fraction.length;
    if (scale >= 0)
        numerator *= 10n ** BigInt(scale);
    else
        denominator = 10n ** BigInt(-scale);
    if (numerator === 0n)
        return '0/1';
    const divisor = gcd(numerator, denominator);
    return `${sign}${numerator / divisor}/${denominator / divisor}`;
}
function gcd(a, b) {
    while (b !== 0n)
        [a, b] = [b, a % b];
    return a;
}

;// CONCATENATED MODULE: ./src/emulator/rules/packaging.ts
// ModelPackaging: validation in the server's order (prefix `Validation of model packaging is failed: `)
// and its defaults: resources, the configured output connection, the integration's image, and the
// integration's default targets appended when not given (those are not checked).








function prepareModelPackaging(body, view, _options) {
    const { id, spec } = readBody(body);
    const config = view.config.packaging;
    const errors = idErrors(id);
    if (!spec.artifactName)
        errors.push('empty artifactName');
    if (spec.resources === undefined)
        spec.resources = copyResources(config.defaultResources);
    else
        errors.push(...resourceParseErrors(spec.resources));
    const output = resolveOutputConnection(spec.outputConnection, config.outputConnectionID, view);
    if (output.error !== undefined)
        errors.push(output.error);
    const selectorError = nodeSelectorError(spec.nodeSelector, config.nodePools);
    if (selectorError !== undefined)
        errors.push(selectorError);
    errors.push(...resourceErrors(spec.resources));
    const integrationName = spec.integrationName ?? '';
    let targets = spec.targets ?? null;
    if (integrationName === '') {
        errors.push('empty integrationName');
    }
    else {
        const integration = view.packagingIntegration(integrationName);
        if (integration === undefined) {
            errors.push(`packaging integration with name .spec.integrationName = "${integrationName}" is not found`);
        }
        else {
            spec.image ||= integration.spec.defaultImage;
            errors.push(...argumentErrors(integration, spec.arguments));
            const checked = checkTargets(integration, targets ?? [], view);
            errors.push(...checked.errors);
            if (checked.appended.length > 0)
                targets = [...(targets ?? []), ...checked.appended];
        }
    }
    refuseIfAny('Validation of model packaging is failed', errors);
    return {
        id,
        spec: {
            ...spec,
            artifactName: spec.artifactName ?? '',
            integrationName,
            arguments: spec.arguments ?? null,
            targets,
            outputConnection: output.id,
        },
    };
}
function argumentErrors(integration, args) {
    try {
        const errors = validateArguments(integration, args);
        return errors.length > 0 ? [`argument validation is failed: ${goSlice(errors)}`] : [];
    }
    catch (error) {
        if (error instanceof SchemaCompileError)
            return [error.message];
        throw error;
    }
}
function checkTargets(integration, given, view) {
    const schemas = integration.spec.schema?.targets ?? [];
    const remaining = new Map(schemas.map((schema) => [schema.name, schema]));
    const required = new Set(schemas.filter((schema) => schema.required).map((schema) => schema.name));
    const errors = [];
    for (const { name = '', connectionName = '' } of given) {
        required.delete(name);
        const schema = remaining.get(name);
        // Each schema target matches once: a second target of the same name is unknown.
        if (schema === undefined) {
            errors.push(`cannot find ${name} target in packaging integration ${integration.id}`);
            continue;
        }
        remaining.delete(name);
        const connection = view.connection(connectionName);
        if (connection === undefined)
            errors.push(notFound(connectionName));
        else if (!(schema.connectionTypes ?? []).includes(connection.spec.type)) {
            errors.push(`${name} target has not valid connection type ${connection.spec.type} for packaging integration ${integration.id}`);
        }
    }
    const appended = [];
    for (const schema of remaining.values()) {
        if (!schema.default)
            continue;
        required.delete(schema.name);
        appended.push({ name: schema.name, connectionName: schema.default });
    }
    if (required.size > 0)
        errors.push(`${goSlice([...required])} are required targets`);
    return { errors, appended };
}

;// CONCATENATED MODULE: ./src/shared/types.ts
// The Odahu-flow 1.6 API's resources as they travel over the wire (camelCase JSON), written from the
// official swagger.yaml and the reference notes on what the server really emits. Fields the server
// always emits are required here; omitempty fields are optional.
const TRAINING_STATES = (/* unused pure expression or super */ null && (['unknown', 'scheduling', 'running', 'succeeded', 'failed']));
/** Capitalised, unlike trainings. `Failed` is in the enum but the 1.6 controller never sets it. */
const DEPLOYMENT_STATES = (/* unused pure expression or super */ null && (['Processing', 'Ready', 'Failed', 'Deleting']));
// ---------------------------------------------------------------------------------------------
// Connections
const CONNECTION_TYPES = ['s3', 'gcs', 'azureblob', 'git', 'docker', 'ecr'];
/** The fields the API takes base64-encoded and masks (`*****`) in its answers, except publicKey. */
const CONNECTION_SECRET_FIELDS = (/* unused pure expression or super */ null && (['password', 'keySecret', 'keyID', 'publicKey']));

;// CONCATENATED MODULE: ./src/emulator/rules/packaging-integration.ts
// PackagingIntegration: prefix `Validation of packaging integration is failed: `; targets must be
// named and use known connection types, and the argument schema must compile.





function preparePackagingIntegration(body, _view, _options) {
    const { id, spec } = readBody(body);
    const errors = idErrors(id);
    if (!spec.entrypoint)
        errors.push('empty entrypoint');
    if (!spec.defaultImage)
        errors.push('empty defaultImage');
    const targets = spec.schema?.targets ?? null;
    for (const target of targets ?? []) {
        if (!target.name)
            errors.push('one of target has empty name');
        else if (!target.connectionTypes?.length) {
            errors.push(`${target.name} target must have at least one connection type`);
        }
        else {
            for (const type of target.connectionTypes) {
                if (!CONNECTION_TYPES.includes(type)) {
                    errors.push(`${target.name} target have unknown connection type: ${type}`);
                }
            }
        }
    }
    const schemaError = argumentSchemaError(spec.schema?.arguments);
    if (schemaError !== undefined)
        errors.push(`arguments have not valid json schema: ${schemaError}`);
    refuseIfAny('Validation of packaging integration is failed', errors);
    const args = spec.schema?.arguments;
    return {
        id,
        spec: {
            ...spec,
            entrypoint: spec.entrypoint ?? '',
            defaultImage: spec.defaultImage ?? '',
            schema: {
                // Every key of a target is always emitted.
                targets: targets &&
                    targets.map((target) => ({
                        ...target,
                        default: target.default ?? '',
                        required: target.required ?? false,
                    })),
                arguments: { ...args, properties: args?.properties ?? null },
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/shared/stored-deployment.ts
// What the 1.6.1 server fills in where a ModelDeployment's spec leaves a field out
// (ValidatesMDAndSetDefaults, model_deployment_validation.go). One place for the client (deploy
// compares the stored spec with what the server would store) and the emulator (which stores it).
const DEFAULT_MIN_REPLICAS = 0;
const DEFAULT_MAX_REPLICAS = 1;
const DEFAULT_PROBE_INITIAL_DELAY = 2;
const DEFAULT_ROLE_PREFIX = 'role-';
/**
 * The spec with the server's defaults filled in. Replicas and probe delays default when absent; the
 * role name and the pull connection when absent or empty (the server tests for nil or ""). Invalid
 * values are kept as given: refusing them is the validation's job.
 */
function withServerDefaults(id, spec, config) {
    const minReplicas = spec.minReplicas ?? DEFAULT_MIN_REPLICAS;
    const defaultResources = config.defaultResources;
    return {
        ...spec,
        roleName: spec.roleName || `${DEFAULT_ROLE_PREFIX}${id}`,
        minReplicas,
        maxReplicas: spec.maxReplicas ?? (minReplicas > DEFAULT_MAX_REPLICAS ? minReplicas : DEFAULT_MAX_REPLICAS),
        resources: spec.resources ?? (defaultResources ? structuredClone(defaultResources) : undefined),
        readinessProbeInitialDelay: spec.readinessProbeInitialDelay ?? DEFAULT_PROBE_INITIAL_DELAY,
        livenessProbeInitialDelay: spec.livenessProbeInitialDelay ?? DEFAULT_PROBE_INITIAL_DELAY,
        imagePullConnID: spec.imagePullConnID || (config.defaultDockerPullConnName ?? ''),
    };
}

;// CONCATENATED MODULE: ./src/emulator/rules/deployment.ts
// ModelDeployment: prefix `Validation of model deployment is failed: `. The server prepends some
// errors as it goes, which gives this final order: nodeSelector, liveness, readiness, min>max, max<1,
// min<0, ID, image, predictor, roleName, resource parse errors, Kubernetes resource rules.







function prepareModelDeployment(body, view, _options) {
    const { id, spec: given } = readBody(body);
    const config = view.config;
    // The defaults are the client's too (src/shared/stored-deployment.ts); the checks are of what
    // was given.
    const spec = withServerDefaults(id, given, {
        defaultResources: config.deployment.defaultResources,
        defaultDockerPullConnName: config.defaultDockerPullConnName,
    });
    const appended = id.length > MAX_DEPLOYMENT_ID_LENGTH
        ? [`model deployment ID should not exceed ${MAX_DEPLOYMENT_ID_LENGTH} symbols`]
        : idErrors(id);
    const prepended = [];
    if (!given.image)
        appended.push('empty image parameter');
    if (!given.predictor)
        appended.push('empty predictor parameter');
    if (given.roleName) {
        const invalid = labelError(given.roleName);
        if (invalid !== undefined)
            appended.push(invalid);
    }
    if (given.minReplicas !== undefined && given.minReplicas < 0) {
        prepended.unshift('minimum number of replicas parameter must not be less than 0');
    }
    if (given.maxReplicas !== undefined && given.maxReplicas < 1) {
        prepended.unshift('maximum number of replicas parameter must not be less than 1');
    }
    if (spec.minReplicas > spec.maxReplicas) {
        prepended.unshift('maximum number of replicas parameter must not be less than minimum number of replicas parameter');
    }
    if (given.resources !== undefined)
        appended.push(...resourceParseErrors(given.resources));
    if (given.readinessProbeInitialDelay !== undefined && given.readinessProbeInitialDelay < 0) {
        prepended.unshift('readinessProbeInitialDelay must be non-negative integer');
    }
    if (given.livenessProbeInitialDelay !== undefined && given.livenessProbeInitialDelay < 0) {
        prepended.unshift('livenessProbeInitialDelay must be non-negative integer');
    }
    const selectorError = nodeSelectorError(spec.nodeSelector, config.deployment.nodePools);
    if (selectorError !== undefined)
        prepended.unshift(selectorError);
    appended.push(...resourceErrors(spec.resources));
    refuseIfAny('Validation of model deployment is failed', [...prepended, ...appended]);
    return { id, spec: { ...spec, image: spec.image ?? '', predictor: spec.predictor ?? '' } };
}

;// CONCATENATED MODULE: ./src/emulator/rules/route.ts
// ModelRoute: the ID error comes bare, the main parameters under `Validation of model route is failed: `,
// the target errors bare again, all joined with "; ". A single target's missing weight becomes 100.




/** Prefixes the edge keeps for itself; reachable only when the custom prefix is configured under them. */
const FORBIDDEN_PREFIXES = ['/model', '/feedback'];
const FULL_WEIGHT = 100;
/** A create refuses a route that calls itself default (500 `unable to create default route`). */
function prepareModelRoute(body, view, options) {
    const { id, spec } = readBody(body);
    const errors = idErrors(id);
    const main = mainParameterErrors(spec, view);
    if (main.length > 0)
        errors.push(`Validation of model route is failed: ${main.join('; ')}`);
    const targets = (spec.modelDeployments ?? []).map((target) => ({ ...target }));
    errors.push(...targetErrors(targets, view));
    if (errors.length > 0)
        throw new ApiFailure(400, errors.join('; '));
    const isDefault = body.default === true;
    if (options.create && isDefault)
        throw new ApiFailure(500, 'unable to create default route');
    return { id, spec: { ...spec, urlPrefix: spec.urlPrefix ?? '', modelDeployments: targets }, isDefault };
}
function mainParameterErrors(spec, view) {
    const errors = [];
    const prefix = spec.urlPrefix ?? '';
    const custom = view.config.customRoutePrefix;
    if (prefix === '')
        errors.push('empty URL Prefix');
    else if (!prefix.startsWith('/'))
        errors.push('the URL prefix must start with slash');
    else if (!prefix.startsWith(custom))
        errors.push(`custom URL prefix must start with ${custom}`);
    else {
        const forbidden = FORBIDDEN_PREFIXES.find((reserved) => prefix.startsWith(reserved));
        if (forbidden !== undefined)
            errors.push(`the URL prefix ${forbidden} is forbidden`);
    }
    if (spec.mirror && view.deployment(spec.mirror) === undefined)
        errors.push(notFound(spec.mirror));
    return errors;
}
function targetErrors(targets, view) {
    const errors = [];
    const missing = (name) => {
        if (view.deployment(name) === undefined)
            errors.push(notFound(name));
    };
    if (targets.length === 0)
        return ['model deployment targets must contain at least one element'];
    if (targets.length === 1) {
        const target = targets[0];
        missing(target.mdName ?? '');
        if (target.weight === undefined)
            target.weight = FULL_WEIGHT;
        else if (target.weight !== FULL_WEIGHT) {
            errors.push('it must have 100 weight or nil value if there is only one target');
        }
        return errors;
    }
    let total = 0;
    for (const target of targets) {
        missing(target.mdName ?? '');
        if (target.weight === undefined) {
            errors.push('weights must be present if there are more than one model deployment targets');
            continue;
        }
        // The sum is an int32 in Go and wraps around.
        total = (total + target.weight) | 0;
    }
    if (total !== FULL_WEIGHT)
        errors.push('total target weight does not equal 100');
    return errors;
}

;// CONCATENATED MODULE: ./src/emulator/rules/go-strconv.ts
// Go's strconv as the server's query handling uses it: Atoi and ParseBool, with the NumError texts
// (`strconv.Atoi: parsing "abc": invalid syntax`) that reach clients unchanged.
const INT64_MIN = -(2n ** 63n);
const go_strconv_INT64_MAX = 2n ** 63n - 1n;
/** strconv.Atoi on a 64-bit server: optional sign, decimal digits only, int64 range. */
function goAtoi(text) {
    if (!/^[+-]?\d+$/.test(text)) {
        return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` };
    }
    const value = BigInt(text);
    if (value < INT64_MIN || value > go_strconv_INT64_MAX) {
        return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: value out of range` };
    }
    return { ok: true, value: Number(value) };
}
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
/** strconv.ParseBool: undefined for anything but its twelve spellings. */
function goParseBool(text) {
    if (TRUE_WORDS.has(text))
        return true;
    if (FALSE_WORDS.has(text))
        return false;
    return undefined;
}
const ESCAPES = {
    '\x07': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '"': '\\"',
    '\\': '\\\\',
};
/** strconv.Quote: printable runes kept, the rest escaped. */
function goQuote(text) {
    let quoted = '"';
    for (const char of text) {
        const escape = ESCAPES[char];
        if (escape !== undefined) {
            quoted += escape;
            continue;
        }
        const code = char.codePointAt(0);
        if (char === ' ' || !/[\p{C}\p{Z}]/u.test(char))
            quoted += char;
        else if (code < 0x80)
            quoted += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code < 0x10000)
            quoted += `\\u${code.toString(16).padStart(4, '0')}`;
        else
            quoted += `\\U${code.toString(16).padStart(8, '0')}`;
    }
    return `${quoted}"`;
}

;// CONCATENATED MODULE: ./src/emulator/rules/ecr-registry.ts
// The ECR check of connections: amazon-ecr-credential-helper's ExtractRegistry (v0.3), which reads
// the registry host out of `[https://]<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn][/path]`.
// Go's url.Parse is reduced to the host checks that can fail on such input (port, characters).

const SCHEME = 'https://';
const ECR_HOST = /(^[a-zA-Z0-9][a-zA-Z0-9\-_]*)\.dkr\.ecr(-fips)?\.([a-zA-Z0-9][a-zA-Z0-9\-_]*)\.amazonaws\.com(\.cn)?$/;
/** Printable ASCII url.Parse refuses in a host name (it would have to escape them). */
const INVALID_HOST_CHAR = /[ #/?@\\^`{|}]/;
function extractEcrRegistry(uri) {
    const input = uri.startsWith(SCHEME) ? uri.slice(SCHEME.length) : uri;
    const url = SCHEME + input;
    const parseError = (detail) => ({
        ok: false,
        error: `parse ${goQuote(url)}: ${detail}`,
    });
    if ([...url].some(isControl))
        return parseError('net/url: invalid control character in URL');
    const authority = input.split(/[/?#]/, 1)[0];
    const host = authority.slice(authority.lastIndexOf('@') + 1);
    const bracketed = host.startsWith('[');
    const colon = bracketed ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
    const port = colon === -1 ? '' : host.slice(colon);
    if (!/^(:\d*)?$/.test(port))
        return parseError(`invalid port ${goQuote(port)} after host`);
    const invalid = INVALID_HOST_CHAR.exec(host);
    if (invalid)
        return parseError(`invalid character ${goQuote(invalid[0])} in host name`);
    const hostname = bracketed
        ? host.slice(1, host.indexOf(']'))
        : host.slice(0, colon === -1 ? undefined : colon);
    const match = ECR_HOST.exec(hostname);
    if (!match) {
        return {
            ok: false,
            error: 'docker-credential-ecr-login can only be used with Amazon Elastic Container Registry.',
        };
    }
    return { ok: true, region: match[3] };
}
function isControl(char) {
    const code = char.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/emulator/rules/git-host-key.ts
// What the server stores as a git connection's public key when none is given: it runs ssh-keyscan on
// the host of a `user@host:path` URI. The emulator has no network, so it makes up a host key line that
// looks like ssh-keyscan output (`<host> ssh-ed25519 AAAAC3NzaC1lZDI1NTE5...`) and is derived from the
// host alone, so the same host always gets the same key.
//
// The server finds the host with `(?P<Users>.+)@(?P<Host>[\w.]+)[/:].*` (pkg/utils/ssh.go) and takes
// submatch 2 without checking for a match: a URI it does not match (no `user@`, a host with a `-`,
// or no `:` or `/` after the host) makes it panic (index out of range), answered as a 500 with an
// empty body.

/**
 * Go's pattern, unanchored: leftmost match, greedy user part (so the last `@` that fits), `\w` as
 * ASCII word characters, `.` anything but a newline (JavaScript's `.` also stops at \r, U+2028/9).
 */
const SSH_URL = /([^\n]+)@([0-9A-Za-z_.]+)[/:]/;
/** The host the server's pattern finds in a git URI, or undefined where it would panic. */
function gitUriHost(uri) {
    return SSH_URL.exec(uri)?.[2];
}
/** A deterministic stand-in for `ssh-keyscan <host>`: one ed25519 host key line. */
function fakeHostKeyLine(host) {
    const keyType = Buffer.from('ssh-ed25519');
    const key = (0,external_node_crypto_.createHash)('sha256').update(`odahu-emulator host key ${host}`).digest();
    const blob = Buffer.concat([lengthPrefixed(keyType), lengthPrefixed(key)]);
    return `${host} ssh-ed25519 ${blob.toString('base64')}\n`;
}
function lengthPrefixed(bytes) {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    return Buffer.concat([length, bytes]);
}

;// CONCATENATED MODULE: ./src/emulator/rules/go-base64.ts
// encoding/base64.StdEncoding.DecodeString: padding required, CR and LF ignored, and Go's error
// `illegal base64 data at input byte N` with N counted as Go counts it.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Map([...ALPHABET].map((char, i) => [char.charCodeAt(0), i]));
const PAD = 0x3d;
function goBase64Decode(text) {
    const src = new TextEncoder().encode(text);
    const out = [];
    let si = 0;
    while (si < src.length) {
        const quantum = decodeQuantum(src, si);
        out.push(...quantum.bytes);
        if (quantum.corruptAt !== undefined) {
            return { ok: false, error: `illegal base64 data at input byte ${quantum.corruptAt}` };
        }
        si = quantum.next;
    }
    return { ok: true, bytes: Uint8Array.from(out) };
}
function base64Encode(bytes) {
    return Buffer.from(bytes).toString('base64');
}
/** One group of up to four symbols, as Go's decodeQuantum reads it. */
function decodeQuantum(src, start) {
    const symbols = [];
    let si = start;
    let corruptAt;
    while (symbols.length < 4) {
        if (si === src.length) {
            // A group cut short: Go reports where it began (padding is required).
            if (symbols.length === 0)
                return { next: si, bytes: [] };
            return { next: si, bytes: [], corruptAt: si - symbols.length };
        }
        const c = src[si++];
        const value = DECODE.get(c);
        if (value !== undefined) {
            symbols.push(value);
            continue;
        }
        if (c === 0x0a || c === 0x0d)
            continue;
        if (c !== PAD || symbols.length < 2)
            return { next: si, bytes: [], corruptAt: si - 1 };
        if (symbols.length === 2) {
            // "==" is expected: the second pad may follow newlines.
            si = skipNewlines(src, si);
            if (si === src.length)
                return { next: si, bytes: [], corruptAt: src.length };
            if (src[si] !== PAD)
                return { next: si, bytes: [], corruptAt: si - 1 };
            si++;
        }
        si = skipNewlines(src, si);
        if (si < src.length)
            corruptAt = si;
        break;
    }
    const padded = [...symbols, 0, 0, 0].slice(0, 4);
    const value = (padded[0] << 18) | (padded[1] << 12) | (padded[2] << 6) | padded[3];
    const bytes = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff].slice(0, symbols.length - 1);
    return { next: si, bytes, ...(corruptAt !== undefined ? { corruptAt } : {}) };
}
function skipNewlines(src, si) {
    while (si < src.length && (src[si] === 0x0a || src[si] === 0x0d))
        si++;
    return si;
}

;// CONCATENATED MODULE: ./src/emulator/rules/connection.ts
// Connection: prefix `Validation of connection is failed: `; order: base64 errors, ID errors,
// `empty uri`, then the checks of the type. The prepared spec holds the secrets decoded, as the server
// stores them; presentConnection gives the answers' form.








/** The base64 fields in the order the server checks them, with the names its messages use. */
const ENCODED_FIELDS = [
    ['password', 'password'],
    ['keySecret', 'key secret'],
    ['keyID', 'key id'],
    ['publicKey', 'public key'],
];
function prepareConnection(body, _view, _options) {
    const { id, spec } = readBody(body);
    const errors = [];
    const decoded = {};
    for (const [field, name] of ENCODED_FIELDS) {
        const result = goBase64Decode(spec[field] ?? '');
        if (!result.ok)
            errors.push(`${name} must be base64-encoded, error: ${result.error}`);
        else if (spec[field] !== undefined)
            decoded[field] = new TextDecoder().decode(result.bytes);
    }
    errors.push(...idErrors(id));
    const uri = spec.uri ?? '';
    if (uri === '')
        errors.push('empty uri');
    const type = spec.type ?? '';
    switch (type) {
        case 'git':
            if (!spec.publicKey && uri !== '') {
                const host = gitUriHost(uri);
                if (host === undefined)
                    throw new ApiFailure(500, '', true);
                decoded.publicKey = fakeHostKeyLine(host);
            }
            break;
        case 's3':
            if (!spec.region)
                errors.push('s3 type requires that region must be non-empty');
            if (spec.role)
                errors.push('s3 type does not support role parameter yet');
            if (!spec.keySecret || !spec.keyID) {
                errors.push('s3 type requires that keyID and keySecret parameters must be non-empty');
            }
            break;
        case 'gcs':
            if (!spec.region)
                errors.push('gcs type requires that region must be non-empty');
            if (spec.role)
                errors.push('gcs type does not support role parameter yet must be non-empty');
            if (!spec.keySecret)
                errors.push('gcs type requires that keySecret parameter must be non-empty');
            break;
        case 'azureblob':
            if (!spec.keySecret) {
                errors.push('azureblob type requires that keySecret parameter contains HTTP endpoint with SAS Token');
            }
            break;
        case 'docker':
            if (!spec.password)
                errors.push('docker type requires the password parameter');
            if (!spec.username)
                errors.push('docker type requires the username parameter');
            break;
        case 'ecr': {
            const registry = extractEcrRegistry(uri);
            if (!registry.ok)
                errors.push(`not valid uri for ecr type: ${registry.error}`);
            else
                spec.region ||= registry.region;
            if (!spec.keySecret || !spec.keyID) {
                errors.push('ecr type requires that keyID and keySecret parameters must be non-empty');
            }
            break;
        }
        default:
            errors.push(`unknown type: ${type}. Supported types: [${CONNECTION_TYPES.join(' ')}]`);
    }
    refuseIfAny('Validation of connection is failed', errors);
    return { id, spec: { ...spec, type: type, uri, ...decoded } };
}

;// CONCATENATED MODULE: ./src/emulator/rules/connection-presentation.ts
// How connections appear in answers. Stored secrets are plain text; GET, list, POST and PUT show
// password, keySecret and keyID as `*****` (omitted when empty) and publicKey base64; `/decrypted`
// shows all four base64.

const SECRET_MASK = '*****';
const MASKED_FIELDS = ['password', 'keySecret', 'keyID'];
function presentConnection(stored, mode) {
    const spec = { ...stored.spec };
    for (const field of [...MASKED_FIELDS, 'publicKey']) {
        const value = spec[field];
        if (!value) {
            delete spec[field];
            continue;
        }
        const masked = mode === 'masked' && field !== 'publicKey';
        spec[field] = masked ? SECRET_MASK : base64Encode(new TextEncoder().encode(value));
    }
    return { ...stored, spec };
}

;// CONCATENATED MODULE: ./src/emulator/rules/inference-service.ts
// InferenceService (batch): every error is collected into the batch API's InvalidEntityError
// (`entity "<id>" is invalid; errors: a, b`). Connections are not checked. Only a create fills the
// default webhook trigger.





function prepareInferenceService(body, _view, options) {
    const { id, spec } = readBody(body);
    const errors = id.length > MAX_SERVICE_ID_LENGTH
        ? [`ID length must be less or equal to ${MAX_SERVICE_ID_LENGTH}`]
        : idErrors(id);
    if (!spec.image)
        errors.push('image must be non-empty');
    if (!spec.command?.length)
        errors.push('command must be non-empty');
    const registry = spec.modelRegistry ?? {};
    if (registry.remote !== undefined) {
        if (!registry.remote.modelConnection) {
            errors.push('modelRegistry.remote.modelConnection must be non-empty');
        }
    }
    else if (registry.local !== undefined) {
        if (!registry.local.meta?.name)
            errors.push('modelRegistry.local.meta.name must be non-empty');
        if (!registry.local.meta?.version)
            errors.push('modelRegistry.local.meta.version must be non-empty');
    }
    else {
        errors.push('whether modelRegistry.local.meta.name or modelRegistry.local.meta.version must be defined for embedded models', 'whether modelRegistry.local or modelRegistry.remote must be defined');
    }
    errors.push(...resourceParseErrors(spec.resources));
    if (errors.length > 0)
        throw invalidEntity(id, errors);
    const triggers = { ...spec.triggers };
    if (options.create)
        triggers.webhook ??= { enabled: true };
    return {
        id,
        spec: {
            ...spec,
            image: spec.image ?? '',
            command: spec.command ?? [],
            args: spec.args ?? null,
            modelRegistry: registry,
            triggers,
        },
    };
}

;// CONCATENATED MODULE: ./src/emulator/rules/inference-job.ts
// InferenceJob (batch): the server makes the id (`job-<service>-<5 chars of a UUID>`) and a request id,
// copies what the job leaves empty from its service, then checks the result. Its messages keep the
// server's wording, stray quote and trailing space included.



function prepareInferenceJob(body, view, _options, newUuid = external_node_crypto_.randomUUID) {
    const { id: bodyId, spec } = readBody(body);
    const serviceId = spec.inferenceServiceId ?? '';
    if (serviceId === '')
        throw invalidEntity(bodyId, ['service must be non-empty']);
    const service = view.inferenceService(serviceId);
    if (service === undefined) {
        throw invalidEntity('job', [`unable to fetch corresponding service: ${notFound(serviceId)}`]);
    }
    const id = `job-${serviceId}-${newUuid().slice(0, 5)}`;
    const job = {
        inferenceServiceId: serviceId,
        dataSource: spec.dataSource ?? service.spec.dataSource ?? null,
        outputDestination: spec.outputDestination ?? service.spec.outputDestination ?? null,
        nodeSelector: spec.nodeSelector ?? service.spec.nodeSelector ?? null,
        resources: spec.resources ?? service.spec.resources ?? null,
        requestId: spec.requestId || newUuid(),
    };
    const errors = [];
    if (!service.spec.triggers?.webhook?.enabled) {
        errors.push(`InferenceService: ${serviceId} webhook trigger is disabled`);
    }
    for (const field of ['dataSource', 'outputDestination']) {
        if (job[field] === null) {
            errors.push(`field "${field}"" must be set for BatchInferenceJob \nor as a default for a corresponding BatchInferenceService`);
        }
    }
    // The server stops at the first connection that exists, so a missing output connection can go unseen.
    for (const field of ['dataSource', 'outputDestination']) {
        const reference = job[field];
        if (!reference)
            continue;
        const name = reference.connection ?? '';
        if (view.connection(name) !== undefined)
            break;
        errors.push(`connection from "${field}" with name "${name}" is not found`);
    }
    if (errors.length > 0)
        throw invalidEntity(id, errors);
    return { id, spec: structuredClone(job) };
}

;// CONCATENATED MODULE: ./src/emulator/rules/list-query.ts
// List endpoints' query parameters: paging (`size` default 500, `page` from 0) and each kind's
// filters (exact match, a repeated parameter matches any of its values, a lone `*` matches all).
// Postgres-backed lists are ordered by id (compared as bytes, as with the C collation); connections
// come from Kubernetes, whose paging answers null for a page past the end.
// Simplified: Go ranges over the parameters in random order; the first bad one in query order wins.
// Negative paging reaches Postgres as a huge unsigned number, which it refuses as a bigint.


const DEFAULT_PAGE_SIZE = 500;
/** Each kind's filter parameters and where in the object they look. */
const FILTERS = {
    ModelTraining: {
        toolchain: ['spec', 'toolchain'],
        model_name: ['spec', 'model', 'name'],
        model_version: ['spec', 'model', 'version'],
    },
    // The server compares spec.type, a field packagings do not have: any value but `*` finds nothing.
    ModelPackaging: { type: ['spec', 'type'] },
    ModelDeployment: { roleName: ['spec', 'roleName'] },
    Connection: { type: ['spec', 'type'] },
};
function parseListQuery(kind, params) {
    const query = { kind, size: DEFAULT_PAGE_SIZE, page: 0, filters: {} };
    const filters = FILTERS[kind] ?? {};
    for (const name of new Set(params.keys())) {
        const values = params.getAll(name);
        if (name === 'size' || name === 'page') {
            if (values.length > 1)
                throw new ApiFailure(400, `the ${name} URL parameter must be only one`);
            const parsed = goAtoi(values[0]);
            if (!parsed.ok)
                throw new ApiFailure(400, parsed.error);
            query[name] = parsed.value;
        }
        else if (Object.prototype.hasOwnProperty.call(filters, name)) {
            query.filters[name] = values;
        }
        else {
            throw new ApiFailure(400, `cannot find ${name} url parameter`);
        }
    }
    return query;
}
/** The page of `items` the server would answer; null where Kubernetes paging gives nothing. */
function applyListQuery(items, query) {
    const filters = FILTERS[query.kind] ?? {};
    const matching = items
        .filter((item) => Object.entries(query.filters).every(([name, values]) => {
        if (values.length === 1 && values[0] === '*')
            return true;
        const value = valueAt(item, filters[name]);
        return typeof value === 'string' && values.includes(value);
    }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const { size, page } = query;
    if (query.kind === 'Connection')
        return kubernetesPage(matching, size, page);
    if (size < 0 || (page < 0 && size > 0))
        throw new ApiFailure(500, 'pq: bigint out of range');
    return matching.slice(size * page, size * page + size);
}
/** Kubernetes lists pages with continue tokens: limit 0 means all, a page past the last is null. */
function kubernetesPage(items, size, page) {
    if (page < 0)
        return [];
    if (size <= 0)
        return page === 0 ? items : null;
    const start = size * page;
    if (page > 0 && start >= items.length)
        return null;
    return items.slice(start, start + size);
}
function valueAt(item, path) {
    let value = item;
    for (const key of path) {
        if (typeof value !== 'object' || value === null)
            return undefined;
        value = value[key];
    }
    return value;
}

;// CONCATENATED MODULE: ./src/emulator/rules/query-params.ts
// The query parameters of the log and event-feed endpoints.


/** `follow` of the log endpoints: absent or empty is false, else one of Go's ParseBool spellings. */
function parseFollow(value) {
    if (value === null || value === '')
        return false;
    const follow = goParseBool(value);
    if (follow === undefined)
        throw new ApiFailure(400, `Convert ${value} to bool`);
    return follow;
}
/** `cursor` of the deployment and route event feeds: absent or empty is 0. */
function parseCursor(value) {
    if (value === null || value === '')
        return 0;
    const cursor = goAtoi(value);
    if (!cursor.ok) {
        throw new ApiFailure(400, `Incorrect "cursor" query parameter value: ${value}. Integer expected. Details: ${cursor.error}`);
    }
    return cursor.value;
}

;// CONCATENATED MODULE: ./src/emulator/rules/index.ts
// The Odahu API server's rules, as pure functions for the emulator's runtime: decode a body as Go does,
// validate and default each kind with the server's messages, present connections, read list queries.















;// CONCATENATED MODULE: ./src/emulator/api/resources.ts
// The endpoints every kind shares — list, get, create (POST), update (PUT, id from the body) and
// delete — with the server's common behaviour: bodies decoded as Go decodes them, validation first,
// then 404/409, `createdAt` kept on PUT, status set by the server (clients cannot set it), answers
// of writes stamped with time.Now() and reads with the stored (µs) times.




function resources_notFound(id) {
    return new ApiFailure(404, `entity "${id}" is not found`);
}
function resourceEndpoints(router, def) {
    const base = `/api/v1/${KINDS[def.kind].path}`;
    const present = (stored, write, at = '') => def.present ? def.present(stored, write, at) : stampWrite(stored, write, at);
    router.add('GET', base, (exchange) => {
        const query = parseListQuery(def.kind, exchange.query);
        const items = def.collection.list().map((item) => present(item));
        exchange.json(200, applyListQuery(items, query));
    });
    router.add('GET', `${base}/{id}`, (exchange, { id = '' }) => {
        const stored = def.collection.get(id);
        if (!stored)
            throw resources_notFound(id);
        exchange.json(200, present(stored));
    });
    router.add('POST', base, async (exchange) => {
        const body = await resources_readBody(exchange, def.kind);
        const prepared = def.prepare(body, true);
        if (def.collection.has(prepared.id))
            throw new ApiFailure(409, `entity "${prepared.id}" already exists`);
        const at = moment();
        const stored = def.collection.put({
            id: prepared.id,
            createdAt: at.stored,
            updatedAt: at.stored,
            spec: prepared.spec,
            status: def.initialStatus(),
            ...def.build?.(body),
        });
        exchange.json(201, present(stored, 'create', at.answer));
        def.written?.(stored, undefined);
    });
    if (def.updatable !== false) {
        router.add('PUT', base, async (exchange) => {
            const body = await resources_readBody(exchange, def.kind);
            const prepared = def.prepare(body, false);
            const previous = def.collection.get(prepared.id);
            if (!previous)
                throw resources_notFound(prepared.id);
            def.checkUpdate?.(prepared, previous);
            const at = moment();
            const stored = def.collection.put({
                id: prepared.id,
                createdAt: previous.createdAt,
                updatedAt: at.stored,
                spec: prepared.spec,
                status: def.initialStatus(),
                ...def.build?.(body),
                // The UPDATE leaves the deletionmark column as it is; the answer is the struct the handler
                // bound, whose mark is false (so omitted).
                ...(previous.deletionMark === true ? { deletionMark: true } : {}),
            });
            const { deletionMark: _unmarked, ...answer } = present(stored, 'update', at.answer);
            exchange.json(200, answer);
            def.written?.(stored, previous);
        });
    }
    router.add('DELETE', `${base}/{id}`, (exchange, { id = '' }) => {
        const stored = def.collection.get(id);
        if (!stored) {
            def.removeMissing?.(id);
            throw resources_notFound(id);
        }
        exchange.json(200, { message: def.remove(stored) });
    });
}
async function resources_readBody(exchange, kind) {
    return decodeBody(kind, await exchange.body());
}
/** A write's answer carries time.Now() itself; the stored copy keeps what Postgres keeps (µs). */
function stampWrite(stored, write, at) {
    if (write === 'create')
        return { ...stored, createdAt: at, updatedAt: at };
    if (write === 'update')
        return { ...stored, updatedAt: at };
    return stored;
}
/** Whether two specs are the same, as the controller compares them to decide on a re-run. */
function sameSpec(a, b) {
    return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
function canonical(value) {
    if (Array.isArray(value))
        return value.map(canonical);
    if (typeof value !== 'object' || value === null)
        return value;
    return Object.fromEntries(Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]));
}

;// CONCATENATED MODULE: ./src/emulator/api/batch.ts
// Batch inference: services (not deletable while they have jobs) and jobs (ids generated, no PUT,
// a DELETE marks the job and the row goes once its pod is cleaned up).



/** When a marked job's row goes, as a share of a job's run time. */
const CLEANED_UP_AT = 0.25;
function batchEndpoints(router, { store, runs, timers, jobSeconds }) {
    resourceEndpoints(router, {
        kind: 'InferenceService',
        collection: store.services,
        prepare: (body, create) => prepareInferenceService(body, store, { create }),
        initialStatus: () => ({}),
        remove: ({ id }) => {
            if (store.jobs.list().some((job) => job.spec.inferenceServiceId === id)) {
                throw new ApiFailure(400, `Unable to delete service: "${id}". Cause: there are child jobs`);
            }
            store.services.delete(id);
            return `Inference Service ${id} was deleted`;
        },
    });
    resourceEndpoints(router, {
        kind: 'InferenceJob',
        collection: store.jobs,
        updatable: false,
        prepare: (body) => prepareInferenceJob(body, store, { create: true }),
        initialStatus: () => ({ state: '', message: '', reason: '', podName: '' }),
        written: (stored) => runs.startJob(stored.id),
        remove: (stored) => {
            if (stored.deletionMark !== true) {
                stored.deletionMark = true;
                runs.stop('job', stored.id);
                timers.after(`job-cleanup/${stored.id}`, jobSeconds * 1000 * CLEANED_UP_AT, () => store.jobs.delete(stored.id));
            }
            // The server's text names a service here (sic).
            return `Inference Service ${stored.id} was deleted`;
        },
    });
}

;// CONCATENATED MODULE: ./src/emulator/api/cluster.ts
// GET /api/v1/configuration and GET /api/v1/user/info.


/** The claims the server reads the user from (its users.claims configuration). */
const CLAIMS = { username: 'name', email: 'email' };
function clusterEndpoints(router, configuration) {
    router.add('GET', '/api/v1/configuration', (exchange) => exchange.json(200, configuration));
    router.add('GET', '/api/v1/user/info', (exchange) => exchange.json(200, userInfo(exchange)));
}
/** The server decodes the bearer token without verifying it (the mesh has done that). */
function userInfo(exchange) {
    const authorization = exchange.header('authorization');
    if (authorization === undefined)
        return { email: 'anonymous@email.org', username: 'anonymous' };
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (token === undefined)
        throw new ApiFailure(400, 'Unexpected error during extraction a token from headers');
    let claims;
    try {
        claims = (0,decode_jwt/* decodeJwt */.i)(token);
    }
    catch {
        throw new ApiFailure(400, 'Malformed JWT: malformed JWT');
    }
    const read = (claim) => {
        const value = claims[claim];
        if (value === undefined)
            throw new ApiFailure(400, `Malformed JWT: ${claim} claim is missing`);
        if (typeof value !== 'string')
            throw new ApiFailure(400, `Malformed JWT: ${claim} claim is not the string type`);
        return value;
    };
    const username = read(CLAIMS.username);
    return { email: read(CLAIMS.email), username };
}

;// CONCATENATED MODULE: ./src/emulator/api/connection.ts
// Connections: secrets masked in every answer but /decrypted; vital ones cannot be deleted. The
// server's default (Kubernetes) backend keeps no timestamps: reads show the zero time, a POST's
// answer shows now for both, a PUT's the zero createdAt and now.




function connectionEndpoints(router, { store }) {
    const show = (stored, view, createdAt, updatedAt) => ({
        ...presentConnection(stored, view),
        createdAt,
        updatedAt,
    });
    resourceEndpoints(router, {
        kind: 'Connection',
        collection: store.connections,
        prepare: (body, create) => prepareConnection(body, store, { create }),
        initialStatus: () => ({}),
        present: (stored, write, at) => show(stored, 'masked', write === 'create' ? at : ZERO_TIME, write === undefined ? ZERO_TIME : at),
        remove: ({ id, spec }) => {
            if (spec.vital === true)
                throw new ApiFailure(400, `${id} connection is vital, it cannot be deleted`);
            store.connections.delete(id);
            return `Connection ${id} was deleted`;
        },
    });
    router.add('GET', '/api/v1/connection/{id}/decrypted', (exchange, { id = '' }) => {
        const stored = store.connections.get(id);
        if (!stored)
            throw resources_notFound(id);
        exchange.json(200, show(stored, 'decrypted', ZERO_TIME, ZERO_TIME));
    });
}

;// CONCATENATED MODULE: ./src/emulator/events.ts
// The deployment and route event feeds (GET /model/deployment-events, /model/route-events). As in the
// server's outbox table: one sequence shared by both feeds, and only the newest event of each entity
// is kept, so a reader that falls behind sees the latest state, not the whole history.

/** Deleted/DeletionMarkIsSet events carry a zero-valued entity, as Go marshals an empty struct. */
const ZERO_PAYLOAD = {
    deployment: {
        id: '',
        createdAt: ZERO_TIME,
        updatedAt: ZERO_TIME,
        spec: { image: '', predictor: '' },
        status: { availableReplicas: 0, replicas: 0 },
    },
    route: {
        id: '',
        createdAt: ZERO_TIME,
        updatedAt: ZERO_TIME,
        spec: { urlPrefix: '', modelDeployments: null },
        status: { edgeUrl: '', state: '' },
    },
};
class Outbox {
    sequence = 0;
    /** Keyed by feed and entity; Map keeps insertion order and a re-insert moves the entry last. */
    newest = new Map();
    add(feed, entityID, type, payload, datetime) {
        const key = `${feed}/${entityID}`;
        this.newest.delete(key);
        this.sequence += 1;
        this.newest.set(key, { sequence: this.sequence, feed, event: { entityID, payload, type, datetime } });
    }
    /** Events after `cursor`, oldest first; nothing new gives `{events: null, cursor: 0}` (sic). */
    since(feed, cursor) {
        const entries = [...this.newest.values()].filter((e) => e.feed === feed && e.sequence > cursor);
        const last = entries.at(-1);
        if (!last)
            return { events: null, cursor: 0 };
        return { events: entries.map((e) => e.event), cursor: last.sequence };
    }
}

;// CONCATENATED MODULE: ./src/emulator/api/deployment.ts
// Model deployments (each with the default route the server makes for it), model routes, and the
// deployment and route event feeds.






function deploymentEndpoints(router, context) {
    const { store, outbox, rollouts } = context;
    // Every DELETE publishes it, a repeated one too.
    const markEvent = (id) => outbox.add('deployment', id, 'ModelDeploymentDeletionMarkIsSet', ZERO_PAYLOAD.deployment, moment().stored);
    resourceEndpoints(router, {
        kind: 'ModelDeployment',
        collection: store.deployments,
        prepare: (body, create) => prepareModelDeployment(body, store, { create }),
        initialStatus: () => ({ availableReplicas: 0, replicas: 0 }),
        written: (stored, previous) => {
            const at = moment();
            const payload = structuredClone(stored);
            if (previous) {
                outbox.add('deployment', stored.id, 'ModelDeploymentUpdated', payload, at.stored);
                rollouts.rollOut(stored.id, !sameSpec(stored.spec, previous.spec));
                return;
            }
            outbox.add('deployment', stored.id, 'ModelDeploymentCreated', payload, at.stored);
            if (!store.defaultRouteOf(stored.id)) {
                const route = {
                    id: `${stored.id}-${(0,external_node_crypto_.randomUUID)().slice(0, 5)}`,
                    createdAt: stored.createdAt,
                    updatedAt: stored.updatedAt,
                    spec: { urlPrefix: `/model/${stored.id}`, modelDeployments: [{ mdName: stored.id, weight: 100 }] },
                    status: { edgeUrl: '', state: '' },
                    default: true,
                };
                store.routes.put(route);
                outbox.add('route', route.id, 'ModelRouteCreated', structuredClone(route), at.stored);
                rollouts.routeChanged(route.id);
            }
            rollouts.rollOut(stored.id, true);
        },
        remove: (stored) => {
            // Only marked: the controller removes it (and its default route) once its service is gone.
            stored.deletionMark = true;
            markEvent(stored.id);
            rollouts.remove(stored.id);
            return `Model deployment ${stored.id} was deleted`;
        },
        // The server publishes the event before it finds no row to mark, and commits it with the 404.
        removeMissing: markEvent,
    });
    router.add('GET', '/api/v1/model/deployment/{id}/default-route', (exchange, { id = '' }) => {
        const route = store.defaultRouteOf(id);
        // The server looks the route up by deployment and reports the (empty) id it did not find.
        if (!route)
            throw resources_notFound('');
        exchange.json(200, route);
    });
    resourceEndpoints(router, {
        kind: 'ModelRoute',
        collection: store.routes,
        prepare: (body, create) => prepareModelRoute(body, store, { create }),
        initialStatus: () => ({ edgeUrl: '', state: '' }),
        // A PUT stores the body's flag (so `default: true` makes a route protected, as on the server).
        build: (body) => (body.default === true ? { default: true } : {}),
        checkUpdate: (prepared, previous) => {
            if (previous.default === true) {
                throw new ApiFailure(403, `access forbidden: unable to update default route with ID "${prepared.id}"`);
            }
        },
        written: (stored, previous) => {
            const type = previous ? 'ModelRouteUpdate' : 'ModelRouteCreated';
            outbox.add('route', stored.id, type, structuredClone(stored), moment().stored);
            rollouts.routeChanged(stored.id);
        },
        remove: (stored) => {
            if (stored.default === true) {
                throw new ApiFailure(403, `access forbidden: unable to delete default route with ID "${stored.id}"`);
            }
            rollouts.dropRoute(stored.id);
            outbox.add('route', stored.id, 'ModelRouteDeleted', ZERO_PAYLOAD.route, moment().stored);
            return `Model route ${stored.id} was deleted`;
        },
    });
    const feed = (name) => (exchange) => {
        exchange.json(200, outbox.since(name, parseCursor(exchange.query.get('cursor'))));
    };
    router.add('GET', '/api/v1/model/deployment-events', feed('deployment'));
    router.add('GET', '/api/v1/model/route-events', feed('route'));
}

;// CONCATENATED MODULE: ./src/emulator/overrides.ts
// Per-resource control of the emulated run, without leaving the real schema: keys in a string map
// the user already owns (a training's spec.hyperParameters, a packaging's spec.arguments, a
// deployment's spec.annotations), and for a batch job, which has no such map, its request id. A real
// cluster ignores them (a request id is only passed on, to correlate feedback); the emulator reads them.
// A deployment's annotations can also make its model server misbehave, to rehearse a bad release.
const OUTCOME_KEY = 'emulator-outcome';
const SECONDS_KEY = 'emulator-seconds';
/** `defaultSeconds` unless `emulator-seconds` holds a non-negative number (as a string or a number). */
function planRun(map, defaultSeconds) {
    const outcome = map?.[OUTCOME_KEY];
    const seconds = Number(map?.[SECONDS_KEY]);
    const given = map?.[SECONDS_KEY] !== undefined && map[SECONDS_KEY] !== '' && Number.isFinite(seconds) && seconds >= 0;
    return { fails: outcome === 'failed', durationMs: (given ? seconds : defaultSeconds) * 1000 };
}
/** A batch job whose `spec.requestId` starts with this fails in its user container. */
const FAILING_REQUEST_ID = 'emulator-outcome-failed';
function planJob(requestId, defaultSeconds) {
    return { fails: requestId?.startsWith(FAILING_REQUEST_ID) ?? false, durationMs: defaultSeconds * 1000 };
}
/**
 * A packaging's arguments are checked against the integration's JSON schema, which forbids unknown
 * properties: the emulator keys are taken out before that check and put back on the stored object,
 * so the user reads back what they sent.
 */
function splitEmulatorKeys(args) {
    if (typeof args !== 'object' || args === null || Array.isArray(args))
        return { rest: args, keys: {} };
    const rest = {};
    const keys = {};
    for (const [name, value] of Object.entries(args)) {
        if (name === OUTCOME_KEY || name === SECONDS_KEY)
            keys[name] = value;
        else
            rest[name] = value;
    }
    return { rest, keys };
}
const ERROR_RATE_KEY = 'emulator-error-rate';
const LATENCY_KEY = 'emulator-latency-ms';
const PREDICTION_OFFSET_KEY = 'emulator-prediction-offset';
const PREDICTION_FLIP_KEY = 'emulator-prediction-flip';
const ROW_ERROR_RATE_KEY = 'emulator-row-error-rate';
/** A deployment's annotations read as model behaviour; a value out of range or not a number is ignored. */
function planModel(annotations) {
    const number = (key, valid) => {
        const raw = annotations?.[key];
        const value = raw === undefined || raw === '' ? NaN : Number(raw);
        return Number.isFinite(value) && valid(value) ? value : 0;
    };
    return {
        errorRate: number(ERROR_RATE_KEY, (n) => n >= 0 && n <= 1),
        latencyMs: number(LATENCY_KEY, (n) => n >= 0),
        predictionOffset: number(PREDICTION_OFFSET_KEY, () => true),
        predictionFlip: number(PREDICTION_FLIP_KEY, (n) => n >= 0 && n <= 1),
        rowErrorRate: number(ROW_ERROR_RATE_KEY, (n) => n >= 0 && n <= 1),
    };
}

;// CONCATENATED MODULE: ./src/emulator/pod-logs.ts
// What the pods of trainings and packagings print, and GET /model/{training|packaging}/{id}/log: the
// containers' lines in step order; follow=false dumps what is printed so far, follow=true streams each
// line as the pod prints it and ends when the pod does. The lines are plausible and deterministic:
// the same resource prints the same log (apart from the names a run makes up, such as its artifact's).


/** A failed step the way Tekton reports it in the TaskRun's condition. */
function stepFailure(step, detail) {
    const text = `"step-${step}" exited with code 1`;
    return detail ? `${text}: ${detail}` : text;
}
const line = (container, level, text) => `${level}\t${container}\t${text}\n`;
/** A repeatable number in [low, high) from a text, for metrics that look real and never change. */
function figure(seed, low, high) {
    const n = (0,external_node_crypto_.createHash)('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
    return (low + n * (high - low)).toFixed(4);
}
function trainingLog(input) {
    const { training, connectionUri, artifactName, runId, failure } = input;
    const { spec } = training;
    const lines = [];
    const setup = (text) => lines.push(line('step-setup', 'INFO', text));
    const trainer = (text) => lines.push(line('step-trainer', 'INFO', text));
    setup(`Model training ${training.id}: model ${spec.model.name} version ${spec.model.version}`);
    const { vcs, objectStorage } = spec.algorithmSource ?? {};
    if (vcs?.connection) {
        const ref = vcs.reference ? ` at ${vcs.reference}` : '';
        setup(`Cloning ${connectionUri(vcs.connection) ?? vcs.connection}${ref} into /workspace/source`);
    }
    else if (objectStorage?.connection) {
        const base = connectionUri(objectStorage.connection) ?? objectStorage.connection;
        setup(`Downloading ${joinPath(base, objectStorage.path)} into /workspace/source`);
    }
    for (const binding of spec.data ?? []) {
        const base = connectionUri(binding.connection) ?? binding.connection;
        setup(`Downloading ${joinPath(base, binding.remotePath)} to ${binding.localPath}`);
    }
    setup('Setup completed');
    trainer(`Running ${spec.entrypoint || 'main'} in ${spec.workDir ?? './'} with ${spec.image ?? 'the toolchain image'}`);
    const parameters = Object.entries(spec.hyperParameters ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name, value] of parameters)
        trainer(`Hyperparameter ${name}=${value}`);
    const seed = `${training.id}/${JSON.stringify(parameters)}`;
    for (let epoch = 1; epoch <= 3; epoch += 1) {
        trainer(`Epoch ${epoch}/3: loss=${figure(`${seed}/${epoch}`, 1.2 / epoch, 1.5 / epoch)}`);
    }
    if (failure === 'trainer') {
        lines.push(line('step-trainer', 'ERROR', 'Training script failed: exit status 1'));
        return { lines, failure: stepFailure('trainer') };
    }
    trainer(`Metrics: rmse=${figure(`${seed}/rmse`, 0.6, 0.9)} mae=${figure(`${seed}/mae`, 0.4, 0.7)}`);
    trainer(`MLflow run ${runId} finished`);
    lines.push(line('step-validation', 'INFO', `Model ${spec.model.name} ${spec.model.version} is valid`));
    if (failure) {
        lines.push(line('step-result', 'ERROR', `Cannot name the artifact: ${failure.templateError}`));
        return { lines, failure: stepFailure('result') };
    }
    const output = connectionUri(spec.outputConnection ?? '') ?? spec.outputConnection ?? '';
    lines.push(line('step-result', 'INFO', `Uploading ${artifactName} to ${output}`));
    lines.push(line('step-result', 'INFO', `Artifact ${artifactName} saved`));
    return { lines };
}
function packagingLog(input) {
    const { packaging, outputUri, image, failure } = input;
    const { spec } = packaging;
    const source = joinPath(outputUri ?? spec.outputConnection ?? '', spec.artifactName);
    const lines = [line('step-setup', 'INFO', `Downloading ${source}`)];
    if (failure === 'artifact') {
        const detail = `artifact "${spec.artifactName}" is not found in connection "${spec.outputConnection ?? ''}"`;
        lines.push(line('step-setup', 'ERROR', `Cannot download ${source}: ${detail}`));
        return { lines, failure: stepFailure('setup', detail) };
    }
    lines.push(line('step-setup', 'INFO', `Unpacked ${spec.artifactName}`));
    const packager = (text) => lines.push(line('step-packager', 'INFO', text));
    packager(`Packaging with ${spec.integrationName} (${spec.image ?? 'the integration image'})`);
    const args = Object.entries(spec.arguments ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [name, value] of args)
        packager(`Argument ${name}=${JSON.stringify(value)}`);
    packager('Generating the Dockerfile and the model server');
    packager('Building the image');
    if (failure === 'packager') {
        lines.push(line('step-packager', 'ERROR', 'Image build failed: exit status 1'));
        return { lines, failure: stepFailure('packager') };
    }
    if (failure) {
        lines.push(line('step-packager', 'ERROR', `Cannot name the image: ${failure.templateError}`));
        return { lines, failure: stepFailure('packager') };
    }
    packager(`Pushing ${image}`);
    lines.push(line('step-result', 'INFO', `Result: image=${image}`));
    return { lines };
}
function joinPath(base, path) {
    if (!path)
        return base;
    return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
/** How the server names the resource kind in its log errors (Kubernetes, then its own, sic). */
const LOG_NAMES = {
    training: { crd: 'modeltrainings.odahuflow.odahu.org', notStarted: 'model Training' },
    packaging: { crd: 'modelpackagings.odahuflow.odahu.org', notStarted: 'model packaing' },
};
/** Counts log followers, to give each its own timer group. */
let followers = 0;
/**
 * Answers a log request. `run` is the resource's pod, if the controller made one (the server looks the
 * resource up in Kubernetes, where it appears once the controller has synced it).
 */
function serveLog(exchange, kind, id, run, follow, timers) {
    const names = LOG_NAMES[kind];
    if (!run || run.phase === 'stopped' || (run.phase === 'created' && !run.rerun)) {
        throw new ApiFailure(404, `${names.crd} "${id}" not found`);
    }
    if (run.phase === 'created' || run.phase === 'scheduling') {
        throw new ApiFailure(500, `${names.notStarted} ${id} has not started yet`);
    }
    const stream = exchange.stream(200, 'text/plain; charset=utf-8');
    const printed = run.printed();
    stream.write(printed.join(''));
    if (!follow || run.ended) {
        stream.end();
        return;
    }
    // Following: each later line is written when the pod prints it; the answer ends with the pod.
    followers += 1;
    const group = `log/${kind}/${id}/${followers}`;
    let sent = printed.length;
    const flush = () => {
        const now = run.printed();
        stream.write(now.slice(sent).join(''));
        sent = now.length;
    };
    for (const { atMs } of run.lines.slice(sent)) {
        timers.after(group, run.startedAt + atMs - timers.now(), flush);
    }
    const unsubscribe = run.onEnd(() => {
        timers.cancel(group);
        flush();
        stream.end();
    });
    stream.onClose(() => {
        timers.cancel(group);
        unsubscribe();
    });
}

;// CONCATENATED MODULE: ./src/emulator/api/packaging.ts
// Packagings (with their pod logs) and packaging integrations.




function packagingEndpoints(router, { store, runs, timers }) {
    resourceEndpoints(router, {
        kind: 'ModelPackaging',
        collection: store.packagings,
        prepare: (body, create) => {
            // The integration's schema forbids unknown arguments: the emulator's own keys are checked
            // out before validation and stored back as the user sent them.
            const spec = body.spec;
            const { rest, keys } = splitEmulatorKeys(spec?.arguments);
            const prepared = prepareModelPackaging(spec ? { ...body, spec: { ...spec, arguments: rest } } : body, store, {
                create,
            });
            if (Object.keys(keys).length > 0) {
                prepared.spec.arguments = { ...(prepared.spec.arguments ?? {}), ...keys };
            }
            return prepared;
        },
        initialStatus: () => ({ state: 'unknown' }),
        written: (stored, previous) => {
            // As for trainings: the spec is compared with the row's, or with a leftover CR's after a DELETE.
            const before = previous?.spec ?? runs.leftoverSpec('packaging', stored.id);
            if (before !== undefined && sameSpec(stored.spec, before))
                runs.resync('packaging', stored.id);
            else
                runs.startPackaging(stored.id);
        },
        remove: ({ id }) => {
            store.packagings.delete(id);
            runs.remove('packaging', id);
            return `Model packaging ${id} was deleted`;
        },
    });
    router.add('GET', '/api/v1/model/packaging/{id}/log', (exchange, { id = '' }) => {
        const follow = parseFollow(exchange.query.get('follow'));
        serveLog(exchange, 'packaging', id, runs.run('packaging', id), follow, timers);
    });
    resourceEndpoints(router, {
        kind: 'PackagingIntegration',
        collection: store.packagingIntegrations,
        prepare: (body, create) => preparePackagingIntegration(body, store, { create }),
        initialStatus: () => ({}),
        remove: ({ id }) => {
            store.packagingIntegrations.delete(id);
            return `Packaging integration ${id} was deleted`;
        },
    });
}

;// CONCATENATED MODULE: ./src/emulator/api/training.ts
// Trainings (with their pod logs) and toolchain integrations.



function trainingEndpoints(router, { store, runs, timers }) {
    resourceEndpoints(router, {
        kind: 'ModelTraining',
        collection: store.trainings,
        prepare: (body, create) => prepareModelTraining(body, store, { create }),
        initialStatus: () => ({ state: 'unknown' }),
        written: (stored, previous) => {
            // A changed spec re-runs the training from scratch; the same spec leaves the pod alone. A POST
            // finding the CR a DELETE left behind treats it as a PUT would (the spec is compared with it).
            const before = previous?.spec ?? runs.leftoverSpec('training', stored.id);
            if (before !== undefined && sameSpec(stored.spec, before))
                runs.resync('training', stored.id);
            else
                runs.startTraining(stored.id);
        },
        remove: ({ id }) => {
            store.trainings.delete(id);
            runs.remove('training', id);
            return `Model training ${id} was deleted`;
        },
    });
    router.add('GET', '/api/v1/model/training/{id}/log', (exchange, { id = '' }) => {
        const follow = parseFollow(exchange.query.get('follow'));
        serveLog(exchange, 'training', id, runs.run('training', id), follow, timers);
    });
    resourceEndpoints(router, {
        kind: 'ToolchainIntegration',
        collection: store.toolchains,
        prepare: (body, create) => prepareToolchainIntegration(body, store, { create }),
        initialStatus: () => ({}),
        remove: ({ id }) => {
            store.toolchains.delete(id);
            return `ToolchainIntegration ${id} was deleted`;
        },
    });
}

;// CONCATENATED MODULE: ./src/emulator/router.ts
// Path templates to handlers, matched the way gin matches them: exact segments and `{param}`
// segments, no method fallback (a known path with another method is a plain 404, never a 405), and
// a redirect to the path without its trailing slash when only that one exists.
class Router {
    routes = [];
    add(method, template, handle) {
        this.routes.push({ method, template, segments: template.split('/'), handle });
        return this;
    }
    match(method, path, search) {
        const found = this.find(method, path);
        if (found)
            return found;
        if (path.length > 1 && path.endsWith('/') && this.find(method, path.slice(0, -1))) {
            // gin: 301 for GET, 307 (method and body kept) for the others.
            return { kind: 'redirect', status: method === 'GET' ? 301 : 307, location: path.slice(0, -1) + search };
        }
        return { kind: 'none' };
    }
    find(method, path) {
        const segments = path.split('/');
        for (const route of this.routes) {
            if (route.method !== method || route.segments.length !== segments.length)
                continue;
            const params = {};
            const matches = route.segments.every((want, i) => {
                const got = segments[i] ?? '';
                if (want.startsWith('{')) {
                    params[want.slice(1, -1)] = got;
                    return got !== '';
                }
                return want === got;
            });
            if (matches)
                return { kind: 'route', template: route.template, params, handle: route.handle };
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/emulator/api/router.ts
// Every endpoint of the API server under /api/v1, as gin routes them.







function apiRouter(context) {
    const router = new Router();
    trainingEndpoints(router, context);
    packagingEndpoints(router, context);
    deploymentEndpoints(router, context);
    connectionEndpoints(router, context);
    batchEndpoints(router, context);
    clusterEndpoints(router, context.configuration);
    return router;
}

;// CONCATENATED MODULE: ./src/emulator/dice.ts
// A small seeded random generator (mulberry32): the same seed replays the same faults and the same
// choices among weighted route targets.
function createDice(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

;// CONCATENATED MODULE: ./src/emulator/faults.ts
// Faults a real cluster's ingress shows now and then, injected on /api/v1 requests so that clients
// can prove their retries: an unreachable upstream (503, nothing processed), throttling (429 with
// Retry-After), latency, and a connection cut mid-answer after the request took effect.

/** Envoy's answer when the API pod cannot be reached. */
const UPSTREAM_FAILURE = 'upstream connect error or disconnect/reset before headers. reset reason: connection failure';
/** Envoy's local rate limit answer. */
const RATE_LIMITED = 'local_rate_limited';
class Faults {
    settings;
    dice;
    constructor(settings) {
        this.settings = settings;
        this.dice = createDice(settings.seed);
    }
    /**
     * Rolls the dice for one request. Answers it (and returns true) when it must not reach the API;
     * otherwise may mark it to be cut mid-answer. The three dice are always rolled, in this order, so a
     * seed replays the same sequence whatever the rates.
     */
    async intercept(exchange) {
        const { failRate, throttleRate, dropRate, latencyMs, retryAfterSeconds } = this.settings;
        const fail = this.dice() < failRate;
        const throttle = this.dice() < throttleRate;
        const drop = this.dice() < dropRate;
        if (latencyMs > 0)
            await new Promise((resolve) => setTimeout(resolve, latencyMs));
        if (fail) {
            exchange.text(503, UPSTREAM_FAILURE);
            return true;
        }
        if (throttle) {
            exchange.text(429, RATE_LIMITED, { 'retry-after': String(retryAfterSeconds) });
            return true;
        }
        exchange.cut = drop;
        return false;
    }
}

;// CONCATENATED MODULE: ./src/emulator/api/gateway.ts
// What stands in front of the API handlers, in a real cluster's order: the ingress (where the
// emulator's faults strike), Istio's JWT check (401), OPA's role policy (403), then gin's router
// (trailing-slash redirects, a plain-text 404 for anything else) and the handlers' errors as
// `{"message": ...}`.





const NOT_FOUND_PAGE = '404 page not found';
class ApiGateway {
    router;
    verifier;
    faults;
    baseUrl;
    outages;
    constructor(router, verifier, faults, baseUrl, outages) {
        this.router = router;
        this.verifier = verifier;
        this.faults = faults;
        this.baseUrl = baseUrl;
        this.outages = outages;
    }
    async handle(exchange) {
        if (this.outages.down('api')) {
            exchange.text(503, UPSTREAM_FAILURE);
            return;
        }
        if (await this.faults.intercept(exchange))
            return;
        const claims = await this.authenticate(exchange);
        if (!claims)
            return;
        if (!apiAllows(realmRolesOf(claims), exchange.method, exchange.target)) {
            exchange.text(403, ACCESS_DENIED);
            return;
        }
        const search = exchange.query.size > 0 ? `?${exchange.query.toString()}` : '';
        const match = this.router.match(exchange.method, exchange.path, search);
        if (match.kind === 'none') {
            exchange.text(404, NOT_FOUND_PAGE);
            return;
        }
        if (match.kind === 'redirect') {
            // Go's http.Redirect writes a small HTML body for GET only.
            const body = match.status === 301 ? `<a href="${match.location}">Moved Permanently</a>.\n\n` : '';
            exchange.send(match.status, body ? 'text/html; charset=utf-8' : '', body, { location: match.location });
            return;
        }
        exchange.route = match.template;
        try {
            await match.handle(exchange, match.params);
        }
        catch (error) {
            answerFailure(exchange, error);
        }
    }
    /**
     * GET /health: the API's ingress puts it behind sign-in like every path of the API host, so a
     * request without a valid token is refused (the SDK's `login` logs in on that, and keeps the tokens);
     * with one, OPA lets anyone have it.
     */
    async health(exchange) {
        if (!(await this.authenticate(exchange)))
            return;
        exchange.route = '/health';
        exchange.json(200, {});
    }
    /** The token's claims, or undefined once a 401 has been answered. */
    async authenticate(exchange) {
        const verdict = await this.verifier.verify(exchange.header('authorization'));
        if (verdict.ok)
            return verdict.claims;
        const challenge = bearerChallenge(`${this.baseUrl}${exchange.path}`, verdict.reason);
        exchange.text(401, verdict.reason, { 'www-authenticate': challenge });
        return undefined;
    }
}
/** A refusal as the server words it; anything unexpected is a 500 with its text, as Go's handlers do. */
function answerFailure(exchange, error) {
    if (exchange.isAnswered) {
        // A streamed answer already started: all that is left is to end it.
        exchange.res.destroy();
        return;
    }
    if (error instanceof ApiFailure) {
        if (error.emptyBody)
            exchange.send(error.status, '', '');
        else
            exchange.json(error.status, { message: error.message });
        return;
    }
    console.error(error);
    exchange.json(500, { message: messageOf(error) });
}

;// CONCATENATED MODULE: ./src/emulator/artifacts.ts
// What the emulated cluster's storage holds: the artifacts trainings uploaded to their output
// connection and the images packagings pushed. They outlive the resources that made them, as files
// in a bucket and images in a registry do, and they tell later steps which model they carry.
class Artifacts {
    trained = new Map();
    images = new Map();
    addArtifact(artifactName, model) {
        this.trained.set(artifactName, model);
    }
    artifact(artifactName) {
        return this.trained.get(artifactName);
    }
    addImage(image, model) {
        this.images.set(image, model);
    }
    image(image) {
        return this.images.get(image);
    }
}

;// CONCATENATED MODULE: ./src/emulator/configuration.ts
// The emulated server's configuration: what the API rules read (ClusterConfig) and the full document
// GET /api/v1/configuration answers (every section of the server's Config, secrets blanked where the
// server blanks them, durations in nanoseconds as Go's time.Duration marshals).
const ODAHU_VERSION = '1.6.1';
const NAMESPACE = 'odahu-flow';
const FOUR_HOURS_NS = 4 * 3600 * 1e9;
const smallPod = () => ({
    requests: { cpu: '125m', memory: '128Mi' },
    limits: { cpu: '250m', memory: '256Mi' },
});
const pool = (mode, tags) => ({ nodeSelector: { mode }, tags });
function clusterConfig(edgeHost) {
    return {
        edgeHost,
        customRoutePrefix: '/custom',
        defaultDockerPullConnName: 'docker-ci',
        training: {
            outputConnectionID: 'models-output',
            defaultResources: smallPod(),
            nodePools: [pool('odahu-flow-training', ['cpu'])],
            gpuNodePools: [pool('odahu-flow-training-gpu', ['gpu'])],
        },
        packaging: {
            outputConnectionID: 'models-output',
            defaultResources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
            nodePools: [pool('odahu-flow-packaging', ['packaging'])],
        },
        deployment: { defaultResources: smallPod(), nodePools: [pool('odahu-flow-deployment', ['deployment'])] },
    };
}
/** The server's secrets (service credentials) are blanked in the answer, as the server does. */
const blankAuth = { apiToken: '', apiUrl: '', clientId: '', clientSecret: '', oauthOidcTokenEndpoint: '' };
function configurationDocument(config, urls, controller) {
    const edge = new URL(config.edgeHost);
    return {
        api: { backend: { type: 'config', local: { localBackendCrdPath: '' } }, port: 5000 },
        common: {
            databaseConnectionString: `postgresql://odahu@odahu-db.${NAMESPACE}-db:5432/odahu?sslmode=disable`,
            externalUrls: [
                { name: 'API Gateway', url: `${urls.apiUrl}/swagger/index.html`, imageUrl: '' },
                { name: 'Service Catalog', url: `${config.edgeHost}/service-catalog/catalog/`, imageUrl: '' },
            ],
            gracefulTimeout: 20 * 1e9,
            launchPeriod: Math.round(controller.launchPeriodSeconds * 1e9),
            oauthOidcTokenEndpoint: urls.tokenUrl,
            resourceGpuName: 'nvidia.com/gpu',
            version: ODAHU_VERSION,
        },
        users: { claims: { name: 'name', email: 'email' }, signOutUrl: `${urls.apiUrl}/oauth2/sign_out` },
        connection: {
            enabled: true,
            namespace: NAMESPACE,
            repositoryType: 'kubernetes',
            vault: { insecure: false, role: '', secretEnginePath: '', token: '', url: '' },
        },
        deployment: {
            customRoutePrefix: config.customRoutePrefix,
            defaultDockerPullConnName: config.defaultDockerPullConnName,
            defaultResources: config.deployment.defaultResources,
            edge: { host: config.edgeHost },
            enabled: true,
            istio: { namespace: 'istio-system', serviceName: 'istio-ingressgateway' },
            namespace: `${NAMESPACE}-deployment`,
            nodePools: config.deployment.nodePools,
            security: { jwks: { enabled: true, issuer: urls.issuer, url: urls.jwksUrl }, roleName: '' },
        },
        serviceCatalog: {
            auth: {
                ...blankAuth,
                apiUrl: urls.apiUrl,
                clientId: 'service-catalog',
                oauthOidcTokenEndpoint: urls.tokenUrl,
            },
            baseUrl: '/service-catalog',
            debug: false,
            edgeHost: edge.host,
            edgeURL: config.edgeHost,
            fetchTimeout: 5,
            workersCount: 4,
        },
        trainer: { auth: blankAuth, modelTrainingId: '', mtFile: 'mt.json', outputDir: 'output' },
        packager: { auth: blankAuth, modelTrainingId: '', mpFile: 'mp.json', outputDir: 'output' },
        training: {
            defaultResources: config.training.defaultResources,
            enabled: true,
            gpuNodePools: config.training.gpuNodePools,
            metricUrl: '',
            modelTrainerImage: `odahu/odahu-flow-trainer:${ODAHU_VERSION}`,
            namespace: `${NAMESPACE}-training`,
            nodePools: config.training.nodePools,
            outputConnectionID: config.training.outputConnectionID,
            serviceAccount: `${NAMESPACE}-model-trainer`,
            timeout: FOUR_HOURS_NS,
            toolchainIntegrationNamespace: NAMESPACE,
            toolchainIntegrationRepositoryType: 'postgres',
        },
        packaging: {
            defaultResources: config.packaging.defaultResources,
            enabled: true,
            modelPackagerImage: `odahu/odahu-flow-packager:${ODAHU_VERSION}`,
            namespace: `${NAMESPACE}-packaging`,
            nodePools: config.packaging.nodePools,
            outputConnectionID: config.packaging.outputConnectionID,
            packagerIntegrationNamespace: NAMESPACE,
            packagingIntegrationRepositoryType: 'postgres',
            serviceAccount: `${NAMESPACE}-model-packager`,
            timeout: FOUR_HOURS_NS,
        },
        operator: { auth: blankAuth, monitoringPort: 7777 },
        batch: {
            enabled: true,
            namespace: `${NAMESPACE}-batch`,
            nodePools: [],
            rcloneImage: 'rclone/rclone:1.55',
            serviceAccountName: `${NAMESPACE}-batch`,
            timeout: FOUR_HOURS_NS,
            toolsImage: `odahu/odahu-flow-tools:${ODAHU_VERSION}`,
            toolsSecret: '',
        },
    };
}

;// CONCATENATED MODULE: ./src/emulator/cluster-defaults.ts
// What a freshly installed Odahu cluster already holds: the mlflow toolchain, the docker-rest and
// docker-cli packagers, and the connections the defaults point at: models-output for artifacts and
// docker-ci for images (both vital, so they cannot be deleted), and odahuflow-docker-repository, the
// registry of Odahu's own images that docker-cli's docker-pull target defaults to. The installer
// (odahu-automation) creates that one whenever it makes it the default, without `vital`.

/** Where docker-ci pushes: the packagers' image results start with it. */
const REGISTRY = 'registry.odahu.local/odahu';
/** Where Odahu's own images come from (the packagers' base images: `odahu/...` on Docker Hub). */
const ODAHU_IMAGES_REGISTRY = 'docker.io/odahu';
const ODAHU_IMAGES_CONNECTION = 'odahuflow-docker-repository';
const DEFAULT_IMAGE_NAME = '{{ Name }}-{{ Version }}:{{ RandomUUID }}';
const property = (name, type, description, defaultValue) => ({
    name,
    parameters: [
        { name: 'description', value: description },
        { name: 'type', value: type },
        ...(defaultValue === undefined ? [] : [{ name: 'default', value: defaultValue }]),
    ],
});
const imageName = property('imageName', 'string', 'Name of the image to push: a fixed name, or a template over Name (model name), Version (model version) and RandomUUID.', DEFAULT_IMAGE_NAME);
const dockerTargets = (pushDefault, pullDefault) => [
    { name: 'docker-push', connectionTypes: ['docker', 'ecr'], default: pushDefault, required: true },
    { name: 'docker-pull', connectionTypes: ['docker', 'ecr'], default: pullDefault, required: false },
];
function seedToolchains() {
    return [
        {
            id: 'mlflow',
            spec: {
                entrypoint: '/opt/conda/bin/odahu-flow-mlflow-runner',
                defaultImage: `odahu/odahu-flow-mlflow-toolchain:${ODAHU_VERSION}`,
            },
            status: {},
        },
    ];
}
function seedPackagingIntegrations() {
    const packagers = `odahu/odahu-flow-packagers:${ODAHU_VERSION}`;
    return [
        {
            id: 'docker-rest',
            spec: {
                entrypoint: '/usr/local/bin/odahu-flow-pack-to-rest',
                defaultImage: packagers,
                privileged: true,
                schema: {
                    targets: dockerTargets('', ''),
                    arguments: {
                        properties: [
                            property('dockerfileAddCondaInstallation', 'boolean', 'Install conda in the image.', true),
                            property('dockerfileBaseImage', 'string', 'Base image of the generated Dockerfile.', `odahu/odahu-flow-docker-packager-base:${ODAHU_VERSION}`),
                            property('dockerfileCondaEnvsLocation', 'string', 'Where conda environments live.', '/opt/conda/envs/'),
                            property('host', 'string', 'Address the model server binds.', '0.0.0.0'),
                            property('port', 'integer', 'Port the model server listens on.', 5000),
                            property('timeout', 'integer', 'Request timeout of the model server, in seconds.', 60),
                            property('workers', 'integer', 'Worker processes of the model server.', 1),
                            property('threads', 'integer', 'Threads per worker.', 4),
                            imageName,
                        ],
                    },
                },
            },
            status: {},
        },
        {
            id: 'docker-cli',
            spec: {
                entrypoint: '/usr/local/bin/odahu-flow-pack-to-cli',
                defaultImage: packagers,
                privileged: true,
                schema: {
                    targets: dockerTargets('docker-ci', ODAHU_IMAGES_CONNECTION),
                    arguments: {
                        properties: [
                            property('dockerfileBaseImage', 'string', 'Base image of the generated Dockerfile.'),
                            imageName,
                        ],
                    },
                },
            },
            status: {},
        },
    ];
}
/** Secrets are held decoded, as the server stores them. */
function seedConnections() {
    return [
        {
            id: 'models-output',
            spec: {
                type: 'gcs',
                uri: 'gs://odahu-emulator/models',
                region: 'us-central1',
                keySecret: JSON.stringify({ type: 'service_account', project_id: 'odahu-emulator' }),
                description: 'Trained model artifacts',
                webUILink: 'https://console.cloud.google.com/storage/browser/odahu-emulator/models',
                vital: true,
            },
            status: {},
        },
        {
            id: 'docker-ci',
            spec: {
                type: 'docker',
                uri: REGISTRY,
                username: 'odahu',
                password: 'emulator',
                description: 'Registry of packaged model images',
                webUILink: `https://${REGISTRY}`,
                vital: true,
            },
            status: {},
        },
        {
            // As the installer makes it: its id, type and description, no `vital`.
            id: ODAHU_IMAGES_CONNECTION,
            spec: {
                type: 'docker',
                uri: ODAHU_IMAGES_REGISTRY,
                username: 'odahu',
                password: 'emulator',
                description: 'Docker repository for ODAHU services',
            },
            status: {},
        },
    ];
}

;// CONCATENATED MODULE: ./src/emulator/exchange.ts
// One HTTP request and its answer. Every answer goes through here, so that each one is recorded for
// the onAnswer hook and a "drop" fault can cut it half-way, after the request had all its effects.
const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
/** Go's encoding/json escapes these for HTML safety; gin answers with json.Marshal output. */
function goJson(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    });
}
/** Limits what a client may send: bodies are manifests, never files. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
class Exchange {
    req;
    res;
    record;
    method;
    /** Decoded path without the query. */
    path;
    /** The request target as the client sent it (path and query, undecoded), as Envoy hands it to OPA. */
    target;
    query;
    /** The route template that answers, once the router found one. */
    route;
    /** Set by the drop fault: the answer is cut after its headers and part of its body. */
    cut = false;
    answered = false;
    constructor(req, res, url, record) {
        this.req = req;
        this.res = res;
        this.record = record;
        this.method = req.method ?? 'GET';
        this.path = safeDecode(url.pathname);
        this.target = req.url ?? '/';
        this.query = url.searchParams;
    }
    header(name) {
        const value = this.req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value[0] : value;
    }
    async body() {
        const chunks = [];
        let size = 0;
        for await (const chunk of this.req) {
            size += chunk.length;
            if (size > MAX_BODY_BYTES)
                throw new Error('request body too large');
            chunks.push(chunk);
        }
        return Buffer.concat(chunks).toString('utf8');
    }
    get isAnswered() {
        return this.answered;
    }
    json(status, value, headers = {}) {
        this.send(status, JSON_TYPE, goJson(value), headers);
    }
    text(status, text, headers = {}) {
        this.send(status, TEXT_TYPE, text, headers);
    }
    /** An answer with a body of any type, or none (`contentType` empty). */
    send(status, contentType, body, headers = {}) {
        this.answered = true;
        const bytes = Buffer.from(body, 'utf8');
        const head = { ...headers, 'content-length': bytes.length };
        if (contentType)
            head['content-type'] = contentType;
        this.res.writeHead(status, head);
        this.emitRecord(status, contentType, body);
        if (this.cut) {
            // Destroy only once the first half has left, so the client does see a truncated answer.
            this.res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.res.socket?.destroy());
            return;
        }
        this.res.end(bytes);
    }
    /** A chunked text answer written as it is produced (pod logs); each write is flushed at once. */
    stream(status, contentType) {
        this.answered = true;
        this.res.writeHead(status, { 'content-type': contentType });
        this.res.flushHeaders();
        let body = '';
        let ended = false;
        const closeListeners = [];
        this.res.on('close', () => {
            if (ended)
                return;
            ended = true;
            this.emitRecord(status, contentType, body);
            for (const listener of closeListeners)
                listener();
        });
        return {
            write: (text) => {
                if (ended || text === '')
                    return;
                body += text;
                if (this.cut)
                    this.res.write(text, () => this.res.socket?.destroy());
                else
                    this.res.write(text);
            },
            end: () => {
                if (ended)
                    return;
                ended = true;
                this.emitRecord(status, contentType, body);
                this.res.end();
            },
            onClose: (listener) => closeListeners.push(listener),
        };
    }
    emitRecord(status, contentType, body) {
        this.record({ method: this.method, path: this.path, route: this.route, status, contentType, body });
    }
}
function safeDecode(path) {
    try {
        return decodeURIComponent(path);
    }
    catch {
        return path;
    }
}

;// CONCATENATED MODULE: ./src/emulator/image-pulls.ts
// Whether a deployment's image can be pulled, and which model it holds. The emulator sees only the
// registries it owns: those the cluster has a docker or ecr connection for, where its packagings push.
// An image there pulls only if a packaging pushed it (and holds that packaging's model). Any other
// image (built elsewhere, on a registry the emulator cannot see) pulls, so a workflow that deploys it
// dry-runs green; `--missing-image PATTERN` makes chosen images fail to pull, to rehearse that.
const REGISTRY_TYPES = new Set(['docker', 'ecr']);
class ImagePulls {
    store;
    artifacts;
    missing;
    constructor(store, artifacts, 
    /** Images that never pull: `*` stands for any run of characters, the rest is literal. */
    missingImages = []) {
        this.store = store;
        this.artifacts = artifacts;
        this.missing = missingImages.map(globPattern);
    }
    /** The model the image holds, or undefined when the pull fails (the deployment stays Processing). */
    pull(image) {
        if (this.missing.some((pattern) => pattern.test(image)))
            return undefined;
        const pushed = this.artifacts.image(image);
        if (pushed)
            return pushed;
        return this.ownedRegistry(image) ? undefined : modelOfImage(image);
    }
    /** Whether the image is under a registry a docker or ecr connection of the cluster points at. */
    ownedRegistry(image) {
        return this.store.connections.list().some((connection) => {
            const uri = connection.spec.uri?.replace(/\/+$/, '');
            return REGISTRY_TYPES.has(connection.spec.type ?? '') && !!uri && image.startsWith(`${uri}/`);
        });
    }
}
/** `*` matches any run of characters; the pattern must match the whole image reference. */
function globPattern(pattern) {
    const literal = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'));
    return new RegExp(`^${literal.join('.*')}$`);
}
/**
 * What the model server of an image built elsewhere reports: its repository's last path segment as
 * the name and its tag as the version (`ghcr.io/acme/wine:1.2` → wine 1.2; no tag → latest).
 */
function modelOfImage(image) {
    const withoutDigest = image.split('@')[0] ?? image;
    const lastSegment = withoutDigest.split('/').at(-1) ?? withoutDigest;
    const colon = lastSegment.indexOf(':');
    return colon < 0
        ? { name: lastSegment, version: 'latest' }
        : { name: lastSegment.slice(0, colon), version: lastSegment.slice(colon + 1) };
}

;// CONCATENATED MODULE: ./src/emulator/outages.ts
// Rehearsed outages: windows of time during which the API server (or the identity provider) does not
// answer, as while a real one restarts during a rolling update. The gateway then answers every API
// request with Envoy's 503, nothing is processed and nothing is lost; the streams the API had open
// (followed pod logs) are cut when the window opens, as a restarting pod's connections are. The token
// endpoint stays up unless an `auth` window says otherwise.
class Outages {
    timers;
    onApiDown;
    /** How many windows of each target are open now. */
    open = { api: 0, auth: 0 };
    count = 0;
    constructor(planned, 
    /** Windows open and close as steps on the emulator's clock, which a test can hold. */
    timers, 
    /** Called when an API outage begins: cut what the API has open. */
    onApiDown) {
        this.timers = timers;
        this.onApiDown = onApiDown;
        for (const outage of planned)
            this.add(outage.target, outage.startSeconds * 1000, outage.seconds);
    }
    /** One more, from now on. */
    begin(target, seconds) {
        this.add(target, 0, seconds);
    }
    /** Is `target` down now? */
    down(target) {
        return this.open[target] > 0;
    }
    add(target, startMs, seconds) {
        this.count += 1;
        const group = `outage/${this.count}`;
        const start = () => {
            this.open[target] += 1;
            if (target === 'api')
                this.onApiDown();
            this.timers.after(group, seconds * 1000, () => {
                this.open[target] -= 1;
            });
        };
        if (startMs > 0)
            this.timers.after(group, startMs, start);
        else
            start();
    }
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/emulator/python-json.ts
// JSON as the model server (Python, Flask) reads and writes it: json.loads' grammar (NaN and
// Infinity included) and its error messages ("Expecting value: line 1 column 1 (char 0)"), and
// json.dumps' output (", " and ": " separators, floats printed by repr, non-ASCII escaped).
class PythonJsonError extends Error {
}
function pyLoads(text) {
    return new Parser(text).document();
}
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const python_json_ESCAPES = {
    '"': '"',
    '\\': '\\',
    '/': '/',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
};
class Parser {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    document() {
        const value = this.value(this.skip());
        const end = this.skip();
        if (end < this.text.length)
            this.fail('Extra data', end);
        return value;
    }
    skip() {
        WHITESPACE.lastIndex = this.pos;
        WHITESPACE.exec(this.text);
        this.pos = WHITESPACE.lastIndex;
        return this.pos;
    }
    fail(message, pos) {
        const before = this.text.slice(0, pos);
        const line = before.split('\n').length;
        const lastNewline = before.lastIndexOf('\n');
        const column = lastNewline < 0 ? pos + 1 : pos - lastNewline;
        throw new PythonJsonError(`${message}: line ${line} column ${column} (char ${pos})`);
    }
    value(at) {
        const c = this.text[at];
        if (c === '"')
            return this.string(at);
        if (c === '{')
            return this.object(at);
        if (c === '[')
            return this.array(at);
        for (const [word, value] of LITERALS) {
            if (this.text.startsWith(word, at)) {
                this.pos = at + word.length;
                return value;
            }
        }
        NUMBER.lastIndex = at;
        const number = NUMBER.exec(this.text);
        if (!number)
            this.fail('Expecting value', at);
        this.pos = at + number[0].length;
        return Number(number[0]);
    }
    object(start) {
        const result = {};
        this.pos = start + 1;
        let at = this.skip();
        if (this.text[at] === '}') {
            this.pos = at + 1;
            return result;
        }
        for (;;) {
            if (this.text[at] !== '"')
                this.fail('Expecting property name enclosed in double quotes', at);
            const key = this.string(at);
            at = this.skip();
            if (this.text[at] !== ':')
                this.fail("Expecting ':' delimiter", at);
            this.pos = at + 1;
            result[key] = this.value(this.skip());
            at = this.skip();
            if (this.text[at] === '}') {
                this.pos = at + 1;
                return result;
            }
            if (this.text[at] !== ',')
                this.fail("Expecting ',' delimiter", at);
            this.pos = at + 1;
            at = this.skip();
        }
    }
    array(start) {
        const result = [];
        this.pos = start + 1;
        let at = this.skip();
        if (this.text[at] === ']') {
            this.pos = at + 1;
            return result;
        }
        for (;;) {
            result.push(this.value(at));
            at = this.skip();
            if (this.text[at] === ']') {
                this.pos = at + 1;
                return result;
            }
            if (this.text[at] !== ',')
                this.fail("Expecting ',' delimiter", at);
            this.pos = at + 1;
            at = this.skip();
        }
    }
    string(start) {
        let result = '';
        let at = start + 1;
        for (;;) {
            const c = this.text[at];
            if (c === undefined)
                this.fail('Unterminated string starting at', start);
            if (c === '"')
                break;
            if (c < ' ')
                this.fail('Invalid control character at', at);
            if (c !== '\\') {
                result += c;
                at += 1;
                continue;
            }
            const escape = this.text[at + 1];
            if (escape === undefined)
                this.fail('Unterminated string starting at', start);
            if (escape === 'u') {
                const hex = this.text.slice(at + 2, at + 6);
                if (!/^[0-9a-fA-F]{4}$/.test(hex))
                    this.fail('Invalid \\uXXXX escape', at + 1);
                result += String.fromCharCode(parseInt(hex, 16));
                at += 6;
                continue;
            }
            const decoded = python_json_ESCAPES[escape];
            if (decoded === undefined)
                this.fail(`Invalid \\escape: ${pyRepr(escape)}`, at);
            result += decoded;
            at += 2;
        }
        this.pos = at + 1;
        return result;
    }
}
const LITERALS = [
    ['null', null],
    ['true', true],
    ['false', false],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
];
/** json.dumps with its default separators; every number is a Python float (the model answers floats). */
function pyDumps(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'boolean')
        return value ? 'true' : 'false';
    if (typeof value === 'number')
        return pyFloat(value);
    if (typeof value === 'string')
        return pyString(value);
    if (Array.isArray(value))
        return `[${value.map(pyDumps).join(', ')}]`;
    const entries = Object.entries(value);
    return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyDumps(v)}`).join(', ')}}`;
}
/** repr(float): the shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
function pyFloat(x) {
    if (Number.isNaN(x))
        return 'NaN';
    if (!Number.isFinite(x))
        return x > 0 ? 'Infinity' : '-Infinity';
    const [mantissa = '0', exponentText = '0'] = x.toExponential().split('e');
    const exponent = Number(exponentText);
    if (exponent < -4 || exponent >= 16) {
        return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    }
    const fixed = String(x);
    return fixed.includes('.') ? fixed : `${fixed}.0`;
}
function pyString(text) {
    let out = '"';
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        if (c === '"')
            out += '\\"';
        else if (c === '\\')
            out += '\\\\';
        else if (c === '\n')
            out += '\\n';
        else if (c === '\r')
            out += '\\r';
        else if (c === '\t')
            out += '\\t';
        else if (c === '\b')
            out += '\\b';
        else if (c === '\f')
            out += '\\f';
        else if (code < 0x20 || code > 0x7e) {
            // ensure_ascii: \uXXXX, astral characters as a surrogate pair.
            for (let i = 0; i < c.length; i += 1)
                out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
        }
        else
            out += c;
    }
    return `${out}"`;
}
/** repr(str): single quotes unless the text holds one and no double quote. */
function pyRepr(text) {
    const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
    let out = quote;
    for (const c of text) {
        const code = c.codePointAt(0) ?? 0;
        if (c === quote || c === '\\')
            out += `\\${c}`;
        else if (c === '\n')
            out += '\\n';
        else if (c === '\r')
            out += '\\r';
        else if (c === '\t')
            out += '\\t';
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else
            out += c;
    }
    return out + quote;
}

;// CONCATENATED MODULE: ./src/emulator/emulated-model.ts
// The model every emulated deployment serves, behind odahu-ml-server's API: its prediction for a row
// is the arithmetic mean of the row's values, each converted as numpy converts it to a float
// (numbers, booleans, numeric strings). Bad input fails with the errors pandas, numpy and
// scikit-learn give, which the server reports as "Exception during prediction: <error>".
// A worse model is made by row faults: a share of rows, chosen by their values alone (so the same
// row is chosen in any batch, in any order, by every revision), answered 1 - p, or failing the
// request as a model that crashes on some inputs does.

class PredictionError extends Error {
}
/** Python's float() grammar for strings (surrounding whitespace, underscores, inf and nan allowed). */
const PY_FLOAT = /^[+-]?(((\d(_?\d)*)?\.\d(_?\d)*|\d(_?\d)*\.?)([eE][+-]?\d(_?\d)*)?|inf(inity)?|nan)$/i;
function toFloat(value) {
    if (typeof value === 'number')
        return value;
    if (typeof value === 'boolean')
        return value ? 1 : 0;
    if (value === null)
        return NaN;
    if (typeof value === 'string') {
        const text = value.trim();
        if (!PY_FLOAT.test(text))
            throw new PredictionError(`could not convert string to float: ${pyRepr(value)}`);
        const lower = text.toLowerCase().replace(/^[+-]/, '');
        const sign = text.startsWith('-') ? -1 : 1;
        if (lower.startsWith('inf'))
            return sign * Infinity;
        if (lower === 'nan')
            return NaN;
        return Number(text.replaceAll('_', ''));
    }
    if (Array.isArray(value))
        throw new PredictionError('setting an array element with a sequence.');
    throw new PredictionError("float() argument must be a string or a real number, not 'dict'");
}
const NO_FAULTS = { flip: 0, errorRate: 0 };
/**
 * Where a row falls in [0, 1), from its values and a salt (one per kind of fault): FNV-1a over the
 * values' float64 bytes. The same values give the same place whatever batch they come in.
 */
function rowPlace(row, salt) {
    const bytes = new Uint8Array(Float64Array.from(row).buffer);
    let hash = (0x811c9dc5 ^ salt) >>> 0;
    for (const byte of bytes)
        hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    // A final mix, so rows that differ in one low byte do not land next to each other.
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39) >>> 0;
    return ((hash ^ (hash >>> 15)) >>> 0) / 4294967296;
}
const FLIP_SALT = 1;
const ERROR_SALT = 2;
/**
 * Predictions for `data` (rows of values; a bare value is a one-column row), given the request's
 * optional column names. Throws PredictionError with the library's message.
 */
function predict(data, columns, faults = NO_FAULTS) {
    if (!Array.isArray(data))
        throw new PredictionError('DataFrame constructor not properly called!');
    const rows = data.map((row) => (Array.isArray(row) ? row : [row]));
    const width = Math.max(...rows.map((r) => r.length));
    if (Array.isArray(columns) && columns.length !== width) {
        throw new PredictionError(`${columns.length} columns passed, passed data had ${width} columns`);
    }
    if (width === 0) {
        throw new PredictionError(`Found array with 0 feature(s) (shape=(${rows.length}, 0)) while a minimum of 1 is required.`);
    }
    // pandas pads short rows with NaN; the model then refuses NaN like any scikit-learn estimator.
    const matrix = rows.map((row) => [...row.map(toFloat), ...Array(width - row.length).fill(NaN)]);
    if (matrix.some((row) => row.some((x) => !Number.isFinite(x)))) {
        throw new PredictionError("Input contains NaN, infinity or a value too large for dtype('float64').");
    }
    const failing = faults.errorRate > 0 ? matrix.findIndex((row) => rowPlace(row, ERROR_SALT) < faults.errorRate) : -1;
    if (failing >= 0) {
        throw new PredictionError(`row ${failing} is outside the range the model was trained on`);
    }
    return matrix.map((row) => {
        const mean = row.reduce((sum, x) => sum + x, 0) / row.length;
        return faults.flip > 0 && rowPlace(row, FLIP_SALT) < faults.flip ? 1 - mean : mean;
    });
}
/** Example feature names in the model's Swagger document (the emulator knows no real features). */
const EXAMPLE_COLUMNS = ['feature_1', 'feature_2', 'feature_3'];
/** GET /api/model/info: the server's Swagger 2.0 document, naming the model in its info. */
function modelInfo(model) {
    const stringArray = { type: 'array', items: { type: 'string' } };
    return {
        swagger: '2.0',
        info: { description: 'Model server', title: model.name, version: model.version },
        schemes: ['http', 'https'],
        paths: {
            '/api/model/info': {
                get: {
                    description: 'Return the Swagger document of the model',
                    produces: ['application/json'],
                    responses: { '200': { description: 'Swagger 2.0 document' } },
                },
            },
            '/api/model/invoke': {
                post: {
                    description: 'Predict on a matrix',
                    consumes: ['application/json'],
                    produces: ['application/json'],
                    parameters: [
                        {
                            in: 'body',
                            name: 'PredictionParameters',
                            required: true,
                            schema: {
                                type: 'object',
                                properties: {
                                    columns: { ...stringArray, example: EXAMPLE_COLUMNS },
                                    data: {
                                        type: 'array',
                                        items: { type: 'array', items: { type: 'number' } },
                                        example: [EXAMPLE_COLUMNS.map((_, i) => i + 1)],
                                    },
                                },
                            },
                        },
                    ],
                    responses: {
                        '200': {
                            description: 'Prediction',
                            schema: {
                                type: 'object',
                                properties: {
                                    prediction: { type: 'array', items: { type: 'number' } },
                                    columns: stringArray,
                                },
                            },
                        },
                    },
                },
            },
        },
    };
}

;// CONCATENATED MODULE: ./src/emulator/virtual-services.ts
// What the edge routes by: the Istio VirtualService the route controller made for each ModelRoute,
// not the route's row. It matches `<urlPrefix>/` and splits requests among its destinations by
// weight. The controller writes it only on a pass where every target it finds is Ready, so a route
// changed to a deployment that is not Ready yet keeps sending traffic as before until it is.
class VirtualServices {
    byRoute = new Map();
    set(routeId, service) {
        this.byRoute.set(routeId, service);
    }
    /** The route was deleted: its VirtualService goes with it (the route owns it). */
    drop(routeId) {
        this.byRoute.delete(routeId);
    }
    /**
     * The service whose match prefix is the longest one the path starts with. Istio matches
     * `<urlPrefix>/`: the bare prefix itself matches none.
     */
    match(path) {
        let best;
        for (const service of this.byRoute.values()) {
            if (!path.startsWith(matchPrefix(service)))
                continue;
            if (!best || service.urlPrefix.length > best.urlPrefix.length)
                best = service;
        }
        return best;
    }
}
/** What a VirtualService matches (it rewrites this prefix to `/` on the model server). */
function matchPrefix(service) {
    return `${service.urlPrefix}/`;
}
/** A destination drawn by weight, as Envoy's weighted clusters draw one per request. */
function pickDestination(service, dice) {
    const total = service.destinations.reduce((sum, d) => sum + d.weight, 0);
    if (total <= 0)
        return service.destinations[0]?.deploymentId;
    let roll = dice() * total;
    for (const destination of service.destinations) {
        roll -= destination.weight;
        if (roll < 0)
            return destination.deploymentId;
    }
    return service.destinations.findLast((d) => d.weight > 0)?.deploymentId;
}

;// CONCATENATED MODULE: ./src/emulator/model-server.ts
// The edge: requests to <edge>/model/<deployment>/... and <edge>/custom/... go through the
// VirtualService whose prefix matches (its destinations drawn by weight) to the revision serving the
// deployment, whose sidecar checks the token and role before odahu-ml-server answers /api/model/invoke
// and /api/model/info. No route gives Istio's empty 404 (the bare prefix, without a slash after it,
// matches none); a route with nothing behind it, 503. A revision's annotations can make its server
// slow, crash on a share of requests or of rows, or shift or flip its predictions (overrides.ts).







/** Where the edge sends traffic to models. */
const EDGE_PREFIXES = ['/model/', '/custom/'];
const model_server_JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';
/** Werkzeug's error pages, as Flask answers a path or method it has no view for, or a crash. */
const FLASK_PAGES = {
    404: [
        'Not Found',
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    ],
    405: ['Method Not Allowed', 'The method is not allowed for the requested URL.'],
    500: [
        'Internal Server Error',
        'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.',
    ],
};
function flaskPage(status) {
    const [title, text] = FLASK_PAGES[status];
    return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${text}</p>\n`;
}
/** Paths of the model server its OPA policy lets through without a token. */
const OPEN_PATHS = new Set(['/healthcheck', '/healthz', '/metrics']);
const API_PATHS = new Set(['/api/model/info', '/api/model/invoke']);
class ModelServer {
    rollouts;
    verifier;
    dice;
    constructor(rollouts, verifier, dice) {
        this.rollouts = rollouts;
        this.verifier = verifier;
        this.dice = dice;
    }
    async handle(exchange) {
        const service = this.rollouts.routeFor(exchange.path);
        if (!service) {
            exchange.send(404, '', '');
            return;
        }
        // Istio rewrites the matched `<urlPrefix>/` to `/`.
        const path = `/${exchange.path.slice(matchPrefix(service).length)}`;
        exchange.route = `{urlPrefix}${path}`;
        // The gateway copies Envoy's x-request-id (made up when absent) into request-id unless it is set.
        const requestId = exchange.header('request-id') ?? exchange.header('x-request-id') ?? (0,external_node_crypto_.randomUUID)();
        const target = pickDestination(service, this.dice);
        const serving = target ? this.rollouts.serving(target) : 'unavailable';
        if (serving === 'unavailable') {
            exchange.text(503, 'no healthy upstream', { 'request-id': requestId });
            return;
        }
        const headers = {
            'request-id': requestId,
            'Model-Name': serving.model.name,
            'Model-Version': serving.model.version,
        };
        if (!OPEN_PATHS.has(path)) {
            const verdict = await this.verifier.verify(exchange.header('authorization'));
            if (!verdict.ok) {
                const challenge = bearerChallenge(`http://${exchange.header('host') ?? ''}${exchange.path}`, verdict.reason);
                exchange.text(401, verdict.reason, { ...headers, 'www-authenticate': challenge });
                return;
            }
            const allowed = API_PATHS.has(path) && ['GET', 'POST'].includes(exchange.method);
            if (!allowed || !modelAllows(realmRolesOf(verdict.claims), serving.roleName)) {
                exchange.text(403, ACCESS_DENIED, headers);
                return;
            }
        }
        await this.answer(exchange, path, serving, headers);
    }
    /** odahu-ml-server's own views. */
    async answer(exchange, path, serving, headers) {
        const views = {
            '/healthcheck': 'GET',
            '/api/model/info': 'GET',
            '/api/model/invoke': 'POST',
        };
        const method = views[path];
        const { behaviour } = serving;
        if (behaviour.latencyMs > 0)
            await (0,promises_namespaceObject.setTimeout)(behaviour.latencyMs);
        if (behaviour.errorRate > 0 &&
            method === exchange.method &&
            API_PATHS.has(path) &&
            this.dice() < behaviour.errorRate) {
            // A crash in the view: Flask's own error page.
            exchange.send(500, HTML_TYPE, flaskPage(500), headers);
            return;
        }
        if (method === undefined) {
            exchange.send(404, HTML_TYPE, flaskPage(404), headers);
        }
        else if (method !== exchange.method) {
            exchange.send(405, HTML_TYPE, flaskPage(405), { ...headers, allow: `${method}, OPTIONS` });
        }
        else if (path === '/healthcheck') {
            exchange.send(200, model_server_JSON_TYPE, pyDumps({ status: true }), headers);
        }
        else if (path === '/api/model/info') {
            exchange.send(200, model_server_JSON_TYPE, JSON.stringify(modelInfo(serving.model)), headers);
        }
        else {
            const [status, body] = invoke(await exchange.body(), behaviour);
            exchange.send(status, status === 500 && !body.startsWith('{') ? HTML_TYPE : model_server_JSON_TYPE, body, headers);
        }
    }
}
/** POST /api/model/invoke: status and body, errors as the server words them. */
function invoke(raw, behaviour) {
    const failure = (message) => [500, pyDumps({ message })];
    if (raw === '')
        return failure('Please provide data with this POST request');
    let input;
    try {
        input = pyLoads(raw);
    }
    catch (error) {
        if (error instanceof PythonJsonError)
            return failure(`Can not parse input as JSON: ${error.message}`);
        throw error;
    }
    // The server reads the body with dict.get: any other JSON value crashes the view.
    if (typeof input !== 'object' || input === null || Array.isArray(input))
        return [500, flaskPage(500)];
    const { data, columns } = input;
    if (pyFalsy(data))
        return failure('Matrix is not provided');
    try {
        const faults = { flip: behaviour.predictionFlip, errorRate: behaviour.rowErrorRate };
        const prediction = predict(data, columns, faults).map((value) => value + behaviour.predictionOffset);
        return [200, pyDumps({ prediction, columns: ['prediction'] })];
    }
    catch (error) {
        if (error instanceof PredictionError)
            return failure(`Exception during prediction: ${error.message}`);
        throw error;
    }
}
/** Python's truth test: None, False, 0, "", [] and {} are false. */
function pyFalsy(value) {
    if (Array.isArray(value))
        return value.length === 0;
    if (typeof value === 'object' && value !== null)
        return Object.keys(value).length === 0;
    return !value;
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __nccwpck_require__(7075);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_algorithm.js
var key_algorithm = __nccwpck_require__(889);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js



function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new errors/* JOSENotSupported */.T0("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = (0,key/* validateExtractableOption */.l)(options?.extractable), entry = (0,key_algorithm/* keyAlgorithm */.Ze)(alg, key_algorithm/* algArgument */.Ms);
  entry.secret && (0,key_algorithm/* unsupportedAlg */.yt)(key_algorithm/* algArgument */.Ms);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new errors/* JOSENotSupported */.T0("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? !1, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/key/export.js
var key_export = __nccwpck_require__(7968);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/decode_protected_header.js
var decode_protected_header = __nccwpck_require__(1196);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jws/compact/verify.js
var compact_verify = __nccwpck_require__(7880);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/jwks/remote.js



function isCloudflareWorkers() {
  return typeof WebSocketPair < "u" || typeof navigator < "u" && navigator.userAgent === "Cloudflare-Workers" || typeof EdgeRuntime < "u" && EdgeRuntime === "vercel";
}
let USER_AGENT;
(typeof navigator > "u" || !navigator.userAgent?.startsWith?.("Mozilla/5.0 ")) && (USER_AGENT = "jose/v6.2.18");
const customFetch = /* @__PURE__ */ Symbol();
async function fetchJwks(url, headers, signal, fetchImpl = fetch) {
  const response = await fetchImpl(url, {
    method: "GET",
    signal,
    redirect: "manual",
    headers
  }).catch((err) => {
    throw err.name === "TimeoutError" ? new errors/* JWKSTimeout */.xb(void 0, { cause: err }) : err;
  });
  if (response.status !== 200)
    throw new errors/* JOSEError */.i4("Expected 200 OK from the JSON Web Key Set HTTP response");
  try {
    return await response.json();
  } catch (cause) {
    throw signal.aborted ? new errors/* JWKSTimeout */.xb(void 0, { cause }) : new errors/* JOSEError */.i4("Failed to parse the JSON Web Key Set HTTP response as JSON", { cause });
  }
}
const jwksCache = /* @__PURE__ */ Symbol();
function isFreshFor(timestamp, duration) {
  return Number.isFinite(timestamp) && Date.now() < timestamp + duration;
}
function validateDuration(value, fallback, option) {
  if (Number.isNaN(value))
    throw new TypeError(`"${option}" option must not be NaN`);
  if (typeof value == "number" && value < 0)
    throw new TypeError(`"${option}" option must not be negative`);
  return typeof value == "number" ? value : fallback;
}
function createRemoteJWKSet(url, options) {
  if (!(url instanceof URL))
    throw new TypeError("url must be an instance of URL");
  const href = new URL(url.href).href, opts = options ?? {}, timeoutOption = opts.timeoutDuration;
  if (typeof timeoutOption == "number" && (!Number.isInteger(timeoutOption) || timeoutOption < 0))
    throw new TypeError('"timeoutDuration" option must be a non-negative integer');
  const timeoutDuration = typeof timeoutOption == "number" ? timeoutOption : 5e3, cooldownDuration = validateDuration(opts.cooldownDuration, 3e4, "cooldownDuration"), cacheMaxAge = validateDuration(opts.cacheMaxAge, 6e5, "cacheMaxAge"), headers = new Headers(opts.headers);
  USER_AGENT && !headers.has("User-Agent") && headers.set("User-Agent", USER_AGENT), headers.has("accept") || headers.set("accept", "application/json, application/jwk-set+json");
  const fetchImpl = opts[customFetch], cache = opts[jwksCache];
  let jwksTimestamp, pendingFetch, reloadSequence = 0, appliedSequence = 0, local;
  if (cache && typeof cache == "object") {
    const { uat, jwks } = cache;
    isFreshFor(uat, cacheMaxAge) && (0,validate/* isJwkSet */.fV)(jwks) && (jwksTimestamp = uat, local = createLocalJWKSet(jwks));
  }
  const reload = async () => {
    if (pendingFetch && isCloudflareWorkers() && (pendingFetch = void 0), !pendingFetch) {
      const sequence = ++reloadSequence, current = pendingFetch = fetchJwks(href, headers, AbortSignal.timeout(timeoutDuration), fetchImpl).then((json) => {
        const next = createLocalJWKSet(json);
        if (sequence <= appliedSequence)
          return;
        local = next;
        const updatedAt = Date.now();
        cache && (cache.uat = updatedAt, cache.jwks = json), jwksTimestamp = updatedAt, appliedSequence = sequence;
      }).finally(() => {
        pendingFetch === current && (pendingFetch = void 0);
      });
    }
    await pendingFetch;
  };
  return Object.defineProperties(async (protectedHeader, token) => {
    (!local || !isFreshFor(jwksTimestamp, cacheMaxAge)) && await reload();
    try {
      return await local(protectedHeader, token);
    } catch (err) {
      if (err instanceof errors/* JWKSNoMatchingKey */.BT && !isFreshFor(jwksTimestamp, cooldownDuration))
        return await reload(), local(protectedHeader, token);
      throw err;
    }
  }, {
    coolingDown: {
      get: () => isFreshFor(jwksTimestamp, cooldownDuration),
      enumerable: !0
    },
    fresh: {
      get: () => isFreshFor(jwksTimestamp, cacheMaxAge),
      enumerable: !0
    },
    reload: {
      value: reload,
      enumerable: !0
    },
    reloading: {
      get: () => !!pendingFetch,
      enumerable: !0
    },
    jwks: {
      value: () => local?.jwks(),
      enumerable: !0
    }
  });
}


;// CONCATENATED MODULE: ./src/emulator/federated-clients.ts
// Keycloak's federated client authentication ("Signed JWT - Federated"): a client proves itself with
// a token from an external issuer the realm trusts (an OpenID Connect identity provider), sent as
// `client_assertion` with `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`.
// As Keycloak 26.5 does it: the client is the one whose identity provider has the assertion's `iss`
// and whose federated subject is exactly its `sub`; then, in this order, the form's client_id (if
// any) must equal the `sub`, the algorithm must be asymmetric, the signature must verify with the
// issuer's keys (found by its discovery document), `aud` must be the realm's issuer alone, and the
// token must be live (exp, nbf, iat at most 300 s ago, a jti used once). Keycloak's answers: 401
// invalid_client "Invalid client or Invalid client credentials" when no client is found or the
// signature fails, 400 invalid_client with the check's own text otherwise.

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Keycloak's FederatedJWTClientValidator: how old a token may be, whatever its exp says. */
const MAX_AGE_SECONDS = 300;
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$/;
const refused = (status, description) => ({
    ok: false,
    status,
    body: { error: 'invalid_client', error_description: description },
});
/** What Keycloak says when it finds no client, or the signature fails: nothing more. */
const INVALID_CLIENT = refused(401, 'Invalid client or Invalid client credentials');
class FederatedClients {
    realmIssuer;
    now;
    clients = [];
    /** Each issuer's keys, from its discovery document's jwks_uri (fetched again for an unknown kid). */
    keys = new Map();
    /** The jti of every assertion taken, until it expires: Keycloak takes each one once. */
    used = new Map();
    constructor(
    /** The realm's issuer: the one audience an assertion may have. */
    realmIssuer, now = Date.now) {
        this.realmIssuer = realmIssuer;
        this.now = now;
    }
    /** Trusts `client.issuer` for the client; one subject per client and one client per subject, as Keycloak. */
    add(client, taken) {
        if (taken(client.clientId) || this.clients.some((c) => c.clientId === client.clientId)) {
            throw new Error(`client ${client.clientId} exists already: a federated client is a client of its own`);
        }
        const same = this.clients.find((c) => c.issuer === client.issuer && c.subject === client.subject);
        if (same) {
            throw new Error(`client ${same.clientId} already trusts ${client.issuer} for subject ${client.subject}: ` +
                'one client per subject');
        }
        this.clients.push({ ...client });
    }
    /** Authenticates a token request that carries a jwt-bearer client assertion. */
    async authenticate(form) {
        const assertion = form.get('client_assertion') ?? '';
        let header;
        let claims;
        try {
            header = (0,decode_protected_header/* decodeProtectedHeader */._)(assertion);
            claims = (0,decode_jwt/* decodeJwt */.i)(assertion);
        }
        catch {
            return INVALID_CLIENT;
        }
        const client = this.clients.find((c) => c.issuer === claims.iss && c.subject === claims.sub);
        if (!client)
            return INVALID_CLIENT;
        const clientIdParam = form.get('client_id');
        if (clientIdParam !== null && clientIdParam !== claims.sub) {
            return refused(400, 'client_id parameter does not match sub claim');
        }
        if (typeof header.alg !== 'string' || !ASYMMETRIC.test(header.alg)) {
            return refused(400, 'Invalid signature algorithm');
        }
        if (!(await this.signatureHolds(client.issuer, assertion)))
            return INVALID_CLIENT;
        const audience = claims.aud === undefined ? [] : [claims.aud].flat();
        if (!audience.includes(this.realmIssuer))
            return refused(400, 'Invalid token audience');
        if (audience.length > 1)
            return refused(400, 'Multiple audiences not allowed');
        const problem = this.liveness(claims);
        if (problem)
            return refused(400, problem);
        return { ok: true, clientId: client.clientId };
    }
    /** Keycloak's checks of exp, nbf, iat and jti (no clock skew allowed, its default). */
    liveness(claims) {
        const now = Math.floor(this.now() / 1000);
        const { exp, nbf, iat, jti } = claims;
        if (exp === undefined)
            return 'Token exp claim is required';
        if (now >= exp || (nbf !== undefined && now < nbf))
            return 'Token is not active';
        if (iat === undefined) {
            if (exp - now > MAX_AGE_SECONDS) {
                return 'Token expiration is too far in the future and iat claim not present in token';
            }
        }
        else {
            if (iat > now)
                return 'Token was issued in the future';
            if (now > iat + MAX_AGE_SECONDS)
                return 'Token was issued too far in the past to be used now';
        }
        if (jti === undefined)
            return 'Token jti claim is required';
        for (const [id, until] of this.used)
            if (until < now)
                this.used.delete(id);
        if (this.used.has(jti))
            return 'Token reuse detected';
        this.used.set(jti, exp);
        return undefined;
    }
    async signatureHolds(issuer, assertion) {
        try {
            await (0,compact_verify/* compactVerify */.B)(assertion, await this.keysOf(issuer));
            return true;
        }
        catch {
            return false;
        }
    }
    async keysOf(issuer) {
        const known = this.keys.get(issuer);
        if (known)
            return known;
        const response = await fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, {
            signal: AbortSignal.timeout(10_000),
        });
        const discovery = (await response.json());
        if (!response.ok || typeof discovery.jwks_uri !== 'string') {
            throw new Error(`${issuer} has no discovery document with a jwks_uri`);
        }
        const keys = createRemoteJWKSet(new URL(discovery.jwks_uri));
        this.keys.set(issuer, keys);
        return keys;
    }
}

;// CONCATENATED MODULE: ./src/emulator/keycloak-tokens.ts
// The token endpoint's grants, answered as the cluster's Keycloak answers them. oidc-provider's own
// client_credentials grant gives an access token only, and its refresh_token grant needs a grant
// made by a browser login; the Odahu SDK needs `access_token`, `refresh_token` and `id_token` from
// client credentials (REFERENCE §9), and the Airflow plugin sends the `id_token`. So both grants are
// registered here over oidc-provider's own token models: it still authenticates the client, parses
// and validates the form, signs with its keys, stores the refresh tokens and answers OAuth errors.
//
// A client-credentials answer (Keycloak with "use refresh tokens for client credentials"):
//   access_token, expires_in, refresh_expires_in, refresh_token, token_type: Bearer,
//   id_token (only when the scope has `openid`), not-before-policy, session_state, scope.
// `grant_type=refresh_token` with the client's id and secret answers the same, with the scope the
// refresh token was issued for.


/** The scopes the realm knows; Keycloak adds its default client scopes to whatever is asked. */
const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'groups'];
const DEFAULT_SCOPES = ['profile', 'email'];
/** Keycloak's "SSO Session Idle" default: how long a refresh token is good for. */
const REFRESH_TTL_SECONDS = 1800;
/**
 * What Keycloak says about a client's service account, in the access token and the id token alike:
 * the realm roles the Odahu policies read, and the name and email the API's `/user/info` and the
 * SDK read.
 */
function serviceAccountClaims(clientId, role) {
    return {
        azp: clientId,
        realm_access: { roles: role ? [REALM_ROLES[role]] : [] },
        name: clientId,
        email: `${clientId}@odahu.local`,
        email_verified: false,
        preferred_username: `service-account-${clientId}`,
    };
}
/** The service account's user id (Keycloak's `sub`): a UUID, the same for a client on every start. */
function serviceAccountId(clientId) {
    const hex = (0,external_node_crypto_.createHash)('sha256').update(`service-account-${clientId}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** Replaces oidc-provider's client_credentials and refresh_token grants with Keycloak's. */
function registerKeycloakGrants(provider, errors, settings) {
    const issue = tokenIssuer(provider, settings);
    provider.registerGrantType('client_credentials', async (ctx) => {
        const requested = (ctx.oidc.params.scope ?? '').split(' ').filter(Boolean);
        const unknown = requested.filter((s) => !SCOPES.includes(s));
        if (unknown.length > 0) {
            throw new errors.CustomOIDCProviderError('invalid_scope', `Invalid scopes: ${unknown.join(' ')}`);
        }
        const scope = [...new Set([...requested, ...DEFAULT_SCOPES])];
        ctx.body = await issue(ctx, ctx.oidc.client, scope.join(' '));
    }, ['scope']);
    provider.registerGrantType('refresh_token', async (ctx) => {
        const value = ctx.oidc.params.refresh_token;
        if (typeof value !== 'string' || value === '') {
            throw new errors.InvalidRequest('Missing parameter: refresh_token');
        }
        const stored = await provider.RefreshToken.find(value);
        if (!stored)
            throw new errors.CustomOIDCProviderError('invalid_grant', 'Invalid refresh token');
        if (stored.clientId !== ctx.oidc.client.clientId) {
            throw new errors.CustomOIDCProviderError('invalid_grant', "Invalid refresh token. Token client and authorized client don't match");
        }
        ctx.body = await issue(ctx, ctx.oidc.client, stored.scope ?? '');
    }, ['refresh_token']);
}
function tokenIssuer(provider, settings) {
    const { audience, ttlSeconds, roles } = settings;
    const resourceServer = new provider.ResourceServer(audience, {
        scope: SCOPES.join(' '),
        accessTokenFormat: 'jwt',
        accessTokenTTL: ttlSeconds,
    });
    const refreshTtl = Math.max(REFRESH_TTL_SECONDS, ttlSeconds);
    return async (ctx, client, scope) => {
        const { clientId } = client;
        const accountId = serviceAccountId(clientId);
        // Keycloak's user session: the id every token of this login shares (`sid`, `session_state`).
        const session = (0,external_node_crypto_.randomUUID)();
        const common = { client, accountId, grantId: session, gty: 'client_credentials', scope, sid: session };
        const accessToken = await new provider.AccessToken({
            ...common,
            resourceServer,
            expiresIn: ttlSeconds,
        }).save();
        const refreshToken = await new provider.RefreshToken({ ...common, expiresIn: refreshTtl }).save();
        let idToken;
        if (scope.split(' ').includes('openid')) {
            // Set, not offered as account claims: those pass through the scopes' claim lists, these are
            // what Keycloak puts in every id token.
            const token = new provider.IdToken({}, { ctx });
            for (const [claim, value] of Object.entries({
                sub: accountId,
                ...serviceAccountClaims(clientId, roles.get(clientId)),
                typ: 'ID',
                sid: session,
                at_hash: accessToken,
            })) {
                token.set(claim, value);
            }
            idToken = await token.issue({ use: 'idtoken' });
        }
        return {
            access_token: accessToken,
            expires_in: ttlSeconds,
            refresh_expires_in: refreshTtl,
            refresh_token: refreshToken,
            token_type: 'Bearer',
            ...(idToken === undefined ? {} : { id_token: idToken }),
            'not-before-policy': 0,
            session_state: session,
            scope,
        };
    };
}

;// CONCATENATED MODULE: ./src/emulator/oidc.ts
// The OpenID provider that issues the emulator's tokens, mounted where Keycloak serves the Odahu realm:
// issuer <base>/auth/realms/odahu, token endpoint <issuer>/protocol/openid-connect/token, keys at
// <issuer>/protocol/openid-connect/certs. It is a real oidc-provider (client authentication with the
// secret in the form or in Basic auth, discovery, keys, OAuth errors), with Keycloak's answers to the
// client_credentials and refresh_token grants (keycloak-tokens.ts): RS256 JWTs signed by a key made
// at start-up, carrying realm_access.roles as Keycloak puts them. Clients may also prove themselves
// with an external issuer's token (Keycloak's federated client authentication, federated-clients.ts):
// such a request is checked here, before the provider sees it, and handed on as the client's own.






const REALM_PATH = '/auth/realms/odahu';
const TOKEN_PATH = '/protocol/openid-connect/token';
const CERTS_PATH = '/protocol/openid-connect/certs';
async function createIdentityProvider(settings) {
    const { baseUrl, clients, tokenTtlSeconds } = settings;
    const issuer = `${baseUrl}${REALM_PATH}`;
    const kid = `emulator-${Date.now().toString(36)}`;
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const signing = { ...(await (0,key_export/* exportJWK */.JU)(privateKey)), kid, alg: 'RS256', use: 'sig' };
    const verifying = { ...(await (0,key_export/* exportJWK */.JU)(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const roles = new Map(clients.map((c) => [c.clientId, c.role]));
    const adapter = memoryAdapter();
    const configuration = {
        adapter,
        jwks: { keys: [signing] },
        clients: clients.map((c) => ({
            client_id: c.clientId,
            client_secret: c.clientSecret,
            grant_types: ['client_credentials', 'refresh_token'],
            redirect_uris: [],
            response_types: [],
        })),
        scopes: SCOPES,
        routes: { token: TOKEN_PATH, jwks: CERTS_PATH },
        ttl: { AccessToken: tokenTtlSeconds, IdToken: tokenTtlSeconds },
        features: {
            devInteractions: { enabled: false },
            // Enabled so that clients may use the grant; its handler is Keycloak's (keycloak-tokens.ts).
            clientCredentials: { enabled: true },
        },
        // Access tokens carry what Keycloak's do; the id token gets the same claims where it is made.
        extraTokenClaims: (_ctx, token) => {
            const clientId = token.clientId ?? '';
            return serviceAccountClaims(clientId, roles.get(clientId));
        },
    };
    const { Provider, errors } = await importOidcProvider();
    const provider = new Provider(issuer, configuration);
    registerKeycloakGrants(provider, errors, { audience: baseUrl, ttlSeconds: tokenTtlSeconds, roles });
    const callback = provider.callback();
    const federated = new FederatedClients(issuer);
    // Each federated client is a client of the provider, with a secret only the emulator knows: once
    // its assertion holds, the request is handed on with that secret instead.
    const innerSecrets = new Map();
    const addFederatedClient = (client) => {
        federated.add(client, (clientId) => roles.has(clientId));
        const secret = (0,external_node_crypto_.randomUUID)();
        innerSecrets.set(client.clientId, secret);
        roles.set(client.clientId, client.role);
        void adapter('Client').upsert(client.clientId, {
            client_id: client.clientId,
            client_secret: secret,
            grant_types: ['client_credentials', 'refresh_token'],
            redirect_uris: [],
            response_types: [],
        });
    };
    for (const client of settings.federatedClients ?? [])
        addFederatedClient(client);
    /** A token request: a federated client's assertion checked, then the provider answers. */
    const token = async (req, res) => {
        const body = await oidc_readBody(req);
        const form = new URLSearchParams(body.toString('utf8'));
        const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        if (!isForm || form.get('client_assertion_type') !== JWT_BEARER) {
            await callback(replayed(req, body), res);
            return;
        }
        const answer = await federated.authenticate(form);
        if (!answer.ok) {
            res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
            res.end(JSON.stringify(answer.body));
            return;
        }
        form.delete('client_assertion_type');
        form.delete('client_assertion');
        form.set('client_id', answer.clientId);
        form.set('client_secret', innerSecrets.get(answer.clientId) ?? '');
        await callback(replayed(req, Buffer.from(form.toString())), res);
    };
    return {
        issuer,
        tokenUrl: `${issuer}${TOKEN_PATH}`,
        jwksUrl: `${issuer}${CERTS_PATH}`,
        publicKeys: { keys: [verifying] },
        handle(req, res) {
            // Mounted under the issuer's path: the provider routes on the rest, and finds its mount point
            // (for the URLs in its discovery document) from originalUrl.
            const original = req.url ?? '/';
            Object.assign(req, { originalUrl: original });
            req.url = original.slice(REALM_PATH.length) || '/';
            const path = req.url.split('?')[0];
            if (req.method === 'POST' && path === TOKEN_PATH) {
                token(req, res).catch((error) => {
                    if (!res.headersSent)
                        res.writeHead(400, { 'content-type': 'application/json' });
                    res.end(JSON.stringify({ error: 'invalid_request', error_description: messageOf(error) }));
                });
                return;
            }
            void callback(req, res);
        },
        addFederatedClient,
    };
}
/** oidc-provider's own limit on a request body. */
const MAX_BODY = 56 * 1024;
async function oidc_readBody(req) {
    const chunks = [];
    let length = 0;
    for await (const chunk of req) {
        length += chunk.length;
        if (length > MAX_BODY)
            throw new Error('request entity too large');
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/**
 * The request again, with `body` to read: the provider reads the body itself, and the original's is
 * spent. Everything else the provider reads (method, URL, headers, socket) is the original's.
 */
function replayed(req, body) {
    const headers = { ...req.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    const replay = external_node_stream_.Readable.from([body], { objectMode: false });
    return Object.assign(replay, {
        method: req.method,
        url: req.url,
        originalUrl: req.originalUrl,
        headers,
        rawHeaders: req.rawHeaders,
        httpVersion: req.httpVersion,
        httpVersionMajor: req.httpVersionMajor,
        httpVersionMinor: req.httpVersionMinor,
        socket: req.socket,
        connection: req.socket,
        complete: true,
    });
}
/**
 * oidc-provider 9 prints "Unsupported runtime" once, when imported on Node 20 (it asks for 22+). It
 * works on 20 (the emulator's suite runs there), and the line would only confuse users of the
 * emulator, so that one warning is filtered out while the module loads.
 */
async function importOidcProvider() {
    const warn = console.warn;
    console.warn = (...args) => {
        if (typeof args[0] === 'string' && args[0].includes('Unsupported runtime'))
            return;
        warn(...args);
    };
    try {
        return await __nccwpck_require__.e(/* import() */ 992).then(__nccwpck_require__.bind(__nccwpck_require__, 8992));
    }
    finally {
        console.warn = warn;
    }
}
/** The provider's own records (grants, tokens it keeps), in memory, dropped when they expire; one
 * store per emulator, so that emulators started in one process do not share them. */
function memoryAdapter() {
    const records = new Map();
    return (model) => new MemoryAdapter(model, records);
}
class MemoryAdapter {
    model;
    records;
    constructor(model, records) {
        this.model = model;
        this.records = records;
    }
    key(id) {
        return `${this.model}:${id}`;
    }
    upsert(id, payload, expiresIn) {
        const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Infinity;
        this.records.set(this.key(id), { payload, expiresAt });
        return Promise.resolve();
    }
    find(id) {
        const record = this.records.get(this.key(id));
        if (!record)
            return Promise.resolve(undefined);
        if (record.expiresAt <= Date.now()) {
            this.records.delete(this.key(id));
            return Promise.resolve(undefined);
        }
        return Promise.resolve(record.payload);
    }
    findByUserCode(userCode) {
        return this.findBy((p) => p.userCode === userCode);
    }
    findByUid(uid) {
        return this.findBy((p) => p.uid === uid);
    }
    async consume(id) {
        const payload = await this.find(id);
        if (payload)
            payload.consumed = Math.floor(Date.now() / 1000);
    }
    destroy(id) {
        this.records.delete(this.key(id));
        return Promise.resolve();
    }
    revokeByGrantId(grantId) {
        for (const [key, record] of this.records) {
            if (record.payload.grantId === grantId)
                this.records.delete(key);
        }
        return Promise.resolve();
    }
    findBy(test) {
        const prefix = `${this.model}:`;
        for (const [key, record] of this.records) {
            if (key.startsWith(prefix) && record.expiresAt > Date.now() && test(record.payload)) {
                return Promise.resolve(record.payload);
            }
        }
        return Promise.resolve(undefined);
    }
}

;// CONCATENATED MODULE: ./src/emulator/rollouts.ts
// Model deployments and routes as the 1.6.1 deployment controller, Knative and Istio make them
// happen: a deployment goes Processing → Ready (or stays Processing when its image cannot be pulled),
// a route turns Ready once all its targets are (its VirtualService, which the edge follows, is
// rewritten only then), and the edge serves a deployment's last ready revision. A PUT rolls a new revision out while the old one keeps serving; a DELETE marks the
// deployment, turns it Deleting, then removes it with its default route, and a PUT after the DELETE
// does not stop that. Every status change is published on the event feeds.
//
// The controller never writes Failed. Before it makes the Knative service it refuses an unknown
// predictor and checks the image pull connection (it must exist and be docker or ecr): either error
// ends its pass before any state is written, and nothing makes it try again until the next PUT.




/** The moments of a rollout, and how long removing a service takes, as shares of the duration. */
const CONTROLLER_PASS = 0.1;
const REMOVAL_TAKES = 0.2;
/** The only predictor whose model server the emulator runs (triton models are not emulated). */
const ML_SERVER = 'odahu-ml-server';
/** The predictors the controller knows (odahu-commons/predictors); any other gets no state. */
const PREDICTORS = new Set([ML_SERVER, 'triton']);
/** The connection types the controller can make image pull credentials from. */
const PULL_CONNECTION_TYPES = new Set(['docker', 'ecr']);
class Rollouts {
    store;
    outbox;
    images;
    timers;
    settings;
    onStatus;
    runtimes = new Map();
    /** What the edge routes by: the VirtualService of each route, once the controller made one. */
    virtualServices = new VirtualServices();
    /** The last status the controller wrote per deployment, to restore after an unchanged PUT. */
    lastStatus = new Map();
    constructor(store, outbox, images, timers, settings, onStatus = () => undefined) {
        this.store = store;
        this.outbox = outbox;
        this.images = images;
        this.timers = timers;
        this.settings = settings;
        this.onStatus = onStatus;
    }
    /**
     * After a POST, or a PUT. A changed spec rolls out a new revision; an unchanged one only gets its
     * status back on the controller's next pass. After a DELETE the deletion goes on whatever the PUT.
     */
    rollOut(id, changed) {
        const runtime = this.runtime(id);
        const key = `deployment/${id}`;
        if (runtime.removal !== 'none' && changed)
            runtime.statusCut = true;
        const durationMs = this.durationOf(id);
        if (!changed || runtime.removal !== 'none') {
            if (runtime.statusCut)
                return;
            this.timers.after(key, durationMs * CONTROLLER_PASS, () => {
                const status = this.lastStatus.get(id);
                if (status)
                    this.setStatus(id, status);
            });
            return;
        }
        this.timers.cancel(key);
        runtime.revision += 1;
        const revision = runtime.revision;
        this.timers.after(key, durationMs * CONTROLLER_PASS, () => {
            if (!this.controllerProceeds(id))
                return;
            this.setStatus(id, {
                state: 'Processing',
                availableReplicas: 0,
                replicas: this.replicas(id),
                ...this.credentialsTime(runtime),
            });
            this.timers.after(key, durationMs * (1 - CONTROLLER_PASS), () => this.finishRollout(id, revision));
        });
    }
    /**
     * DELETE: the mark is set by the API. On its next pass (`launchPeriod`) the controller deletes the
     * Kubernetes object, which turns Deleting while its service goes, then removes the rows. Until that
     * pass the deployment is as it was (Ready, say), marked.
     */
    remove(id) {
        const runtime = this.runtime(id);
        const key = `deployment/${id}`;
        // A repeated DELETE changes nothing.
        if (runtime.removal !== 'none')
            return;
        runtime.removal = 'marked';
        this.timers.cancel(key);
        const passMs = this.settings.launchPeriodSeconds * 1000;
        const removedMs = passMs + this.durationOf(id) * REMOVAL_TAKES;
        this.timers.after(key, passMs, () => {
            runtime.removal = 'deleting';
            runtime.serving = undefined;
            if (runtime.statusCut)
                return;
            const current = this.lastStatus.get(id) ?? { availableReplicas: 0, replicas: 0 };
            this.setStatus(id, { ...current, state: 'Deleting' });
        });
        this.timers.after(key, removedMs, () => {
            const datetime = moment().stored;
            const route = this.store.defaultRouteOf(id);
            if (route)
                this.dropRoute(route.id);
            this.store.deployments.delete(id);
            this.runtimes.delete(id);
            this.lastStatus.delete(id);
            if (route)
                this.outbox.add('route', route.id, 'ModelRouteDeleted', ZERO_PAYLOAD.route, datetime);
            this.outbox.add('deployment', id, 'ModelDeploymentDeleted', ZERO_PAYLOAD.deployment, datetime);
            this.reconcileRoutesOf(id);
        });
    }
    /** A route was created or changed: the route controller looks at it on its next pass. */
    routeChanged(id) {
        const key = `route/${id}`;
        this.timers.cancel(key);
        this.timers.after(key, this.settings.deploymentSeconds * 1000 * CONTROLLER_PASS, () => this.reconcileRoute(id));
    }
    /** A route was deleted: the edge forgets it at once. */
    dropRoute(id) {
        this.timers.cancel(`route/${id}`);
        this.virtualServices.drop(id);
        this.store.routes.delete(id);
    }
    /** The revision serving a deployment at the edge, or why none does. */
    serving(id) {
        const runtime = this.runtimes.get(id);
        if (!runtime?.serving || runtime.warming)
            return 'unavailable';
        return runtime.serving;
    }
    /** The VirtualService a request path goes through, if any. */
    routeFor(path) {
        return this.virtualServices.match(path);
    }
    /**
     * The checks of the controller's pass before it makes the Knative service: a known predictor, and
     * an image pull connection that exists and is docker or ecr. An ECR one has credentials made now.
     */
    controllerProceeds(id) {
        const deployment = this.store.deployments.get(id);
        if (!deployment || !PREDICTORS.has(deployment.spec.predictor))
            return false;
        const pullConnection = deployment.spec.imagePullConnID;
        if (!pullConnection)
            return true;
        const type = this.store.connection(pullConnection)?.spec.type ?? '';
        if (!PULL_CONNECTION_TYPES.has(type))
            return false;
        // Made once: the controller's "older than 6 hours" check is never true afterwards.
        if (type === 'ecr')
            this.runtime(id).credsUpdatedAt ??= rfc3339(nowNs(), 0);
        return true;
    }
    finishRollout(id, revision) {
        const deployment = this.store.deployments.get(id);
        if (!deployment)
            return;
        const runtime = this.runtime(id);
        const replicas = this.replicas(id);
        // An image that cannot be pulled, and an unknown predictor, never start: Knative keeps
        // retrying, so the deployment stays Processing (the old revision, if any, keeps serving).
        // `emulator-outcome: failed` is such an image.
        const model = planRun(deployment.spec.annotations, 0).fails
            ? undefined
            : this.images.pull(deployment.spec.image);
        if (!model || deployment.spec.predictor !== ML_SERVER)
            return;
        if (!runtime.serving && this.settings.edgeWarmupSeconds > 0) {
            runtime.warming = true;
            this.timers.after(`edge/${id}`, this.settings.edgeWarmupSeconds * 1000, () => {
                runtime.warming = false;
            });
        }
        runtime.serving = {
            deploymentId: id,
            model,
            roleName: deployment.spec.roleName ?? `role-${id}`,
            behaviour: planModel(deployment.spec.annotations),
        };
        this.setStatus(id, {
            state: 'Ready',
            deployment: `${id}-${String(revision).padStart(5, '0')}-deployment`,
            hostHeader: `${id}.odahu-flow-deployment.svc.cluster.local`,
            availableReplicas: replicas,
            replicas,
            ...this.credentialsTime(runtime),
            modelName: model.name,
            modelVersion: model.version,
        });
    }
    credentialsTime(runtime) {
        return runtime.credsUpdatedAt ? { lastUpdatedTime: runtime.credsUpdatedAt } : {};
    }
    setStatus(id, status) {
        const deployment = this.store.deployments.get(id);
        if (!deployment)
            return;
        this.lastStatus.set(id, status);
        if (JSON.stringify(deployment.status) === JSON.stringify(status))
            return;
        deployment.status = status;
        this.onStatus({ kind: 'deployment', id, state: status.state ?? '', at: Date.now() });
        this.outbox.add('deployment', id, 'ModelDeploymentStatusUpdated', structuredClone(deployment), moment().stored);
        this.reconcileRoutesOf(id);
    }
    reconcileRoutesOf(deploymentId) {
        for (const route of this.store.routes.list()) {
            const targets = route.spec.modelDeployments ?? [];
            if (route.spec.mirror === deploymentId || targets.some((t) => t.mdName === deploymentId)) {
                // Only routes the route controller has already looked at; a new one waits for its first pass.
                if (route.status?.state)
                    this.reconcileRoute(route.id);
            }
        }
    }
    /**
     * The route controller's pass (modelroute_controller.go): a target that does not exist is left
     * out of the VirtualService; one that is not Ready ends the pass before the VirtualService is
     * written, so the edge keeps the previous split. Either way the route stays Processing.
     */
    reconcileRoute(id) {
        const route = this.store.routes.get(id);
        if (!route)
            return;
        const isReady = (name) => this.store.deployments.get(name)?.status?.state === 'Ready';
        let again = false;
        let written = true;
        const destinations = [];
        for (const target of route.spec.modelDeployments ?? []) {
            if (!this.store.deployments.get(target.mdName)) {
                again = true;
                continue;
            }
            if (!isReady(target.mdName)) {
                again = true;
                written = false;
                break;
            }
            destinations.push({ deploymentId: target.mdName, weight: target.weight ?? 100 });
        }
        if (written && destinations.length > 0) {
            if (route.spec.mirror && !isReady(route.spec.mirror))
                again = true;
            this.virtualServices.set(id, { urlPrefix: route.spec.urlPrefix, destinations });
        }
        // The route controller writes edgeUrl with every status, Processing included.
        const status = {
            edgeUrl: `${this.store.config.edgeHost}${route.spec.urlPrefix}`,
            state: again || destinations.length === 0 ? 'Processing' : 'Ready',
        };
        if (JSON.stringify(route.status) === JSON.stringify(status))
            return;
        route.status = status;
        this.outbox.add('route', id, 'ModelRouteStatusUpdated', structuredClone(route), moment().stored);
    }
    runtime(id) {
        let runtime = this.runtimes.get(id);
        if (!runtime) {
            runtime = { revision: 0, warming: false, removal: 'none', statusCut: false };
            this.runtimes.set(id, runtime);
        }
        return runtime;
    }
    durationOf(id) {
        const deployment = this.store.deployments.get(id);
        return planRun(deployment?.spec.annotations, this.settings.deploymentSeconds).durationMs;
    }
    replicas(id) {
        return Math.max(this.store.deployments.get(id)?.spec.minReplicas ?? 0, 1);
    }
}

;// CONCATENATED MODULE: ./src/emulator/store.ts
// The emulated cluster's database: one collection per kind, listed by id as Postgres lists them. It
// is also the ClusterView the API rules read (references, defaults, node pools).
class Collection {
    items = new Map();
    get(id) {
        return this.items.get(id);
    }
    has(id) {
        return this.items.has(id);
    }
    put(item) {
        this.items.set(item.id, item);
        return item;
    }
    delete(id) {
        return this.items.delete(id);
    }
    /** Ordered by id ascending (bytewise, as Postgres' C collation and Kubernetes list them). */
    list() {
        return [...this.items.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
}
class Store {
    config;
    trainings = new Collection();
    toolchains = new Collection();
    packagings = new Collection();
    packagingIntegrations = new Collection();
    deployments = new Collection();
    routes = new Collection();
    /** Kept as the server keeps them: secrets decoded, no timestamps (the Kubernetes backend has none). */
    connections = new Collection();
    services = new Collection();
    jobs = new Collection();
    constructor(config) {
        this.config = config;
    }
    connection(id) {
        return this.connections.get(id);
    }
    toolchain(id) {
        return this.toolchains.get(id);
    }
    packagingIntegration(id) {
        return this.packagingIntegrations.get(id);
    }
    deployment(id) {
        return this.deployments.get(id);
    }
    inferenceService(id) {
        return this.services.get(id);
    }
    /** The route the server made with a deployment (`default: true`, 100% to it). */
    defaultRouteOf(deploymentId) {
        return this.routes
            .list()
            .find((r) => r.default === true && r.spec.modelDeployments?.some((t) => t.mdName === deploymentId));
    }
}

;// CONCATENATED MODULE: ./src/emulator/name-template.ts
// The name templates a run fills in: a training's artifactNameTemplate (a Go template, fields written
// `{{ .Name }}`) and a packager's imageName (written `{{ Name }}`). Only plain fields are used in
// practice; anything else fails the run, as a template error fails the real trainer or packager.
class TemplateError extends Error {
}
const ACTION = /\{\{(-?)\s*(.*?)\s*(-?)\}\}/g;
function renderNameTemplate(template, fields) {
    return template.replace(ACTION, (_all, _trimLeft, action) => {
        const field = /^\.?([A-Za-z_][A-Za-z0-9_]*)$/.exec(action)?.[1];
        if (field === undefined)
            throw new TemplateError(`template: ${template}: unsupported action {{ ${action} }}`);
        const value = fields[field];
        if (value === undefined)
            throw new TemplateError(`template: ${template}: can't evaluate field ${field}`);
        return value;
    });
}

;// CONCATENATED MODULE: ./src/emulator/task-runs.ts
// The pods behind trainings, packagings and batch jobs (Tekton TaskRuns in a real cluster), as the
// controller sees them: each run goes scheduling (≈10% of its duration, pod named) → running (≈25%)
// → succeeded or failed (100%), writes its status into the stored resource, prints its log lines
// while it runs and leaves its output behind (an artifact, an image).
//
// A run stands for the resource's Kubernetes object (the CR) too, which the controller keeps apart
// from the API's database row: a DELETE removes the row at once, the CR only on the controller's
// next pass (`common.launchPeriod`). Until then the log endpoint still finds it, and a POST of the
// same id takes it over, as a PUT would.





/** Tekton's condition on a TaskRun whose steps all succeeded. */
const SUCCEEDED = { reason: 'Succeeded', message: 'All Steps have completed executing' };
/** The status fields a changed spec clears from a CR. */
const RUN_FIELDS = new Set(['state', 'reason', 'message', 'exitCode', 'podName']);
const PACKAGING_RUN_FIELDS = new Set([...RUN_FIELDS, 'results']);
/**
 * What a CR's status keeps when a changed spec updates it: the update clears state, reason, message
 * and exitCode (the new pod replaces podName), and for a packaging its results too. A training's
 * artifacts stay until the new run succeeds, which replaces them with its own.
 */
function carriedOver(kind, status) {
    const cleared = kind === 'packaging' ? PACKAGING_RUN_FIELDS : RUN_FIELDS;
    return Object.fromEntries(Object.entries(status).filter(([name]) => !cleared.has(name)));
}
/** The moments of a run, as shares of its duration. */
const SCHEDULING_AT = 0.1;
/** The longest wait between two of the controller's tries at a resource it could not reconcile. */
const MAX_RETRY_MS = 30_000;
/** The connection types a batch job's rclone steps can read (rclone.GetBucketAndPath). */
const OBJECT_STORAGE = new Set(['s3', 'gcs', 'azureblob']);
const RUNNING_AT = 0.25;
/** One pod: its phase, its log lines (each with the moment it prints it), who waits for its end. */
class TaskRun {
    podName;
    now;
    startedAt;
    plan;
    rerun;
    spec;
    carried;
    phase = 'created';
    lines = [];
    endedAt = Infinity;
    endListeners = new Set();
    /** Its row was deleted: the CR waits for the controller's next pass to be removed. */
    orphaned = false;
    constructor(podName, 
    /** The emulator clock's time (a held clock stands still, and so does the pod's printing). */
    now, startedAt, plan, 
    /** The resource is already in Kubernetes (a re-run): its log answers 500, not 404, until the pod runs. */
    rerun, 
    /** The spec the CR holds, which a POST of the same id after a DELETE is compared with. */
    spec, 
    /** What the CR's status kept from earlier runs (a training's artifacts). */
    carried) {
        this.podName = podName;
        this.now = now;
        this.startedAt = startedAt;
        this.plan = plan;
        this.rerun = rerun;
        this.spec = spec;
        this.carried = carried;
    }
    get ended() {
        return this.phase === 'finished' || this.phase === 'stopped';
    }
    /** Lines printed by now: all of them once the pod has finished, none after it was removed. */
    printed(now = this.now()) {
        if (this.phase === 'finished')
            return this.lines.map((l) => l.text);
        const until = Math.min(now, this.endedAt);
        return this.lines.filter((l) => this.startedAt + l.atMs <= until).map((l) => l.text);
    }
    /** Calls `listener` once, when the pod finishes or is removed; returns the unsubscribe. */
    onEnd(listener) {
        this.endListeners.add(listener);
        return () => this.endListeners.delete(listener);
    }
    end(phase) {
        if (this.ended)
            return;
        this.phase = phase;
        this.endedAt = this.now();
        for (const listener of [...this.endListeners])
            listener();
        this.endListeners.clear();
    }
}
class TaskRuns {
    store;
    artifacts;
    timers;
    durations;
    controller;
    onStatus;
    runs = new Map();
    /** The status each run wrote last, to write back after a PUT that changed nothing. */
    lastStatus = new Map();
    constructor(store, artifacts, timers, durations, controller, onStatus = () => undefined) {
        this.store = store;
        this.artifacts = artifacts;
        this.timers = timers;
        this.durations = durations;
        this.controller = controller;
        this.onStatus = onStatus;
    }
    run(kind, id) {
        return this.runs.get(`${kind}/${id}`);
    }
    /** The spec of the CR a DELETE left behind for the controller's next pass, if there is one. */
    leftoverSpec(kind, id) {
        const run = this.runs.get(`${kind}/${id}`);
        return run?.orphaned ? run.spec : undefined;
    }
    /** A new pod for a created training, or for one whose spec changed (the old pod is removed). */
    startTraining(id) {
        const training = this.store.trainings.get(id);
        if (!training)
            return;
        const plan = planRun(training.spec.hyperParameters, this.durations.training);
        this.start('training', id, plan, training.spec, (run) => this.trainingScript(training, run));
    }
    startPackaging(id) {
        const packaging = this.store.packagings.get(id);
        if (!packaging)
            return;
        const plan = planRun(packaging.spec.arguments, this.durations.packaging);
        this.start('packaging', id, plan, packaging.spec, (run) => this.packagingScript(packaging, run));
    }
    /**
     * A batch job's TaskRun is made only once the controller can read every connection it names (input,
     * output, and its service's model registry) and each is object storage: until then each pass fails,
     * the state stays `""`, and the controller tries again later, more and more slowly.
     */
    startJob(id, retryMs = this.durations.job * 1000 * SCHEDULING_AT) {
        const job = this.store.jobs.get(id);
        if (!job)
            return;
        const remote = this.store.inferenceService(job.spec.inferenceServiceId)?.spec.modelRegistry?.remote;
        const needed = [job.spec.dataSource?.connection, job.spec.outputDestination?.connection];
        if (remote)
            needed.push(remote.modelConnection);
        const usable = (name) => OBJECT_STORAGE.has(this.store.connection(name ?? '')?.spec.type ?? '');
        if (!needed.every(usable)) {
            this.timers.after(`job/${id}`, retryMs, () => this.startJob(id, Math.min(retryMs * 2, MAX_RETRY_MS)));
            return;
        }
        const plan = planJob(job.spec.requestId, this.durations.job);
        this.start('job', id, plan, undefined, () => ({
            // Tekton's condition names the step that failed: the user's predictor container.
            log: { lines: [], failure: plan.fails ? '"step-user-container" exited with code 1' : undefined },
            finish: () => ({}),
        }));
    }
    /**
     * After a PUT that changed nothing (or a POST of a deleted resource's CR spec) the pod goes on, and
     * the controller's next pass writes its status back over the `unknown` the API stored.
     */
    resync(kind, id) {
        const key = `${kind}/${id}`;
        const run = this.runs.get(key);
        if (!run)
            return;
        // A row again: the pass that would have removed the CR finds it and keeps it.
        run.orphaned = false;
        this.timers.cancel(passGroup(key));
        this.timers.after(key, run.plan.durationMs * SCHEDULING_AT, () => {
            const status = this.lastStatus.get(key);
            if (status)
                this.writeStatus(kind, id, status);
        });
    }
    /**
     * DELETE of a training or packaging: the row is gone, the CR (with its pod, which runs on) until the
     * controller's next pass. One the controller had not made yet has nothing to leave behind.
     */
    remove(kind, id) {
        const key = `${kind}/${id}`;
        const run = this.runs.get(key);
        if (!run)
            return;
        if (run.phase === 'created' && !run.rerun) {
            this.stop(kind, id);
            return;
        }
        run.orphaned = true;
        this.timers.cancel(passGroup(key));
        this.timers.after(passGroup(key), this.controller.launchPeriodSeconds * 1000, () => this.stop(kind, id));
    }
    /** The CR is gone: its pod is removed, and anyone following its log sees the end. */
    stop(kind, id) {
        const key = `${kind}/${id}`;
        this.timers.cancel(key);
        this.timers.cancel(passGroup(key));
        this.runs.get(key)?.end('stopped');
        this.runs.delete(key);
        this.lastStatus.delete(key);
    }
    start(kind, id, plan, spec, script) {
        const key = `${kind}/${id}`;
        const previous = this.runs.get(key);
        const rerun = previous !== undefined;
        // A changed spec updates the CR in place: what its status held besides the run's own fields stays
        // (from the previous run's last status, or what that one carried if it wrote none yet).
        const carried = previous ? carriedOver(kind, this.lastStatus.get(key) ?? previous.carried) : {};
        this.stop(kind, id);
        const podName = `${id}-pod-${(0,external_node_crypto_.randomUUID)().slice(0, 5)}`;
        const clock = () => this.timers.now();
        const run = new TaskRun(podName, clock, clock(), plan, rerun, spec, carried);
        this.runs.set(key, run);
        const { durationMs } = plan;
        let pod;
        this.timers.after(key, durationMs * SCHEDULING_AT, () => {
            run.phase = 'scheduling';
            this.writeStatus(kind, id, { ...carried, state: 'scheduling', podName: run.podName });
        });
        this.timers.after(key, durationMs * RUNNING_AT, () => {
            // What the pod does is decided when it starts: an artifact a training finishes a moment later
            // is not there for a packager that has already started.
            pod = script(run);
            const { lines } = pod.log;
            const span = durationMs * (1 - RUNNING_AT);
            run.lines = lines.map((text, i) => ({
                atMs: durationMs * RUNNING_AT + (span * (i + 1)) / (lines.length + 1),
                text,
            }));
            run.phase = 'running';
            this.writeStatus(kind, id, { ...carried, state: 'running', podName: run.podName });
        });
        // The pod ends (its log stream with it); its final state reaches the API a little later.
        this.timers.after(key, durationMs, () => run.end('finished'));
        this.timers.after(key, durationMs + (this.controller.statusLagSeconds ?? 0) * 1000, () => {
            const failure = pod?.log.failure;
            const status = failure
                ? { ...carried, state: 'failed', podName: run.podName, reason: 'Failed', message: failure }
                : { ...carried, state: 'succeeded', podName: run.podName, ...SUCCEEDED, ...pod?.finish() };
            this.writeStatus(kind, id, status);
        });
    }
    writeStatus(kind, id, status) {
        // Written to the CR, and through it to the row, if there is one (none while the CR is orphaned).
        this.lastStatus.set(`${kind}/${id}`, status);
        const resource = kind === 'training'
            ? this.store.trainings.get(id)
            : kind === 'packaging'
                ? this.store.packagings.get(id)
                : this.store.jobs.get(id);
        if (!resource)
            return;
        this.onStatus({ kind, id, state: typeof status.state === 'string' ? status.state : '', at: Date.now() });
        // A job's status keys are all always emitted; a training's or packaging's are omitempty.
        resource.status =
            kind === 'job' ? { state: '', message: '', reason: '', podName: '', ...status } : status;
    }
    trainingScript(training, run) {
        const { spec } = training;
        const model = { name: spec.model.name, version: spec.model.version };
        const vcs = spec.algorithmSource?.vcs;
        const vcsUri = vcs?.connection ? this.store.connection(vcs.connection)?.spec.uri : undefined;
        // The trainer records the commit it built from; an object-storage source has none.
        const commitID = vcsUri
            ? (0,external_node_crypto_.createHash)('sha1')
                .update(`${vcsUri}@${vcs?.reference ?? ''}`)
                .digest('hex')
            : '';
        const runId = (0,external_node_crypto_.randomUUID)().replaceAll('-', '');
        let artifactName = '';
        let templateError;
        try {
            artifactName = renderNameTemplate(spec.model.artifactNameTemplate ?? '', {
                Name: model.name,
                Version: model.version,
                RandomUUID: (0,external_node_crypto_.randomUUID)(),
                CommitID: '',
            });
        }
        catch (error) {
            if (!(error instanceof TemplateError))
                throw error;
            templateError = error.message;
        }
        const log = trainingLog({
            training,
            connectionUri: (id) => this.store.connection(id)?.spec.uri,
            artifactName,
            runId,
            failure: run.plan.fails ? 'trainer' : templateError !== undefined ? { templateError } : undefined,
        });
        return {
            log,
            finish: () => {
                this.artifacts.addArtifact(artifactName, model);
                // The controller sets the CR's artifacts to this run's result alone (calculateStateByTaskRun).
                return { artifacts: [{ runId, artifactName, commitID }] };
            },
        };
    }
    packagingScript(packaging, run) {
        const { spec } = packaging;
        const model = this.artifacts.artifact(spec.artifactName);
        let image = '';
        let templateError;
        if (model) {
            try {
                const name = renderNameTemplate(this.imageNameTemplate(packaging), {
                    Name: model.name,
                    Version: model.version,
                    RandomUUID: (0,external_node_crypto_.randomUUID)(),
                });
                const push = spec.targets?.find((t) => t.name === 'docker-push');
                const registry = push ? this.store.connection(push.connectionName)?.spec.uri : undefined;
                image = registry ? `${registry.replace(/\/+$/, '')}/${name}` : name;
            }
            catch (error) {
                if (!(error instanceof TemplateError))
                    throw error;
                templateError = error.message;
            }
        }
        const log = packagingLog({
            packaging,
            outputUri: this.store.connection(spec.outputConnection ?? '')?.spec.uri,
            image,
            failure: !model
                ? 'artifact'
                : run.plan.fails
                    ? 'packager'
                    : templateError !== undefined
                        ? { templateError }
                        : undefined,
        });
        return {
            log,
            finish: () => {
                if (model)
                    this.artifacts.addImage(image, model);
                // Replaced, not appended: the controller sets the CR's results to this run's result.json.
                return { results: [{ name: 'image', value: image }] };
            },
        };
    }
    /** The imageName argument, else the integration's default for it, else the docker packagers' one. */
    imageNameTemplate(packaging) {
        const given = packaging.spec.arguments?.imageName;
        if (typeof given === 'string')
            return given;
        const integration = this.store.packagingIntegration(packaging.spec.integrationName);
        const property = integration?.spec.schema.arguments.properties?.find((p) => p.name === 'imageName');
        const fallback = property?.parameters.find((p) => p.name === 'default')?.value;
        return typeof fallback === 'string' ? fallback : DEFAULT_IMAGE_NAME;
    }
}
/** The timer group of the controller pass that removes an orphaned CR. */
function passGroup(key) {
    return `${key}/controller-pass`;
}

;// CONCATENATED MODULE: ./src/emulator/timers.ts
// The emulated cluster's clock. Every delayed step goes through it: unref'd (a test or a script may
// exit while a training is still "running"), grouped per resource (a PUT or DELETE cancels what was
// planned for it), and all stopped by close(). Its time (`now()`) is what pods print their log lines
// by.
//
// A test can hold it: its time then stands still, nothing comes due by itself, and step() moves the
// time to the next planned step and runs it. What a test reads then cannot change under it, no step
// can slip in between two of its requests, and the steps keep their order however long the test
// takes between them. Released, the time goes on from where it stood.
class Timers {
    planned = new Map();
    seq = 0;
    closed = false;
    /** How far the clock is behind the wall clock: the spans it was held. */
    lagMs = 0;
    /** While held: the clock's time, standing still between steps. */
    heldAt;
    /** The clock's time, in ms since the epoch (the wall clock's, less the spans it was held). */
    now() {
        return this.heldAt ?? Date.now() - this.lagMs;
    }
    get held() {
        return this.heldAt !== undefined;
    }
    /** Runs `step` after `ms`, as part of `group` (e.g. `training/wine`). */
    after(group, ms, step) {
        if (this.closed)
            return;
        this.seq += 1;
        const planned = { seq: this.seq, group, dueAt: this.now() + Math.max(0, ms), step };
        this.planned.set(planned.seq, planned);
        if (!this.held)
            this.arm(planned);
    }
    cancel(group) {
        for (const planned of [...this.planned.values()]) {
            if (planned.group !== group)
                continue;
            clearTimeout(planned.timer);
            this.planned.delete(planned.seq);
        }
    }
    /** From now on the time stands still: nothing comes due until step() or release(). */
    hold() {
        if (this.held || this.closed)
            return;
        this.heldAt = this.now();
        for (const planned of this.planned.values()) {
            clearTimeout(planned.timer);
            planned.timer = undefined;
        }
    }
    /**
     * While held: moves the time to the next planned step (the earliest; of two at once, the one
     * planned first) and runs it; returns its group. Rejects when nothing at all is planned.
     */
    step() {
        if (this.heldAt === undefined)
            throw new Error('the emulator clock is not held');
        const next = this.next();
        if (!next)
            throw new Error('the emulator has no step planned');
        this.heldAt = Math.max(this.heldAt, next.dueAt);
        this.planned.delete(next.seq);
        next.step();
        return next.group;
    }
    /** The time goes on from where it stood; what is due by then runs at once, in order. */
    release() {
        if (this.heldAt === undefined)
            return;
        this.lagMs = Date.now() - this.heldAt;
        this.heldAt = undefined;
        for (const planned of [...this.planned.values()].sort(byDue))
            this.arm(planned);
    }
    close() {
        this.closed = true;
        for (const planned of this.planned.values())
            clearTimeout(planned.timer);
        this.planned.clear();
    }
    next() {
        let next;
        for (const planned of this.planned.values())
            if (!next || byDue(planned, next) < 0)
                next = planned;
        return next;
    }
    arm(planned) {
        planned.timer = setTimeout(() => {
            this.planned.delete(planned.seq);
            planned.step();
        }, Math.max(0, planned.dueAt - this.now()));
        planned.timer.unref();
    }
}
function byDue(a, b) {
    return a.dueAt - b.dueAt || a.seq - b.seq;
}

;// CONCATENATED MODULE: ./src/emulator/server.ts
// startEmulator: one HTTP server that plays a whole Odahu 1.6.1 cluster: the OpenID provider (under
// /auth/realms/odahu), the API server (/api/v1, behind its gateway), the edge with the model servers
// (/model, /custom), a controller moving resources through their states, and GET /health.




















const DEFAULT_PORT = 8765;
const DEFAULT_CLIENT_ID = 'odahu-actions';
/** A development secret, printed on start-up: the emulator guards nothing of value. */
const DEFAULT_CLIENT_SECRET = 'odahu-emulator-secret';
async function startEmulator(options = {}) {
    const host = options.host ?? '127.0.0.1';
    const server = (0,external_node_http_.createServer)();
    // The port is known only once listening, and the cluster needs it for its URLs: requests that
    // come in meanwhile (a script polling /health) wait for the cluster instead of hanging.
    let dispatch;
    let announceReady = () => undefined;
    const ready = new Promise((resolve) => (announceReady = resolve));
    server.on('request', (req, res) => {
        void ready.then(() => dispatch?.(req, res));
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? DEFAULT_PORT, host, () => {
            server.off('error', reject);
            resolve();
        });
    });
    const { port } = server.address();
    const baseUrl = (options.publicUrl ?? `http://${reachableHost(host)}:${port}`).replace(/\/+$/, '');
    try {
        const cluster = await startCluster(options, baseUrl);
        dispatch = cluster.dispatch;
        announceReady();
        return {
            ...cluster.urls,
            outage: cluster.outage,
            clock: cluster.clock,
            close: async () => {
                cluster.stop();
                await closeServer(server);
            },
        };
    }
    catch (error) {
        await closeServer(server);
        throw error;
    }
}
function closeServer(server) {
    return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
    });
}
/** Everything behind the HTTP server, wired together for one base URL. */
async function startCluster(options, baseUrl) {
    const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
    const clientSecret = options.clientSecret ?? DEFAULT_CLIENT_SECRET;
    const clients = [
        { clientId, clientSecret, role: 'admin' },
        ...(options.extraClients ?? []),
    ];
    const identity = await createIdentityProvider({
        baseUrl,
        clients,
        federatedClients: options.federatedClients,
        tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    });
    const verifier = new TokenVerifier(identity.issuer, identity.publicKeys);
    const config = clusterConfig(baseUrl);
    const store = new Store(config);
    seed(store);
    const timers = new Timers();
    const outbox = new Outbox();
    const artifacts = new Artifacts();
    const launchPeriodSeconds = options.launchPeriodSeconds ?? 1;
    const observe = (change) => {
        try {
            options.onStatus?.(change);
        }
        catch (error) {
            console.error('onStatus hook failed:', error);
        }
    };
    const runs = new TaskRuns(store, artifacts, timers, {
        training: options.trainingSeconds ?? 3,
        packaging: options.packagingSeconds ?? 3,
        job: options.jobSeconds ?? 2,
    }, { launchPeriodSeconds, statusLagSeconds: options.statusLagSeconds ?? 0 }, observe);
    const faultSeed = options.seed ?? Date.now();
    const images = new ImagePulls(store, artifacts, options.missingImages);
    const rollouts = new Rollouts(store, outbox, images, timers, {
        deploymentSeconds: options.deploymentSeconds ?? 2,
        edgeWarmupSeconds: options.edgeWarmupSeconds ?? 0.5,
        launchPeriodSeconds,
    }, observe);
    const configuration = configurationDocument(config, {
        apiUrl: baseUrl,
        issuer: identity.issuer,
        tokenUrl: identity.tokenUrl,
        jwksUrl: identity.jwksUrl,
    }, { launchPeriodSeconds });
    const router = apiRouter({
        store,
        outbox,
        runs,
        rollouts,
        timers,
        configuration,
        jobSeconds: options.jobSeconds ?? 2,
    });
    const faults = new Faults({
        failRate: options.failRate ?? 0,
        throttleRate: options.throttleRate ?? 0,
        retryAfterSeconds: options.retryAfterSeconds ?? 1,
        latencyMs: options.latencyMs ?? 0,
        dropRate: options.dropRate ?? 0,
        seed: faultSeed,
    });
    // What the API has open, to cut when an outage begins.
    const openApiAnswers = new Set();
    const outages = new Outages(options.outages ?? [], timers, () => {
        for (const res of openApiAnswers)
            res.destroy();
    });
    const gateway = new ApiGateway(router, verifier, faults, baseUrl, outages);
    // Its own dice, so that model traffic does not shift the API's fault sequence.
    const modelServer = new ModelServer(rollouts, verifier, createDice(faultSeed + 1));
    const record = (answer) => {
        try {
            options.onAnswer?.(answer);
        }
        catch (error) {
            console.error('onAnswer hook failed:', error);
        }
    };
    const dispatch = (req, res) => {
        const started = Date.now();
        if (options.verbose) {
            // As requested: the OpenID provider rewrites req.url to the path under its mount point.
            const target = req.url ?? '';
            res.on('close', () => {
                console.error(`${req.method ?? ''} ${target} ${res.statusCode} ${Date.now() - started}ms`);
            });
        }
        // Concatenated, not resolved: a path starting with // must stay a path, not become a host.
        const url = new URL(`http://emulator${req.url ?? '/'}`);
        if (url.pathname === REALM_PATH || url.pathname.startsWith(`${REALM_PATH}/`)) {
            if (outages.down('auth'))
                res.writeHead(503, { 'content-type': TEXT_TYPE }).end(UPSTREAM_FAILURE);
            else
                identity.handle(req, res);
            return;
        }
        if (url.pathname.startsWith('/api/v1/')) {
            openApiAnswers.add(res);
            res.once('close', () => openApiAnswers.delete(res));
        }
        const exchange = new Exchange(req, res, url, record);
        const path = exchange.path;
        const answer = async () => {
            if (path.startsWith('/api/v1/'))
                await gateway.handle(exchange);
            else if (EDGE_PREFIXES.some((prefix) => path.startsWith(prefix)))
                await modelServer.handle(exchange);
            else if (path === '/health' && exchange.method === 'GET')
                await gateway.health(exchange);
            else
                exchange.text(404, NOT_FOUND_PAGE);
        };
        answer().catch((error) => answerFailure(exchange, error));
    };
    return {
        urls: {
            apiUrl: baseUrl,
            authUrl: identity.tokenUrl,
            issuer: identity.issuer,
            clientId,
            clientSecret,
            edgeUrl: config.edgeHost,
            addFederatedClient: (client) => identity.addFederatedClient(client),
        },
        dispatch,
        outage: (seconds, target = 'api') => outages.begin(target, seconds),
        clock: timers,
        stop: () => timers.close(),
    };
}
/** Where clients on this machine reach a server listening on `host`. */
function reachableHost(host) {
    if (host === '0.0.0.0' || host === '')
        return '127.0.0.1';
    if (host === '::')
        return '[::1]';
    return host.includes(':') ? `[${host}]` : host;
}
/** What a fresh cluster holds. */
function seed(store) {
    const installed = moment().stored;
    for (const toolchain of seedToolchains())
        store.toolchains.put({ ...toolchain, createdAt: installed, updatedAt: installed });
    for (const integration of seedPackagingIntegrations()) {
        store.packagingIntegrations.put({ ...integration, createdAt: installed, updatedAt: installed });
    }
    for (const connection of seedConnections())
        store.connections.put(connection);
}

;// CONCATENATED MODULE: ./src/emulator/cli.ts
// The odahu-emulator command: starts the emulator, prints where it is as one JSON line on stdout
// ({"apiUrl","authUrl","clientId","clientSecret"}), and runs until SIGINT or SIGTERM.



const USAGE = `Usage: odahu-emulator [flags]

A local Odahu 1.6.1 cluster: API server, OpenID provider, controller, pod logs and model servers.
Prints {"apiUrl","authUrl","clientId","clientSecret"} as one JSON line on stdout, then runs until
interrupted.

  --port N                   port to listen on; 0 picks a free one (default 8765)
  --host ADDRESS             address to listen on (default 127.0.0.1; 0.0.0.0 for containers)
  --public-url URL           base URL clients use, if not http://<host>:<port>
  --client-id ID             the admin client's id (default odahu-actions)
  --client-secret SECRET     the admin client's secret
  --client ID:SECRET:ROLE    one more client; ROLE is admin, data_scientist or viewer (repeatable)
  --federated-client ID:ROLE:ISSUER:SUBJECT
                             one more client, proven by ISSUER's tokens whose sub is exactly
                             SUBJECT, not by a secret (Keycloak's federated client authentication;
                             ISSUER ends at the first ":" after its host and port) (repeatable)
  --token-ttl SECONDS        access token lifetime (default 300)
  --training-seconds S       time from create to a final state (default 3)
  --packaging-seconds S      (default 3)
  --deployment-seconds S     (default 2)
  --job-seconds S            batch jobs (default 2)
  --edge-warmup-seconds S    a Ready model's edge answers 503 this long (default 0.5)
  --launch-period SECONDS    the controller's period: a deleted training's or packaging's
                             Kubernetes object (and log) outlives it this long (default 1)
  --status-lag SECONDS       a finished pod's state reaches the API this long after
                             its log ends (default 0)
  --missing-image PATTERN    images matching PATTERN never pull (* is any run of characters);
                             their deployments stay Processing (repeatable)
  --fail-rate R              share of API requests answered 503 unprocessed (0..1)
  --throttle-rate R          share answered 429 with Retry-After (0..1)
  --retry-after SECONDS      Retry-After of a 429 (default 1)
  --latency-ms MS            delay before each API request
  --drop-rate R              share processed, then cut mid-answer (0..1)
  --seed N                   seed of the fault dice, to replay a run's faults
  --outage START:SECONDS     from START seconds after start-up, for SECONDS, the API
                             answers every request 503 (state is kept; repeatable)
  --outage auth:START:SECONDS  the same for the token endpoint (the OpenID provider)
  --verbose                  one line per request on stderr
  --help                     this text
`;
class UsageError extends Error {
}
const number = (min, max = Infinity, integer = false) => (value, flag) => {
    const n = Number(value);
    if (value.trim() === '' ||
        !Number.isFinite(n) ||
        n < min ||
        n > max ||
        (integer && !Number.isInteger(n))) {
        const range = max === Infinity ? `${min} or more` : `between ${min} and ${max}`;
        throw new UsageError(`${flag} must be ${integer ? 'an integer' : 'a number'} ${range}, not "${value}"`);
    }
    return n;
};
const cli_text = (value, flag) => {
    if (value === '')
        throw new UsageError(`${flag} must not be empty`);
    return value;
};
const url = (value, flag) => {
    if (!/^https?:\/\/[^/]+/.test(value))
        throw new UsageError(`${flag} must be an http(s) URL, not "${value}"`);
    return value;
};
const outage = (value, flag) => {
    const parts = value.split(':');
    const target = parts.length === 3 ? parts.shift() : 'api';
    const [start, seconds] = parts.map((part) => (part.trim() === '' ? NaN : Number(part)));
    if (parts.length !== 2 ||
        (target !== 'api' && target !== 'auth') ||
        !Number.isFinite(start) ||
        !Number.isFinite(seconds) ||
        start < 0 ||
        seconds <= 0) {
        throw new UsageError(`${flag} must be START:SECONDS or auth:START:SECONDS (seconds after start-up, a duration above 0), not "${value}"`);
    }
    return { target, startSeconds: start, seconds: seconds };
};
const ROLES = ['admin', 'data_scientist', 'viewer'];
const client = (value, flag) => {
    const [clientId = '', clientSecret = '', role = '', ...rest] = value.split(':');
    if (!clientId || !clientSecret || rest.length > 0 || !ROLES.includes(role)) {
        throw new UsageError(`${flag} must be ID:SECRET:ROLE with ROLE one of ${ROLES.join(', ')}, not "${value}"`);
    }
    return { clientId, clientSecret, role: role };
};
/** ID:ROLE:ISSUER:SUBJECT; the issuer is a URL whose path has no ':', the subject may have them. */
const federatedClient = (value, flag) => {
    const match = /^([^:]+):([^:]+):(https?:\/\/[^/:?#\s]+(?::\d+)?(?:\/[^:?#\s]*)?):(.+)$/.exec(value);
    const [, clientId = '', role = '', issuer = '', subject = ''] = match ?? [];
    if (!match || !ROLES.includes(role)) {
        throw new UsageError(`${flag} must be ID:ROLE:ISSUER:SUBJECT with ROLE one of ${ROLES.join(', ')} and ISSUER an ` +
            `http(s) URL, not "${value}"`);
    }
    return { clientId, role: role, issuer, subject };
};
/** The flags that take a value, each read into its option; `repeatable` ones collect a list. */
const VALUE_FLAGS = {
    port: { option: 'port', read: number(0, 65535, true) },
    host: { option: 'host', read: cli_text },
    'public-url': { option: 'publicUrl', read: url },
    'client-id': { option: 'clientId', read: cli_text },
    'client-secret': { option: 'clientSecret', read: cli_text },
    client: { option: 'extraClients', read: client, repeatable: true },
    'federated-client': { option: 'federatedClients', read: federatedClient, repeatable: true },
    'token-ttl': { option: 'tokenTtlSeconds', read: number(1, Infinity, true) },
    'training-seconds': { option: 'trainingSeconds', read: number(0) },
    'packaging-seconds': { option: 'packagingSeconds', read: number(0) },
    'deployment-seconds': { option: 'deploymentSeconds', read: number(0) },
    'job-seconds': { option: 'jobSeconds', read: number(0) },
    'edge-warmup-seconds': { option: 'edgeWarmupSeconds', read: number(0) },
    'launch-period': { option: 'launchPeriodSeconds', read: number(0) },
    'status-lag': { option: 'statusLagSeconds', read: number(0) },
    'missing-image': { option: 'missingImages', read: cli_text, repeatable: true },
    'fail-rate': { option: 'failRate', read: number(0, 1) },
    'throttle-rate': { option: 'throttleRate', read: number(0, 1) },
    'retry-after': { option: 'retryAfterSeconds', read: number(0, Infinity, true) },
    'latency-ms': { option: 'latencyMs', read: number(0) },
    'drop-rate': { option: 'dropRate', read: number(0, 1) },
    seed: { option: 'seed', read: number(0, 2 ** 32 - 1, true) },
    outage: { option: 'outages', read: outage, repeatable: true },
};
const PARSE_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    verbose: { type: 'boolean' },
    ...Object.fromEntries(Object.entries(VALUE_FLAGS).map(([name, flag]) => [
        name,
        { type: 'string', multiple: flag.repeatable === true },
    ])),
};
/** The options the flags ask for, or 'help'. */
function parseFlags(args) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({ args, options: PARSE_OPTIONS, strict: true, allowPositionals: false }));
    }
    catch (error) {
        throw usageErrorOf(error, args);
    }
    if (values.help === true)
        return 'help';
    const options = values.verbose === true ? { verbose: true } : {};
    for (const [name, flag] of Object.entries(VALUE_FLAGS)) {
        const given = values[name];
        if (given === undefined)
            continue;
        const read = (value) => flag.read(String(value), `--${name}`);
        options[flag.option] = Array.isArray(given) ? given.map(read) : read(given);
    }
    return options;
}
/** parseArgs' refusals, some of them several lines long, as one line naming the flag. */
function usageErrorOf(error, args) {
    const code = error.code;
    const message = messageOf(error);
    const named = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return new UsageError(`unknown flag "${named}" (see --help)`);
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return new UsageError(`unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}" (see --help)`);
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
            if (message.includes('does not take an argument'))
                return new UsageError(`${named} takes no value`);
            // "Ambiguous": the next argument starts with a dash, so it is taken for a flag, not the value.
            const next = args[args.indexOf(named) + 1];
            const nextName = next === undefined ? undefined : /^--?([^=]+)/.exec(next)?.[1];
            const nextIsFlag = nextName !== undefined && nextName in PARSE_OPTIONS;
            return new UsageError(next === undefined || nextIsFlag
                ? `${named} needs a value`
                : `${named} needs a value; for one that starts with "-", write ${named}=${next}`);
        }
        default:
            return error instanceof Error ? error : new Error(message);
    }
}
async function main() {
    let parsed;
    try {
        parsed = parseFlags(process.argv.slice(2));
    }
    catch (error) {
        if (!(error instanceof UsageError))
            throw error;
        process.stderr.write(`odahu-emulator: ${error.message}\n`);
        process.exit(2);
    }
    if (parsed === 'help') {
        process.stdout.write(USAGE);
        return;
    }
    const emulator = await startEmulator(parsed);
    const stop = () => {
        emulator.close().then(() => process.exit(0), (error) => {
            process.stderr.write(`odahu-emulator: ${messageOf(error)}\n`);
            process.exit(1);
        });
    };
    // Before the start-up line: whoever reads it may signal at once.
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const { apiUrl, authUrl, clientId, clientSecret } = emulator;
    process.stdout.write(`${JSON.stringify({ apiUrl, authUrl, clientId, clientSecret })}\n`);
}
main().catch((error) => {
    process.stderr.write(`odahu-emulator: ${messageOf(error)}\n`);
    process.exit(1);
});

