import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ fetch),
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// Stands in for `undici` in the action bundles (tsconfig.json maps the name here; ncc follows it).
// @actions/http-client imports undici's ProxyAgent for getAgentDispatcher(), the dispatcher of
// fetch-based clients, and @actions/github its fetch for Octokit's default transport. No odahu action
// uses either: Odahu calls go through node:http (and `tunnel` behind a proxy), and Octokit is given a
// fetch of ours over the same client (src/shared/github/api.ts). Bundling undici made every step parse
// and run ~1 MB more: ~55 ms of each step's start (npm run bench).
//
// @actions/github builds its default transport when it is imported, which behind a proxy constructs
// a ProxyAgent: that must not throw, or the import would fail. What would send a request through
// undici, fetch, says so instead of misbehaving.
class ProxyAgent {
    options;
    constructor(options) {
        this.options = options;
    }
}
function fetch() {
    return Promise.reject(new Error('undici is left out of the odahu-actions bundles: its fetch is not supported (see scripts/bundle/undici.ts)'));
}


/***/ }),

/***/ 453:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(417);
// Entry point of actions/wait (bundled to dist/wait/index.js).

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 417:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
// EXTERNAL MODULE: external "fs"
var external_fs_ = __nccwpck_require__(896);
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __nccwpck_require__(942);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return __awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new lib/* HttpClient */.Qq('actions/oidc-client', [new BearerCredentialHandler(OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_.constants.R_OK | external_fs_.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary_summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_.EOL.length);
                n = s.indexOf(external_os_.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_.platform();
const arch = external_os_.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    command_issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    command_issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function core_info(message) {
    process.stdout.write(message + external_os_.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
;// CONCATENATED MODULE: ./src/shared/clock.ts
// The time a step waits by: every wait of the actions (the poll schedule, retry backoff, an outage's
// notices, a model warming up, a canary's interval, a deletion) reads now() and sleeps here. On a
// runner it is the machine's time. A test puts the emulator's held clock in its place (useClock), so
// that a step's waits pass in the emulator's time, in its order, without waiting for the wall clock.

const WALL_CLOCK = {
    now: () => Date.now(),
    sleep: (ms, signal) => (0,promises_namespaceObject.setTimeout)(ms, undefined, { signal }),
};
let current = WALL_CLOCK;
function clock_now() {
    return current.now();
}
function clock_sleep(ms, signal) {
    return current.sleep(ms, signal);
}
/** For tests: wait by `clock` from now on; without one, by the wall clock again. */
function useClock(clock = WALL_CLOCK) {
    current = clock;
}

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
function thrown_messageOf(error) {
    return asError(error).message;
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/shared/odahu/secrets.ts
// The values that must never be shown: every one is masked in the runner's log (core.setSecret) the
// moment it is read, and scrubbed from the messages of our own errors, which may quote server texts,
// and from what goes to markdown (a pull request comment, which no runner masks). A secret travels in
// other spellings too (a form body, a JSON body, base64): each is masked and scrubbed as well.


const secrets = new Set();
/** Shorter values would garble every message they occur in; the runner's mask still hides them. */
const MIN_REDACTED_LENGTH = 6;
/** A spelling shorter than this is not worth a mask of its own: it would garble unrelated text. */
const MIN_SPELLING_LENGTH = 8;
/**
 * The spellings a secret travels in besides itself: URI encoding (Airflow URIs, query strings), form
 * encoding (the token request's body: `+` for a space, `!()*` encoded), JSON string escaping (request
 * bodies, a server quoting one), and base64 (connection secrets; inside a longer base64 text, as in
 * `base64(user:secret)`, the secret is encoded from one of three byte alignments, each masked where
 * it is stable: whole groups of three bytes).
 */
function secretSpellings(value) {
    const spellings = [
        encodeURIComponent(value),
        new URLSearchParams({ v: value }).toString().slice(2),
        JSON.stringify(value).slice(1, -1),
    ];
    const bytes = Buffer.from(value, 'utf8');
    spellings.push(bytes.toString('base64'));
    for (const shift of [0, 1, 2]) {
        const aligned = bytes.subarray(shift);
        spellings.push(aligned.subarray(0, aligned.length - (aligned.length % 3)).toString('base64'));
    }
    return [...new Set(spellings)].filter((s) => s !== value && s.length >= MIN_SPELLING_LENGTH);
}
/** Masks a secret (and its spellings) in the job log and remembers them for `redact`. Empty values are not secrets. */
function secrets_markSecret(value) {
    if (!value || secrets.has(value))
        return;
    for (const spelling of [value, ...secretSpellings(value)]) {
        if (secrets.has(spelling))
            continue;
        secrets.add(spelling);
        setSecret(spelling);
    }
}
/** For tests that run steps in one process: a step starts knowing no secret, as a fresh process does. */
function forgetSecrets() {
    secrets.clear();
}
/** The text with every known secret replaced by `***`, as the runner shows masked values. */
function redact(text) {
    let result = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret.length < MIN_REDACTED_LENGTH)
            break;
        result = result.split(secret).join('***');
    }
    return result;
}
/**
 * A secret that may span lines (a key file, a JSON key): the whole, and each line long enough to be
 * worth hiding, because the runner masks a registered value only where it appears whole.
 */
function markSecretText(value) {
    if (!value)
        return;
    secrets_markSecret(value);
    for (const line of value.split(/\r?\n/))
        if (line.trim().length >= 8)
            secrets_markSecret(line.trim());
}
function isBase64(value) {
    return /^[A-Za-z0-9+/]*={0,2}$/.test(value) && value.length % 4 === 0;
}
/**
 * The key material written in a connection manifest, which the API takes base64-encoded: each value
 * masked as written and decoded, and one line for each that is not base64.
 */
function maskConnectionSecrets(spec, remedy = 'encode it, or give it through the matching input, which encodes it') {
    const problems = [];
    for (const field of CONNECTION_SECRET_FIELDS) {
        const value = spec[field];
        if (!value)
            continue;
        markSecretText(value);
        markSecretText(Buffer.from(value, 'base64').toString('utf8'));
        if (!isBase64(value)) {
            problems.push(`spec.${field} in the manifest is not base64: the API takes it base64-encoded; ${remedy}`);
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/shared/odahu/untrusted-text.ts
// Text the actions do not control (pod logs, model answers, the server's messages, ids and URLs read
// from a cluster, manifests, GitHub's answers) on its way to the job log or to markdown. It is data:
// here it becomes log text the runner cannot take for a workflow command, or markdown that cannot end
// a table, mention anyone, link, show an image or start a heading.
//
// What GitHub's runner takes for a command (actions/runner, ActionCommand.TryParseV2 and TryParse): a
// line that starts with `::` once .NET's TrimStart has removed white space (its white space is not
// JavaScript's: it has U+0085, not U+FEFF), and a line holding `##[` anywhere. It compares with .NET's
// culture-sensitive StartsWith and IndexOf, which on Linux (ICU) may skip characters that have no
// weight in collation (controls, zero-width and other format characters), so a zero-width space is no
// defence: a line is judged as if those were not there, and a dangerous one shows them as escapes.



/** .NET's Char.IsWhiteSpace (TrimStart's set): JavaScript's \s without U+FEFF, and U+0085. */
const DOTNET_SPACE = '\\s\\u0085';
/** Controls that are white space: they have a weight in collation, and TrimStart sees them. */
const SPACE_CONTROLS = '\t\n\v\f\r\u0085';
/** Characters a culture-sensitive comparison may skip: other controls, format characters, default ignorables. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const COMMAND_START = new RegExp(`^[${DOTNET_SPACE}]*::`, 'u');
/** The runner reads a step's output line by line, ending lines at \n, \r\n and a lone \r alike. */
const LINE_BREAK = /\r\n|\r|\n/;
/** Whether the runner could take the line for a workflow command, whatever it may skip. */
function couldBeCommand(line) {
    const skeleton = line.replace(INVISIBLE, (char) => (SPACE_CONTROLS.includes(char) ? char : ''));
    return COMMAND_START.test(skeleton) || skeleton.includes('##[');
}
/** An invisible character shown as an escape: `\x1b`, `\u200b`, `\u{e0001}`. */
function escapeInvisible(char) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x100)
        return `\\x${code.toString(16).padStart(2, '0')}`;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/**
 * One line (no line breaks in it) as the runner must see it: unchanged when it cannot be a command;
 * else its invisible characters shown as escapes, a `\` between the `#`s of every `##[`, and a `\`
 * first when it would start with `::`.
 */
function inertLine(line) {
    if (!couldBeCommand(line))
        return line;
    const visible = line
        .replace(INVISIBLE, (char) => (SPACE_CONTROLS.includes(char) ? char : escapeInvisible(char)))
        .replace(/#(?=#\[)/g, '#\\');
    return COMMAND_START.test(visible) ? `\\${visible}` : visible;
}
/**
 * Untrusted text as one line of log text: known secrets hidden, line breaks shown as `\n` and `\r`,
 * and made inert. For a value inside a line of ours, or a line that is all outside text.
 */
function untrusted_text_logText(text) {
    const flat = redact(text).replace(/\r\n|\r|\n/g, (br) => br === '\n' ? '\\n' : br === '\r' ? '\\r' : '\\r\\n');
    return inertLine(flat);
}
/** Untrusted text of several lines, each made inert (known secrets hidden). */
function logLines(text) {
    return redact(text).split(LINE_BREAK).map(inertLine);
}
/**
 * Prints a block of untrusted lines in the job log between `::stop-commands::<token>` and `::<token>::`,
 * the runner's own way to print text it must not obey, with a token nobody can guess; each line is
 * made inert too, for a runner that would not honour the pair. Only for a block printed at once:
 * while it is open, the runner ignores this step's own commands too (a mask added meanwhile).
 */
function printUntrusted(lines, print = core_info) {
    const shown = typeof lines === 'string' ? logLines(lines) : lines.flatMap(logLines);
    const token = `odahu-${(0,external_node_crypto_namespaceObject.randomBytes)(16).toString('hex')}`;
    print(`::stop-commands::${token}`);
    for (const line of shown)
        print(line);
    print(`::${token}::`);
}
// ---------------------------------------------------------------------------------------------
// Markdown (job summaries, pull request comments)
/** Longest untrusted value a summary or report shows; the job log has it whole. */
const MAX_MARKDOWN_VALUE = 300;
/** Line breaks, controls and format characters (bidi overrides among them): one space. */
const NOT_ONE_LINE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;
/** What markdown or HTML could read as syntax; each becomes a numeric character reference. */
const MARKDOWN_SYNTAX = /[&<>"'`*_[\]()!#|~\\@]/g;
/** After @ and #, a word joiner: GitHub links `@name` and `#123` in text, references or not. */
const WORD_JOINER = '&#8288;';
/** `text` cut to `max` characters (whole code points), with `…` when something was left out. */
function cutText(text, max) {
    const chars = [...text];
    return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
/**
 * Untrusted text made one line and clipped: known secrets hidden, each run of white space, line
 * breaks, controls and format characters (bidi overrides among them) one space, trimmed, then cut
 * to `max` characters. The plain text a GitHub field takes (a deployment status's description),
 * and what markdownText escapes; log lines make it inert with logText.
 */
function oneLine(text, max) {
    return cutText(redact(text).replace(NOT_ONE_LINE, ' ').trim(), max);
}
/**
 * Untrusted text as markdown: one line, cut to `max` characters, every character markdown or HTML
 * could read as syntax written as a character reference, so it cannot end an HTML block or a table
 * (no line break), open a tag, link, show an image, start a heading, or mention a user or an issue.
 */
function markdownText(text, max = MAX_MARKDOWN_VALUE) {
    return oneLine(text, max).replace(MARKDOWN_SYNTAX, (char) => {
        const reference = `&#${char.charCodeAt(0)};`;
        return char === '@' || char === '#' ? `${reference}${WORD_JOINER}` : reference;
    });
}
/** Untrusted text as a `<code>` span (ids, states, values), or a lone space when empty. */
function markdownCode(text, max = MAX_MARKDOWN_VALUE) {
    const shown = markdownText(text, max);
    return shown === '' ? ' ' : `<code>${shown}</code>`;
}

;// CONCATENATED MODULE: ./src/shared/action/step.ts
// Runs an action's main function the way every odahu action behaves: one `core.setFailed` line on
// failure, and cancellation handled. GitHub's runner cancels a step with SIGINT, then SIGTERM 7.5 s
// later and a kill 2.5 s after that: the signal aborts the step's waits, and whatever the step undoes
// on its way out (cleanUpAfterCancel) must fit in that time.




/** How long after the cancel signal cleanup may still run: well inside the runner's 7.5 s. */
const CLEANUP_BUDGET_MS = 6000;
/** Thrown by waits and requests once the step's signal is aborted. */
class CancelledError extends Error {
    constructor(what = 'the step') {
        super(`${what} was cancelled`);
        this.name = 'CancelledError';
    }
}
async function runStep(body) {
    const controller = new AbortController();
    let cancelledBy;
    let cancelledAt;
    const ctx = {
        signal: controller.signal,
        get cancelledAt() {
            return cancelledAt;
        },
    };
    const cancel = (signal) => {
        if (cancelledBy) {
            // A second signal (the runner's SIGTERM): stop now, whatever cleanup is still running.
            setFailed(`Cancelled (${cancelledBy}, then ${signal}).`);
            process.exit(1);
        }
        cancelledBy = signal;
        cancelledAt = Date.now();
        core_info(`Received ${signal}: cancelling.`);
        controller.abort(new CancelledError());
    };
    process.on('SIGINT', cancel);
    process.on('SIGTERM', cancel);
    try {
        await body(ctx);
    }
    catch (error) {
        if (cancelledBy) {
            setFailed(`Cancelled (${cancelledBy}).`);
        }
        else {
            debug(error instanceof Error && error.stack ? error.stack : String(error));
            setFailed(thrown_messageOf(error));
        }
    }
    finally {
        process.off('SIGINT', cancel);
        process.off('SIGTERM', cancel);
    }
}
/**
 * A signal that aborts when a cancelled step's time is up: CLEANUP_BUDGET_MS after the cancel signal
 * came, well before the runner's SIGTERM. It never aborts while the step is not cancelled.
 */
function cancelWindow(ctx) {
    const closes = new AbortController();
    const arm = () => {
        const left = (ctx.cancelledAt ?? Date.now()) + CLEANUP_BUDGET_MS - Date.now();
        setTimeout(() => closes.abort(new CancelledError('what the step did after its cancel')), Math.max(0, left)).unref();
    };
    if (ctx.signal.aborted)
        arm();
    else
        ctx.signal.addEventListener('abort', arm, { once: true });
    return closes.signal;
}
/**
 * Undo what a cancelled step started, before the runner's SIGTERM: `work` gets a signal that aborts
 * at the deadline. A failure or an overrun is a warning (the step is failing anyway), never a hang.
 */
async function step_cleanUpAfterCancel(ctx, what, work) {
    // It may name what a cluster holds (a route's targets).
    core.info(logText(what));
    const signal = cancelWindow(ctx);
    try {
        await work(signal);
    }
    catch (error) {
        core.warning(signal.aborted
            ? `Cleanup after cancel did not finish before the runner's deadline: ${what}`
            : `Cleanup after cancel failed: ${messageOf(error)}`);
    }
}
/** Wait `ms`, or throw CancelledError as soon as the step is cancelled. */
async function step_pause(ms, signal, what) {
    try {
        await sleep(ms, signal);
    }
    catch {
        throw new CancelledError(what);
    }
}

;// CONCATENATED MODULE: ./src/shared/odahu/kinds.ts
// The resource kinds a manifest can hold and where each lives in the API. One table, read by the
// manifest loader (is this kind known?), the client (which path?) and the emulator (which routes?).
const kinds_KINDS = {
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
const kinds_KIND_NAMES = Object.keys(kinds_KINDS);
function kinds_isKindName(value) {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(kinds_KINDS, value);
}
/** The server's id rule (validation.ValidateID): 1–63 of a-z, 0-9 and -, a letter first, no - last. */
const ID_PATTERN = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Deployment ids are capped lower: their names grow inside Kubernetes. */
const MAX_DEPLOYMENT_ID_LENGTH = 46;
/** Batch service ids too: their jobs are named `job-<service id>-<5 characters>`. */
const MAX_SERVICE_ID_LENGTH = 53;
/** Why the server would refuse this id, in words a workflow author can act on; undefined if fine. */
function kinds_idProblem(kind, id) {
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
/**
 * Why an image reference would be refused: it is one word (`registry.example.com/wine:1.0`,
 * `...@sha256:...`), so white space or a control character in it is a mistake, or text from
 * somewhere it should not come from (a packaging's output) trying to be more than an image.
 */
function imageProblem(image) {
    if (!/[\s\p{Cc}\p{Cf}]/u.test(image))
        return undefined;
    const shown = JSON.stringify(image.length > 100 ? `${image.slice(0, 100)}…` : image);
    return `image ${shown} holds white space or control characters: an image is one word, e.g. registry.example.com/wine:1.0`;
}

;// CONCATENATED MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
/*! js-yaml 5.5.0 https://github.com/nodeca/js-yaml @license MIT */
//#region src/tag.ts
/**
* Returned by a scalar resolver when the source does not match its tag.
*
* @category Tags
*/
var NOT_RESOLVED = Symbol("NOT_RESOLVED");
/**
* Create a normalized scalar tag definition.
*
* @category Tags
*/
function defineScalarTag(tagName, options) {
	return {
		tagName,
		nodeKind: "scalar",
		implicit: options.implicit ?? false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		implicitFirstChars: options.implicitFirstChars ?? null,
		resolve: options.resolve,
		identify: options.identify,
		represent: options.represent ?? ((data) => String(data)),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized sequence tag definition.
*
* @category Tags
*/
function defineSequenceTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "sequence",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addItem: options.addItem,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
/**
* Create a normalized mapping tag definition.
*
* @category Tags
*/
function defineMappingTag(tagName, options) {
	const carrierIsResult = options.finalize === void 0;
	return {
		tagName,
		nodeKind: "mapping",
		implicit: false,
		matchByTagPrefix: options.matchByTagPrefix ?? false,
		create: options.create,
		addPair: options.addPair,
		has: options.has,
		keys: options.keys,
		get: options.get,
		finalize: options.finalize ?? ((carrier) => carrier),
		carrierIsResult,
		identify: options.identify,
		represent: options.represent ?? ((data) => data),
		representTagName: options.representTagName ?? (() => tagName)
	};
}
//#endregion
//#region src/tag/scalar/str.ts
/** @category Tags */
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
	resolve: (source) => source,
	identify: (data) => typeof data === "string"
});
//#endregion
//#region src/tag/scalar/null_core.ts
var NULL_VALUES$1 = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES$1.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_json.ts
/** @category Tags */
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: ["n"],
	resolve: (source, isExplicit) => {
		if (source === "null" || isExplicit && source === "") return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/null_yaml11.ts
var NULL_VALUES = [
	"",
	"~",
	"null",
	"Null",
	"NULL"
];
/** @category Tags */
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
	implicit: true,
	implicitFirstChars: [
		"",
		"~",
		"n",
		"N"
	],
	resolve: (source) => {
		if (NULL_VALUES.indexOf(source) !== -1) return null;
		return NOT_RESOLVED;
	},
	identify: (object) => object === null,
	represent: () => "null"
});
//#endregion
//#region src/tag/scalar/bool_core.ts
var TRUE_VALUES$2 = [
	"true",
	"True",
	"TRUE"
];
var FALSE_VALUES$2 = [
	"false",
	"False",
	"FALSE"
];
/** @category Tags */
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"t",
		"T",
		"f",
		"F"
	],
	resolve: (source) => {
		if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_json.ts
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
/** @category Tags */
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: ["t", "f"],
	resolve: (source) => {
		if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
		if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/bool_yaml11.ts
var TRUE_VALUES = [
	"true",
	"True",
	"TRUE",
	"y",
	"Y",
	"yes",
	"Yes",
	"YES",
	"on",
	"On",
	"ON"
];
var FALSE_VALUES = [
	"false",
	"False",
	"FALSE",
	"n",
	"N",
	"no",
	"No",
	"NO",
	"off",
	"Off",
	"OFF"
];
/** @category Tags */
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
	implicit: true,
	implicitFirstChars: [
		"y",
		"Y",
		"n",
		"N",
		"t",
		"T",
		"f",
		"F",
		"o",
		"O"
	],
	resolve: (source) => {
		if (TRUE_VALUES.indexOf(source) !== -1) return true;
		if (FALSE_VALUES.indexOf(source) !== -1) return false;
		return NOT_RESOLVED;
	},
	identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
	represent: (object) => object ? "true" : "false"
});
//#endregion
//#region src/tag/scalar/int_core.ts
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$2(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger$2,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_json.ts
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
	let value = source;
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	} else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger$1(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlInteger$1,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/int_yaml11.ts
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
	let value = source.replace(/_/g, "");
	let sign = 1;
	if (value[0] === "-" || value[0] === "+") {
		if (value[0] === "-") sign = -1;
		value = value.slice(1);
	}
	if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
	if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
	if (value.includes(":")) {
		let result = 0;
		for (const part of value.split(":")) result = result * 60 + Number(part);
		return sign * result;
	}
	if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
	return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
	if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
	const result = parseYamlInteger(source);
	return Number.isFinite(result) ? result : NOT_RESOLVED;
}
/** @category Tags */
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		..."0123456789"
	],
	resolve: resolveYamlInteger,
	identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
	represent: (object) => object.toString(10)
});
//#endregion
//#region src/tag/scalar/float_core.ts
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
	if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase();
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	const result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat$2,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$2
});
//#endregion
//#region src/tag/scalar/float_json.ts
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
	if (isExplicit) {
		if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
		let value = source.toLowerCase();
		const sign = value[0] === "-" ? -1 : 1;
		if ("+-".includes(value[0])) value = value.slice(1);
		if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
		if (value === ".nan") return NaN;
		const result = sign * parseFloat(value);
		return Number.isFinite(result) ? result : NOT_RESOLVED;
	}
	if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
	const result = Number(source);
	if (Number.isFinite(result)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: ["-", ..."0123456789"],
	resolve: resolveYamlFloat$1,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat$1
});
//#endregion
//#region src/tag/scalar/float_yaml11.ts
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
	if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
	let value = source.toLowerCase().replace(/_/g, "");
	const sign = value[0] === "-" ? -1 : 1;
	if ("+-".includes(value[0])) value = value.slice(1);
	if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
	if (value === ".nan") return NaN;
	let result = 0;
	if (value.includes(":")) {
		for (const part of value.split(":")) result = result * 60 + Number(part);
		result *= sign;
	} else result = sign * parseFloat(value);
	if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
	return NOT_RESOLVED;
}
function representYamlFloat(object) {
	if (isNaN(object)) return ".nan";
	if (object === Number.POSITIVE_INFINITY) return ".inf";
	if (object === Number.NEGATIVE_INFINITY) return "-.inf";
	if (Object.is(object, -0)) return "-0.0";
	const result = object.toString(10);
	return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
/** @category Tags */
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
	implicit: true,
	implicitFirstChars: [
		"-",
		"+",
		".",
		..."0123456789"
	],
	resolve: resolveYamlFloat,
	identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
	represent: representYamlFloat
});
//#endregion
//#region src/tag/scalar/merge.ts
/**
* Enables merge keys in {@link CORE_SCHEMA} when added with
* {@link Schema.withTags}.
*
* @category Tags
*/
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
	implicit: true,
	implicitFirstChars: ["<"],
	resolve: (source, isExplicit) => {
		if (source === "<<" || isExplicit && source === "") return "<<";
		return NOT_RESOLVED;
	},
	identify: () => false
});
//#endregion
//#region src/tag/scalar/binary.ts
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
	const input = source.replace(/\s/g, "");
	if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
	const binary = atob(input);
	const result = new Uint8Array(binary.length);
	for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
	return result;
}
function representYamlBinary(object) {
	let binary = "";
	for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
	return btoa(binary);
}
/**
* The `!!binary` tag, represented as a `Uint8Array`.
*
* @category Tags
*/
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
	resolve: resolveYamlBinary,
	identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
	represent: representYamlBinary
});
//#endregion
//#region src/tag/scalar/timestamp.ts
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
	const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
	date.setUTCFullYear(year, month, day);
	return date;
}
function resolveYamlTimestamp(source) {
	let match = YAML_DATE_REGEXP.exec(source);
	if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(source);
	if (match === null) return NOT_RESOLVED;
	const year = +match[1];
	const month = +match[2] - 1;
	const day = +match[3];
	if (!match[4]) {
		const date = makeUtcDate(year, month, day);
		if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
		return date;
	}
	const hour = +match[4];
	const minute = +match[5];
	const second = +match[6];
	let fraction = 0;
	if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
	if (match[7]) {
		let value = match[7].slice(0, 3);
		while (value.length < 3) value += "0";
		fraction = +value;
	}
	const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
	if (match[9]) {
		const offsetHour = +match[10];
		const offsetMinute = +(match[11] || 0);
		if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
		const offset = (offsetHour * 60 + offsetMinute) * 6e4;
		date.setTime(date.getTime() - (match[9] === "-" ? -offset : offset));
	}
	return date;
}
/**
* The YAML 1.1 `!!timestamp` tag, represented as a JavaScript `Date`.
*
* @category Tags
*/
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
	implicit: true,
	implicitFirstChars: [..."0123456789"],
	resolve: resolveYamlTimestamp,
	identify: (object) => object instanceof Date,
	represent: (object) => object.toISOString()
});
//#endregion
//#region src/tag/sequence/seq.ts
/** @category Tags */
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
	create: () => [],
	addItem: (container, item) => {
		container.push(item);
	},
	identify: Array.isArray
});
//#endregion
//#region src/common/object.ts
function isPlainObject(data) {
	if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
	const prototype = Object.getPrototypeOf(data);
	return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
	const result = {};
	for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
	return result;
}
//#endregion
//#region src/tag/sequence/omap.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!omap
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   { one: 1 },
*   { two: 2 }
* ]
* ```
*
* @category Tags
*/
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
	create: () => ({
		list: [],
		seen: /* @__PURE__ */ new Set()
	}),
	addItem: (carrier, item) => {
		let key;
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve an ordered map item";
			key = item.keys().next().value;
		} else if (isPlainObject(item)) {
			const itemKeys = Object.keys(item);
			if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
			key = itemKeys[0];
		} else return "cannot resolve an ordered map item";
		if (carrier.seen.has(key)) return "duplicate key in ordered map";
		carrier.seen.add(key);
		carrier.list.push(item);
		return "";
	},
	finalize: (carrier) => carrier.list,
	identify: () => false
});
//#endregion
//#region src/tag/sequence/pairs.ts
/**
* Provided only for YAML 1.1 compatibility and supported by the loader only.
* JavaScript has no dedicated class to represent this type, so it cannot be
* identified and dumped.
*
* ```yaml
* !!pairs
*   - one: 1
*   - two: 2
* ```
*
* is loaded as
*
* ```javascript
* [
*   ['one', 1],
*   ['two', 2]
* ]
* ```
*
* @category Tags
*/
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
	create: () => [],
	addItem: (container, item) => {
		if (item instanceof Map) {
			if (item.size !== 1) return "cannot resolve a pairs item";
			container.push(item.entries().next().value);
			return "";
		}
		if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
		const object = item;
		const keys = Object.keys(object);
		if (keys.length !== 1) return "cannot resolve a pairs item";
		container.push([keys[0], object[keys[0]]]);
		return "";
	},
	identify: () => false
});
//#endregion
//#region src/tag/mapping/map.ts
/**
* This is the default mapping implementation. It uses `{}` objects and has only
* partial functionality due to language limitations. This choice was made
* because users expect to get JavaScript objects, and it was left unchanged to
* avoid too many breaking changes in the v5 release.
*
* Side effects:
*
* - `Object.hasOwn()` checks or `for...of` loops are required for safe use (to
*   avoid falling through to prototypes).
* - Only scalar string keys are supported properly.
* - Other scalar keys, such as `null` and numbers, are converted to strings.
*   This is historical behaviour, and it can cause side effects such as
*   problems with `!!merge`.
*
* Note that non-string scalar keys may be deprecated in future versions.
*
* Ideally, use {@link realMapTag} instead.
*
* @category Tags
*/
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
		const normalizedKey = String(key);
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		if (key !== null && typeof key === "object") return false;
		return Object.prototype.hasOwnProperty.call(container, String(key));
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/tag/mapping/set.ts
/**
* The YAML 1.1 `!!set` tag, represented as a JavaScript `Set`.
*
* @category Tags
*/
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
	create: () => /* @__PURE__ */ new Set(),
	identify: (data) => data instanceof Set,
	represent: (data) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of data) map.set(key, null);
		return map;
	},
	addPair: (container, key, value) => {
		if (value !== null) return "cannot resolve a set item";
		container.add(key);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: () => null
});
//#endregion
//#region src/schema.ts
function createTagDefinitionMap() {
	return {
		scalar: Object.create(null),
		sequence: Object.create(null),
		mapping: Object.create(null)
	};
}
function createTagDefinitionListMap() {
	return {
		scalar: [],
		sequence: [],
		mapping: []
	};
}
function compileTags(tags) {
	const result = [];
	for (const tag of tags) {
		let index = result.length;
		for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
			const previous = result[previousIndex];
			if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
				index = previousIndex;
				break;
			}
		}
		result[index] = tag;
	}
	return result;
}
/**
* Controls tag resolution when loading and type selection when dumping.
*
* @category Schemas
*/
var Schema = class Schema {
	tags;
	/** @internal */
	implicitScalarTags;
	/**
	* Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
	* the resolvers that may match that key, in schema order; a key absent from
	* the map uses
	* {@link Schema.implicitScalarAnyFirstChar}
	* (resolvers that declared no first-char constraint, so they apply to any
	* first character).
	*/
	implicitScalarByFirstChar;
	implicitScalarAnyFirstChar;
	/**
	* The default scalar tag (`!!str`), resolved once so the composer's fallback
	* for unresolved plain scalars avoids a keyed lookup per scalar.
	*
	* @internal
	*/
	defaultScalarTag;
	/**
	* The default container tags (`!!seq` / `!!map`), used by the dumper: when a
	* value is identified by its default tag, the tag is implicit and not
	* printed. Undefined if the schema does not define them (then such values
	* can't be dumped).
	*
	* @internal
	*/
	defaultSequenceTag;
	/** @internal */
	defaultMappingTag;
	exact;
	prefix;
	constructor(tags) {
		const compiledTags = compileTags(tags);
		const implicitScalarTags = [];
		const exact = createTagDefinitionMap();
		const prefix = createTagDefinitionListMap();
		for (const tag of compiledTags) {
			if (tag.nodeKind === "scalar" && tag.implicit) {
				if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
				implicitScalarTags.push(tag);
			}
			switch (tag.nodeKind) {
				case "scalar":
					if (tag.matchByTagPrefix) prefix.scalar.push(tag);
					else exact.scalar[tag.tagName] = tag;
					break;
				case "sequence":
					if (tag.matchByTagPrefix) prefix.sequence.push(tag);
					else exact.sequence[tag.tagName] = tag;
					break;
				case "mapping": if (tag.matchByTagPrefix) prefix.mapping.push(tag);
				else exact.mapping[tag.tagName] = tag;
			}
		}
		const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
		const keys = /* @__PURE__ */ new Set();
		for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
		const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
		for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
		const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
		if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
		this.tags = compiledTags;
		this.implicitScalarTags = implicitScalarTags;
		this.implicitScalarByFirstChar = implicitScalarByFirstChar;
		this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
		this.defaultScalarTag = defaultScalarTag;
		this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
		this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
		this.exact = exact;
		this.prefix = prefix;
	}
	/** @internal */
	lookupScalarTag(tagName) {
		const exactTag = this.exact.scalar[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupSequenceTag(tagName) {
		const exactTag = this.exact.sequence[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	lookupMappingTag(tagName) {
		const exactTag = this.exact.mapping[tagName];
		if (exactTag) return exactTag;
		for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
	}
	/** @internal */
	resolveImplicitScalarTag(source) {
		const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
		for (const tag of candidates) {
			const value = tag.resolve(source, false, tag.tagName);
			if (value !== NOT_RESOLVED) return {
				value,
				tag
			};
		}
		const tag = this.defaultScalarTag;
		return {
			value: tag.resolve(source, false, tag.tagName),
			tag
		};
	}
	/**
	* Creates a new schema with the specified tags added. If a tag already
	* exists, it is replaced by the specified tag.
	*
	* @example
	*
	* ```javascript
	* import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
	*
	* const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
	* ```
	*/
	withTags(...tags) {
		let flatTags = [];
		for (const tag of tags) flatTags = flatTags.concat(tag);
		return new Schema([...this.tags, ...flatTags]);
	}
};
/**
* The YAML 1.2 Failsafe Schema: strings, sequences, and mappings.
*
* @category Schemas
*/
var js_yaml_FAILSAFE_SCHEMA = new Schema([
	strTag,
	seqTag,
	mapTag
]);
/**
* The YAML 1.2 JSON Schema. It uses JSON scalar forms while retaining YAML
* collection syntax.
*
* @category Schemas
*/
var JSON_SCHEMA = new Schema([
	...js_yaml_FAILSAFE_SCHEMA.tags,
	nullJsonTag,
	boolJsonTag,
	intJsonTag,
	floatJsonTag
]);
/**
* The default schema for the loaders. Note, {@link CORE_SCHEMA} comes
* without the `!!merge` tag. You can easily enable it if needed.
*
* @example
* Enable {@link mergeTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Schemas
*/
var CORE_SCHEMA = new Schema([
	...js_yaml_FAILSAFE_SCHEMA.tags,
	nullCoreTag,
	boolCoreTag,
	intCoreTag,
	floatCoreTag
]);
/**
* YAML 1.1-compatible schema.
*
* @category Schemas
*/
var YAML11_SCHEMA = new Schema([
	...js_yaml_FAILSAFE_SCHEMA.tags,
	nullYaml11Tag,
	boolYaml11Tag,
	intYaml11Tag,
	floatYaml11Tag,
	timestampTag,
	mergeTag,
	binaryTag,
	omapTag,
	pairsTag,
	setTag
]);
/**
* The dumper schema for maximum compatibility. It combines all supported type
* variants from YAML 1.1 and YAML 1.2 so strings matching any of them are
* quoted. This makes the generated YAML more compatible with other parsers.
*
* The schema is based on YAML 1.1, but extends `!!int` and `!!float` to accept
* both YAML 1.1 and Core Schema forms, since Core Schema supports some forms
* that YAML 1.1 does not.
*
* @category Schemas
*/
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
	...intYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = intYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
	}
}, {
	...floatYaml11Tag,
	resolve: (source, isExplicit, tagName) => {
		const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
		return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
	}
});
//#endregion
//#region src/tag/mapping/real_map.ts
/**
* Recommended when non-string keys are actually needed. It uses native
* JavaScript `Map` objects, so keys keep their constructed types instead of
* being converted to strings.
*
* It is not the default to avoid widespread breaking changes in existing
* projects. `Map` has a different access API and does not pass deep equality
* checks against `{}`-based fixtures. Alongside the other changes in v5,
* making it the default was considered too disruptive.
*
* If these differences are acceptable for your project, we recommend using
* {@link realMapTag} to guarantee the absence of problems and side effects.
*
* @example
* Enable {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Tags
*/
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => /* @__PURE__ */ new Map(),
	addPair: (container, key, value) => {
		container.set(key, value);
		return "";
	},
	has: (container, key) => container.has(key),
	keys: (container) => container.keys(),
	get: (container, key) => container.get(key),
	identify: (data) => data instanceof Map || isPlainObject(data),
	represent: (data) => {
		if (data instanceof Map) return data;
		const map = /* @__PURE__ */ new Map();
		const obj = data;
		for (const key of Object.keys(obj)) map.set(key, obj[key]);
		return map;
	}
});
//#endregion
//#region src/tag/mapping/legacy_map.ts
function normalizeKey(key) {
	if (Array.isArray(key)) {
		const array = Array.prototype.slice.call(key);
		for (let index = 0; index < array.length; index++) {
			if (Array.isArray(array[index])) return null;
			if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
		}
		return String(array);
	}
	if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
	return String(key);
}
/**
* This implementation exists solely to reproduce v4 behavior exactly. Its use
* is strongly discouraged. If complex or non-string keys are needed, use
* {@link realMapTag} instead.
*
* @category Tags
*/
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
	create: () => ({}),
	identify: isPlainObject,
	represent: (o) => {
		const map = /* @__PURE__ */ new Map();
		for (const key of Object.keys(o)) map.set(key, o[key]);
		return map;
	},
	addPair: (container, key, value) => {
		const normalizedKey = normalizeKey(key);
		if (normalizedKey === null) return "nested arrays are not supported inside keys";
		if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
			value,
			enumerable: true,
			configurable: true,
			writable: true
		});
		else container[normalizedKey] = value;
		return "";
	},
	has: (container, key) => {
		const normalizedKey = normalizeKey(key);
		return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
	},
	keys: (container) => Object.keys(container),
	get: (container, key) => {
		const normalizedKey = String(key);
		if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
		return container[normalizedKey];
	}
});
//#endregion
//#region src/common/snippet.ts
var DEFAULT_SNIPPET_OPTIONS = {
	maxLength: 79,
	indent: 1,
	linesBefore: 3,
	linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
	let head = "";
	let tail = "";
	const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
	if (position - lineStart > maxHalfLength) {
		head = " ... ";
		lineStart = position - maxHalfLength + head.length;
	}
	if (lineEnd - position > maxHalfLength) {
		tail = " ...";
		lineEnd = position + maxHalfLength - tail.length;
	}
	return {
		str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "→") + tail,
		pos: position - lineStart + head.length
	};
}
function padStart(string, max) {
	return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
	if (!mark.buffer) return null;
	const opts = {
		...DEFAULT_SNIPPET_OPTIONS,
		...options
	};
	const re = /\r?\n|\r|\0/g;
	const lineStarts = [0];
	const lineEnds = [];
	let match;
	let foundLineNo = -1;
	while (match = re.exec(mark.buffer)) {
		lineEnds.push(match.index);
		lineStarts.push(match.index + match[0].length);
		if (mark.position <= match.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
	}
	if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
	let result = "";
	const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
	const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
	for (let i = 1; i <= opts.linesBefore; i++) {
		if (foundLineNo - i < 0) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
		result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line.str}\n${result}`;
	}
	const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
	result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}\n`;
	result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^\n`;
	for (let i = 1; i <= opts.linesAfter; i++) {
		if (foundLineNo + i >= lineEnds.length) break;
		const line = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
		result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line.str}\n`;
	}
	return result.replace(/\n$/, "");
}
//#endregion
//#region src/common/exception.ts
function formatError(exception, compact) {
	let where = "";
	if (!exception.mark) return exception.reason;
	if (exception.mark.name) where += `in "${exception.mark.name}" `;
	where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
	if (!compact && exception.mark.snippet) where += `\n\n${exception.mark.snippet}`;
	return `${exception.reason} ${where}`;
}
/**
* A YAML error. Unlike an ordinary `Error`, it adds a source snippet showing
* the location of the problem to the error message, when available.
*
* @category Main
*/
var js_yaml_YAMLException = class YAMLException extends Error {
	reason;
	mark;
	/**
	* Optional `mark` contains source snippet data. Usually, use
	* {@link YAMLException.throwAt} instead of passing it directly.
	*/
	constructor(reason, mark) {
		super();
		this.name = "YAMLException";
		this.reason = reason;
		this.mark = mark;
		this.message = formatError(this, false);
		if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
	}
	/**
	* Returns the formatted error, omitting the source snippet in compact mode.
	*/
	toString(compact) {
		return `${this.name}: ${formatError(this, compact)}`;
	}
	/**
	* Builds a YAMLException with a source snippet and throws it. `source` is
	* the raw input text; `position` is an offset into it.
	*/
	static throwAt(source, position, message, filename = "") {
		let line = 0;
		let lineStart = 0;
		for (let index = 0; index < position; index++) {
			const ch = source.charCodeAt(index);
			if (ch === 10) {
				line++;
				lineStart = index + 1;
			} else if (ch === 13) {
				line++;
				if (source.charCodeAt(index + 1) === 10) index++;
				lineStart = index + 1;
			}
		}
		const mark = {
			name: filename,
			buffer: source,
			position,
			line,
			column: position - lineStart
		};
		mark.snippet = makeSnippet(mark);
		throw new YAMLException(message, mark);
	}
};
//#endregion
//#region src/parser/events.ts
/** @category Events */
var js_yaml_EVENT_ID = {
	DOCUMENT: 1,
	SEQUENCE: 2,
	MAPPING: 3,
	SCALAR: 4,
	ALIAS: 5,
	POP: 6
};
/** @category Nodes */
var js_yaml_SCALAR_STYLE = {
	PLAIN: 1,
	SINGLE_QUOTED: 2,
	DOUBLE_QUOTED: 3,
	LITERAL_BLOCK: 4,
	FOLDED_BLOCK: 5
};
/** @category Nodes */
var COLLECTION_STYLE = {
	BLOCK: 1,
	FLOW: 2
};
/** @category Nodes */
var CHOMPING_MODE = {
	CLIP: 1,
	STRIP: 2,
	KEEP: 3
};
//#endregion
//#region src/parser/parser_scalar.ts
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
	switch (c) {
		case 48: return "\0";
		case 97: return "\x07";
		case 98: return "\b";
		case 116: return "	";
		case 9: return "	";
		case 110: return "\n";
		case 118: return "\v";
		case 102: return "\f";
		case 114: return "\r";
		case 101: return "\x1B";
		case 32: return " ";
		case 34: return "\"";
		case 47: return "/";
		case 92: return "\\";
		case 78: return "";
		case 95: return "\xA0";
		case 76: return "\u2028";
		case 80: return "\u2029";
		default: return "";
	}
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
	simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
	simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
	if (c <= 65535) return String.fromCharCode(c);
	return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
	if (c >= 48 && c <= 57) return c - 48;
	return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	return 8;
}
function skipFoldedBreaks(input, position, end) {
	let breaks = 0;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10) {
			breaks++;
			position++;
		} else if (ch === 13) {
			breaks++;
			position++;
			if (input.charCodeAt(position) === 10) position++;
		} else if (ch === 32 || ch === 9) position++;
		else break;
	}
	return {
		position,
		breaks
	};
}
function foldedBreaks(count) {
	if (count === 1) return " ";
	return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 39) {
			result += input.slice(captureStart, position) + "'";
			position += 2;
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
	let result = "";
	let position = start;
	let captureStart = start;
	let captureEnd = start;
	while (position < end) {
		const ch = input.charCodeAt(position);
		if (ch === 92) {
			result += input.slice(captureStart, position);
			position++;
			const escaped = input.charCodeAt(position);
			if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
			else if (escaped < 256 && simpleEscapeCheck[escaped]) {
				result += simpleEscapeMap[escaped];
				position++;
			} else {
				let hexLength = escapedHexLen$1(escaped);
				let hexResult = 0;
				for (; hexLength > 0; hexLength--) {
					position++;
					const digit = fromHexCode$1(input.charCodeAt(position));
					hexResult = (hexResult << 4) + digit;
				}
				result += charFromCodepoint(hexResult);
				position++;
			}
			captureStart = captureEnd = position;
		} else if (ch === 10 || ch === 13) {
			result += input.slice(captureStart, captureEnd);
			const fold = skipFoldedBreaks(input, position, end);
			result += foldedBreaks(fold.breaks);
			position = captureStart = captureEnd = fold.position;
		} else {
			position++;
			if (ch !== 32 && ch !== 9) captureEnd = position;
		}
	}
	return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent, chomping, folded) {
	const textIndent = indent < 0 ? 0 : indent;
	const region = input.slice(start, end).replace(/\r\n?/g, "\n");
	const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
	let result = "";
	let didReadContent = false;
	let emptyLines = 0;
	let atMoreIndented = false;
	for (const line of lines) {
		let column = 0;
		while (column < textIndent && line.charCodeAt(column) === 32) column++;
		if (indent < 0 || column >= line.length) {
			emptyLines++;
			continue;
		}
		const content = line.slice(textIndent);
		const first = content.charCodeAt(0);
		if (folded) {
			if (first === 32 || first === 9) {
				atMoreIndented = true;
				result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
			} else if (atMoreIndented) {
				atMoreIndented = false;
				result += "\n".repeat(emptyLines + 1);
			} else if (emptyLines === 0) {
				if (didReadContent) result += " ";
			} else result += "\n".repeat(emptyLines);
		} else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
		result += content;
		didReadContent = true;
		emptyLines = 0;
	}
	if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
	else if (chomping !== CHOMPING_MODE.STRIP) {
		if (didReadContent) result += "\n";
	}
	return result;
}
/**
* Decodes the scalar referenced by event offsets in `input`.
*
* @category Events
*/
function getScalarValue(input, scalar) {
	if (scalar.valueStart === NO_RANGE$3) return "";
	const { valueStart, valueEnd } = scalar;
	if (scalar.fast) return input.slice(valueStart, valueEnd);
	switch (scalar.style) {
		case js_yaml_SCALAR_STYLE.SINGLE_QUOTED: return getSingleQuotedValue(input, valueStart, valueEnd);
		case js_yaml_SCALAR_STYLE.DOUBLE_QUOTED: return getDoubleQuotedValue(input, valueStart, valueEnd);
		case js_yaml_SCALAR_STYLE.LITERAL_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
		case js_yaml_SCALAR_STYLE.FOLDED_BLOCK: return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
		default: return getPlainValue(input, valueStart, valueEnd);
	}
}
//#endregion
//#region src/common/tagname.ts
var DEFAULT_TAG_HANDLERS = Object.assign(Object.create(null), {
	"!": "!",
	"!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
var HEX = "0123456789ABCDEF";
function percentByte(byte) {
	return "%" + HEX[byte >> 4] + HEX[byte & 15];
}
function tagPercentEncode(source, isSuffix) {
	const allowed = isSuffix ? TAG_SUFFIX_CHARS : TAG_URI_CHARS;
	let result = "";
	for (let index = 0; index < source.length; index++) {
		let ch = source.charCodeAt(index);
		if (ch >= 48 && ch <= 57 || ch >= 65 && ch <= 90 || ch >= 97 && ch <= 122 || allowed.includes(source[index])) {
			result += source[index];
			continue;
		}
		if (ch >= 55296 && ch <= 56319) ch = 65536 + ((ch & 1023) << 10) + (source.charCodeAt(++index) & 1023);
		if (ch < 128) result += percentByte(ch);
		else if (ch < 2048) result += percentByte(192 | ch >> 6) + percentByte(128 | ch & 63);
		else if (ch < 65536) result += percentByte(224 | ch >> 12) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
		else result += percentByte(240 | ch >> 18) + percentByte(128 | ch >> 12 & 63) + percentByte(128 | ch >> 6 & 63) + percentByte(128 | ch & 63);
	}
	return result;
}
function tagPercentDecode(source) {
	let result = "";
	let index = 0;
	while (index < source.length) {
		if (source.charCodeAt(index) !== 37) {
			result += source[index++];
			continue;
		}
		let ch = parseInt(source.slice(index + 1, index + 3), 16);
		index += 3;
		if (ch >= 192) {
			let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
			ch &= (1 << 6 - remaining) - 1;
			while (remaining-- > 0) {
				ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
				index += 3;
			}
		}
		if (ch < 65536) result += String.fromCharCode(ch);
		else {
			ch -= 65536;
			result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
		}
	}
	return result;
}
function tagNameFull(rawTag, tagHandlers) {
	if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
	const handleEnd = rawTag.indexOf("!", 1);
	const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
	return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
function tagNameShort(fullTag) {
	let tag = fullTag;
	if (tag.charCodeAt(0) === 33) {
		tag = tag.slice(1);
		return `!${tagPercentEncode(tag, true)}`;
	}
	if (tag.slice(0, 18) === "tag:yaml.org,2002:") return `!!${tagPercentEncode(tag.slice(18), true)}`;
	return `!<${tagPercentEncode(tag, false)}>`;
}
//#endregion
//#region src/parser/constructor.ts
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
	filename: "",
	schema: CORE_SCHEMA,
	json: false,
	maxTotalMergeKeys: 1e4,
	maxAliases: -1
};
function eventPosition$1(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function throwError$1(state, message) {
	js_yaml_YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
	try {
		return tag.finalize(carrier);
	} catch (error) {
		if (error instanceof js_yaml_YAMLException) throw error;
		js_yaml_YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
	}
}
function constructScalar(state, event) {
	const source = getScalarValue(state.source, event);
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	const strTag = state.schema.defaultScalarTag;
	if (rawTag !== "") {
		if (rawTag === "!") return {
			value: source,
			tag: strTag
		};
		const tagName = tagNameFull(rawTag, state.tagHandlers);
		const scalarTag = state.schema.lookupScalarTag(tagName);
		if (scalarTag) {
			const result = scalarTag.resolve(source, true, tagName);
			if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			return {
				value: result,
				tag: scalarTag
			};
		}
		const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
		if (collectionTagDef) {
			if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
			const carrier = collectionTagDef.create(tagName);
			return {
				value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
				tag: collectionTagDef
			};
		}
		throwError$1(state, `unknown scalar tag !<${tagName}>`);
	}
	if (event.style === js_yaml_SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
	return {
		value: strTag.resolve(source, false, strTag.tagName),
		tag: strTag
	};
}
function collectionTagName(state, event, defaultTagName) {
	const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
	return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
	return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
	state.totalMergeKeys++;
	if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
	chargeMergeWork(state);
	for (const sourceKey of sourceTag.keys(source)) {
		chargeMergeWork(state);
		if (frame.tag.has(frame.value, sourceKey)) continue;
		const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
		if (err) throwError$1(state, err);
		frame.overridable ??= /* @__PURE__ */ new Set();
		frame.overridable.add(sourceKey);
	}
}
function mergeSource(state, frame, source, sourceTag) {
	state.position = frame.keyPosition;
	if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
	else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
		if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
		for (const element of source) {
			const elementTag = state.nodeTags.get(element);
			if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
			mergeKeys(state, frame, element, elementTag);
		}
	} else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
	state.position = frame.keyPosition;
	if (frame.keyIsMerge) {
		mergeSource(state, frame, value, tag);
		return;
	}
	if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
	const err = frame.tag.addPair(frame.value, key, value);
	if (err) throwError$1(state, err);
	frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") {
		frame.value = value;
		frame.hasValue = true;
	} else if (frame.kind === "sequence") {
		if (isMappingTag(tag)) state.nodeTags.set(value, tag);
		const err = frame.tag.addItem(frame.value, value, frame.index++);
		if (err) throwError$1(state, err);
	} else if (frame.hasKey) {
		const key = frame.key;
		frame.key = void 0;
		frame.hasKey = false;
		addMappingValue(state, frame, key, value, tag);
	} else {
		frame.key = value;
		frame.keyPosition = state.position;
		frame.hasKey = true;
		frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
	}
}
function storeAnchor(state, event, value, tag, isValueFinal) {
	if (event.anchorStart !== NO_RANGE$2) {
		const anchor = {
			value,
			tag,
			isValueFinal
		};
		state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
		return anchor;
	}
	return null;
}
/**
* Constructs JavaScript documents directly from parser events, without an
* intermediate AST.
*
* @category Events
*/
function js_yaml_constructFromEvents(events, options) {
	const state = {
		...DEFAULT_CONSTRUCTOR_OPTIONS,
		...options,
		events,
		documents: [],
		eventIndex: 0,
		position: 0,
		frames: [],
		anchors: /* @__PURE__ */ new Map(),
		nodeTags: /* @__PURE__ */ new Map(),
		tagHandlers: Object.create(null),
		totalMergeKeys: 0,
		aliasCount: 0
	};
	while (state.eventIndex < state.events.length) {
		const event = state.events[state.eventIndex++];
		state.position = eventPosition$1(event);
		switch (event.type) {
			case js_yaml_EVENT_ID.DOCUMENT:
				state.anchors = /* @__PURE__ */ new Map();
				state.nodeTags = /* @__PURE__ */ new Map();
				state.aliasCount = 0;
				state.tagHandlers = Object.create(null);
				for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
				state.frames.push({
					kind: "document",
					position: state.position,
					value: void 0,
					hasValue: false
				});
				break;
			case js_yaml_EVENT_ID.SCALAR: {
				const { value, tag } = constructScalar(state, event);
				storeAnchor(state, event, value, tag, true);
				addValue(state, value, tag);
				break;
			}
			case js_yaml_EVENT_ID.SEQUENCE: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
				const tag = state.schema.lookupSequenceTag(tagName);
				if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "sequence",
					position: state.position,
					value,
					tag,
					anchor,
					index: 0
				});
				break;
			}
			case js_yaml_EVENT_ID.MAPPING: {
				const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
				const tag = state.schema.lookupMappingTag(tagName);
				if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
				const value = tag.create(tagName);
				const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
				state.frames.push({
					kind: "mapping",
					position: state.position,
					value,
					tag,
					anchor,
					key: void 0,
					keyPosition: state.position,
					hasKey: false,
					keyIsMerge: false,
					overridable: null
				});
				break;
			}
			case js_yaml_EVENT_ID.ALIAS: {
				if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
				const name = state.source.slice(event.anchorStart, event.anchorEnd);
				const anchor = state.anchors.get(name);
				if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
				if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
				addValue(state, anchor.value, anchor.tag);
				break;
			}
			case js_yaml_EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.hasKey) {
					state.position = frame.keyPosition;
					throwError$1(state, "incomplete mapping pair in event stream");
				}
				if (frame.kind === "document") state.documents.push(frame.value);
				else {
					const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
					if (frame.anchor) {
						frame.anchor.value = value;
						frame.anchor.isValueFinal = true;
					}
					addValue(state, value, frame.tag);
				}
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/parser/parser.ts
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
	filename: "",
	maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
	state.events.push({
		type: js_yaml_EVENT_ID.DOCUMENT,
		explicitStart,
		explicitEnd,
		directives: state.directives
	});
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: js_yaml_EVENT_ID.SEQUENCE,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
	state.events.push({
		type: js_yaml_EVENT_ID.MAPPING,
		start,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style
	});
}
function insertFlowPairMappingEvent(state, snapshot) {
	state.events.splice(snapshot.eventsLength, 0, {
		type: js_yaml_EVENT_ID.MAPPING,
		start: snapshot.position,
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1,
		style: COLLECTION_STYLE.FLOW
	});
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent = -1, fast = false) {
	state.events.push({
		type: js_yaml_EVENT_ID.SCALAR,
		valueStart,
		valueEnd,
		anchorStart,
		anchorEnd,
		tagStart,
		tagEnd,
		style,
		chomping,
		indent,
		fast
	});
}
function addAliasEvent(state, anchorStart, anchorEnd) {
	state.events.push({
		type: js_yaml_EVENT_ID.ALIAS,
		anchorStart,
		anchorEnd
	});
}
function addPopEvent(state) {
	state.events.push({ type: js_yaml_EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
	addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, js_yaml_SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
	return {
		anchorStart: NO_RANGE$1,
		anchorEnd: NO_RANGE$1,
		tagStart: NO_RANGE$1,
		tagEnd: NO_RANGE$1
	};
}
function snapshotState(state) {
	return {
		position: state.position,
		line: state.line,
		lineStart: state.lineStart,
		lineIndent: state.lineIndent,
		firstTabInLine: state.firstTabInLine,
		eventsLength: state.events.length
	};
}
function restoreState(state, snapshot) {
	state.position = snapshot.position;
	state.line = snapshot.line;
	state.lineStart = snapshot.lineStart;
	state.lineIndent = snapshot.lineIndent;
	state.firstTabInLine = snapshot.firstTabInLine;
	state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
	js_yaml_YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
	return c === 10 || c === 13;
}
function isWhiteSpace(c) {
	return c === 9 || c === 32;
}
function isWsOrEol(c) {
	return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
	return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
	return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
	return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
	if (c >= 48 && c <= 57) return c - 48;
	const lc = c | 32;
	if (lc >= 97 && lc <= 102) return lc - 97 + 10;
	return -1;
}
function escapedHexLen(c) {
	if (c === 120) return 2;
	if (c === 117) return 4;
	if (c === 85) return 8;
	return 0;
}
function isSimpleEscape(c) {
	return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
	if (state.input.charCodeAt(state.position) === 10) state.position++;
	else {
		state.position++;
		if (state.input.charCodeAt(state.position) === 10) state.position++;
	}
	state.line++;
	state.lineStart = state.position;
	state.lineIndent = 0;
	state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
	let lineBreaks = 0;
	let ch = state.input.charCodeAt(state.position);
	let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
	while (ch !== 0) {
		while (isWhiteSpace(ch)) {
			hasSeparation = true;
			if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
			ch = state.input.charCodeAt(++state.position);
		}
		if (allowComments && hasSeparation && ch === 35) do
			ch = state.input.charCodeAt(++state.position);
		while (!isEol(ch) && ch !== 0);
		if (!isEol(ch)) break;
		consumeLineBreak(state);
		lineBreaks++;
		hasSeparation = true;
		ch = state.input.charCodeAt(state.position);
		while (ch === 32) {
			state.lineIndent++;
			ch = state.input.charCodeAt(++state.position);
		}
	}
	return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
	const ch = state.input.charCodeAt(position);
	if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
		const following = state.input.charCodeAt(position + 3);
		return following === 0 || isWsOrEol(following);
	}
	return false;
}
function skipByteOrderMark(state) {
	if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
		state.position++;
		state.lineStart = state.position;
	}
}
function testDocumentBoundary(state) {
	if (state.position !== state.lineStart) return false;
	if (testDocumentSeparator(state)) return true;
	if (state.input.charCodeAt(state.position) !== 65279) return false;
	const snapshot = snapshotState(state);
	skipByteOrderMark(state);
	skipSeparationSpace(state, true);
	const ch = state.input.charCodeAt(state.position);
	const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
	restoreState(state, snapshot);
	return result;
}
function skipUntilLineEnd(state) {
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
	const match = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
	if (match !== null) {
		state.position = start + match.index + match[0].length - 1;
		throwError(state, "the stream contains non-printable characters");
	}
}
function readTagProperty(state, props, inFlow) {
	if (state.input.charCodeAt(state.position) !== 33) return false;
	if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
	const start = state.position;
	let isVerbatim = false;
	let isNamed = false;
	let tagHandle = "!";
	let ch = state.input.charCodeAt(++state.position);
	if (ch === 60) {
		isVerbatim = true;
		ch = state.input.charCodeAt(++state.position);
	} else if (ch === 33) {
		isNamed = true;
		tagHandle = "!!";
		ch = state.input.charCodeAt(++state.position);
	}
	let suffixStart = state.position;
	let tagName;
	if (isVerbatim) {
		while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
		if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
		tagName = state.input.slice(suffixStart, state.position);
		state.position++;
	} else {
		while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
			if (ch === 33) {
				if (!isNamed) {
					tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
					if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
					isNamed = true;
					suffixStart = state.position + 1;
				} else throwError(state, "tag suffix cannot contain exclamation marks");
			}
			ch = state.input.charCodeAt(++state.position);
		}
		tagName = state.input.slice(suffixStart, state.position);
		if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
	}
	if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
	if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
	props.tagStart = start;
	props.tagEnd = state.position;
	return true;
}
function readAnchorProperty(state, props) {
	if (state.input.charCodeAt(state.position) !== 38) return false;
	if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
	props.anchorStart = start;
	props.anchorEnd = state.position;
	return true;
}
function readAlias(state, props) {
	if (state.input.charCodeAt(state.position) !== 42) return false;
	if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
	state.position++;
	const start = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
	if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
	addAliasEvent(state, start, state.position);
	return true;
}
function readFlowScalarBreak(state, nodeIndent) {
	skipSeparationSpace(state, false);
	if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 39) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 39) {
			if (state.input.charCodeAt(state.position + 1) === 39) {
				simple = false;
				state.position += 2;
				continue;
			}
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, js_yaml_SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
	if (state.input.charCodeAt(state.position) !== 34) return false;
	state.position++;
	const start = state.position;
	let simple = true;
	while (state.input.charCodeAt(state.position) !== 0) {
		const ch = state.input.charCodeAt(state.position);
		if (ch === 34) {
			const end = state.position;
			state.position++;
			addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, js_yaml_SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
			return true;
		}
		if (ch === 92) {
			simple = false;
			const escaped = state.input.charCodeAt(++state.position);
			if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
			else if (isSimpleEscape(escaped)) state.position++;
			else {
				let hexLength = escapedHexLen(escaped);
				if (hexLength === 0) throwError(state, "unknown escape sequence");
				while (hexLength-- > 0) {
					state.position++;
					if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
				}
				state.position++;
			}
		} else if (isEol(ch)) {
			simple = false;
			readFlowScalarBreak(state, nodeIndent);
		} else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
		else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
		else state.position++;
	}
	throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	let chomping = CHOMPING_MODE.CLIP;
	let indent = -1;
	let detectedIndent = false;
	if (ch !== 124 && ch !== 62) return false;
	const style = ch === 124 ? js_yaml_SCALAR_STYLE.LITERAL_BLOCK : js_yaml_SCALAR_STYLE.FOLDED_BLOCK;
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		const current = state.input.charCodeAt(state.position);
		const digit = fromDecimalCode(current);
		if (current === 43 || current === 45) {
			if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
			chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
			state.position++;
		} else if (digit >= 0) {
			if (digit === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
			if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
			indent = parentIndent + digit - 1;
			detectedIndent = true;
			state.position++;
		} else break;
	}
	let hadWhitespace = false;
	while (isWhiteSpace(state.input.charCodeAt(state.position))) {
		hadWhitespace = true;
		state.position++;
	}
	if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
	let contentIndent = detectedIndent ? indent : -1;
	let maxLeadingIndent = 0;
	const valueStart = state.position;
	let valueEnd = state.position;
	while (state.input.charCodeAt(state.position) !== 0) {
		const linePosition = state.position;
		let column = 0;
		while (state.input.charCodeAt(linePosition + column) === 32) column++;
		const first = state.input.charCodeAt(linePosition + column);
		if (first === 0) {
			if (contentIndent >= 0) {
				if (column > contentIndent) valueEnd = linePosition + column;
			} else if (column > 0) valueEnd = linePosition + column;
			break;
		}
		if (testDocumentBoundary(state)) break;
		if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
		if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
			if (first === 9 && column < parentIndent) {
				state.position = linePosition + column;
				throwError(state, "tab characters must not be used in indentation");
			}
			if (column >= parentIndent && column < maxLeadingIndent) {
				state.position = linePosition + column;
				throwError(state, "bad indentation of a mapping entry");
			}
		}
		if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
		const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
		if (first !== 0 && !isEol(first) && column < requiredIndent) {
			state.lineIndent = column;
			state.position = linePosition + column;
			break;
		}
		skipUntilLineEnd(state);
		valueEnd = state.position;
		if (isEol(state.input.charCodeAt(state.position))) {
			consumeLineBreak(state);
			valueEnd = state.position;
		}
	}
	checkPrintable(state, valueStart, valueEnd);
	addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
	return true;
}
function canStartPlainScalar(state, nodeContext) {
	const ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
	if (ch === 63 || ch === 45) {
		const following = state.input.charCodeAt(state.position + 1);
		if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
	}
	return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
	if (!canStartPlainScalar(state, nodeContext)) return false;
	const start = state.position;
	let end = state.position;
	let ch = state.input.charCodeAt(state.position);
	const inFlow = nodeContext === CONTEXT_FLOW_IN;
	let multiline = false;
	while (ch !== 0) {
		if (testDocumentBoundary(state)) break;
		if (ch === 58) {
			const following = state.input.charCodeAt(state.position + 1);
			if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
		} else if (ch === 35) {
			if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
		} else if (inFlow && isFlowIndicator(ch)) break;
		else if (isEol(ch)) {
			const savedPosition = state.position;
			const savedLine = state.line;
			const savedLineStart = state.lineStart;
			const savedLineIndent = state.lineIndent;
			skipSeparationSpace(state, false);
			if (state.lineIndent >= nodeIndent) {
				multiline = true;
				ch = state.input.charCodeAt(state.position);
				continue;
			}
			state.position = savedPosition;
			state.line = savedLine;
			state.lineStart = savedLineStart;
			state.lineIndent = savedLineIndent;
			break;
		}
		if (!isWhiteSpace(ch)) end = state.position + 1;
		ch = state.input.charCodeAt(++state.position);
	}
	if (end === start) return false;
	checkPrintable(state, start, end);
	addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, js_yaml_SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
	return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
	const startLine = state.line;
	skipSeparationSpace(state, true);
	if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
	const ch = state.input.charCodeAt(state.position);
	const isMapping = ch === 123;
	const start = state.position;
	let readNext = true;
	if (ch !== 91 && ch !== 123) return false;
	const terminator = isMapping ? 125 : 93;
	if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
	state.position++;
	while (state.input.charCodeAt(state.position) !== 0) {
		skipFlowSeparationSpace(state, nodeIndent);
		let ch = state.input.charCodeAt(state.position);
		if (ch === terminator) {
			state.position++;
			addPopEvent(state);
			return true;
		} else if (!readNext) throwError(state, "missed comma between flow collection entries");
		else if (ch === 44) throwError(state, "expected the node content, but found ','");
		let isPair = false;
		let isExplicitPair = false;
		if (ch === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
			isPair = isExplicitPair = true;
			state.position += 1;
			skipFlowSeparationSpace(state, nodeIndent);
		}
		const entryLine = state.line;
		const entryStart = snapshotState(state);
		const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
		skipFlowSeparationSpace(state, nodeIndent);
		ch = state.input.charCodeAt(state.position);
		if ((isMapping || isExplicitPair || state.line === entryLine) && ch === 58) {
			isPair = true;
			state.position++;
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) {
				insertFlowPairMappingEvent(state, entryStart);
				if (!keyWasRead) addEmptyScalarEvent(state);
			} else if (!keyWasRead) addEmptyScalarEvent(state);
			if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
			skipFlowSeparationSpace(state, nodeIndent);
			if (!isMapping) addPopEvent(state);
		} else if (isMapping && isPair) {
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
		} else if (isMapping) addEmptyScalarEvent(state);
		else if (isPair) {
			insertFlowPairMappingEvent(state, entryStart);
			if (!keyWasRead) addEmptyScalarEvent(state);
			addEmptyScalarEvent(state);
			addPopEvent(state);
		}
		ch = state.input.charCodeAt(state.position);
		if (ch === 44) {
			readNext = true;
			state.position++;
		} else readNext = false;
	}
	throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
	if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
	addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
	while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
		if (state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const entryLine = state.line;
		state.position++;
		const hadBreak = skipSeparationSpace(state, true) > 0;
		if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
		if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
		else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
		skipSeparationSpace(state, true);
		if (state.lineIndent < nodeIndent || state.position >= state.length) break;
		if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
		if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
	}
	addPopEvent(state);
	return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
	let atExplicitKey = false;
	let detected = false;
	let mappingOpened = false;
	let pendingExplicitKey = false;
	if (state.firstTabInLine !== -1) return false;
	let ch = state.input.charCodeAt(state.position);
	while (ch !== 0) {
		if (!atExplicitKey && state.firstTabInLine !== -1) {
			state.position = state.firstTabInLine;
			throwError(state, "tab characters must not be used in indentation");
		}
		const following = state.input.charCodeAt(state.position + 1);
		const entryLine = state.line;
		if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
			if (!mappingOpened) {
				addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
				mappingOpened = true;
			}
			if (ch === 63) {
				if (atExplicitKey) addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = true;
			} else if (atExplicitKey) atExplicitKey = false;
			else {
				addEmptyScalarEvent(state);
				detected = true;
				atExplicitKey = false;
			}
			state.position += 1;
			pendingExplicitKey = true;
		} else {
			if (atExplicitKey) {
				addEmptyScalarEvent(state);
				atExplicitKey = false;
			}
			const beforeKey = snapshotState(state);
			if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
			if (state.line === entryLine) {
				ch = state.input.charCodeAt(state.position);
				while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
				if (ch === 58) {
					ch = state.input.charCodeAt(++state.position);
					if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
					if (!mappingOpened) {
						state.events.splice(beforeKey.eventsLength, 0, {
							type: js_yaml_EVENT_ID.MAPPING,
							start: beforeKey.position,
							anchorStart: props.anchorStart,
							anchorEnd: props.anchorEnd,
							tagStart: props.tagStart,
							tagEnd: props.tagEnd,
							style: COLLECTION_STYLE.BLOCK
						});
						mappingOpened = true;
					}
					detected = true;
					atExplicitKey = false;
					pendingExplicitKey = false;
				} else if (detected) throwError(state, "expected ':' after a mapping key");
				else {
					if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
						restoreState(state, beforeKey);
						return false;
					}
					return true;
				}
			} else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
			else {
				if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
					restoreState(state, beforeKey);
					return false;
				}
				return true;
			}
		}
		if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
		if (!atExplicitKey) {
			if (pendingExplicitKey) {
				addEmptyScalarEvent(state);
				pendingExplicitKey = false;
			}
		}
		skipSeparationSpace(state, true);
		ch = state.input.charCodeAt(state.position);
		if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
		else if (state.lineIndent < nodeIndent) break;
	}
	if (!detected) return false;
	if (atExplicitKey) addEmptyScalarEvent(state);
	if (mappingOpened) addPopEvent(state);
	return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
	if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
	state.depth++;
	let indentStatus = 1;
	let atNewLine = false;
	let hasContent = false;
	let propertyStart = null;
	const props = emptyProperties();
	let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
	let allowBlockCollections = allowBlockScalars;
	const allowBlockStyles = allowBlockScalars;
	if (allowToSeek && skipSeparationSpace(state, true)) {
		atNewLine = true;
		if (state.lineIndent > parentIndent) indentStatus = 1;
		else if (state.lineIndent === parentIndent) indentStatus = 0;
		else indentStatus = -1;
	}
	if (indentStatus === 1) while (true) {
		const ch = state.input.charCodeAt(state.position);
		const propertyState = snapshotState(state);
		if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
		if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
			const fallbackState = snapshotState(state);
			const flowIndent = parentIndent + 1;
			if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === js_yaml_EVENT_ID.MAPPING) {
				state.depth--;
				return true;
			}
			restoreState(state, fallbackState);
		}
		if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
		if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
		if (propertyStart === null) propertyStart = propertyState;
		if (skipSeparationSpace(state, true)) {
			atNewLine = true;
			allowBlockCollections = allowBlockStyles;
			if (state.lineIndent > parentIndent) indentStatus = 1;
			else if (state.lineIndent === parentIndent) indentStatus = 0;
			else indentStatus = -1;
		} else allowBlockCollections = false;
	}
	if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
	if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
		const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
		const blockIndent = state.position - state.lineStart;
		if (indentStatus === 1) {
			if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
			else {
				const ch = state.input.charCodeAt(state.position);
				if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
					const fallbackState = snapshotState(state);
					const propertyIndent = propertyStart.position - propertyStart.lineStart;
					restoreState(state, propertyStart);
					if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === js_yaml_EVENT_ID.MAPPING) hasContent = true;
					else restoreState(state, fallbackState);
				}
				if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
			}
		} else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
	}
	allowBlockScalars = allowBlockScalars && !hasContent;
	if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
		addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, js_yaml_SCALAR_STYLE.PLAIN);
		hasContent = true;
	}
	state.depth--;
	return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
	if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
	state.position++;
	const nameStart = state.position;
	while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
	const name = state.input.slice(nameStart, state.position);
	const args = [];
	if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
	while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
		while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
		if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
		const start = state.position;
		while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
		args.push(state.input.slice(start, state.position));
	}
	if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
	if (name === "YAML") {
		if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
		if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
		const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
		if (match === null) throwError(state, "ill-formed argument of the YAML directive");
		if (parseInt(match[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
		state.directives.push({
			kind: "yaml",
			version: args[0]
		});
	} else if (name === "TAG") {
		if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
		const [handle, prefix] = args;
		if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
		if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
		if (!PATTERN_TAG_PREFIX.test(prefix)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
		state.tagHandlers[handle] = prefix;
		state.directives.push({
			kind: "tag",
			handle,
			prefix
		});
	}
	return true;
}
function readDocument(state) {
	state.directives = [];
	state.tagHandlers = Object.create(null);
	let hasDirectives = false;
	skipSeparationSpace(state, true);
	while (readDirective(state)) {
		hasDirectives = true;
		skipSeparationSpace(state, true);
	}
	let explicitStart = false;
	let explicitEnd = false;
	let allowCompact = true;
	if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
		explicitStart = true;
		const markerLine = state.line;
		state.position += 3;
		skipSeparationSpace(state, true);
		allowCompact = state.line > markerLine;
	} else if (hasDirectives) throwError(state, "directives end mark is expected");
	const documentEventIndex = state.events.length;
	if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
		state.position += 3;
		skipSeparationSpace(state, true);
		return;
	}
	addDocumentEvent(state, explicitStart, false);
	if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
	skipSeparationSpace(state, true);
	if (state.position === state.lineStart && testDocumentSeparator(state)) {
		explicitEnd = state.input.charCodeAt(state.position) === 46;
		if (explicitEnd) {
			const markerLine = state.line;
			state.position += 3;
			skipSeparationSpace(state, true);
			if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
		}
	}
	const documentEvent = state.events[documentEventIndex];
	if (documentEvent?.type === js_yaml_EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
	addPopEvent(state);
	if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
/**
* Parses YAML into a flat event stream referencing source text by offsets.
*
* @category Events
*/
function js_yaml_parseEvents(input, options) {
	const length = input.length;
	const state = {
		...DEFAULT_PARSER_OPTIONS,
		...options,
		input: `${input}\0`,
		length,
		position: 0,
		line: 0,
		lineStart: 0,
		lineIndent: 0,
		firstTabInLine: -1,
		depth: 0,
		directives: [],
		tagHandlers: Object.create(null),
		events: []
	};
	const nullpos = input.indexOf("\0");
	if (nullpos !== -1) js_yaml_YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
	while (state.position < state.length) {
		skipByteOrderMark(state);
		skipSeparationSpace(state, true);
		if (state.position >= state.length) break;
		const documentStart = state.position;
		readDocument(state);
		if (state.position === documentStart)
 /* c8 ignore next */
		throwError(state, "can not read a document");
	}
	return state.events;
}
//#endregion
//#region src/load.ts
var DEFAULT_LOAD_OPTIONS = {
	...DEFAULT_PARSER_OPTIONS,
	...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
	const opts = {
		...DEFAULT_LOAD_OPTIONS,
		...options
	};
	const source = String(input);
	const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
	const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
	return js_yaml_constructFromEvents(js_yaml_parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
		...pick(opts, CONSTRUCTOR_OPT_KEYS),
		source
	});
}
function loadAll(input, iteratorOrOptions, options) {
	let iterator = null;
	if (typeof iteratorOrOptions === "function") iterator = iteratorOrOptions;
	else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
	const documents = loadDocuments(input, options);
	if (iterator === null) return documents;
	for (const document of documents) iterator(document);
}
/**
* Parses `string` as a single YAML document. Throws {@link YAMLException} on
* error. This function does not understand multi-document or empty sources; it
* throws an exception on those.
*
* > [!NOTE]
* > 1. When processing untrusted input, see the
* >    [security considerations](../docs/safety.md).
* > 2. All exceptions MUST be caught, not just {@link YAMLException}.
* > 3. The default {@link CORE_SCHEMA} comes without the `!!merge` tag. You can
* >    easily enable it if needed.
* > 4. The default {@link mapTag} is `{}`-object based, with known limitations
* >    (see description). For full compatibility use {@link realMapTag}
* >    instead (it uses native JS `Map`).
*
* @example
* Enable {@link mergeTag} and {@link realMapTag}:
*
* ```javascript
* import { load, CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
*
* try {
*   load(data, { schema: CORE_SCHEMA.withTags(mergeTag, realMapTag) })
* } catch (e) {
*   console.error(e)
* }
* ```
*
* @category Main
*/
function js_yaml_load(input, options) {
	const documents = loadDocuments(input, options);
	if (documents.length === 0) throw new js_yaml_YAMLException("expected a document, but the input is empty");
	if (documents.length === 1) return documents[0];
	throw new js_yaml_YAMLException("expected a single document in the stream, but found more");
}
//#endregion
//#region src/ast/from_js.ts
var INVALID = Symbol("INVALID");
function buildRepresentTypes(schema) {
	const defaultTags = new Set([
		schema.defaultScalarTag,
		schema.defaultSequenceTag,
		schema.defaultMappingTag
	].filter((t) => t !== void 0));
	const implicitScalars = schema.implicitScalarTags;
	const explicitTags = schema.tags.filter((t) => !(t.nodeKind === "scalar" && t.implicit) && !defaultTags.has(t));
	const defaultTagsLast = schema.tags.filter((t) => defaultTags.has(t));
	return [
		...implicitScalars.map((tag) => ({
			tag,
			implicitTag: true
		})),
		...explicitTags.map((tag) => ({
			tag,
			implicitTag: false
		})),
		...defaultTagsLast.map((tag) => ({
			tag,
			implicitTag: true
		}))
	];
}
function matchTag(state, object) {
	for (let index = 0, length = state.representTypes.length; index < length; index += 1) {
		const { tag, implicitTag } = state.representTypes[index];
		if (tag.identify(object)) {
			let tagName;
			if (tag.matchByTagPrefix) tagName = tag.representTagName(object);
			else tagName = tag.tagName;
			return {
				tag,
				tagName,
				implicitTag
			};
		}
	}
	return null;
}
function build(state, object) {
	if (!state.noRefs && object !== null && typeof object === "object") {
		const existing = state.refs.get(object);
		if (existing) {
			if (existing.anchor === void 0) existing.anchor = `ref_${state.refCounter++}`;
			return {
				kind: "alias",
				anchor: existing.anchor
			};
		}
	}
	const matched = matchTag(state, object);
	if (!matched) {
		if (object === void 0) return INVALID;
		if (state.skipInvalid) return INVALID;
		throw new js_yaml_YAMLException(`unacceptable kind of an object to dump ${Object.prototype.toString.call(object)}`);
	}
	const { tag, tagName, implicitTag } = matched;
	const nodeTagName = implicitTag ? tagName : tagNameShort(tagName);
	if (tag.nodeKind === "scalar") return {
		kind: "scalar",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: js_yaml_SCALAR_STYLE.PLAIN,
		value: tag.represent(object)
	};
	if (tag.nodeKind === "sequence") {
		const container = tag.represent(object);
		const node = {
			kind: "sequence",
			tag: nodeTagName,
			tagged: !implicitTag,
			style: COLLECTION_STYLE.BLOCK,
			items: []
		};
		if (!state.noRefs) state.refs.set(object, node);
		for (let index = 0, length = container.length; index < length; index += 1) {
			let item = build(state, container[index]);
			if (item === INVALID && container[index] === void 0) item = build(state, null);
			if (item === INVALID) continue;
			node.items.push(item);
		}
		return node;
	}
	const map = tag.represent(object);
	const node = {
		kind: "mapping",
		tag: nodeTagName,
		tagged: !implicitTag,
		style: COLLECTION_STYLE.BLOCK,
		items: []
	};
	if (!state.noRefs) state.refs.set(object, node);
	for (const [objectKey, objectValue] of map) {
		const key = build(state, objectKey);
		if (key === INVALID) continue;
		const value = build(state, objectValue);
		if (value === INVALID) continue;
		node.items.push({
			key,
			value
		});
	}
	return node;
}
/**
* Convert JS object to AST. A JS value is one YAML document. An unrepresentable
* root becomes an empty document, which the presenter renders as an empty
* string.
*
* @category AST
*/
function jsToAst(input, schema, options = {}) {
	const root = build({
		representTypes: buildRepresentTypes(schema),
		noRefs: options.noRefs ?? false,
		skipInvalid: options.skipInvalid ?? false,
		refs: /* @__PURE__ */ new Map(),
		refCounter: 0
	}, input);
	return [{
		contents: root === INVALID ? null : root,
		directives: []
	}];
}
//#endregion
//#region src/ast/visit.ts
/**
* Return from a visitor to stop the whole traversal.
*
* @category AST
*/
var VISIT_BREAK = Symbol("visit:break");
/**
* Return from a visitor to skip the current node's children.
*
* @category AST
*/
var VISIT_SKIP = Symbol("visit:skip");
function visitNode(node, visitor, ctx) {
	const control = visitor(node, ctx);
	if (control === VISIT_BREAK) return true;
	if (control === VISIT_SKIP) return false;
	const depth = ctx.depth + 1;
	switch (node.kind) {
		case "sequence":
			for (const item of node.items) if (visitNode(item, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
			break;
		case "mapping": for (const { key, value } of node.items) {
			if (visitNode(key, visitor, {
				depth,
				parent: node,
				isKey: true
			})) return true;
			if (visitNode(value, visitor, {
				depth,
				parent: node,
				isKey: false
			})) return true;
		}
	}
	return false;
}
/**
* Walk every node in the documents, calling {@link Visitor} once per
* node (pre-order).
*
* @category AST
*/
function visit(documents, visitor) {
	for (const doc of documents) if (doc.contents && visitNode(doc.contents, visitor, {
		depth: 0,
		parent: null,
		isKey: false
	})) return;
}
//#endregion
//#region src/ast/styler_defaults.ts
function hasBit(mask, bit) {
	return (mask & 1 << bit) !== 0;
}
/**
* Default scalar styling rules in application order.
* See [Scalar styling](../../docs/scalar_styling.md) for usage details.
*
* @category AST
*/
var DEFAULT_SCALAR_STYLE_RULES = {
	applyQuoteFlowKeysOption,
	doubleQuoteForInvisibles,
	doubleQuoteWhitespaceOnly,
	applyForceQuotesOption,
	tryLongOrMultilineAsBlock,
	quoteInvalidPlain,
	fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
	if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, js_yaml_SCALAR_STYLE.SINGLE_QUOTED)) return js_yaml_SCALAR_STYLE.SINGLE_QUOTED;
	return js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
	if (!layout.presenterOptions.quoteFlowKeys) return;
	if (!layout.isKey || !layout.flowOnly || layout.style !== js_yaml_SCALAR_STYLE.PLAIN) return;
	layout.style = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
	if (layout.style === js_yaml_SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
	if (layout.style === js_yaml_SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
	if (!layout.presenterOptions.forceQuotes) return;
	if (layout.isKey || layout.style !== js_yaml_SCALAR_STYLE.PLAIN) return;
	if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
	layout.style = layout.node.value.includes("\n") ? js_yaml_SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
	if (layout.style !== js_yaml_SCALAR_STYLE.PLAIN || layout.isKey) return;
	const value = layout.node.value;
	const multiline = value.indexOf("\n") !== -1;
	if (!hasBit(layout.allowedStylesMask, js_yaml_SCALAR_STYLE.LITERAL_BLOCK)) {
		if (multiline) layout.style = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
		return;
	}
	const w = layout.presenterOptions.lineWidth;
	if (w === -1) {
		if (multiline) layout.style = js_yaml_SCALAR_STYLE.LITERAL_BLOCK;
		return;
	}
	const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	let position = 0;
	let shouldFold = false;
	while (position <= value.length) {
		let lineEnd = value.length;
		const nextLineBreak = value.indexOf("\n", position);
		if (nextLineBreak !== -1) lineEnd = nextLineBreak;
		const line = value.slice(position, lineEnd);
		if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
		if (nextLineBreak === -1) break;
		position = nextLineBreak + 1;
	}
	if (shouldFold) layout.style = js_yaml_SCALAR_STYLE.FOLDED_BLOCK;
	else if (multiline) layout.style = js_yaml_SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
	if (layout.style === js_yaml_SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, js_yaml_SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
	if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
}
//#endregion
//#region src/ast/scalar_styler.ts
function setBit(mask, bit) {
	return mask | 1 << bit;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var C_FORBIDDEN_FIRST_LINE = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/;
var C_FORBIDDEN_CONTENT = /^(?:---|\.\.\.)(?=$|[ \t\n\r])/m;
function canUsePlain(layout) {
	const str = layout.node.value;
	if (str !== "") {
		if (!(layout.isKey ? layout.flowOnly ? NS_PLAIN_FLOW_KEY : NS_PLAIN_BLOCK_KEY : layout.flowOnly ? NS_PLAIN_FLOW_IN : NS_PLAIN_FLOW_OUT).test(str)) return false;
		if (layout.shiftOfFirstLine === 0 && C_FORBIDDEN_FIRST_LINE.test(str)) return false;
		if (layout.shiftOfContent === 0) {
			const firstLineBreak = str.indexOf("\n");
			if (firstLineBreak !== -1) {
				const content = str.slice(firstLineBreak + 1);
				if (C_FORBIDDEN_CONTENT.test(content)) return false;
			}
		}
	}
	const resolvedTag = layout.presenterOptions.schema.resolveImplicitScalarTag(str).tag.tagName;
	if (!layout.node.tagged && resolvedTag !== layout.node.tag) return false;
	if (!layout.node.tagged && str === "=" && resolvedTag === layout.presenterOptions.schema.defaultScalarTag.tagName) return false;
	return true;
}
function canUseSingleQuoted(layout) {
	const str = layout.node.value;
	if (!(layout.isKey ? NB_SINGLE_ONE_LINE : NB_SINGLE_MULTI_LINE).test(str)) return false;
	if (/[ \t]\n|\n[ \t]/.test(str)) return false;
	if (!layout.isKey && layout.shiftOfContent === 0) {
		const firstLineBreak = str.indexOf("\n");
		if (firstLineBreak !== -1 && C_FORBIDDEN_CONTENT.test(str.slice(firstLineBreak + 1))) return false;
	}
	return true;
}
function canUseBlock(layout) {
	if (layout.flowOnly || !BLOCK_SCALAR_CONTENT.test(layout.node.value)) return false;
	const contentIndent = layout.shiftOfContent - layout.shiftOfParent;
	if (contentIndent < 1) return false;
	if (contentIndent > 9 && /^\n* /.test(layout.node.value)) return false;
	if (layout.shiftOfContent === 0 && C_FORBIDDEN_CONTENT.test(layout.node.value)) return false;
	return true;
}
function detectAllowedStyles(layout) {
	let mask = setBit(0, js_yaml_SCALAR_STYLE.DOUBLE_QUOTED);
	if (canUsePlain(layout)) mask = setBit(mask, js_yaml_SCALAR_STYLE.PLAIN);
	if (canUseSingleQuoted(layout)) mask = setBit(mask, js_yaml_SCALAR_STYLE.SINGLE_QUOTED);
	if (canUseBlock(layout)) mask = setBit(setBit(mask, js_yaml_SCALAR_STYLE.LITERAL_BLOCK), js_yaml_SCALAR_STYLE.FOLDED_BLOCK);
	layout.allowedStylesMask = mask;
}
function renderScalar(layout) {
	switch (layout.style) {
		case js_yaml_SCALAR_STYLE.PLAIN: return renderPlain(layout);
		case js_yaml_SCALAR_STYLE.SINGLE_QUOTED: return renderSingleQuoted(layout);
		case js_yaml_SCALAR_STYLE.LITERAL_BLOCK: return renderLiteralBlock(layout);
		case js_yaml_SCALAR_STYLE.FOLDED_BLOCK: return renderFoldedBlock(layout);
		case js_yaml_SCALAR_STYLE.DOUBLE_QUOTED: return renderDoubleQuoted(layout);
	}
}
function renderPlain(layout) {
	return encodeFlowBreaks(layout.node.value, layout.shiftOfContent);
}
function renderSingleQuoted(layout) {
	return `'${encodeFlowBreaks(layout.node.value, layout.shiftOfContent).replace(/'/g, "''")}'`;
}
function renderLiteralBlock(layout) {
	const value = layout.node.value;
	return "|" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(value, layout.shiftOfContent));
}
function renderFoldedBlock(layout) {
	const value = layout.node.value;
	const w = layout.presenterOptions.lineWidth;
	let availableWidth = Infinity;
	if (w !== -1) availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
	return ">" + blockHeader(value, layout.shiftOfParent, layout.shiftOfContent) + dropEndingNewline(indentString(foldBlockScalar(value, availableWidth), layout.shiftOfContent));
}
function renderDoubleQuoted(layout) {
	return `"${escapeString(layout.node.value)}"`;
}
function encodeFlowBreaks(string, shiftOfContent) {
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) return string;
	const pad = " ".repeat(shiftOfContent);
	let result = string.slice(0, nextLF);
	const lineRe = /(\n+)([^\n]*)/g;
	lineRe.lastIndex = nextLF;
	let match;
	while (match = lineRe.exec(string)) {
		const breaks = match[1].length;
		const line = match[2];
		result += "\n".repeat(breaks + 1) + pad + line;
	}
	return result;
}
function indentString(string, spaces) {
	const indent = " ".repeat(spaces);
	let position = 0;
	let result = "";
	const length = string.length;
	while (position < length) {
		let line;
		const next = string.indexOf("\n", position);
		if (next === -1) {
			line = string.slice(position);
			position = length;
		} else {
			line = string.slice(position, next + 1);
			position = next + 1;
		}
		if (line.length && line !== "\n") result += indent;
		result += line;
	}
	return result;
}
function needIndentIndicator(string) {
	return /^\n* /.test(string);
}
function blockHeader(string, shiftOfParent, shiftOfContent) {
	const indentIndicator = needIndentIndicator(string) ? String(shiftOfContent - shiftOfParent) : "";
	const clip = string[string.length - 1] === "\n";
	return `${indentIndicator}${clip && (string[string.length - 2] === "\n" || string === "\n") ? "+" : clip ? "" : "-"}\n`;
}
function dropEndingNewline(string) {
	return string[string.length - 1] === "\n" ? string.slice(0, -1) : string;
}
function isMoreIndented(char) {
	return char === " " || char === "	";
}
function foldLine(line, width) {
	if (line === "" || isMoreIndented(line[0])) return line;
	const breakRe = / [^ \t]/g;
	let match;
	let start = 0;
	let end;
	let curr = 0;
	let next = 0;
	let result = "";
	while (match = breakRe.exec(line)) {
		next = match.index;
		if (next - start > width) {
			end = curr > start ? curr : next;
			result += `\n${line.slice(start, end)}`;
			start = end + 1;
		}
		curr = next;
	}
	result += "\n";
	if (line.length - start > width && curr > start) result += `${line.slice(start, curr)}\n${line.slice(curr + 1)}`;
	else result += line.slice(start);
	return result.slice(1);
}
function foldBlockScalar(string, width) {
	const lineRe = /(\n+)([^\n]*)/g;
	let nextLF = string.indexOf("\n");
	if (nextLF === -1) nextLF = string.length;
	lineRe.lastIndex = nextLF;
	let result = foldLine(string.slice(0, nextLF), width);
	let prevMoreIndented = string[0] === "\n" || isMoreIndented(string[0]);
	let moreIndented;
	let match;
	while (match = lineRe.exec(string)) {
		const prefix = match[1];
		const line = match[2];
		moreIndented = line !== "" && isMoreIndented(line[0]);
		result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
		prevMoreIndented = moreIndented;
	}
	return result;
}
var CHARACTERS_TO_ESCAPE = /["\\\x00-\x1F\x7F-\xA0\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]/gu;
function escapeCharacter(character) {
	switch (character) {
		case "\0": return "\\0";
		case "\x07": return "\\a";
		case "\b": return "\\b";
		case "	": return "\\t";
		case "\n": return "\\n";
		case "\v": return "\\v";
		case "\f": return "\\f";
		case "\r": return "\\r";
		case "\x1B": return "\\e";
		case "\"": return "\\\"";
		case "\\": return "\\\\";
		case "": return "\\N";
		case "\xA0": return "\\_";
		case "\u2028": return "\\L";
		case "\u2029": return "\\P";
	}
	const code = character.charCodeAt(0);
	const hex = code.toString(16).toUpperCase();
	if (code <= 255) return `\\x${"0".repeat(2 - hex.length)}${hex}`;
	return `\\u${"0".repeat(4 - hex.length)}${hex}`;
}
function escapeString(string) {
	return string.replace(CHARACTERS_TO_ESCAPE, escapeCharacter);
}
//#endregion
//#region src/ast/presenter.ts
var CHAR_LINE_FEED = 10;
var DEFAULT_PRESENTER_OPTIONS = {
	indent: 2,
	seqNoIndent: false,
	seqInlineFirst: true,
	lineWidth: 80,
	flowBracketPadding: false,
	flowSkipCommaSpace: false,
	flowSkipColonSpace: false,
	quoteFlowKeys: false,
	quoteStyle: "single",
	forceQuotes: false,
	scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
	tagBeforeAnchor: false
};
function nodeTagShort(node) {
	return node.tagged ? node.tag : tagNameShort(node.tag);
}
function createPresenterState(options) {
	const opts = {
		...DEFAULT_PRESENTER_OPTIONS,
		...options
	};
	if (opts.flowSkipColonSpace) opts.quoteFlowKeys = true;
	return {
		...opts,
		defaultScalarTagName: opts.schema.defaultScalarTag.tagName,
		openEnded: false
	};
}
function generateNextLine(state, level) {
	return `\n${" ".repeat(state.indent * level)}`;
}
function scalarLayout(state, node, parent, level, isKey, flowOnly) {
	return {
		node,
		parent,
		level,
		isKey,
		flowOnly,
		shiftOfParent: level === 0 ? -1 : state.indent * (level - 1),
		shiftOfContent: state.indent * Math.max(1, level),
		shiftOfFirstLine: level === 0 ? 0 : state.indent * level,
		presenterOptions: state,
		allowedStylesMask: 0,
		style: node.style
	};
}
function writeFlowSequence(state, level, node) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level, node.items[index], node, {}).text;
		if (index > 0) result += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		result += item;
	}
	const pad = state.flowBracketPadding && node.items.length > 0 ? " " : "";
	return `[${pad}${result}${pad}]`;
}
function writeBlockSequence(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		const item = writeNode(state, level + 1, node.items[index], node, {
			block: true,
			compact: state.seqInlineFirst,
			isblockseq: true
		}).text;
		if (!compact || result !== "") result += generateNextLine(state, level);
		if (item === "" || CHAR_LINE_FEED === item.charCodeAt(0)) result += "-";
		else result += "- ";
		result += item;
	}
	return result;
}
function writeFlowMapping(state, level, node) {
	let result = "";
	for (const { key, value } of node.items) {
		let pairBuffer = "";
		if (result !== "") pairBuffer += `,${!state.flowSkipCommaSpace ? " " : ""}`;
		const keyRender = writeNode(state, level, key, node, { iskey: true });
		const keyText = keyRender.text;
		const valueText = writeNode(state, level, value, node, {}).text;
		const sep = state.flowSkipColonSpace || valueText === "" ? "" : " ";
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = key.kind === "alias" || keyIsBareProps ? " " : "";
		pairBuffer += `${keyText}${keyColonSep}:${sep}${valueText}`;
		result += pairBuffer;
	}
	const pad = state.flowBracketPadding && result !== "" ? " " : "";
	return `{${pad}${result}${pad}}`;
}
function writeBlockMapping(state, level, node, compact) {
	let result = "";
	for (let index = 0, length = node.items.length; index < length; index += 1) {
		let pairBuffer = "";
		if (!compact || result !== "") pairBuffer += generateNextLine(state, level);
		const { key, value } = node.items[index];
		const keyIsBlock = (key.kind === "mapping" || key.kind === "sequence") && key.style === COLLECTION_STYLE.BLOCK && key.items.length !== 0 || key.kind === "scalar" && (key.style === js_yaml_SCALAR_STYLE.LITERAL_BLOCK || key.style === js_yaml_SCALAR_STYLE.FOLDED_BLOCK);
		const keyRender = keyIsBlock ? writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			isblockseq: !cannotBeCompact(state, key, level + 1)
		}) : writeNode(state, level + 1, key, node, {
			block: true,
			compact: true,
			iskey: true
		});
		const keyText = keyRender.text;
		const keyHasLineBreak = key.kind === "scalar" && key.value.indexOf("\n") !== -1;
		const keyIsTooLong = keyText.length > 1024 && /^[\s\S]{1025}/u.test(keyText);
		const explicitPair = keyIsBlock || keyHasLineBreak || keyIsTooLong;
		if (explicitPair) {
			if (keyText && CHAR_LINE_FEED === keyText.charCodeAt(0)) pairBuffer += "?";
			else pairBuffer += "? ";
		}
		pairBuffer += keyText;
		if (explicitPair) pairBuffer += generateNextLine(state, level);
		const valueText = writeNode(state, level + 1, value, node, {
			block: true,
			compact: explicitPair,
			isblockseq: explicitPair && !cannotBeCompact(state, value, level + 1)
		}).text;
		const keyIsBareProps = key.kind === "scalar" && keyRender.noBody && (key.tagged || key.anchor !== void 0);
		const keyColonSep = !explicitPair && (key.kind === "alias" || keyIsBareProps) ? " " : "";
		if (valueText === "" || CHAR_LINE_FEED === valueText.charCodeAt(0)) pairBuffer += `${keyColonSep}:`;
		else pairBuffer += `${keyColonSep}: `;
		pairBuffer += valueText;
		result += pairBuffer;
	}
	return result;
}
function cannotBeCompact(state, node, level) {
	if (node.kind === "alias") return true;
	return node.tagged || node.anchor !== void 0 || state.indent < 2 && level > 0;
}
function writeNode(state, level, node, parent, ctx) {
	if (node.kind === "alias") {
		state.openEnded = false;
		return {
			text: `*${node.anchor}`,
			noBody: false
		};
	}
	const { block = false, iskey = false, isblockseq = false } = ctx;
	let compact = ctx.compact ?? false;
	const hasAnchor = node.anchor !== void 0;
	if (cannotBeCompact(state, node, level)) compact = false;
	let body;
	let shouldPrintTag = node.tagged;
	const useBlockCollection = block && (node.kind === "mapping" || node.kind === "sequence") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0;
	if (node.kind === "mapping") {
		if (useBlockCollection) body = writeBlockMapping(state, level, node, compact);
		else body = writeFlowMapping(state, level, node);
	} else if (node.kind === "sequence") {
		if (useBlockCollection) {
			if (state.seqNoIndent && !isblockseq && level > 0) body = writeBlockSequence(state, level - 1, node, compact);
			else body = writeBlockSequence(state, level, node, compact);
		} else body = writeFlowSequence(state, level, node);
	} else {
		const layout = scalarLayout(state, node, parent, level, iskey, !block);
		detectAllowedStyles(layout);
		for (const rule of state.scalarStyleRules) rule(layout);
		body = renderScalar(layout);
		state.openEnded = (layout.style === js_yaml_SCALAR_STYLE.LITERAL_BLOCK || layout.style === js_yaml_SCALAR_STYLE.FOLDED_BLOCK) && (node.value === "\n" || node.value.endsWith("\n\n"));
		shouldPrintTag = node.tagged || body === "" && layout.flowOnly && parent?.kind === "sequence" && !hasAnchor || layout.style !== js_yaml_SCALAR_STYLE.PLAIN && node.tag !== state.defaultScalarTagName;
	}
	if ((node.kind === "mapping" || node.kind === "sequence") && !useBlockCollection) state.openEnded = false;
	if (useBlockCollection && compact && level > 0 && state.indent > 2) body = `${" ".repeat(state.indent - 2)}${body}`;
	const noBody = body === "";
	let text = body;
	if (shouldPrintTag || hasAnchor) {
		const props = [];
		const tag = shouldPrintTag ? nodeTagShort(node) : null;
		const anchor = hasAnchor ? `&${node.anchor}` : null;
		if (state.tagBeforeAnchor) {
			if (tag !== null) props.push(tag);
			if (anchor !== null) props.push(anchor);
		} else {
			if (anchor !== null) props.push(anchor);
			if (tag !== null) props.push(tag);
		}
		const sep = body === "" || body.charCodeAt(0) === CHAR_LINE_FEED ? "" : " ";
		text = `${props.join(" ")}${sep}${body}`;
	}
	return {
		text,
		noBody
	};
}
function rootStartsOwnLine(node) {
	return (node.kind === "sequence" || node.kind === "mapping") && node.style === COLLECTION_STYLE.BLOCK && node.items.length !== 0 && !node.tagged && node.anchor === void 0;
}
function writeDocumentDirectives(doc) {
	let result = "";
	for (const directive of doc.directives) {
		if (directive.kind === "yaml") {
			result += `%YAML ${directive.version}\n`;
			continue;
		}
		const { handle, prefix } = directive;
		result += `%TAG ${handle} ${prefix}\n`;
	}
	return result;
}
/**
* Build YAML from AST.
*
* @category AST
*/
function present(documents, options) {
	const state = createPresenterState(options);
	let result = "";
	let previousEnded = false;
	for (let index = 0; index < documents.length; index += 1) {
		const doc = documents[index];
		state.openEnded = false;
		const directives = writeDocumentDirectives(doc);
		const hasDirectives = directives !== "";
		const marker = doc.explicitStart || hasDirectives || index > 0 && !previousEnded;
		result += directives;
		if (doc.contents === null) {
			if (marker) result += "---\n";
		} else if (marker) {
			const body = writeNode(state, 0, doc.contents, null, {
				block: true,
				compact: true
			}).text;
			const sep = body === "" ? "" : hasDirectives || rootStartsOwnLine(doc.contents) ? "\n" : " ";
			result += `---${sep}${body}\n`;
		} else result += writeNode(state, 0, doc.contents, null, {
			block: true,
			compact: true
		}).text + "\n";
		previousEnded = doc.explicitEnd || state.openEnded;
		if (previousEnded) result += "...\n";
	}
	return result;
}
//#endregion
//#region src/dump.ts
var DEFAULT_DUMP_OPTIONS = {
	...DEFAULT_PRESENTER_OPTIONS,
	schema: DUMP_SCHEMA,
	skipInvalid: false,
	noRefs: false,
	flowLevel: -1,
	sortKeys: false,
	transform: () => {}
};
function defaultCompareFn(a, b) {
	const x = String(a);
	const y = String(b);
	if (x < y) return -1;
	if (x > y) return 1;
	return 0;
}
/**
* Serializes JS object as a YAML document. By default it can dump every
* supported YAML type, so it throws an exception if you try to dump regexps or
* functions. However, you can disable exceptions by setting the
* {@link DumpOptions.skipInvalid} option to `true`.
*
* @category Main
*/
function dump(input, options = {}) {
	const opts = {
		...DEFAULT_DUMP_OPTIONS,
		...options
	};
	const documents = jsToAst(input, opts.schema, {
		noRefs: opts.noRefs,
		skipInvalid: opts.skipInvalid
	});
	if (opts.flowLevel >= 0) visit(documents, (node, ctx) => {
		if (ctx.depth < opts.flowLevel) return;
		if (node.kind === "sequence" || node.kind === "mapping") node.style = COLLECTION_STYLE.FLOW;
		return VISIT_SKIP;
	});
	if (opts.sortKeys) {
		const compareFn = opts.sortKeys === true ? defaultCompareFn : opts.sortKeys;
		visit(documents, (node) => {
			if (node.kind !== "mapping") return;
			node.items.sort((a, b) => compareFn(a.key.kind === "scalar" ? a.key.value : "", b.key.kind === "scalar" ? b.key.value : ""));
		});
	}
	opts.transform(documents);
	return present(documents, {
		...pick(opts, Object.keys(DEFAULT_PRESENTER_OPTIONS)),
		schema: opts.schema
	});
}
//#endregion
//#region src/ast/from_events.ts
var NO_RANGE = (/* unused pure expression or super */ null && (-1));
function eventPosition(event) {
	if ("tagStart" in event && event.tagStart !== NO_RANGE) return event.tagStart;
	if ("anchorStart" in event && event.anchorStart !== NO_RANGE) return event.anchorStart;
	if ("valueStart" in event && event.valueStart !== NO_RANGE) return event.valueStart;
	if ("start" in event) return event.start;
	return 0;
}
function rawTag(state, event) {
	return event.tagStart === NO_RANGE ? "" : state.source.slice(event.tagStart, event.tagEnd);
}
function anchorName(state, event) {
	return event.anchorStart === NO_RANGE ? void 0 : state.source.slice(event.anchorStart, event.anchorEnd);
}
function buildScalar(state, event) {
	const value = getScalarValue(state.source, event);
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw !== "") {
		tagged = true;
		tag = raw;
	} else if (event.style === js_yaml_SCALAR_STYLE.PLAIN) tag = state.schema.resolveImplicitScalarTag(value).tag.tagName;
	else tag = state.schema.defaultScalarTag.tagName;
	return {
		kind: "scalar",
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event),
		value
	};
}
function buildCollection(state, event, defaultTagName) {
	const raw = rawTag(state, event);
	let tag;
	let tagged = false;
	if (raw === "") tag = defaultTagName;
	else {
		tag = raw;
		tagged = true;
	}
	return {
		tag,
		tagged,
		style: event.style,
		anchor: anchorName(state, event)
	};
}
function addNode(state, node) {
	const frame = state.frames[state.frames.length - 1];
	if (frame.kind === "document") frame.doc.contents = node;
	else if (frame.kind === "sequence") frame.node.items.push(node);
	else if (frame.key) {
		frame.node.items.push({
			key: frame.key,
			value: node
		});
		frame.key = null;
	} else frame.key = node;
}
/**
* Builds an AST from parser events
*
* @category AST
*/
function eventsToAst(events, options) {
	const state = {
		source: options.source,
		schema: options.schema,
		eventIndex: 0,
		position: 0,
		frames: [],
		documents: []
	};
	while (state.eventIndex < events.length) {
		const event = events[state.eventIndex++];
		state.position = eventPosition(event);
		switch (event.type) {
			case js_yaml_EVENT_ID.DOCUMENT: {
				const doc = {
					contents: null,
					explicitStart: event.explicitStart,
					explicitEnd: event.explicitEnd,
					directives: event.directives
				};
				state.frames.push({
					kind: "document",
					doc
				});
				break;
			}
			case js_yaml_EVENT_ID.SCALAR:
				addNode(state, buildScalar(state, event));
				break;
			case js_yaml_EVENT_ID.SEQUENCE: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:seq");
				const node = {
					kind: "sequence",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "sequence",
					node
				});
				break;
			}
			case js_yaml_EVENT_ID.MAPPING: {
				const { tag, tagged, style, anchor } = buildCollection(state, event, "tag:yaml.org,2002:map");
				const node = {
					kind: "mapping",
					tag,
					tagged,
					style,
					anchor,
					items: []
				};
				state.frames.push({
					kind: "mapping",
					node,
					key: null
				});
				break;
			}
			case js_yaml_EVENT_ID.ALIAS:
				addNode(state, {
					kind: "alias",
					anchor: state.source.slice(event.anchorStart, event.anchorEnd)
				});
				break;
			case js_yaml_EVENT_ID.POP: {
				const frame = state.frames.pop();
				if (frame.kind === "mapping" && frame.key) throw new Error("incomplete mapping pair in event stream");
				if (frame.kind === "document") state.documents.push(frame.doc);
				else addNode(state, frame.node);
				break;
			}
		}
	}
	return state.documents;
}
//#endregion
//#region src/index.ts
/** @deprecated Use `EVENT_ID.DOCUMENT` instead. @internal */
var EVENT_DOCUMENT = js_yaml_EVENT_ID.DOCUMENT;
/** @deprecated Use `EVENT_ID.SEQUENCE` instead. @internal */
var EVENT_SEQUENCE = js_yaml_EVENT_ID.SEQUENCE;
/** @deprecated Use `EVENT_ID.MAPPING` instead. @internal */
var EVENT_MAPPING = js_yaml_EVENT_ID.MAPPING;
/** @deprecated Use `EVENT_ID.SCALAR` instead. @internal */
var EVENT_SCALAR = js_yaml_EVENT_ID.SCALAR;
/** @deprecated Use `EVENT_ID.ALIAS` instead. @internal */
var EVENT_ALIAS = js_yaml_EVENT_ID.ALIAS;
/** @deprecated Use `EVENT_ID.POP` instead. @internal */
var EVENT_POP = js_yaml_EVENT_ID.POP;
/** @deprecated Use `SCALAR_STYLE.PLAIN` instead. @internal */
var SCALAR_STYLE_PLAIN = js_yaml_SCALAR_STYLE.PLAIN;
/** @deprecated Use `SCALAR_STYLE.SINGLE_QUOTED` instead. @internal */
var SCALAR_STYLE_SINGLE_QUOTED = js_yaml_SCALAR_STYLE.SINGLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.DOUBLE_QUOTED` instead. @internal */
var SCALAR_STYLE_DOUBLE_QUOTED = js_yaml_SCALAR_STYLE.DOUBLE_QUOTED;
/** @deprecated Use `SCALAR_STYLE.LITERAL_BLOCK` instead. @internal */
var SCALAR_STYLE_LITERAL_BLOCK = js_yaml_SCALAR_STYLE.LITERAL_BLOCK;
/** @deprecated Use `SCALAR_STYLE.FOLDED_BLOCK` instead. @internal */
var SCALAR_STYLE_FOLDED_BLOCK = js_yaml_SCALAR_STYLE.FOLDED_BLOCK;
/** @deprecated Use `COLLECTION_STYLE.BLOCK` instead. @internal */
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
/** @deprecated Use `COLLECTION_STYLE.FLOW` instead. @internal */
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
/** @deprecated Use `CHOMPING_MODE.CLIP` instead. @internal */
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
/** @deprecated Use `CHOMPING_MODE.STRIP` instead. @internal */
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
/** @deprecated Use `CHOMPING_MODE.KEEP` instead. @internal */
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;
//#endregion


//# sourceMappingURL=js-yaml.mjs.map
;// CONCATENATED MODULE: ./src/shared/odahu/errors.ts
// The errors users see. Each message is one line (InputError: one line per problem) that says what
// failed and where, and never holds a secret: messages pass through `redact`, URLs lose any userinfo.
// What a server said is cut to MAX_SERVER_MESSAGE characters and made inert (untrusted-text.ts), so
// a message can be printed in the job log as it is.


/** A URL as it may be shown: without `user:password@`. */
function displayUrl(url) {
    try {
        const parsed = new URL(url);
        if (!parsed.username && !parsed.password)
            return url;
        parsed.username = '';
        parsed.password = '';
        return parsed.toString();
    }
    catch {
        return url;
    }
}
/** A server's message is for a line of the log; its whole text, when kept, is ApiError.body. */
const MAX_SERVER_MESSAGE = 500;
/** One line without secrets, made inert: what a message may hold of text from outside. */
function errors_oneLine(text) {
    return inertLine(redact(text)
        .replace(/\s*[\r\n]+\s*/g, ' ')
        .trim());
}
function serverLine(text) {
    return errors_oneLine(cutText(text, MAX_SERVER_MESSAGE));
}
/** ` (tried for 3m 00s, 41 attempts)` after a message, when there was more than one attempt. */
function triedNote(tried) {
    return tried ? ` (${tried})` : '';
}
/** Bad inputs, settings or manifests: every problem found, one line each. */
class errors_InputError extends Error {
    problems;
    constructor(problems) {
        const lines = problems.map((problem) => redact(errors_oneLine(problem)));
        super(lines.join('\n'));
        this.name = 'InputError';
        this.problems = lines;
    }
}
/** Bodies are kept for display, not for storage: a proxy's error page can be long. */
const MAX_BODY = 4000;
/** A non-2xx answer of the Odahu API or a model server. */
class errors_ApiError extends Error {
    method;
    url;
    status;
    serverMessage;
    retryAfter;
    tried;
    body;
    constructor(details) {
        const serverMessage = redact(serverLine(details.serverMessage));
        super(redact(`${details.method} ${errors_oneLine(displayUrl(details.url))} failed: ${details.status}` +
            (serverMessage ? ` ${serverMessage}` : '') +
            triedNote(details.tried)));
        this.name = 'ApiError';
        this.method = details.method;
        this.url = displayUrl(details.url);
        this.status = details.status;
        this.serverMessage = serverMessage;
        this.retryAfter = details.retryAfter;
        this.tried = details.tried;
        this.body = redact((details.body ?? '').slice(0, MAX_BODY));
    }
    /** The same failure, as the last of several attempts (`tried`: how long and how often). */
    afterTrying(tried) {
        const { method, url, status, serverMessage, retryAfter, body } = this;
        return new errors_ApiError({ method, url, status, serverMessage, retryAfter, tried, body });
    }
}
/** The token endpoint refused the credentials, or answered without a token. */
class AuthError extends Error {
    authUrl;
    status;
    constructor(authUrl, description, status) {
        super(redact(`authentication failed at ${errors_oneLine(displayUrl(authUrl))}: ${serverLine(description)}`));
        this.name = 'AuthError';
        this.authUrl = displayUrl(authUrl);
        this.status = status;
    }
}
/** No HTTP answer at all: refused, reset, unresolvable host, timeout. */
class NetworkError extends Error {
    method;
    url;
    /** The system error code (ECONNREFUSED, ENOTFOUND, ...), when there is one. */
    code;
    cause;
    tried;
    /** The message without the call: `network error: <cause>[ (tried for ..., n attempts)]`. */
    detail;
    constructor(method, url, cause, tried) {
        const detail = redact(`network error: ${serverLine(cause.message) || cause.name}${triedNote(tried)}`);
        super(redact(`${method} ${errors_oneLine(displayUrl(url))} failed: ${detail}`));
        this.name = 'NetworkError';
        this.detail = detail;
        this.method = method;
        this.url = displayUrl(url);
        this.code = cause.code;
        this.cause = cause;
        this.tried = tried;
    }
    /** The same failure, as the last of several attempts (`tried`: how long and how often). */
    afterTrying(tried) {
        return new NetworkError(this.method, this.url, this.cause, tried);
    }
    /** The request surely never reached the server, so even a non-idempotent one may be sent again. */
    get neverSent() {
        return this.code === 'ECONNREFUSED' || this.code === 'ENOTFOUND' || this.code === 'EAI_AGAIN';
    }
}
/** Sizes as the messages give them: `8 MiB`, `64 KiB`, `512 bytes`. */
function formatBytes(bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0)
        return `${bytes / 1024 / 1024} MiB`;
    if (bytes >= 1024 && bytes % 1024 === 0)
        return `${bytes / 1024} KiB`;
    return `${bytes.toLocaleString('en-US')} bytes`;
}
/** An answer over the size the caller reads (a model's, a server's): not read further, not retried. */
class TooLargeError extends Error {
    constructor(method, url, maxBytes) {
        super(redact(`${method} ${errors_oneLine(displayUrl(url))} failed: the answer is larger than ${formatBytes(maxBytes)}; it was not read further`));
        this.name = 'TooLargeError';
    }
}

;// CONCATENATED MODULE: ./src/shared/odahu/shapes.ts
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
const shapes_KIND_SHAPES = {
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

;// CONCATENATED MODULE: ./src/shared/action/template.ts
// `{name}` placeholders in manifest text, as the Airflow plugin's resource() helper has template
// variables. Only an identifier in single braces is a placeholder, so JSON and YAML flow maps
// (`{"a": 1}`, `{a: 1}`), Odahu's Go templates (`{{ .Name }}`, `{{Name}}`) and shell expansions
// (`${HOME}`) pass through untouched. A value is data, never manifest: each placeholder becomes a
// token of letters and digits (a plain scalar anywhere YAML or JSON can hold one), the text is parsed,
// and only then do the tokens in the parsed strings become the values. A value with quotes, commas or
// line breaks (`x","workDir":"/evil`) stays inside the string it was written in.



const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PLACEHOLDER = /(?<![{$])\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})/g;
/** Manifest text whose placeholders are tokens, and how to put the values back into what it parses to. */
class template_MarkedTemplate {
    /** The text with a token for each placeholder: parse this. */
    text;
    /** The value of each token, by its number. */
    values = [];
    /** The names of the vars a placeholder of the text used. */
    used = new Set();
    token;
    wholeToken;
    /** Throws an InputError naming each placeholder that has no value, with its line. */
    constructor(text, vars, source) {
        // Random, so that no text of the manifest can pass for a token.
        const mark = `odahuvar${randomBytes(6).toString('hex')}`;
        const missing = new Map();
        this.text = text.replace(PLACEHOLDER, (placeholder, name, offset) => {
            if (!Object.prototype.hasOwnProperty.call(vars, name)) {
                if (!missing.has(name))
                    missing.set(name, template_lineAt(text, offset));
                return placeholder;
            }
            this.values.push(vars[name] ?? '');
            this.used.add(name);
            return `${mark}x${this.values.length - 1}x`;
        });
        if (missing.size > 0) {
            throw new InputError([...missing].map(([name, line]) => `${source}, line ${line}: no value for template variable {${name}}`));
        }
        this.token = new RegExp(`${mark}x(\\d+)x`, 'g');
        this.wholeToken = new RegExp(`^${mark}x(\\d+)x$`);
    }
    /** Whether a scalar's text is one token and nothing else. */
    isToken(text) {
        return this.wholeToken.test(text);
    }
    /** A string with each token replaced by its value. */
    fill(text) {
        return text.replace(this.token, (_, index) => this.values[Number(index)] ?? '');
    }
    /**
     * A parsed document with the values put in: in every string (keys too). A token that was a whole
     * plain scalar (`replicas: {n}`), listed in `plain`, is typed as YAML types a plain scalar (a
     * number, true, null); a value that YAML would read as a list or a map stays a string.
     */
    fillTree(tree, plain = new Set()) {
        if (typeof tree === 'string') {
            if (!plain.has(tree))
                return this.fill(tree);
            return plainScalar(this.fill(tree));
        }
        if (Array.isArray(tree))
            return tree.map((item) => this.fillTree(item, plain));
        if (typeof tree === 'object' && tree !== null) {
            return Object.fromEntries(Object.entries(tree).map(([key, value]) => [this.fill(key), this.fillTree(value, plain)]));
        }
        return tree;
    }
}
/** A value as YAML reads a plain scalar: a number, a boolean or null; any other the text as it is. */
function plainScalar(value) {
    let typed;
    try {
        typed = load(value);
    }
    catch {
        return value;
    }
    if (typed === null || typed === undefined)
        return null;
    return typeof typed === 'number' || typeof typed === 'boolean' ? typed : value;
}
/** 1-based line of an offset. */
function template_lineAt(text, offset) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/**
 * The `vars` input: KEY=VALUE lines (`#` starts a comment line) or a YAML map of single values.
 * Values keep their text as written (`version: 1.0` is "1.0").
 */
function parseVars(text, inputName = 'vars') {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
    if (lines.length === 0)
        return {};
    if (lines.every((line) => /^\s*[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)))
        return varsOfLines(lines, inputName);
    return varsOfYaml(text, inputName);
}
function varsOfLines(lines, inputName) {
    const vars = {};
    const problems = [];
    for (const line of lines) {
        const at = line.indexOf('=');
        const name = line.slice(0, at).trim();
        const value = line.slice(at + 1).trim();
        if (Object.prototype.hasOwnProperty.call(vars, name))
            problems.push(`${inputName}: ${name} is given twice`);
        // dotenv style: one pair of matching quotes around the value is not part of it.
        vars[name] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
    }
    if (problems.length > 0)
        throw new errors_InputError(problems);
    return vars;
}
function varsOfYaml(text, inputName) {
    let document;
    try {
        document = js_yaml_load(text, { schema: js_yaml_FAILSAFE_SCHEMA });
    }
    catch {
        document = undefined;
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        throw new errors_InputError([`${inputName} is neither KEY=VALUE lines nor a YAML map of names to values`]);
    }
    const problems = [];
    const vars = {};
    for (const [name, value] of Object.entries(document)) {
        if (!NAME.test(name)) {
            problems.push(`${inputName}: "${name}" cannot be a placeholder name (letters, digits and _, not first a digit)`);
        }
        else if (typeof value !== 'string') {
            problems.push(`${inputName}: ${name} must be a single value, not a list or map`);
        }
        else {
            vars[name] = value;
        }
    }
    if (problems.length > 0)
        throw new errors_InputError(problems);
    return vars;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/shared/action/workspace-files.ts
// Where the files an input names may be: in the workspace (GITHUB_WORKSPACE, else the working
// directory) or in RUNNER_TEMP, where earlier steps write. A workflow that runs a pull request's
// manifests must not be made to read the runner's own files (a key, a token file) into an API call
// or an error message, nor to write over them. Symbolic links are followed before the check, so a
// link in the workspace that points out of it is refused too. A job that means to read or write
// elsewhere says so: ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE=true.


const ALLOW_OUTSIDE_VARIABLE = 'ODAHU_ALLOW_FILES_OUTSIDE_WORKSPACE';
/** The folders files may be in, links resolved. */
function fileRoots(options = {}) {
    const env = options.env ?? process.env;
    const roots = [env.GITHUB_WORKSPACE || options.cwd || process.cwd(), env.RUNNER_TEMP];
    return [...new Set(roots.filter((root) => !!root && (0,external_node_fs_namespaceObject.existsSync)(root)).map(real))];
}
function real(path) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(path);
    }
    catch {
        return (0,external_node_path_namespaceObject.resolve)(path);
    }
}
function inside(path, root) {
    const rel = (0,external_node_path_namespaceObject.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_namespaceObject.isAbsolute)(rel));
}
/**
 * Why `path` may not be used (`read` an existing file, or `write` one, whose folder must exist), or
 * undefined when it may. `what` names it in the message: `input output-file`.
 */
function outsideWorkspaceProblem(path, what, options = {}) {
    const env = options.env ?? process.env;
    if (/^true$/i.test(env[ALLOW_OUTSIDE_VARIABLE]?.trim() ?? ''))
        return undefined;
    // A file that exists is judged where its links lead; a new one by its folder.
    const resolved = (0,external_node_fs_namespaceObject.existsSync)(path)
        ? real(path)
        : (0,external_node_path_namespaceObject.resolve)(real((0,external_node_path_namespaceObject.dirname)(path)), (0,external_node_path_namespaceObject.relative)((0,external_node_path_namespaceObject.dirname)(path), path));
    const roots = fileRoots(options);
    if (roots.some((root) => inside(resolved, root)))
        return undefined;
    const lead = resolved === (0,external_node_path_namespaceObject.resolve)(path) ? '' : ` (it leads to ${resolved})`;
    return (`${what}: ${path} is outside the workspace${lead}: files are read and written only in ` +
        `GITHUB_WORKSPACE or RUNNER_TEMP; set ${ALLOW_OUTSIDE_VARIABLE}: true in the job's env to allow it`);
}

;// CONCATENATED MODULE: ./src/shared/action/text-input.ts
// An input that holds either the text itself or the path of a file with it (manifests, prediction
// requests, key files). One rule everywhere: a single line naming an existing file is a path, looked
// up in GITHUB_WORKSPACE and then the working directory; a single line that only looks like a path
// (by its extension) is a missing file; anything else is the text itself. A file outside the
// workspace (and RUNNER_TEMP) is refused, links followed (workspace-files.ts).




function text_input_readTextInput(input, options) {
    const value = input.trim();
    const { inputName } = options;
    if (value === '')
        throw new errors_InputError([`${inputName} is empty`]);
    if (value.includes('\n'))
        return { text: input, source: `inline ${inputName}` };
    const candidates = candidatePaths(value, options);
    const found = candidates.find((path) => (0,external_node_fs_namespaceObject.existsSync)(path) && (0,external_node_fs_namespaceObject.statSync)(path).isFile());
    if (found) {
        const outside = outsideWorkspaceProblem(found, inputName, options);
        if (outside)
            throw new errors_InputError([outside]);
        try {
            return { text: (0,external_node_fs_namespaceObject.readFileSync)(found, 'utf8'), source: value };
        }
        catch (error) {
            throw new errors_InputError([`${value}: cannot read ${found}: ${error.message}`]);
        }
    }
    if (options.pathLike.test(value)) {
        throw new errors_InputError([`${inputName}: file ${value} not found (looked for ${candidates.join(' and ')})`]);
    }
    return { text: input, source: `inline ${inputName}` };
}
/** Relative paths are looked up in GITHUB_WORKSPACE, then in the working directory. */
function candidatePaths(path, options) {
    if ((0,external_node_path_namespaceObject.isAbsolute)(path))
        return [path];
    const workspace = (options.env ?? process.env).GITHUB_WORKSPACE;
    const roots = [workspace, options.cwd ?? process.cwd()].filter((root) => !!root);
    return [...new Set(roots.map((root) => (0,external_node_path_namespaceObject.resolve)(root, path)))];
}

;// CONCATENATED MODULE: ./src/shared/action/manifests.ts
// Manifests as users hand them to an action: inline YAML or JSON, or a file in the workspace; one
// resource or many (YAML documents, JSON arrays). Each is checked against its kind's shape before any
// call, so a wrong type fails here with the file and line instead of as a Go decoder message, and a
// field the server would silently ignore (`minReplica`) is reported as a warning.







/** Every resource of a manifest input, in order. An InputError lists every problem of every one. */
function loadManifests(input, options = {}) {
    return manifests_load(input, options).manifests;
}
/** Exactly one resource of `kind`; a document without a kind is taken to be of that kind. */
function manifests_loadManifest(input, kind, options = {}) {
    const { manifests, source } = manifests_load(input, options, kind);
    if (manifests.length !== 1) {
        throw new InputError([`${source} holds ${manifests.length} resources; exactly one ${kind} is expected`]);
    }
    const [manifest] = manifests;
    if (!manifest || manifest.kind !== kind) {
        throw new InputError([`${manifest?.origin ?? source}: kind is ${manifest?.kind}; a ${kind} is expected`]);
    }
    return manifest;
}
function manifests_load(input, options, defaultKind) {
    const { text, source } = readInput(input, options);
    const template = options.vars && Object.keys(options.vars).length > 0
        ? new MarkedTemplate(text, options.vars, source)
        : undefined;
    for (const name of template?.used ?? [])
        options.usedVars?.add(name);
    const problems = [];
    const manifests = [];
    for (const document of parseDocuments(template?.text ?? text, source, template)) {
        const manifest = checkDocument(document, defaultKind, problems, options.idFromInput === true);
        if (manifest)
            manifests.push(manifest);
    }
    if (problems.length > 0)
        throw new InputError(problems);
    return { manifests, source };
}
function inputNameOf(options) {
    return options.inputName ?? 'manifest';
}
function readInput(input, options) {
    return readTextInput(input, { ...options, inputName: inputNameOf(options), pathLike: /\.(ya?ml|json)$/i });
}
/**
 * YAML documents (JSON is YAML), each read twice: with types, and as written. A document that is a
 * list gives one resource per item. Empty documents are skipped. With a template, the values go into
 * what was parsed (template.ts).
 */
function parseDocuments(source, name, template) {
    let events;
    let values;
    let texts;
    try {
        events = parseEvents(source, {});
        values = constructFromEvents(events, { source });
        texts = constructFromEvents(events, { source, schema: FAILSAFE_SCHEMA });
        if (template) {
            const plain = plainTokens(events, source, template);
            values = values.map((value) => template.fillTree(value, plain));
            texts = texts.map((text) => template.fillTree(text));
        }
    }
    catch (error) {
        if (!(error instanceof YAMLException))
            throw error;
        const where = error.mark ? `, line ${error.mark.line + 1}, column ${error.mark.column + 1}` : '';
        throw new InputError([`${name}${where}: not valid YAML or JSON: ${error.reason}`]);
    }
    const starts = documentStarts(events);
    const documents = [];
    values.forEach((value, index) => {
        if (value === null || value === undefined)
            return;
        const start = starts[index];
        const documentName = `${name}, document ${index + 1}`;
        if (Array.isArray(value)) {
            const itemTexts = texts[index];
            value.forEach((item, itemIndex) => {
                const offset = start?.items[itemIndex] ?? start?.offset ?? -1;
                documents.push({
                    value: item,
                    text: itemTexts[itemIndex],
                    origin: `${documentName}, item ${itemIndex + 1}${lineNote(source, offset)}`,
                });
            });
        }
        else {
            documents.push({
                value,
                text: texts[index],
                origin: `${documentName}${lineNote(source, start?.offset ?? -1)}`,
            });
        }
    });
    return documents;
}
/** The tokens that were whole plain scalars (`replicas: {n}`): their values are typed as YAML types them. */
function plainTokens(events, source, template) {
    const plain = new Set();
    for (const event of events) {
        if (event.type !== EVENT_ID.SCALAR || !('style' in event) || event.style !== SCALAR_STYLE.PLAIN)
            continue;
        if (!('valueStart' in event) || event.valueStart < 0)
            continue;
        const text = source.slice(event.valueStart, event.valueEnd);
        if (template.isToken(text))
            plain.add(text);
    }
    return plain;
}
function lineNote(source, offset) {
    return offset >= 0 ? ` (line ${lineAt(source, offset)})` : '';
}
/** Where each document (and each item of a top-level list) starts, from the parser's events. */
function documentStarts(events) {
    const starts = [];
    let depth = 0;
    let current;
    let rootIsList = false;
    for (const event of events) {
        const offset = 'start' in event
            ? event.start
            : 'valueStart' in event
                ? event.valueStart
                : 'anchorStart' in event
                    ? event.anchorStart
                    : -1;
        switch (event.type) {
            case EVENT_ID.DOCUMENT:
                current = { offset: -1, items: [] };
                starts.push(current);
                depth = 0;
                continue;
            case EVENT_ID.POP: // the end of a document, list or map
                depth--;
                continue;
        }
        if (!current)
            continue;
        if (depth === 0) {
            current.offset = offset;
            rootIsList = event.type === EVENT_ID.SEQUENCE;
        }
        else if (depth === 1 && rootIsList) {
            current.items.push(offset);
        }
        if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING)
            depth++;
    }
    return starts;
}
// ---------------------------------------------------------------------------------------------
// Checking a resource against its kind's shape
const ENVELOPE_EXTRA = new Set(['kind']);
function checkDocument(document, defaultKind, problems, idFromInput) {
    const { value, text, origin } = document;
    const fail = (problem) => {
        problems.push(`${origin}: ${problem}`);
        return undefined;
    };
    if (!manifests_isPlainObject(value)) {
        return fail(`a resource must be a map with kind, id and spec, not ${describe(value)}`);
    }
    const rawKind = value.kind ?? defaultKind;
    if (rawKind === undefined || rawKind === null)
        return fail(`kind is missing (one of ${KIND_NAMES.join(', ')})`);
    if (!isKindName(rawKind)) {
        const written = typeof rawKind === 'string' ? rawKind : describe(rawKind);
        return fail(`unknown kind of object: '${written}' (known: ${KIND_NAMES.join(', ')})`);
    }
    const kind = rawKind;
    const before = problems.length;
    const warnings = [];
    const context = { origin, problems, warnings };
    const resource = checkValue(KIND_SHAPES[kind], value, text, '', context, ENVELOPE_EXTRA);
    const noId = typeof resource.id !== 'string' || resource.id === '';
    if (!KINDS[kind].generatedId && noId && !idFromInput)
        problems.push(`${origin}: id is missing`);
    if (resource.spec === undefined || resource.spec === null)
        problems.push(`${origin}: spec is missing`);
    if (problems.length > before)
        return undefined;
    if (value.kind === undefined)
        resource.kind = kind;
    return {
        kind,
        id: typeof resource.id === 'string' ? resource.id : '',
        resource: resource,
        origin,
        warnings,
    };
}
/** The value with string fields as written; type problems and unknown fields go to the context. */
function checkValue(shape, value, text, path, context, allowedExtra = new Set()) {
    // JSON null is "absent" to the server's decoder.
    if (value === null || value === undefined)
        return value;
    const wrong = (expected) => {
        context.problems.push(`${context.origin}: ${path} must be ${expected}, not ${describe(value)}`);
        return value;
    };
    switch (shape.t) {
        case 'any':
            return value;
        case 'string':
            if (typeof value === 'string')
                return value;
            // A plain YAML scalar in a string field: the text as written, not what YAML made of it.
            if ((typeof value === 'number' || typeof value === 'boolean') && typeof text === 'string')
                return text;
            return wrong('a string');
        case 'int':
            return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? value : wrong('a whole number');
        case 'bool':
            return typeof value === 'boolean' ? value : wrong('true or false');
        case 'array': {
            if (!Array.isArray(value))
                return wrong('a list');
            const texts = Array.isArray(text) ? text : [];
            return value.map((item, index) => checkValue(shape.of, item, texts[index], `${path}[${index}]`, context));
        }
        case 'map': {
            if (!manifests_isPlainObject(value))
                return wrong('a map');
            const texts = manifests_isPlainObject(text) ? text : {};
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [
                key,
                checkValue(shape.of, item, texts[key], join(path, key), context),
            ]));
        }
        case 'object': {
            if (!manifests_isPlainObject(value))
                return wrong('a map');
            const texts = manifests_isPlainObject(text) ? text : {};
            const checked = {};
            for (const [key, item] of Object.entries(value)) {
                const field = shape.fields[key];
                if (field) {
                    checked[key] = checkValue(field, item, texts[key], join(path, key), context);
                }
                else {
                    if (!allowedExtra.has(key))
                        context.warnings.push(unknownFieldWarning(shape, key, path, context.origin));
                    checked[key] = item;
                }
            }
            return checked;
        }
    }
}
function unknownFieldWarning(shape, key, path, origin) {
    const near = Object.keys(shape.fields).find((field) => isNear(field, key));
    return (`${origin}: ${join(path, key)} is not a field of ${shape.go}; the server ignores it` +
        (near ? ` (did you mean ${near}?)` : ''));
}
/** A likely typo: same letters in another case, or one edit away (two for long names). */
function isNear(field, key) {
    if (field.toLowerCase() === key.toLowerCase())
        return true;
    return editDistance(field, key) <= (field.length > 8 ? 2 : 1);
}
function join(path, key) {
    return path ? `${path}.${key}` : key;
}
function manifests_isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (Array.isArray(value))
        return 'a list';
    if (manifests_isPlainObject(value))
        return 'a map';
    // Cut: a file that is not a manifest (a key, a page of text) must not be printed whole.
    if (typeof value === 'string')
        return `the string "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
    return `${typeof value} ${String(value)}`;
}

;// CONCATENATED MODULE: ./src/shared/odahu/airflow-connection.ts
// The Odahu connection of the Airflow plugin, in the two forms Airflow reads from AIRFLOW_CONN_*
// variables: the connection URI and the JSON document. Parsed the way Airflow parses them, so a
// secret copied from an Airflow deployment means the same thing here.

const URI_FORM = 'expected <type>://[login:password@]host[:port][/schema][?extra] or a JSON object';
/** Reads either form. The reason of a failure never quotes the text (it holds the secret). */
function parseAirflowConnection(text) {
    const trimmed = text.trim();
    try {
        const connection = trimmed.startsWith('{') ? fromJson(trimmed) : fromUri(trimmed);
        return { ok: true, connection };
    }
    catch (error) {
        if (error instanceof ConnectionFormatError)
            return { ok: false, reason: error.message };
        throw error;
    }
}
/** The API URL the connection names: `<schema or http>://<host>[:<port>]`; undefined without a host. */
function apiUrlOf(connection) {
    const { host, port, schema } = connection;
    if (!host)
        return undefined;
    const hostPart = host.includes(':') && !host.includes('://') && !host.startsWith('[') ? `[${host}]` : host;
    const base = host.includes('://') ? hostPart : `${schema || 'http'}://${hostPart}`;
    return port === undefined ? base : `${base}:${port}`;
}
/** A string field of Extra, if present. */
function extraString(connection, key) {
    const value = connection.extra[key];
    return typeof value === 'string' ? value : undefined;
}
class ConnectionFormatError extends Error {
}
function fail(reason) {
    throw new ConnectionFormatError(reason);
}
/** Python's urllib unquote: decodes %XX sequences and leaves malformed ones as they are. */
function unquote(text) {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
        try {
            return decodeURIComponent(run);
        }
        catch {
            return run;
        }
    });
}
function fromUri(uri) {
    // Counted before the query, whose values (an auth_url) may hold unencoded URLs.
    const schemes = (uri.split('?', 1)[0] ?? '').split('://').length - 1;
    if (schemes > 2)
        fail(`more than two '://' before the query`);
    const typeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(uri);
    if (!typeMatch?.[1])
        fail(URI_FORM);
    const connType = typeMatch[1];
    let rest = uri.slice(typeMatch[0].length);
    // `type://https://host/...`: the host keeps its own protocol (Airflow's host_with_protocol).
    let protocol = '';
    if (schemes === 2) {
        const index = rest.indexOf('://');
        protocol = rest.slice(0, index);
        if (protocol.includes('@') || protocol.includes(':'))
            fail(`the host's protocol holds '@' or ':'`);
        rest = rest.slice(index + 3);
    }
    // urlsplit: the fragment goes first, then the query; the netloc ends at the first / ? or #.
    const withoutFragment = rest.split('#', 1)[0] ?? '';
    const queryAt = withoutFragment.indexOf('?');
    const query = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : '';
    const beforeQuery = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
    const pathAt = beforeQuery.indexOf('/');
    const netloc = pathAt >= 0 ? beforeQuery.slice(0, pathAt) : beforeQuery;
    const path = pathAt >= 0 ? beforeQuery.slice(pathAt) : '';
    const at = netloc.lastIndexOf('@');
    const userinfo = at >= 0 ? netloc.slice(0, at) : '';
    const hostPort = at >= 0 ? netloc.slice(at + 1) : netloc;
    const colon = userinfo.indexOf(':');
    const login = unquote(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
    const rawPassword = colon >= 0 ? userinfo.slice(colon + 1) : '';
    const password = unquote(rawPassword);
    // Both spellings: the URI's own and the decoded one.
    secrets_markSecret(rawPassword);
    secrets_markSecret(password);
    const { hostname, port } = splitHostPort(hostPort);
    const host = unquote(hostname).toLowerCase();
    return {
        connType: connType.replace(/-/g, '_'),
        host: protocol && host ? `${protocol}://${host}` : host,
        port,
        schema: unquote(path.slice(1)),
        login,
        password,
        extra: extraOfQuery(query),
    };
}
function splitHostPort(hostPort) {
    const bracketed = /^\[([^\]]*)\](?::(.*))?$/.exec(hostPort);
    const [hostname, portText] = bracketed
        ? [bracketed[1] ?? '', bracketed[2]]
        : hostPort.includes(':')
            ? [hostPort.slice(0, hostPort.lastIndexOf(':')), hostPort.slice(hostPort.lastIndexOf(':') + 1)]
            : [hostPort, undefined];
    if (portText === undefined || portText === '')
        return { hostname, port: undefined };
    return { hostname, port: parsePort(portText) };
}
function parsePort(value) {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
    if (!(port >= 0 && port <= 65535))
        fail(`the port is not a number from 0 to 65535`);
    return port;
}
/** Airflow keeps the query as Extra: `__extra__` holds it as JSON, else every parameter is one key. */
function extraOfQuery(query) {
    const params = new URLSearchParams(query);
    const json = params.get('__extra__');
    if (json !== null)
        return extraOfJson(json);
    const extra = {};
    for (const [key, value] of params)
        extra[key] = value;
    return extra;
}
function extraOfJson(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        fail('its extra is not valid JSON');
    }
    if (!airflow_connection_isPlainObject(value))
        fail('its extra is not a JSON object');
    return value;
}
function airflow_connection_isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function fromJson(text) {
    let document;
    try {
        document = JSON.parse(text);
    }
    catch {
        // JSON.parse quotes the text around the error, and the text holds the secret.
        fail('it starts with "{" but is not valid JSON');
    }
    if (!airflow_connection_isPlainObject(document))
        fail('it is not a JSON object');
    const field = (name) => {
        const value = document[name];
        if (value === undefined || value === null)
            return '';
        if (typeof value !== 'string')
            fail(`its ${name} is not a string`);
        return value;
    };
    const password = field('password');
    secrets_markSecret(password);
    const rawExtra = document.extra;
    const extra = rawExtra === undefined || rawExtra === null || rawExtra === ''
        ? {}
        : typeof rawExtra === 'string'
            ? extraOfJson(rawExtra)
            : airflow_connection_isPlainObject(rawExtra)
                ? rawExtra
                : fail('its extra is neither a JSON object nor a string holding one');
    const rawPort = document.port;
    return {
        connType: field('conn_type').replace(/-/g, '_'),
        host: field('host'),
        port: rawPort === undefined || rawPort === null || rawPort === '' ? undefined : parsePort(rawPort),
        schema: field('schema'),
        login: field('login'),
        password,
        extra,
    };
}

;// CONCATENATED MODULE: ./src/shared/duration.ts
// Durations as workflow authors write them (`90s`, `15m`, `2h`, `1h30m`, `500ms`, or plain seconds)
// and as logs, summaries and messages show them. No dependencies: the workflow runner uses it too.
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// `m(?!s)`: minutes, unless it begins `ms`.
const PARTS = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/;
/** Milliseconds; an error naming `name` when the text is no duration (InputReader reports it as a problem). */
function parseDuration(text, name = 'duration') {
    const trimmed = text.trim();
    if (/^\d+(?:\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * SECOND);
    const match = PARTS.exec(trimmed);
    if (!trimmed || !match) {
        throw new Error(`${name} "${text}" is not a duration: use seconds or h, m, s and ms parts, e.g. 90, 90s, 15m, 2h, 1h30m, 500ms`);
    }
    const [, hours, minutes, seconds, millis] = match;
    return Math.round(Number(hours ?? 0) * HOUR +
        Number(minutes ?? 0) * MINUTE +
        Number(seconds ?? 0) * SECOND +
        Number(millis ?? 0));
}
/**
 * A duration as people read it: `12s`, `1m 05s`, `15m`, `2h`, `1h 02m` (two units at most, a zero
 * second unit left out). Under a minute, seconds keep `fraction` decimals: `0.4s`, `12.3s`, `2.0s`.
 */
function formatDuration(ms, fraction = 0) {
    const scale = 10 ** fraction;
    const seconds = Math.round((ms / SECOND) * scale) / scale;
    if (seconds < 60)
        return `${seconds.toFixed(fraction)}s`;
    const wholeSeconds = Math.round(ms / SECOND);
    const minutes = Math.floor(wholeSeconds / 60);
    if (minutes < 60)
        return twoUnits(minutes, 'm', wholeSeconds % 60, 's');
    return twoUnits(Math.floor(minutes / 60), 'h', minutes % 60, 'm');
}
function twoUnits(large, largeUnit, small, smallUnit) {
    return small === 0
        ? `${large}${largeUnit}`
        : `${large}${largeUnit} ${String(small).padStart(2, '0')}${smallUnit}`;
}
/** A latency as logs and reports show it: `180 ms`, `1.25 s`. */
function formatMs(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(2))} s`;
}

;// CONCATENATED MODULE: ./src/shared/odahu/retry.ts
// Which failures are worth another try, how long to wait first, and for how long to keep trying.
// Retried: no answer at all, 502, 503, 504 (a gateway or a pod in between, an API server restarting)
// and 429 (waiting as long as Retry-After asks); never another 4xx (the request itself is wrong) nor
// a 500 (the server has decided). A call is tried until its time budget runs out, not a number of
// times: a restarting API server is gone for 30-60 s, and a wait may need to outlast that. The wait
// between tries grows to a cap with jitter, so clients that failed together do not come back together.




/** The default of the `retry-timeout` input. */
const DEFAULT_RETRY_BUDGET_MS = 3 * 60_000;
/**
 * How long a server that has not answered once this step (a host that does not resolve, refuses
 * every connection, never completes one) is tried before the call gives up: a wrong URL should not
 * cost the whole retry-timeout. One that has answered rides out an outage for the whole budget.
 */
const FIRST_CONTACT_BUDGET_MS = 30_000;
/**
 * The servers (origins, `https://host:port`) that have answered their owner at least once: a
 * client's transport, a token source, objects that live for one step. Until a server has, a call to
 * it gives up once FIRST_CONTACT_BUDGET_MS have passed; once it has, its silence is an outage. Kept
 * by the owner, not the process: a server that answered another step (another client in the same
 * process, as in the tests) says nothing about whether this step's URL is right.
 */
class AnsweredServers {
    origins = new Set();
    /** `url`'s server answered, whatever it said: it is there, and a later silence is an outage. */
    mark(url) {
        this.origins.add(originOf(url));
    }
    has(url) {
        return this.origins.has(originOf(url));
    }
    /**
     * For withRetries' giveUp: a call to a server that has not answered yet stops once its next try
     * would start past FIRST_CONTACT_BUDGET_MS, with one line that says so.
     */
    giveUp(url, server) {
        return ({ error, elapsedMs, delayMs, attempt }) => {
            if (!(error instanceof NetworkError) || this.has(url))
                return undefined;
            if (elapsedMs + delayMs <= FIRST_CONTACT_BUDGET_MS)
                return undefined;
            return error.afterTrying(`tried for ${formatDuration(elapsedMs)}, ${attempt} attempts; ${server} has not answered once since the step began: is the URL right?`);
        };
    }
}
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return url;
    }
}
const DEFAULT_RETRY_POLICY = {
    budgetMs: DEFAULT_RETRY_BUDGET_MS,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
};
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
/** The failure an error stands for, or undefined for errors that are not about the exchange. */
function failureOf(error) {
    if (error instanceof NetworkError)
        return { kind: 'network', neverSent: error.neverSent };
    if (error instanceof errors_ApiError)
        return { kind: 'status', status: error.status, retryAfter: error.retryAfter };
    return undefined;
}
/** A failure worth another try (for an idempotent call), whatever the time left. */
function isTransient(error) {
    const failure = failureOf(error);
    if (!failure)
        return false;
    return failure.kind === 'network' || RETRYABLE_STATUSES.has(failure.status);
}
/** What a failure answered, in a few words: `503`, `no answer (ECONNREFUSED)`. */
function answerOf(error) {
    if (error instanceof errors_ApiError)
        return String(error.status);
    if (error instanceof NetworkError)
        return `no answer${error.code ? ` (${error.code})` : ''}`;
    return thrown_messageOf(error);
}
/** Milliseconds to wait before the next try after `attempt` (1-based) failed, or undefined to give up. */
function retryDelay(failure, attempt, context) {
    const { policy } = context;
    if (attempt >= (policy.attempts ?? Infinity))
        return undefined;
    const left = context.deadline - context.now;
    if (left <= 0)
        return undefined;
    if (failure.kind === 'network') {
        if (!context.idempotent && !failure.neverSent)
            return undefined;
        return Math.min(left, backoffDelay(attempt, policy, context.random));
    }
    if (!RETRYABLE_STATUSES.has(failure.status))
        return undefined;
    const asked = parseRetryAfter(failure.retryAfter, context.now);
    // The server said when to come back: as asked, if that is within the budget; else not at all.
    if (asked !== undefined)
        return asked <= left ? asked : undefined;
    return Math.min(left, backoffDelay(attempt, policy, context.random));
}
/** Half fixed, half random: in [c/2, c) with c = min(max, base * 2^(attempt-1)). */
function backoffDelay(attempt, policy, random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}
/** Retry-After as delay-seconds or an HTTP-date, in milliseconds from `now`; undefined if unreadable. */
function parseRetryAfter(value, now) {
    const text = value?.trim();
    if (!text)
        return undefined;
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    // Every HTTP-date form starts with the day's name; Date.parse alone would take "-1" for a year.
    if (!/^[A-Za-z]{3}/.test(text))
        return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** The step's clock (clock.ts): the wall clock, or the emulator's in tests. */
function retry_sleep(ms, signal) {
    return clock_sleep(ms, signal);
}
/**
 * Runs `operation` until it succeeds, fails in a way not worth retrying, or runs out of time. The
 * error of the last attempt is thrown, saying for how long and how often the call was tried.
 */
async function withRetries(operation, options = {}) {
    const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    const wait = options.sleep ?? retry_sleep;
    const now = options.now ?? clock_now;
    const started = now();
    const deadline = options.deadline ?? started + policy.budgetMs;
    for (let attempt = 1;; attempt++) {
        options.signal?.throwIfAborted();
        try {
            return await operation(attempt);
        }
        catch (error) {
            const failure = failureOf(error);
            const at = now();
            const delayMs = failure &&
                retryDelay(failure, attempt, {
                    policy,
                    idempotent: options.idempotent ?? true,
                    random: options.random ?? Math.random,
                    now: at,
                    deadline,
                });
            if (delayMs === undefined) {
                if (attempt === 1 || !(error instanceof errors_ApiError || error instanceof NetworkError))
                    throw error;
                throw error.afterTrying(`tried for ${formatDuration(at - started)}, ${attempt} attempts`);
            }
            const stop = options.giveUp?.({ attempt, delayMs, error: error, elapsedMs: at - started });
            if (stop)
                throw stop;
            options.onRetry?.({ attempt, delayMs, error: error, deadline });
            await wait(delayMs, options.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/shared/odahu/settings.ts
// Every Odahu setting of an action, read and checked in one place. Each comes from its own input,
// else from the Airflow connection in `api-connection`, else from its ODAHU_* variable, so a workflow
// can set them per step, reuse the Airflow plugin's connection secret, or set them once for a job.






const actionInputs = {
    input: (name) => getInput(name),
    env: process.env,
};
const DEFAULT_SCOPE = 'openid profile email offline_access groups';
/** How the client proves itself to the token endpoint: the `auth` setting. */
const AUTH_METHODS = ['client-secret', 'github-oidc'];
/** A retry-timeout longer than a day is a typo. */
const MAX_RETRY_TIMEOUT_MS = 24 * 3600 * 1000;
const VARIABLES = {
    'api-url': 'ODAHU_API_URL',
    'auth-url': 'ODAHU_AUTH_URL',
    auth: 'ODAHU_AUTH',
    'oidc-audience': 'ODAHU_OIDC_AUDIENCE',
    'client-id': 'ODAHU_CLIENT_ID',
    'client-secret': 'ODAHU_CLIENT_SECRET',
    scope: 'ODAHU_SCOPE',
    token: 'ODAHU_TOKEN',
    'api-connection': 'ODAHU_API_CONNECTION',
};
const SECRET_SETTINGS = new Set(['client-secret', 'token', 'api-connection']);
/** What the Airflow connection holds for each setting. */
const FROM_CONNECTION = {
    'api-url': apiUrlOf,
    'auth-url': (connection) => extraString(connection, 'auth_url'),
    // The Airflow plugin's connection knows only secrets.
    auth: () => undefined,
    'oidc-audience': () => undefined,
    'client-id': (connection) => extraString(connection, 'client_id'),
    'client-secret': (connection) => connection.password,
    scope: (connection) => extraString(connection, 'scope'),
    token: () => undefined,
};
/** Reads and checks every setting; throws one InputError listing every problem. */
function readSettings(source = actionInputs) {
    const problems = [];
    const read = (name) => {
        const input = source.input(name).trim();
        const variable = (source.env[VARIABLES[name]] ?? '').trim();
        if (SECRET_SETTINGS.has(name)) {
            // The JSON form of api-connection may span lines: each one is masked too.
            markSecretText(input);
            markSecretText(variable);
        }
        return { input, variable };
    };
    const connectionText = read('api-connection');
    let connection;
    const connectionValue = connectionText.input || connectionText.variable;
    if (connectionValue) {
        const parsed = parseAirflowConnection(connectionValue);
        if (parsed.ok)
            connection = parsed.connection;
        else
            problems.push(`api-connection is neither an Airflow connection URI nor JSON: ${parsed.reason}`);
    }
    const setting = (name) => {
        const { input, variable } = read(name);
        if (input)
            return { value: input, origin: `input ${name}` };
        const fromConnection = connection && FROM_CONNECTION[name](connection)?.trim();
        if (fromConnection)
            return { value: fromConnection, origin: 'api-connection' };
        if (variable)
            return { value: variable, origin: VARIABLES[name] };
        return undefined;
    };
    const apiUrl = setting('api-url');
    const given = {
        authUrl: setting('auth-url'),
        auth: setting('auth'),
        audience: setting('oidc-audience'),
        clientId: setting('client-id'),
        clientSecret: setting('client-secret'),
        scope: setting('scope'),
        token: setting('token'),
    };
    if (!apiUrl) {
        problems.push('api-url is missing: set the api-url input, the host of api-connection, or ODAHU_API_URL');
    }
    else if (!isHttpUrl(apiUrl.value)) {
        problems.push(`api-url is not a URL: "${apiUrl.value}" (from ${apiUrl.origin})`);
    }
    const { auth } = given;
    let credentials;
    if (auth && !AUTH_METHODS.includes(auth.value)) {
        problems.push(`auth must be ${AUTH_METHODS.join(' or ')}, not "${auth.value}" (from ${auth.origin})`);
    }
    else if (auth?.value === 'github-oidc') {
        credentials = gitHubOidcCredentials(given, auth, source.env, problems);
    }
    else {
        credentials = secretCredentials(given, problems);
    }
    const retryTimeoutMs = readRetryTimeout(source, problems);
    if (problems.length > 0 || !apiUrl || !credentials)
        throw new errors_InputError(problems);
    return { apiUrl: normaliseApiUrl(apiUrl.value), credentials, retryTimeoutMs };
}
/** auth client-secret (the default): a token, or the grant with the client's id and secret. */
function secretCredentials(given, problems) {
    const { authUrl, clientId, clientSecret, scope, token, audience } = given;
    if (audience) {
        problems.push(`oidc-audience (from ${audience.origin}) is only used with auth github-oidc`);
    }
    if (!token && authUrl && !isHttpUrl(authUrl.value)) {
        problems.push(`auth-url is not a URL: "${authUrl.value}" (from ${authUrl.origin})`);
    }
    if (token)
        return { type: 'token', token: token.value.replace(/^Bearer\s+/i, '') };
    if (authUrl && clientId) {
        return {
            type: 'client-credentials',
            authUrl: authUrl.value,
            clientId: clientId.value,
            // The seed's connection allows an empty secret (a public client).
            clientSecret: clientSecret?.value ?? '',
            scope: scope?.value ?? DEFAULT_SCOPE,
        };
    }
    if (authUrl) {
        problems.push(`client-id is missing: auth-url (from ${authUrl.origin}) needs the client-id input, ` +
            `client_id in the extra of api-connection, or ODAHU_CLIENT_ID`);
    }
    else if (clientId) {
        problems.push(`auth-url is missing: client-id (from ${clientId.origin}) needs the auth-url input, ` +
            `auth_url in the extra of api-connection, or ODAHU_AUTH_URL`);
    }
    else {
        problems.push('no credentials: set token (or ODAHU_TOKEN), or auth-url and client-id with client-secret ' +
            '(as inputs, in api-connection, or as ODAHU_* variables), or auth-url with auth github-oidc');
    }
    return undefined;
}
/** `retry-timeout`, else ODAHU_RETRY_TIMEOUT, else 3 minutes. */
function readRetryTimeout(source, problems) {
    const input = source.input('retry-timeout').trim();
    const variable = (source.env.ODAHU_RETRY_TIMEOUT ?? '').trim();
    const [text, origin] = input ? [input, 'input retry-timeout'] : [variable, 'ODAHU_RETRY_TIMEOUT'];
    if (!text)
        return DEFAULT_RETRY_BUDGET_MS;
    try {
        const ms = parseDuration(text, origin);
        if (ms <= MAX_RETRY_TIMEOUT_MS)
            return ms;
        problems.push(`${origin} must be at most 24h, not "${text}"`);
    }
    catch (error) {
        if (!(error instanceof errors_InputError))
            throw error;
        problems.push(...error.problems);
    }
    return DEFAULT_RETRY_BUDGET_MS;
}
/** Why each setting the GitHub OIDC token replaces must not be given with it. */
const REPLACED_BY_OIDC = [
    ['token', 'token', 'the token comes from Keycloak in exchange for the GitHub OIDC token'],
    ['clientSecret', 'client-secret', 'the GitHub OIDC token proves the client instead'],
    ['clientId', 'client-id', "Keycloak finds the client by the GitHub OIDC token's subject"],
];
/**
 * auth github-oidc: the grant at auth-url with the job's GitHub OIDC token for the realm. The job
 * must be allowed to ask for that token; no secret, token or client id is read. The step's own
 * input of one is refused; one from the job's variables or api-connection (a job that also runs
 * client-secret steps) is left for those steps, with a notice.
 */
function gitHubOidcCredentials(given, auth, env, problems) {
    const { authUrl, audience, scope } = given;
    const mode = `auth github-oidc (from ${auth.origin})`;
    for (const [key, name, why] of REPLACED_BY_OIDC) {
        const setting = given[key];
        if (!setting)
            continue;
        if (setting.origin === `input ${name}`)
            problems.push(`${name} (from ${setting.origin}) is not used with ${mode}: ${why}; remove it`);
        else
            notice(`${name} from ${setting.origin} is not used with ${mode} (${why}): ignored`);
    }
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        problems.push(`${mode} needs the job's GitHub OIDC token, which this job may not ask for: ` +
            'add "permissions: id-token: write" to the job or the workflow (ACTIONS_ID_TOKEN_REQUEST_URL is not set)');
    }
    if (!authUrl) {
        problems.push(`auth-url is missing: ${mode} needs the realm's token endpoint or issuer URL: set the auth-url ` +
            'input, auth_url in the extra of api-connection, or ODAHU_AUTH_URL');
        return undefined;
    }
    if (!isHttpUrl(authUrl.value)) {
        problems.push(`auth-url is not a URL: "${authUrl.value}" (from ${authUrl.origin})`);
        return undefined;
    }
    return {
        type: 'github-oidc',
        authUrl: authUrl.value,
        ...(audience ? { audience: audience.value } : {}),
        scope: scope?.value ?? DEFAULT_SCOPE,
    };
}
const DISCOVERY_PATH = '/.well-known/openid-configuration';
/** Whether the auth-url is an OpenID configuration (`<issuer>/.well-known/openid-configuration`). */
function isDiscoveryUrl(authUrl) {
    return authUrl.replace(/\/+$/, '').endsWith(DISCOVERY_PATH);
}
/**
 * The realm's issuer URL as the auth-url spells it: cut from its token endpoint
 * (`<issuer>/protocol/openid-connect/token`) or its OpenID configuration, or the issuer itself.
 * Keycloak's own word for it is its OpenID configuration's `issuer`, which may name another host
 * (its public one) than an auth-url inside the cluster.
 */
function realmIssuerOf(authUrl) {
    return authUrl
        .replace(/\/+$/, '')
        .replace(/\/protocol\/openid-connect\/token$/, '')
        .replace(/\/\.well-known\/openid-configuration$/, '');
}
/** Where the realm's OpenID configuration is, for an auth-url that is its token endpoint, issuer or configuration. */
function discoveryUrlOf(authUrl) {
    return `${realmIssuerOf(authUrl)}${DISCOVERY_PATH}`;
}
function isHttpUrl(text) {
    try {
        const url = new URL(text);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    }
    catch {
        return false;
    }
}
/** Users paste the base URL in several spellings; the client appends `/api/v1/...` itself. */
function normaliseApiUrl(url) {
    return url
        .replace(/\/+$/, '')
        .replace(/\/api\/v1$/, '')
        .replace(/\/+$/, '');
}

;// CONCATENATED MODULE: ./src/shared/action/parking.ts
// `wait: park`: the step starts (or finds) its phase and ends at once, its runner freed; the phase is
// recorded where the `resume` action finds it, and a check run shows it. The kit knows only that a
// step may park and what parking needs (the `Parking` the GitHub layer gives); the inputs of it are
// read here with the other waiting inputs, every problem at once.

/** Thrown when the phase could not be parked: the step fails, and undoes what it started. */
class parking_ParkRefusedError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ParkRefusedError';
    }
}
/** The input names of the continuation the phase's end gives, besides resume-inputs. */
function handedOnNames(phase) {
    return [phase.idOutput, 'state', ...phase.keyOutputs, PARKED_RUN_INPUT];
}
/** The continuation's input holding the parking run's id. */
const PARKED_RUN_INPUT = 'parked-run-id';
/** The phase's outputs the continuation gets as inputs, and the parking run. */
function handedOn(phase, outputs, parkedRunId) {
    const inputs = {};
    for (const name of [phase.idOutput, 'state', ...phase.keyOutputs])
        inputs[name] = outputs[name] ?? '';
    inputs[PARKED_RUN_INPUT] = parkedRunId;
    return inputs;
}
/** What InputReader.boolean takes. */
const BOOLEAN = /^(true|false|yes|no|on|off|1|0)$/i;
const WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
/** GitHub's rule for an input's name. */
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/**
 * `wait` (true, false or park) with resume-workflow and resume-inputs, which only go with park.
 * `phase` names the inputs the continuation gets, which resume-inputs may not take.
 */
function parking_readWait(reader, phase) {
    const value = reader.optional('wait');
    const parking = value === 'park';
    let wait = !parking;
    if (value !== undefined && !parking) {
        if (BOOLEAN.test(value))
            wait = reader.boolean('wait', true);
        else
            reader.problem(`input wait must be true, false or park, not "${value}"`);
    }
    const workflowText = reader.optional('resume-workflow');
    const inputsText = reader.optional('resume-inputs');
    if (!parking) {
        if (workflowText !== undefined)
            reader.problem('input resume-workflow goes with wait: park only');
        if (inputsText !== undefined)
            reader.problem('input resume-inputs goes with wait: park only');
        return { wait, park: undefined };
    }
    const workflow = workflowText?.replace(/^\.github\/workflows\//, '');
    if (workflow !== undefined && !WORKFLOW_FILE.test(workflow)) {
        reader.problem(`input resume-workflow must be a workflow file of .github/workflows, e.g. deploy-wine.yml, not "${workflowText}"`);
    }
    if (inputsText !== undefined && workflow === undefined) {
        reader.problem('input resume-inputs needs resume-workflow: the workflow they are given to');
    }
    const inputs = inputsText === undefined ? {} : readInputsMap(reader, inputsText, phase);
    return { wait: false, park: { workflow, inputs } };
}
/** resume-inputs: a YAML map of input names to single values. */
function readInputsMap(reader, text, phase) {
    let document;
    try {
        document = js_yaml_load(text, { schema: js_yaml_FAILSAFE_SCHEMA });
    }
    catch {
        document = undefined;
    }
    if (typeof document !== 'object' || document === null || Array.isArray(document)) {
        reader.problem('input resume-inputs must be a YAML map of input names to values, e.g. "model: wine"');
        return {};
    }
    const taken = new Set(phase ? handedOnNames(phase) : [PARKED_RUN_INPUT]);
    const inputs = {};
    for (const [name, value] of Object.entries(document)) {
        if (!INPUT_NAME.test(name)) {
            reader.problem(`input resume-inputs: "${name}" is not an input name (letters, digits, - and _)`);
        }
        else if (taken.has(name)) {
            reader.problem(`input resume-inputs: ${name} is given by the parked phase itself`);
        }
        else if (typeof value !== 'string') {
            reader.problem(`input resume-inputs: ${name} must be a single value, not a list or map`);
        }
        else {
            inputs[name] = value;
        }
    }
    return inputs;
}

;// CONCATENATED MODULE: ./src/shared/action/common-inputs.ts
// Inputs that several actions share, read the same way everywhere: the Odahu settings with the
// template `vars`, a manifest input with the `id` override, and the waiting inputs.









/** The settings, and the template `vars` for actions that take manifests (`withVars: false` for the others). */
function readSettingsAndVars(reader, { withVars = true } = {}) {
    const settings = reader.collect(() => readSettings(reader.source));
    const varsText = withVars ? reader.optional('vars') : undefined;
    const values = (varsText !== undefined && reader.collect(() => parseVars(varsText, 'vars'))) || {};
    return { settings, vars: { values, used: new Set() } };
}
/**
 * The composite pipeline's phases run after its check step has read all three manifests, warned
 * about unused vars and read what they name: its phase steps set this, and skip both.
 */
const PIPELINE_CHECKED = 'ODAHU_PIPELINE_CHECKED';
/** Whether the pipeline's check step has checked this phase's inputs already. */
function checkedByPipeline(source) {
    return source.env[PIPELINE_CHECKED] === 'true';
}
/**
 * Once the step's manifests are read: one warning naming the vars no placeholder used (a typo'd
 * name, or a placeholder that is spelled otherwise), since an unused value changes nothing.
 */
function warnUnusedVars(vars, source) {
    if (checkedByPipeline(source))
        return;
    const unused = Object.keys(vars.values).filter((name) => !vars.used.has(name));
    if (unused.length === 0)
        return;
    const names = unused.map((name) => `{${name}}`).join(', ');
    core.warning(logText(`vars: no placeholder of the manifests uses ${names}; ${unused.length === 1 ? 'it is' : 'they are'} ignored (check the names)`));
}
/**
 * The manifest of `inputName`, of one kind, with the `id` input applied and the id checked as the
 * server would. Warnings (fields the server ignores) go to the log as warnings.
 */
function readManifestInput(reader, inputName, kind, vars, 
/** `idInput: false` for actions with several manifests and no `id` input (the pipeline's check). */
options = {}) {
    const text = options.required === false ? reader.optional(inputName) : reader.required(inputName);
    if (text === undefined || text === '')
        return undefined;
    const manifest = reader.collect(() => loadManifest(text, kind, {
        inputName,
        vars: vars.values,
        usedVars: vars.used,
        env: reader.source.env,
        // Odahu's own examples leave the id out of some manifests: the id input gives it.
        idFromInput: options.idInput !== false,
    }));
    if (!manifest)
        return undefined;
    for (const warning of manifest.warnings)
        core.warning(warning);
    if (KINDS[kind].generatedId) {
        // The server names these itself (batch jobs: job-<service>-xxxxx): an id written here is dropped.
        if (manifest.id)
            core.warning(`${manifest.origin}: the server generates ${kind} ids; id ${manifest.id} is ignored`);
        return manifest;
    }
    const id = options.idInput === false ? undefined : reader.optional('id');
    if (id !== undefined) {
        manifest.id = id;
        manifest.resource.id = id;
    }
    if (!manifest.id)
        reader.problem(`${manifest.origin}: the ${kind} has no id; set id in the manifest or the id input`);
    else {
        const problem = idProblem(kind, manifest.id);
        if (problem)
            reader.problem(`${id !== undefined ? 'input id' : manifest.origin}: ${problem}`);
    }
    return manifest;
}
/**
 * The settings with retry-timeout no longer than the step's own timeouts: a call is never retried
 * past the time the user gave the whole step.
 */
function withinStepTimeout(settings, ...timeoutsMs) {
    return settings && { ...settings, retryTimeoutMs: Math.min(settings.retryTimeoutMs, ...timeoutsMs) };
}
/** wait (or park, for `phase`), timeout, poll-interval and, for phases with a pod, logs. */
function readPhaseTiming(reader, defaultTimeout, phase, { withLogs = true } = {}) {
    return {
        ...readWait(reader, phase),
        timeoutMs: reader.duration('timeout', defaultTimeout),
        pollIntervalMs: readPollInterval(reader),
        logs: withLogs ? reader.boolean('logs', true) : false,
    };
}
/**
 * `auto` (or empty): the adaptive schedule of poll-schedule.ts. Faster than 0.1 s would hammer the
 * API; slower than an hour would miss the end by as much.
 */
function readPollInterval(reader) {
    const value = reader.optional('poll-interval');
    if (value === undefined || value === 'auto')
        return undefined;
    return reader.duration('poll-interval', '5s', { minMs: 100, maxMs: 3_600_000 });
}
/** A prediction request input: inline JSON or a .json file, shaped as odahu-ml-server takes it. */
function readRequestInput(reader, inputName) {
    const read = reader.textOrFile(inputName, /\.json$/i);
    return read ? parseRequest(read.text, read.source, reader) : undefined;
}
/** `{"columns": [...], "data": [[...], ...]}`: the shape is checked before anything is sent. */
function parseRequest(text, source, reader) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch (error) {
        reader.problem(`${source} is not JSON: ${messageOf(error)}`);
        return undefined;
    }
    const object = body;
    if (typeof object !== 'object' || object === null || Array.isArray(object)) {
        reader.problem(`${source} must be a JSON object with "data" (rows of values) and optionally "columns"`);
        return undefined;
    }
    if (!Array.isArray(object.data) || object.data.length === 0 || !object.data.every(Array.isArray)) {
        reader.problem(`${source}: "data" must be a non-empty list of rows, e.g. [[1.0, 2.0], [3.0, 4.0]]`);
        return undefined;
    }
    if (object.columns !== undefined &&
        !(Array.isArray(object.columns) && object.columns.every((c) => typeof c === 'string'))) {
        reader.problem(`${source}: "columns" must be a list of names`);
        return undefined;
    }
    return object;
}
/**
 * The plugin's separate model connection (predict's and evaluate's model-token, model-client-id and
 * model-client-secret): a token, or a second client at the API's auth-url.
 */
function readModelCredentials(reader, settings) {
    const token = reader.optional('model-token');
    const clientId = reader.optional('model-client-id');
    const clientSecret = reader.optional('model-client-secret');
    // Masked as soon as read, before anything can print them.
    markSecret(token);
    markSecret(clientSecret);
    if (token && (clientId || clientSecret)) {
        reader.problem('give model-token or model-client-id with model-client-secret, not both');
        return undefined;
    }
    if (token)
        return { type: 'token', token: token.replace(/^Bearer\s+/i, '') };
    if (!clientId && !clientSecret)
        return undefined;
    if (!clientId) {
        reader.problem('model-client-secret is given without model-client-id');
        return undefined;
    }
    if (settings && settings.credentials.type !== 'client-credentials') {
        reader.problem('model-client-id needs auth-url and client credentials for the API; it uses a ready token');
        return undefined;
    }
    if (!settings || settings.credentials.type !== 'client-credentials')
        return undefined;
    const { authUrl, scope } = settings.credentials;
    return { type: 'client-credentials', authUrl, scope, clientId, clientSecret: clientSecret ?? '' };
}

;// CONCATENATED MODULE: ./src/shared/action/inputs.ts
// Reading an action's inputs: every problem is collected, one line each naming the input, and
// reported together before any API call (google-github-actions style: parse everything in one place).




/** Node's timers hold at most 2^31-1 ms (24.8 days); a longer wait would fire at once. */
const MAX_DURATION_MS = 24 * 24 * 3600 * 1000;
/** Shorter waits and timeouts are typos: nothing on a cluster answers within a tenth of a second. */
const MIN_DURATION_MS = 100;
const TRUE = ['true', 'True', 'TRUE', 'yes', 'on', '1'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'off', '0'];
class InputReader {
    source;
    problems = [];
    constructor(source) {
        this.source = source;
    }
    /** The trimmed value, or undefined when empty (the runner passes unset inputs as ''). */
    optional(name) {
        const value = this.source.input(name).trim();
        return value === '' ? undefined : value;
    }
    required(name, hint = '') {
        const value = this.optional(name);
        if (value === undefined)
            this.problem(`input ${name} is required${hint ? `: ${hint}` : ''}`);
        return value ?? '';
    }
    boolean(name, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (TRUE.includes(value))
            return true;
        if (FALSE.includes(value))
            return false;
        this.problem(`input ${name} must be true or false, not "${value}"`);
        return fallback;
    }
    choice(name, choices, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (choices.includes(value))
            return value;
        this.problem(`input ${name} must be one of ${choices.join(', ')}, not "${value}"`);
        return fallback;
    }
    /** A duration in milliseconds (`90s`, `15m`, `2h`), within bounds that keep timers sane. */
    duration(name, fallback, bounds = {}) {
        const text = this.optional(name) ?? fallback;
        const { minMs = MIN_DURATION_MS, maxMs = MAX_DURATION_MS } = bounds;
        let ms;
        try {
            ms = parseDuration(text, `input ${name}`);
        }
        catch (error) {
            this.problem(thrown_messageOf(error));
            return parseDuration(fallback);
        }
        if (ms < minMs || ms > maxMs) {
            this.problem(`input ${name} must be between ${formatDuration(minMs, 1)} and ${formatDuration(maxMs, 1)}, not "${text}"`);
            return parseDuration(fallback);
        }
        return ms;
    }
    /** Inline text, or the content of the file it names (see text-input.ts for the rule). */
    textOrFile(name, pathLike) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        return this.collect(() => text_input_readTextInput(value, { inputName: `input ${name}`, pathLike, env: this.source.env }));
    }
    /** Record a problem found while interpreting inputs (e.g. two inputs that exclude each other). */
    problem(line) {
        this.problems.push(line);
    }
    /** Run a parser that throws InputError (settings, manifests) and keep its problems with ours. */
    collect(parse) {
        try {
            return parse();
        }
        catch (error) {
            if (!(error instanceof errors_InputError))
                throw error;
            this.problems.push(...error.problems);
            return undefined;
        }
    }
    /** Throw every collected problem at once, or return nothing when the inputs are good. */
    finish() {
        if (this.problems.length > 0)
            throw new errors_InputError(this.problems);
    }
}

;// CONCATENATED MODULE: ./src/shared/action/phases.ts
// The four things an odahu step can wait for, described once: how to read one, what its state is,
// when it is finished and whether it succeeded, and what the step outputs for it. The phase actions
// (train, package, deploy, which the pipeline runs) and the wait action use these, so `wait` gives
// exactly the outputs of the action that started the work.


const POD_STARTED = ['running', 'succeeded', 'failed'];
function podOutcome(state) {
    if (state === 'succeeded')
        return 'succeeded';
    if (state === 'failed')
        return 'failed';
    return 'pending';
}
/**
 * The log endpoints look the id up in Kubernetes, not in the database (REFERENCE §6): a 404 there
 * means the object is gone; 200 or "has not started yet" mean it is still there.
 */
async function podGone(open) {
    try {
        (await open(false)).destroy();
        return false;
    }
    catch (error) {
        if (error instanceof errors_ApiError)
            return error.status === 404;
        throw error;
    }
}
function reasonAndMessage(status) {
    const parts = [status?.reason, status?.message].filter((p) => !!p);
    return parts.length > 0 ? parts.join(': ') : 'the server gave no reason';
}
const trainingPhase = {
    kind: 'ModelTraining',
    noun: 'training',
    get: (client, id, options) => client.trainings.get(id, options),
    state: (t) => t.status?.state ?? 'unknown',
    detail: () => '',
    outcome: (t) => podOutcome(t.status?.state),
    failure: (t) => reasonAndMessage(t.status),
    logs: {
        ready: (t) => POD_STARTED.includes(t.status?.state ?? ''),
        open: (client, id, follow, options) => client.trainings.logs(id, { ...options, follow }),
    },
    runtimeGone: (client, id, signal) => podGone((follow) => client.trainings.logs(id, { follow, signal })),
    outputs: (_client, t) => {
        // A re-run's status keeps the earlier run's artifact until it succeeds, which replaces it with its
        // own: only a succeeded run's artifact is this run's.
        const artifact = t.status?.state === 'succeeded' ? t.status.artifacts?.at(-1) : undefined;
        return Promise.resolve({
            'training-id': t.id,
            state: t.status?.state ?? 'unknown',
            'artifact-name': artifact?.artifactName ?? '',
            'run-id': artifact?.runId ?? '',
            'commit-id': artifact?.commitID ?? '',
            status: JSON.stringify(t.status ?? {}),
        });
    },
    keyOutputs: ['artifact-name'],
    idOutput: 'training-id',
};
const packagingPhase = {
    kind: 'ModelPackaging',
    noun: 'packaging',
    get: (client, id, options) => client.packagings.get(id, options),
    state: (p) => p.status?.state ?? 'unknown',
    detail: () => '',
    outcome: (p) => podOutcome(p.status?.state),
    failure: (p) => reasonAndMessage(p.status),
    logs: {
        ready: (p) => POD_STARTED.includes(p.status?.state ?? ''),
        open: (client, id, follow, options) => client.packagings.logs(id, { ...options, follow }),
    },
    runtimeGone: (client, id, signal) => podGone((follow) => client.packagings.logs(id, { follow, signal })),
    outputs: (_client, p) => {
        const results = Object.fromEntries((p.status?.results ?? []).map((r) => [r.name, r.value]));
        return Promise.resolve({
            'packaging-id': p.id,
            state: p.status?.state ?? 'unknown',
            image: results.image ?? '',
            results: JSON.stringify(results),
            status: JSON.stringify(p.status ?? {}),
        });
    },
    keyOutputs: ['image'],
    idOutput: 'packaging-id',
};
/** A DELETE marked it: it goes whatever happens next (a PUT does not clear the mark). */
function deploymentBeingDeleted(d) {
    return d.deletionMark === true || d.status?.state === 'Deleting';
}
/**
 * Ready is not enough: the 1.6 CLI also waits for availableReplicas ≥ minReplicas, and a Ready
 * deployment stays Ready for a moment after its DELETE.
 */
function deploymentServes(d) {
    const status = d.status;
    return (!deploymentBeingDeleted(d) &&
        status?.state === 'Ready' &&
        (status.availableReplicas ?? 0) >= (d.spec.minReplicas ?? 0));
}
/** What usually keeps a deployment from serving, from what its state says; '' once Ready. */
function deploymentStuckBecause(d) {
    const { image, imagePullConnID: pull, predictor, resources } = d.spec;
    // No state at all: the controller stopped before making the service. It does when the predictor
    // is unknown, or when it cannot make pull credentials from the connection.
    if (!d.status?.state) {
        const connection = pull
            ? `its image pull connection ${pull} exists and is of type docker or ecr, and `
            : '';
        return `the controller has not started it: check that ${connection}predictor ${predictor} exists`;
    }
    if (d.status.state === 'Ready')
        return '';
    const through = pull ? ` (registry, tag, pull connection ${pull})` : ' (registry, tag, pull connection)';
    const requests = Object.entries(resources?.requests ?? {}).filter(([, value]) => value);
    const asked = requests.length > 0 ? ` (${requests.map(([name, value]) => `${name} ${value}`).join(', ')})` : '';
    return (`a deployment that stays ${d.status.state} usually cannot pull its image ${image}${through}, ` +
        `or the cluster lacks the resources it asks for${asked}`);
}
const deploymentPhase = {
    kind: 'ModelDeployment',
    noun: 'deployment',
    get: (client, id, options) => client.deployments.get(id, options),
    state: (d) => d.status?.state || 'pending',
    detail: (d) => d.status?.state ? `${d.status.availableReplicas ?? 0}/${d.status.replicas ?? 0} replicas available` : '',
    // The controller never writes Failed: a deployment that cannot start stays Processing (or without
    // a state) until the wait times out. Only a deletion is final.
    outcome: (d) => (deploymentBeingDeleted(d) ? 'failed' : deploymentServes(d) ? 'succeeded' : 'pending'),
    failure: (d) => deploymentBeingDeleted(d)
        ? 'it is being deleted'
        : `state ${d.status?.state ?? 'unknown'}, ${d.status?.availableReplicas ?? 0} replicas available`,
    timeoutHint: (d) => {
        const why = deploymentStuckBecause(d);
        return why ? ` (${why})` : '';
    },
    // Minutes Processing with no replica up: pulling an image rarely takes this long.
    stuck: {
        afterMs: 3 * 60_000,
        hint: (d) => !deploymentBeingDeleted(d) && (d.status?.availableReplicas ?? 0) === 0 && d.status?.state !== 'Ready'
            ? deploymentStuckBecause(d)
            : undefined,
    },
    outputs: async (client, d, signal) => {
        let route;
        try {
            if (d.status?.state === 'Ready')
                route = await client.deployments.defaultRoute(d.id, { signal });
        }
        catch (error) {
            // The other outputs stand without it; the predict action can find the URL from the id.
            warning(`Could not read the default route of deployment ${d.id}: ${String(error.message)}`);
        }
        return {
            'deployment-id': d.id,
            state: d.status?.state ?? '',
            url: route?.status?.edgeUrl ?? '',
            'model-name': d.status?.modelName ?? '',
            'model-version': d.status?.modelVersion ?? '',
            'available-replicas': String(d.status?.availableReplicas ?? 0),
            status: JSON.stringify(d.status ?? {}),
        };
    },
    keyOutputs: ['url'],
    idOutput: 'deployment-id',
};
const inferenceJobPhase = {
    kind: 'InferenceJob',
    noun: 'batch inference job',
    get: (client, id, options) => client.inferenceJobs.get(id, options),
    // No state at all: the controller has not made the job's TaskRun (yet, or ever: see timeoutHint).
    state: (j) => j.status?.state || 'pending',
    detail: () => '',
    outcome: (j) => podOutcome(j.status?.state),
    failure: (j) => reasonAndMessage(j.status),
    // The 1.6 controller makes no TaskRun (and writes no state) when a connection it needs is missing.
    timeoutHint: (j) => j.status?.state
        ? ''
        : " (a batch job that never gets a state was not started by the controller: check that its dataSource, its outputDestination and the service's model connection exist and are object storage: s3, gcs or azureblob)",
    outputs: (_client, j) => Promise.resolve({
        'job-id': j.id,
        'service-id': j.spec.inferenceServiceId,
        'request-id': j.spec.requestId ?? '',
        output: JSON.stringify(j.spec.outputDestination ?? null),
        state: j.status?.state ?? '',
        status: JSON.stringify(j.status ?? {}),
    }),
    keyOutputs: ['output'],
    idOutput: 'job-id',
};
/** The phase of each kind that runs or rolls out (the others are done once written). */
const PHASE_OF_KIND = {
    ModelTraining: trainingPhase,
    ModelPackaging: packagingPhase,
    ModelDeployment: deploymentPhase,
    InferenceJob: inferenceJobPhase,
};

;// CONCATENATED MODULE: ./src/shared/action/github-run.ts
// The workflow run a step belongs to, as the runner describes it: the GITHUB_* variables and the
// event payload file. Read from the step's environment (not from @actions/github's `context`, which
// reads process.env when imported) so that inputs.ts can read it with the inputs and report its
// problems with theirs. Outside a GitHub run most of it is absent, and what uses it says so.


const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
const value = (env, name) => env[name]?.trim() || undefined;
/**
 * The run, and the problems found reading it (an unreadable event file, a malformed repository):
 * those only matter to the steps that talk to GitHub, which report them.
 */
function readGitHubRun(env, actionName) {
    const problems = [];
    const serverUrl = (value(env, 'GITHUB_SERVER_URL') ?? 'https://github.com').replace(/\/+$/, '');
    const apiUrl = (value(env, 'GITHUB_API_URL') ?? 'https://api.github.com').replace(/\/+$/, '');
    if (!/^https?:\/\/[^/]/.test(apiUrl))
        problems.push(`GITHUB_API_URL is not a URL: "${apiUrl}"`);
    const fullName = value(env, 'GITHUB_REPOSITORY');
    const [owner, repo, ...rest] = fullName?.split('/') ?? [];
    const repository = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
    if (fullName && !repository)
        problems.push(`GITHUB_REPOSITORY is not owner/name: "${fullName}"`);
    const runId = value(env, 'GITHUB_RUN_ID');
    const attempt = value(env, 'GITHUB_RUN_ATTEMPT');
    const runUrl = repository && runId
        ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`
        : undefined;
    const eventName = value(env, 'GITHUB_EVENT_NAME');
    const payload = readPayload(value(env, 'GITHUB_EVENT_PATH'), problems);
    const pullRequest = eventName && PULL_REQUEST_EVENTS.includes(eventName)
        ? pullRequestOf(payload, serverUrl, fullName)
        : undefined;
    // owner/repo/.github/workflows/wine.yml@refs/heads/main: the file, without the ref (a re-run on
    // another commit of the same pull request is the same workflow).
    const workflowRef = value(env, 'GITHUB_WORKFLOW_REF');
    const workflowFile = workflowRef?.replace(/@.*$/, '').split('/').slice(2).join('/');
    const { actionRepository, actionVersion } = actionOf(env);
    return {
        run: {
            repository,
            serverUrl,
            apiUrl,
            sha: value(env, 'GITHUB_SHA'),
            ref: value(env, 'GITHUB_REF'),
            runId,
            runUrl,
            workflow: workflowFile || value(env, 'GITHUB_WORKFLOW'),
            workflowName: value(env, 'GITHUB_WORKFLOW'),
            job: value(env, 'GITHUB_JOB'),
            step: value(env, 'GITHUB_ACTION'),
            actor: value(env, 'GITHUB_ACTOR'),
            eventName,
            pullRequest,
            actionRef: actionRepository && actionVersion ? `${actionRepository}/${actionName}@${actionVersion}` : undefined,
        },
        problems,
    };
}
/**
 * The action's repository and ref as the workflow named them. GitHub's runner leaves
 * GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF empty in a composite action's steps (actions/runner
 * #2473), as the pipeline's phases are; there they are read from where the runner put the action:
 * `<runner>/_actions/<owner>/<repo>/<ref>/<folder>` (a ref with a slash is one folder per part,
 * so only a ref without one is read from the path).
 */
function actionOf(env) {
    const actionRepository = value(env, 'GITHUB_ACTION_REPOSITORY');
    const actionVersion = value(env, 'GITHUB_ACTION_REF');
    if (actionRepository && actionVersion)
        return { actionRepository, actionVersion };
    const path = value(env, 'GITHUB_ACTION_PATH')?.replaceAll('\\', '/');
    const match = path && /\/_actions\/([^/]+)\/([^/]+)\/([^/]+)\/[^/]+\/?$/.exec(path);
    return match ? { actionRepository: `${match[1]}/${match[2]}`, actionVersion: match[3] } : {};
}
function readPayload(path, problems) {
    if (!path)
        return {};
    try {
        const payload = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(path, 'utf8'));
        if (typeof payload === 'object' && payload !== null)
            return payload;
        problems.push(`the event payload (GITHUB_EVENT_PATH ${path}) is not a JSON object`);
    }
    catch (error) {
        problems.push(`the event payload (GITHUB_EVENT_PATH ${path}) cannot be read: ${thrown_messageOf(error)}`);
    }
    return {};
}
function pullRequestOf(payload, serverUrl, repository) {
    const pr = payload.pull_request;
    const number = pr?.number ?? payload.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0)
        return undefined;
    const headRepo = pr?.head?.repo?.full_name;
    const headRef = typeof pr?.head?.ref === 'string' ? pr.head.ref : undefined;
    return {
        number,
        url: typeof pr?.html_url === 'string' ? pr.html_url : `${serverUrl}/${repository ?? ''}/pull/${number}`,
        // A fork's branch is not in this repository: deployments there name the head commit instead.
        headBranch: headRef && headRepo === repository ? headRef : undefined,
        headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : '',
        // A fork deleted since has no head repository: still not this one.
        fromFork: pr?.head !== undefined && headRepo !== repository,
    };
}

;// CONCATENATED MODULE: ./src/shared/odahu/outage.ts
// Saying once that a server has stopped answering, and once that it answers again. A call that meets
// an outage is tried again and again (retry.ts); one line per try would bury the log, and silence
// would leave the user wondering why a step stands still. The notice comes once the server has not
// answered for NOTICE_AFTER_MS, so a lone 503 or a throttled minute says nothing.



const NOTICE_AFTER_MS = 20_000;
class OutageNotice {
    server;
    now;
    warn;
    info;
    /** The first failure since the last answer. */
    since;
    told = false;
    constructor(
    /** `the Odahu API`, `the token endpoint`... */
    server, now = clock_now, warn = warning, info = core_info) {
        this.server = server;
        this.now = now;
        this.warn = warn;
        this.info = info;
    }
    /** A try failed with `answer` (`503`, `no answer (ECONNRESET)`); it is tried again until `until`. */
    failed(answer, until) {
        const now = this.now();
        this.since ??= now;
        if (this.told || now - this.since < NOTICE_AFTER_MS)
            return;
        this.told = true;
        this.warn(`${capitalize(this.server)} has not answered for ${formatDuration(now - this.since)} (${answer}); ` +
            `still trying until ${clockTime(until)}.`);
    }
    /** A call got an answer. */
    answered() {
        if (this.told && this.since !== undefined) {
            this.info(`${capitalize(this.server)} answers again, after ${formatDuration(this.now() - this.since)}.`);
        }
        this.since = undefined;
        this.told = false;
    }
}
/** `14:32:10Z`, as the state lines print their times. */
function clockTime(ms) {
    return `${new Date(ms).toISOString().slice(11, 19)}Z`;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/shared/odahu/http.ts
// The transport every Odahu call goes through, on @actions/http-client: JSON in and out, the bearer
// token, one refresh after a 401, our own retries (the library's are off: it would resend a refused
// token and cannot tell a safe retry of a write from an unsafe one) for as long as the call's time
// budget lasts, one notice when the server stops answering, and errors that name the call.
// Every exchange has a deadline for the whole answer, not only for silence (a server that sends a
// byte every few seconds never trips an idle timeout), and every answer a size cap: the deadline
// aborts the request itself, so no socket outlives it.







const USER_AGENT = 'odahu-actions';
/** An Odahu API answer longer than this is not read (the largest, a page of 500 objects, is a few MB). */
const MAX_API_ANSWER_BYTES = 32 * 1024 * 1024;
/** Of an error answer, this much is read: its message and the start of its text are all that is shown. */
const MAX_ERROR_ANSWER_BYTES = 64 * 1024;
/** Default deadline of one exchange, its answer read to the end. */
const DEFAULT_EXCHANGE_MS = 60_000;
/** Node's timers hold at most this. */
const MAX_TIMER_MS = 2 ** 31 - 1;
class http_Transport {
    baseUrl;
    tokens;
    retry;
    outage;
    /** Whether the server has answered this client yet: until then, a call to it gives up sooner. */
    answered = new AnsweredServers();
    /** How messages name the server: `the Odahu API`, `the model`. */
    server;
    client;
    /** Log streams with follow may stay silent for long: no idle timeout there. */
    streamClient;
    timeoutMs;
    maxAnswerBytes;
    constructor(options) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.tokens = options.tokens;
        this.retry = options.retry;
        this.server = options.server ?? 'the Odahu API';
        this.outage = new OutageNotice(this.server);
        this.timeoutMs = options.timeoutMs ?? DEFAULT_EXCHANGE_MS;
        this.maxAnswerBytes = options.maxAnswerBytes ?? MAX_API_ANSWER_BYTES;
        const common = { keepAlive: true, allowRetries: false, allowRedirects: false };
        this.client = createHttpClient({ ...common, socketTimeout: this.timeoutMs });
        this.streamClient = createHttpClient({ ...common, socketTimeout: MAX_TIMER_MS });
    }
    /** The JSON body of a 2xx answer (undefined when empty). */
    async json(method, path, options = {}) {
        return (await this.exchange(method, path, options)).body;
    }
    /** The JSON body of a 2xx answer, with its headers. */
    async exchange(method, path, options = {}) {
        const url = this.urlOf(path, options.query);
        const state = { unanswered: false, refreshed: false };
        return this.retrying(method, url, options, state, async () => {
            const { message, text } = await this.sendAndRead(method, url, options, state);
            const status = message.statusCode ?? 0;
            if (status >= 200 && status < 300)
                return { body: parseJson(method, url, status, text), status, headers: message.headers };
            if (method === 'DELETE' && status === 404 && state.unanswered) {
                debug(`${method} ${displayUrl(url)}: 404 after an unanswered attempt: it was deleted then`);
                return { body: undefined, status: 200, headers: message.headers };
            }
            if (method === 'POST' && status === 409 && state.unanswered && options.createdObjectPath) {
                debug(`${method} ${displayUrl(url)}: 409 after an unanswered attempt: it was created then`);
                return this.exchange('GET', options.createdObjectPath, {
                    signal: options.signal,
                    retryUntil: options.retryUntil,
                });
            }
            throw apiErrorOf(method, url, message, text);
        });
    }
    /** One attempt: the request and its whole answer, within the exchange's deadline and size cap. */
    async sendAndRead(method, url, options, state) {
        const limit = new ExchangeLimit(method, url, this.timeoutMs, options);
        try {
            const response = await this.send(this.client, method, url, options, state, limit.signal);
            const status = response.message.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            const text = await readText(method, url, response.message, {
                signal: limit.signal,
                maxBytes: ok ? this.maxAnswerBytes : MAX_ERROR_ANSWER_BYTES,
                cut: !ok,
            });
            return { message: response.message, text };
        }
        catch (error) {
            throw limit.explain(error);
        }
        finally {
            limit.dispose();
        }
    }
    /** A GET whose 2xx body is handed over as a stream (logs); destroy it, or abort, to stop. */
    async stream(path, options = {}) {
        const url = this.urlOf(path, options.query);
        const state = { unanswered: false, refreshed: false };
        return this.retrying('GET', url, options, state, async () => {
            // The answer's head has a deadline; its body is followed for as long as the caller wants.
            const limit = new ExchangeLimit('GET', url, this.timeoutMs, options);
            let response;
            try {
                response = await this.send(this.streamClient, 'GET', url, options, state, options.signal, limit.signal);
            }
            catch (error) {
                throw limit.explain(error);
            }
            finally {
                limit.dispose();
            }
            const status = response.message.statusCode ?? 0;
            if (status >= 200 && status < 300) {
                const body = response.message;
                const { signal } = options;
                if (signal) {
                    const stop = () => void body.destroy();
                    signal.addEventListener('abort', stop, { once: true });
                    body.once('close', () => signal.removeEventListener('abort', stop));
                }
                return body;
            }
            const text = await readText('GET', url, response.message, {
                signal: options.signal,
                maxBytes: MAX_ERROR_ANSWER_BYTES,
                cut: true,
            });
            throw apiErrorOf('GET', url, response.message, text);
        });
    }
    /** Closes the kept-alive connections. */
    dispose() {
        this.client.dispose();
        this.streamClient.dispose();
    }
    urlOf(path, query) {
        const params = new URLSearchParams();
        for (const [name, value] of Object.entries(query ?? {})) {
            if (value === undefined)
                continue;
            for (const item of Array.isArray(value) ? value : [String(value)]) {
                params.append(name, item);
            }
        }
        const search = params.toString();
        return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
    }
    retrying(method, url, options, state, attempt) {
        return withRetries(async (number) => {
            debug(`${method} ${displayUrl(url)} (attempt ${number})`);
            try {
                const answer = await attempt();
                this.answered.mark(url);
                this.outage.answered();
                return answer;
            }
            catch (error) {
                // A connection never made cannot have applied anything; any other lost answer may have.
                if (error instanceof NetworkError && !error.neverSent)
                    state.unanswered = true;
                // Any answer is the server's: it is there. A refusal means it is back.
                if (error instanceof errors_ApiError)
                    this.answered.mark(url);
                if (error instanceof errors_ApiError && !RETRYABLE_STATUSES.has(error.status))
                    this.outage.answered();
                throw error;
            }
        }, {
            ...this.retry,
            signal: options.signal,
            deadline: options.retryUntil,
            idempotent: options.idempotent ?? true,
            giveUp: this.answered.giveUp(url, this.server),
            onRetry: ({ attempt: number, delayMs, error, deadline }) => {
                debug(`${error.message}; attempt ${number + 1} in ${delayMs} ms`);
                // A server that never answered gets no outage notice: the call gives up on it soon instead.
                if (this.answered.has(url))
                    this.outage.failed(answerOf(error), deadline);
            },
        });
    }
    /**
     * One request with the current token; on a 401 (once per call) a fresh token and once more.
     * `signal` aborts the request and its answer; `headSignal`, when given, only the wait for the head.
     */
    async send(client, method, url, options, state, signal, headSignal) {
        const body = options.body === undefined ? null : JSON.stringify(options.body);
        const token = await this.tokens.token(options.signal);
        const ask = (bearer) => sendRequest(client, method, url, body, headersFor(bearer, body), signal, headSignal);
        const response = await ask(token);
        if (state.refreshed || !loginRequired(url, response.message))
            return response;
        state.refreshed = true;
        const fresh = await this.tokens.refresh(token, options.signal);
        if (fresh === undefined)
            return response;
        debug(`${method} ${displayUrl(url)}: ${response.message.statusCode} with the cached token; sending again with a new one`);
        response.message.resume();
        return ask(fresh);
    }
}
/**
 * The deadline of one exchange: `timeoutMs` from now, or the call's own deadline if that comes first;
 * with the caller's signal, as one signal to abort the request with.
 */
class ExchangeLimit {
    method;
    url;
    /** Aborts the request: at the deadline, or when the caller's signal aborts. */
    signal;
    controller = new AbortController();
    handle;
    ms;
    timedOut = false;
    caller;
    follow = () => this.controller.abort(this.caller?.reason);
    constructor(method, url, timeoutMs, options = {}) {
        this.method = method;
        this.url = url;
        const untilEnd = options.deadline === undefined ? Infinity : options.deadline - Date.now();
        this.ms = Math.max(0, Math.min(timeoutMs, untilEnd));
        this.signal = this.controller.signal;
        // A listener removed in dispose(), not AbortSignal.any: a wait makes thousands of exchanges
        // under one step signal, and each would stay tied to it.
        this.caller = options.signal;
        if (this.caller?.aborted)
            this.follow();
        else
            this.caller?.addEventListener('abort', this.follow, { once: true });
        this.handle = setTimeout(() => {
            this.timedOut = true;
            this.controller.abort(new Error('deadline'));
        }, Math.min(this.ms, MAX_TIMER_MS));
        this.handle.unref();
    }
    /** What a failure of the exchange was: past the deadline, a NetworkError saying so. */
    explain(error) {
        if (!this.timedOut)
            return error;
        const timeout = Object.assign(new Error(`no complete answer within ${formatDuration(this.ms, 1)}`), {
            code: 'ETIMEDOUT',
        });
        return new NetworkError(this.method, this.url, timeout);
    }
    dispose() {
        clearTimeout(this.handle);
        this.caller?.removeEventListener('abort', this.follow);
    }
}
/**
 * Hands a request its AbortSignal (@actions/http-client takes none): set just before `request`,
 * which prepares the request before its first await. An aborted request is destroyed, socket and all.
 */
class RequestSignal {
    next;
    prepareRequest(options) {
        if (this.next)
            options.signal = this.next;
    }
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return Promise.reject(new Error('not an authentication handler'));
    }
}
/** An HttpClient whose requests sendRequest can abort. */
function createHttpClient(options) {
    return new lib/* HttpClient */.Qq(USER_AGENT, [new RequestSignal()], options);
}
function headersFor(token, body) {
    return {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(body === null ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    };
}
/** A 401, or (as Odahu's SDK reads it) a redirect to another host: the login page of the proxy. */
function loginRequired(url, message) {
    const status = message.statusCode ?? 0;
    if (status === 401)
        return true;
    if (status < 300 || status >= 400 || !message.headers.location)
        return false;
    try {
        return new URL(message.headers.location, url).host !== new URL(url).host;
    }
    catch {
        return false;
    }
}
/**
 * One HTTP exchange; no answer at all becomes a NetworkError naming the URL. `signal` aborts the
 * request (with a client of createHttpClient, the request itself; else only the wait), `headSignal`
 * only the wait for the answer's head.
 */
async function sendRequest(client, method, url, body, headers, requestSignal, headSignal) {
    const signal = requestSignal && headSignal
        ? AbortSignal.any([requestSignal, headSignal])
        : (requestSignal ?? headSignal);
    signal?.throwIfAborted();
    const handler = client.handlers.find((h) => h instanceof RequestSignal);
    // A request that outlives its head's deadline must be destroyed too: it gets the joint signal.
    if (handler)
        handler.next = signal;
    let sent;
    try {
        sent = client.request(method, url, body, headers);
    }
    finally {
        if (handler)
            handler.next = undefined;
    }
    const request = sent.catch((error) => {
        throw new NetworkError(method, url, asError(error));
    });
    if (!signal)
        return request;
    // http-client takes no signal: stop waiting, and drop the answer should it still come.
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        request.then((response) => {
            signal.removeEventListener('abort', onAbort);
            if (signal.aborted)
                response.message.destroy();
            else
                resolve(response);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/**
 * The whole body as text, at most `maxBytes`; a connection that breaks (or a signal that aborts)
 * before the end is a NetworkError.
 */
async function readText(method, url, message, limits) {
    const chunks = [];
    let length = 0;
    const stop = () => void message.destroy();
    limits.signal?.addEventListener('abort', stop, { once: true });
    try {
        limits.signal?.throwIfAborted();
        for await (const chunk of message) {
            const buffer = chunk;
            if (length + buffer.length > limits.maxBytes) {
                chunks.push(buffer.subarray(0, limits.maxBytes - length));
                message.destroy();
                if (limits.cut)
                    break;
                throw new TooLargeError(method, url, limits.maxBytes);
            }
            chunks.push(buffer);
            length += buffer.length;
        }
    }
    catch (error) {
        if (error instanceof TooLargeError)
            throw error;
        // Stopped by the caller: its reason, as a request stopped before its answer came.
        if (limits.signal?.aborted)
            throw limits.signal.reason;
        throw new NetworkError(method, url, asError(error));
    }
    finally {
        limits.signal?.removeEventListener('abort', stop);
    }
    return Buffer.concat(chunks).toString('utf8');
}
function parseJson(method, url, status, text) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors_ApiError({ method, url, status, serverMessage: `the answer is not JSON: ${textStart(text)}` });
    }
}
function apiErrorOf(method, url, message, text) {
    const status = message.statusCode ?? 0;
    const { location } = message.headers;
    const serverMessage = status >= 300 && status < 400 && location
        ? `redirected to ${redirectTarget(location, url)}`
        : serverMessageOf(text, message.statusMessage);
    const retryAfter = message.headers['retry-after'];
    return new errors_ApiError({ method, url, status, serverMessage, retryAfter, body: text });
}
/** Where a redirect leads, without its query (a login page's state). */
function redirectTarget(location, from) {
    try {
        const target = new URL(location, from);
        return displayUrl(`${target.origin}${target.pathname}`);
    }
    catch {
        return location.split('?')[0] ?? '';
    }
}
/**
 * What the server said: Odahu's `{"message"}` (or an OAuth2 `error_description`/`error`), else the
 * start of a text body, the title of an HTML page (a proxy's), or the HTTP reason phrase.
 */
function serverMessageOf(text, statusMessage) {
    const trimmed = text.trim();
    if (!trimmed)
        return statusMessage ?? '';
    try {
        const body = JSON.parse(trimmed);
        if (typeof body === 'object' && body !== null) {
            for (const key of ['message', 'error_description', 'error']) {
                const value = body[key];
                if (typeof value === 'string' && value.trim())
                    return value;
            }
        }
    }
    catch {
        // Not JSON: a text body.
    }
    if (/^<(!doctype|html)/i.test(trimmed)) {
        const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
        return title || statusMessage || textStart(trimmed);
    }
    return textStart(trimmed);
}
function textStart(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

;// CONCATENATED MODULE: ./src/shared/github/api.ts
// GitHub's REST API as the actions use it: @actions/github's Octokit, its requests sent through
// @actions/http-client like every other call of ours (the runner's proxy variables honoured the same
// way, keep-alive) and retried by the same rule (retry.ts: 429, 502-504 and lost connections, for a
// minute at most; a POST whose answer was lost is not sent twice), GitHub's rate limits included (a
// 403 with Retry-After, or with no requests left, waited out when that fits in the minute). Not
// @octokit/plugin-retry and plugin-throttling: they would send a POST again after a lost answer (a
// second report comment), wait on timers of their own (bottleneck) instead of the step's clock, and
// keep a second rule beside the one the Odahu calls follow. What GitHub answers when something
// is wrong becomes one warning line saying what to change: a report never fails the step that
// deployed the model. @actions/github is loaded only when a step talks to GitHub: parsing Octokit
// would cost every other run of deploy, predict and pipeline tens of milliseconds for nothing.






/** A call gives up after this: the step's own work is done, and a report is not worth more. */
const GITHUB_RETRY_BUDGET_MS = 60_000;
/** One exchange, its answer read to the end, takes at most this. */
const EXCHANGE_MS = 30_000;
/** A page of 100 comments of 65,536 characters each is under 32 MiB. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
async function gitHubApi(options, limits = {}) {
    const { getOctokit } = await __nccwpck_require__.e(/* import() */ 994).then(__nccwpck_require__.bind(__nccwpck_require__, 994));
    const client = createHttpClient({ keepAlive: true, allowRetries: false, socketTimeout: EXCHANGE_MS });
    const api = getOctokit(options.token, {
        baseUrl: options.apiUrl,
        userAgent: USER_AGENT,
        request: { fetch: fetchOver(client, { budgetMs: GITHUB_RETRY_BUDGET_MS }, limits.signal) },
    });
    return { api, dispose: () => client.dispose() };
}
/**
 * The `fetch` Octokit calls, over an HttpClient: each answer whole, tried again while retry.ts says
 * so. The last answer is returned whatever its status; Octokit makes errors of the others.
 */
function fetchOver(client, policy, connectionSignal) {
    return async (input, init = {}) => {
        const url = input instanceof Request ? input.url : String(input);
        const method = init.method ?? 'GET';
        const body = typeof init.body === 'string' ? init.body : null;
        const headers = Object.fromEntries(new Headers(init.headers).entries());
        // The call's own signal (Octokit's `request.signal`) and the connection's, whichever aborts first.
        const signals = [init.signal ?? undefined, connectionSignal].filter((s) => s !== undefined);
        const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
        let last;
        try {
            last = await withRetries(async () => {
                const limit = new ExchangeLimit(method, url, EXCHANGE_MS, { signal });
                let answer;
                try {
                    const response = await sendRequest(client, method, url, body, headers, limit.signal);
                    answer = {
                        status: response.message.statusCode ?? 0,
                        headers: headersOf(response.message.headers),
                        text: await readText(method, url, response.message, {
                            signal: limit.signal,
                            maxBytes: MAX_ANSWER_BYTES,
                        }),
                    };
                }
                catch (error) {
                    throw limit.explain(error);
                }
                finally {
                    limit.dispose();
                }
                const rateLimit = rateLimitWait(answer);
                if (!RETRYABLE_STATUSES.has(answer.status) && rateLimit === undefined)
                    return answer;
                last = answer;
                // For withRetries to judge (and wait as Retry-After asks); the answer itself is kept.
                throw new errors_ApiError({
                    method,
                    url,
                    status: rateLimit === undefined ? answer.status : 429,
                    serverMessage: '',
                    retryAfter: rateLimit ?? answer.headers.get('retry-after') ?? undefined,
                });
            }, { policy, idempotent: method !== 'POST', signal });
        }
        catch (error) {
            if (!(error instanceof errors_ApiError) || !last)
                throw error;
        }
        // A Response cannot carry a body for these statuses.
        const empty = [101, 204, 205, 304].includes(last.status);
        return new Response(empty ? null : last.text, { status: last.status, headers: last.headers });
    };
}
/**
 * When GitHub's rate limits say to come back, as a Retry-After value: a 403 or 429 with Retry-After
 * (a secondary limit), or with no requests left until x-ratelimit-reset (the primary one).
 */
function rateLimitWait(answer) {
    if (answer.status !== 403 && answer.status !== 429)
        return undefined;
    const retryAfter = answer.headers.get('retry-after');
    if (retryAfter)
        return retryAfter;
    const reset = Number(answer.headers.get('x-ratelimit-reset'));
    if (answer.headers.get('x-ratelimit-remaining') === '0' && reset > 0) {
        return String(Math.max(0, Math.ceil(reset - clock_now() / 1000)));
    }
    return undefined;
}
function headersOf(incoming) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming)) {
        for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
            headers.append(name, item);
        }
    }
    return headers;
}
/** Who writes with GITHUB_TOKEN, and with any token when GitHub cannot say (see tokenLogin). */
const GITHUB_ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login the token writes as: GraphQL's viewer answers it for a person's token and for an app's
 * installation token alike (`<app>[bot]`: github-actions[bot] for GITHUB_TOKEN); where GraphQL does
 * not answer, GET /user does for a person's token, and an installation token (which GET /user
 * refuses with a 403) is taken for GITHUB_TOKEN. A comment is then ours only if that login wrote it.
 */
async function tokenLogin(api) {
    try {
        const answer = await api.graphql('query { viewer { login } }');
        if (typeof answer.viewer?.login === 'string' && answer.viewer.login)
            return answer.viewer.login;
    }
    catch {
        // An older GitHub Enterprise Server, or GraphQL refusing the token: ask REST.
    }
    try {
        const { data } = await api.rest.users.getAuthenticated();
        if (typeof data.login === 'string' && data.login)
            return data.login;
    }
    catch (error) {
        // 403 "Resource not accessible by integration": an installation token.
        if (requestFailure(error)?.status !== 403)
            throw error;
    }
    return GITHUB_ACTIONS_BOT;
}
function requestFailure(error) {
    const status = error?.status;
    return typeof status === 'number' ? error : undefined;
}
/** GitHub refused the token what it asked (403 other than a rate limit): a permission, a fork's token. */
function isRefusal(error) {
    const failure = requestFailure(error);
    if (failure?.status !== 403 || !failure.response)
        return false;
    const data = failure.response.data;
    return !/rate limit/i.test(typeof data?.message === 'string' ? data.message : failure.message);
}
/** The HTTP status GitHub answered a failed call with; undefined when there was no answer. */
function requestStatus(error) {
    return requestFailure(error)?.status;
}
/**
 * One line saying why a GitHub call failed and what to do. `permission` is what the workflow's
 * `permissions:` must grant for it (`pull-requests: write`, `deployments: write`).
 */
function describeGitHubFailure(error, what, permission) {
    // GitHub's message (and a proxy's in its place) is text from outside: made inert for the log here,
    // once, for every caller.
    return untrusted_text_logText(githubFailureLine(error, what, permission));
}
function githubFailureLine(error, what, permission) {
    const failure = requestFailure(error);
    if (!failure?.response) {
        // No answer at all (Octokit calls that a 500 of its own, without a response).
        return `${what} failed: ${thrown_messageOf(error)}`;
    }
    const data = failure.response?.data;
    const message = typeof data?.message === 'string' ? data.message : failure.message;
    if (failure.status === 403 && !/rate limit/i.test(message)) {
        return `${what} was refused (403 ${message}): the workflow's token needs \`permissions: ${permission}\` (add it to the job or the workflow; a pull request from a fork gets a read-only token)`;
    }
    if (failure.status === 401) {
        return `${what} was refused (401 ${message}): github-token is not a valid token`;
    }
    return `${what} failed: ${failure.status} ${message}`;
}

;// CONCATENATED MODULE: ./src/shared/action/summary.ts
// The job summary (GITHUB_STEP_SUMMARY): one table per step saying what it did to which resource,
// its final state, how long it took and the outputs worth seeing (the model URL for deploy).
// Values come from the server: they go through markdownText/markdownCode (untrusted-text.ts). A
// step's summary stays under GitHub's 1 MiB (a larger one is not shown at all): rows that would not
// fit are left out, with a line saying how many.




/** GitHub shows a step's summary only if it is at most this many bytes. */
const MAX_STEP_SUMMARY_BYTES = 1024 * 1024;
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
/** A link only to an http(s) URL on one line; anything else is text. */
const LINK = /^https?:\/\/[^\s"'<>]+$/;
/** A value from outside: a link when it is an http(s) URL, else in <code>. */
function linkOrCode(value) {
    return LINK.test(value) && value.length <= MAX_MARKDOWN_VALUE
        ? `<a href="${escapeHtml(value)}">${markdownText(value)}</a>`
        : markdownCode(value);
}
function outputCell(outputs) {
    return Object.entries(outputs)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `${escapeHtml(name)}: ${linkOrCode(value)}`)
        .join('<br>');
}
const SUMMARY_COLUMNS = ['Resource', 'Id', 'Action', 'State', 'Duration', 'Outputs'];
/** A row's cells as HTML, escaped: the job summary's, and the pull-request report's. */
function summaryCells(row) {
    return [
        escapeHtml(row.kind),
        markdownCode(row.id),
        escapeHtml(row.action),
        markdownText(row.state),
        formatDuration(row.durationMs),
        outputCell(row.outputs),
        // core.summary writes an empty cell as a lone <td>, which breaks the table.
    ].map((cell) => cell || ' ');
}
/** Append the step's table to the job summary; a no-op where the runner gives no summary file. */
async function summary_writeSummary(title, rows) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
        return;
    }
    const header = SUMMARY_COLUMNS.map((data) => ({ data, header: true }));
    const cells = rows.map(summaryCells);
    const room = MAX_STEP_SUMMARY_BYTES - summarySize() - 1024;
    let kept = cells.length;
    while (kept > 0 && tableBytes(cells.slice(0, kept)) > room)
        kept = Math.floor(kept / 2);
    const summary = summary_summary.addHeading(escapeHtml(title), 3).addTable([header, ...cells.slice(0, kept)]);
    if (kept < cells.length) {
        summary.addRaw(`<p>${cells.length - kept} of ${cells.length} rows left out: GitHub shows a step's summary only up to 1 MiB.</p>`, true);
    }
    await summary.write();
}
/** The bytes the step's summary file holds already (an earlier write of the same step). */
function summarySize() {
    const path = process.env.GITHUB_STEP_SUMMARY;
    return (path && (0,external_node_fs_namespaceObject.statSync)(path, { throwIfNoEntry: false })?.size) || 0;
}
function tableBytes(cells) {
    return Buffer.byteLength(cells.flat().join('<td></td>'), 'utf8') + 200;
}

;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/buffer_utils.js
const buffer_utils_encoder = new TextEncoder(), decoder = new TextDecoder(), buffer_utils_strictDecoder = new TextDecoder("utf-8", { fatal: !0 }), UINT32_RANGE = (/* unused pure expression or super */ null && (2 ** 32));
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
function buffer_utils_encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return buffer_utils_encoder.encode(string);
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
function buffer_utils_encodeBase64(input, url = !1) {
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/base64url.js

const invalid = "The input to be decoded is not correctly encoded.";
function base64url_decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function base64url_encode(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/validate.js



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
    return decode(value);
  } catch (cause) {
    throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
  }
}
function encodeAsciiMember(value, label, ErrorClass) {
  try {
    return encode(value);
  } catch (cause) {
    throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
  }
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
  let parsed;
  try {
    parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
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
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
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
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/errors.js
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
class JOSEAlgNotAllowed extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_ALG_NOT_ALLOWED"));
  code = "ERR_JOSE_ALG_NOT_ALLOWED";
}
class errors_JOSENotSupported extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JOSE_NOT_SUPPORTED"));
  code = "ERR_JOSE_NOT_SUPPORTED";
}
class JWEDecryptionFailed extends JOSEError {
  static code = "ERR_JWE_DECRYPTION_FAILED";
  code = "ERR_JWE_DECRYPTION_FAILED";
  constructor(message = "decryption operation failed", options) {
    super(message, options);
  }
}
class JWEInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWE_INVALID"));
  code = "ERR_JWE_INVALID";
}
class errors_JWSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWS_INVALID"));
  code = "ERR_JWS_INVALID";
}
class JWTInvalid extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
}
class JWKInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWK_INVALID"));
  code = "ERR_JWK_INVALID";
}
class JWKSInvalid extends (/* unused pure expression or super */ null && (JOSEError)) {
  static code = (/* unused pure expression or super */ null && ("ERR_JWKS_INVALID"));
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


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/util/decode_jwt.js




function decodeJwt(jwt) {
  if (typeof jwt != "string")
    throw new JWTInvalid("JWTs must use Compact JWS serialization, JWT must be a string");
  const { 1: encodedPayload, length } = jwt.split(".");
  if (length === 5)
    throw new JWTInvalid("Only JWTs using Compact JWS serialization can be decoded");
  if (length !== 3)
    throw new JWTInvalid("Invalid JWT");
  if (!encodedPayload)
    throw new JWTInvalid("JWTs must contain a payload");
  let claimsSetBytes;
  try {
    claimsSetBytes = base64url_decode(encodedPayload);
  } catch (cause) {
    throw new JWTInvalid("Failed to base64url decode the payload", { cause });
  }
  let claimsSet;
  try {
    claimsSet = JSON.parse(buffer_utils_strictDecoder.decode(claimsSetBytes));
  } catch (cause) {
    throw new JWTInvalid("Failed to parse the decoded payload as JSON", { cause });
  }
  if (!isObject(claimsSet))
    throw new JWTInvalid("Invalid JWT Claims Set");
  return claimsSet;
}


;// CONCATENATED MODULE: ./src/shared/odahu/github-oidc.ts
// The job's GitHub OIDC token as the client's proof (auth github-oidc): asked from GitHub's token
// service for the realm's audience (core.getIDToken), a fresh one for every grant because GitHub's
// tokens live minutes and Keycloak takes each one once. When Keycloak refuses it, the user is shown
// the claims its trust is configured on (`sub`, `aud`), never the token.





class GitHubIdToken {
    audience;
    request;
    constructor(
    /** oidc-audience; undefined: the realm's issuer, which the token source finds. */
    audience = undefined, request = (audience) => getIDToken(audience)) {
        this.audience = audience;
        this.request = request;
    }
    async next(audience) {
        let token;
        try {
            token = await this.request(audience);
        }
        catch (error) {
            throw new AuthError(tokenServiceUrl(), `could not get the job's GitHub OIDC token for audience ${audience}: ${thrown_messageOf(error)}`);
        }
        secrets_markSecret(token);
        return token;
    }
    explain(token, status) {
        let claims;
        try {
            claims = decodeJwt(token);
        }
        catch {
            return "the job's GitHub OIDC token could not be read";
        }
        const aud = Array.isArray(claims.aud) ? claims.aud.join(', ') : String(claims.aud);
        const trust = `the job's GitHub OIDC token has sub "${String(claims.sub)}" and aud "${aud}": the realm needs ` +
            "an identity provider for the token's issuer and a client with federated authentication for this subject";
        // Keycloak says no more than this 401 when no client matched, the signature failed, or its
        // clients flow has no federated authenticator at all (a realm older than the feature).
        return status === 401
            ? `${trust}, and its clients flow needs "Signed JWT - Federated" (${REALM_SETUP})`
            : trust;
    }
}
/** Where the README says how to set the realm up. */
const REALM_SETUP = 'see "No secrets: the realm" in the odahu-actions README';
/** Where the job's token comes from, without the query (it names the run's plan and job). */
function tokenServiceUrl() {
    const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    return url.split('?')[0] || "GitHub's OIDC token service";
}

;// CONCATENATED MODULE: ./src/shared/odahu/auth.ts
// Where the token is fetched. The client-credentials grant at the OAuth2 token endpoint, as the
// Airflow plugin does; the answer's id_token is the bearer when there is one (Odahu's SDK sends the
// id_token), else its access_token. One token is shared by every call of the process, fetched again
// shortly before it expires and once after the API refuses it. The client proves itself with its
// secret, or with a client assertion made afresh for every request (the job's GitHub OIDC token,
// github-oidc.ts). The secret goes to one origin only, the auth-url's: a token request follows no
// redirect (the library would replay the form, secret and all, to wherever it points), and an OpenID
// configuration naming a token endpoint on another origin or scheme is refused.











/** One exchange with the token endpoint, its answer read to the end, takes at most this. */
const TOKEN_EXCHANGE_MS = 30_000;
/** A token answer is a few kB; a longer one is not read. */
const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/**
 * How long to wait before sending an assertion again that Keycloak found "issued in the future": a
 * realm clock a few seconds behind GitHub's has caught up by then. Longer lags need the identity
 * provider's allowedClockSkew (README, "No secrets").
 */
const CLOCK_SKEW_WAIT_MS = 5000;
/** A ready token (the `token` setting): used as it is, never refreshed. */
class StaticTokenSource {
    value;
    constructor(value) {
        this.value = value;
        secrets_markSecret(value);
    }
    token() {
        return Promise.resolve(this.value);
    }
    refresh() {
        return Promise.resolve(undefined);
    }
}
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
class ClientCredentialsTokenSource {
    options;
    now;
    http = createHttpClient({
        allowRetries: false,
        allowRedirects: false,
        socketTimeout: TOKEN_EXCHANGE_MS,
    });
    outage = new OutageNotice('the token endpoint');
    /** Whether the token endpoint has answered this source yet: until then, a grant gives up sooner. */
    answered = new AnsweredServers();
    cached;
    inFlight;
    /** The endpoint that issued a token: the auth-url, or what discovery found behind it. */
    tokenEndpoint;
    /** The realm's OpenID configuration, read once when needed. */
    discovery;
    /** The audience of the client assertions, once known. */
    audience;
    constructor(options) {
        this.options = options;
        this.now = options.now ?? Date.now;
        if ('clientSecret' in options)
            secrets_markSecret(options.clientSecret);
    }
    token(signal) {
        if (this.cached && this.now() < this.cached.refreshAt)
            return Promise.resolve(this.cached.value);
        return this.shared(signal);
    }
    refresh(refused, signal) {
        if (this.cached && this.cached.value !== refused)
            return Promise.resolve(this.cached.value);
        this.cached = undefined;
        return this.shared(signal);
    }
    /** Concurrent callers wait for the same fetch; each can stop waiting with its own signal. */
    shared(signal) {
        this.inFlight ??= this.fetch().finally(() => {
            this.inFlight = undefined;
        });
        if (!signal)
            return this.inFlight;
        signal.throwIfAborted();
        const fetching = this.inFlight;
        return new Promise((resolve, reject) => {
            const onAbort = () => reject(signal.reason);
            signal.addEventListener('abort', onAbort, { once: true });
            fetching.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
        });
    }
    async fetch() {
        const { authUrl } = this.options;
        // An OpenID configuration URL names the token endpoint; anything else is tried as one first.
        let endpoint = this.tokenEndpoint ?? (isDiscoveryUrl(authUrl) ? await this.discoveredTokenEndpoint() : authUrl);
        let grant = await this.grant(endpoint);
        // A 404/405 from the auth-url: the user gave the issuer (`https://keycloak.example.com/...`).
        if ((grant.answer.status === 404 || grant.answer.status === 405) && endpoint === authUrl) {
            endpoint = await this.discoveredTokenEndpoint(grant.answer.status);
            core_info(untrusted_text_logText(`auth-url ${displayUrl(authUrl)} is not a token endpoint (it answered ${grant.answer.status}); ` +
                `using ${displayUrl(endpoint)} from its OpenID configuration`));
            grant = await this.grant(endpoint);
        }
        // Keycloak's clock a few seconds behind GitHub's: the same assertion once more, after a wait.
        if (grant.assertion !== undefined && issuedInTheFuture(grant.answer)) {
            core_info(`The token endpoint's clock is behind GitHub's (Token was issued in the future): trying again in ${formatDuration(CLOCK_SKEW_WAIT_MS)}.`);
            await (this.options.retry?.sleep ?? retry_sleep)(CLOCK_SKEW_WAIT_MS);
            grant = await this.grant(endpoint, grant.assertion);
        }
        const issued = this.tokenOf(endpoint, grant);
        this.tokenEndpoint = endpoint;
        this.cached = issued;
        return issued.value;
    }
    tokenOf(endpoint, { answer, assertion }) {
        const body = jsonObject(answer.text);
        if (answer.status >= 300 && answer.status < 400) {
            throw new AuthError(endpoint, `it answered ${answer.status} with a redirect${answer.location ? ` to ${redirectOrigin(answer.location, endpoint)}` : ''}: ` +
                'a token request follows no redirect (the client would send its secret along); set auth-url to the token endpoint itself', answer.status);
        }
        if (answer.status < 200 || answer.status >= 300) {
            const refusal = describeRefusal(answer, body);
            const explained = assertion !== undefined && 'assertion' in this.options
                ? `${refusal} (${this.options.assertion.explain(assertion, answer.status)})`
                : refusal;
            throw new AuthError(endpoint, explained, answer.status);
        }
        if (!body)
            throw new AuthError(endpoint, 'the answer is not a JSON object');
        for (const key of ['id_token', 'access_token', 'refresh_token']) {
            if (typeof body[key] === 'string')
                secrets_markSecret(body[key]);
        }
        const value = body.id_token ?? body.access_token;
        if (typeof value !== 'string' || value === '') {
            throw new AuthError(endpoint, 'the answer holds neither an id_token nor an access_token');
        }
        const issuedAt = this.now();
        const lifetimeMs = lifetimeOf(value, body.expires_in, issuedAt);
        if (lifetimeMs === undefined) {
            debug(`fetched a token from ${displayUrl(endpoint)}; no expiry given, kept until refused`);
            return { value, refreshAt: Infinity };
        }
        debug(`fetched a token from ${displayUrl(endpoint)}, valid for ${Math.round(lifetimeMs / 1000)} s`);
        return { value, refreshAt: issuedAt + lifetimeMs - Math.min(30_000, lifetimeMs * 0.1) };
    }
    /**
     * The form POST of the grant, retried like any call when the answer is worth retrying. An assertion
     * is made for each attempt (the server may take each one only once), unless `again` is one the
     * server refused before taking it.
     */
    async grant(endpoint, again) {
        const options = this.options;
        const headers = { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' };
        let assertion;
        const audience = 'assertion' in options ? await this.assertionAudience() : undefined;
        let first = true;
        const answer = await this.retried(endpoint, async () => {
            const form = new URLSearchParams({ grant_type: 'client_credentials' });
            if ('assertion' in options) {
                assertion = again !== undefined && first ? again : await options.assertion.next(audience);
                first = false;
                // No client_id: Keycloak wants one, when sent, to be the assertion's subject.
                form.set('client_assertion_type', JWT_BEARER);
                form.set('client_assertion', assertion);
            }
            else {
                form.set('client_id', options.clientId);
                form.set('client_secret', options.clientSecret);
            }
            form.set('scope', options.scope);
            return this.ask('POST', endpoint, form.toString(), headers);
        });
        return { answer, assertion };
    }
    /** The realm's OpenID configuration (its token endpoint and issuer), read once. */
    discover() {
        if (!this.discovery) {
            const { authUrl } = this.options;
            const url = discoveryUrlOf(authUrl);
            const read = this.retried(authUrl, () => this.ask('GET', url, null, { accept: 'application/json' })).then((answer) => {
                const body = answer.status === 200 ? jsonObject(answer.text) : undefined;
                const text = (key) => (typeof body?.[key] === 'string' ? body[key] : undefined);
                return { url, status: answer.status, tokenEndpoint: text('token_endpoint'), issuer: text('issuer') };
            });
            this.discovery = read;
            // A read that failed (no answer in the budget) is made again by the next grant.
            read.catch(() => {
                if (this.discovery === read)
                    this.discovery = undefined;
            });
        }
        return this.discovery;
    }
    /**
     * The audience of a client assertion: the settings' oidc-audience, else the realm's issuer as its
     * OpenID configuration names it (Keycloak compares it with its public issuer, whatever name the
     * step reaches it by), else as the auth-url spells it.
     */
    assertionAudience() {
        if (!('assertion' in this.options))
            throw new Error('no client assertion');
        const { assertion, authUrl } = this.options;
        if (assertion.audience !== undefined)
            return Promise.resolve(assertion.audience);
        if (!this.audience) {
            const found = this.discover().then(({ issuer, url, status }) => {
                if (issuer) {
                    debug(`the realm's issuer, from ${displayUrl(url)}: ${issuer}`);
                    return issuer;
                }
                debug(`${displayUrl(url)} answered ${status} without an issuer: the audience is taken from auth-url`);
                return realmIssuerOf(authUrl);
            });
            this.audience = found;
            found.catch(() => {
                if (this.audience === found)
                    this.audience = undefined;
            });
        }
        return this.audience;
    }
    /**
     * The token endpoint the realm's OpenID configuration names; `status` is what the auth-url answered
     * a grant with, when it was tried as a token endpoint first.
     */
    async discoveredTokenEndpoint(status) {
        const { authUrl } = this.options;
        const { url, status: read, tokenEndpoint: endpoint } = await this.discover();
        if (endpoint === undefined) {
            throw new AuthError(authUrl, `${status === undefined ? '' : `it answered ${status} to the token request and `}${displayUrl(url)} answered ${read} ` +
                `without a token_endpoint: is it the token endpoint or the issuer URL?`, status);
        }
        const origin = auth_originOf(endpoint);
        if (origin !== auth_originOf(authUrl)) {
            throw new AuthError(authUrl, `its OpenID configuration names token_endpoint ${endpoint} on ${origin ? `another origin (${origin})` : 'no URL'}: ` +
                `refused, the client's secret goes to ${auth_originOf(authUrl)} only; set auth-url to the token endpoint itself if it is the right one`, status);
        }
        return endpoint;
    }
    async ask(method, url, body, headers) {
        const limit = new ExchangeLimit(method, url, TOKEN_EXCHANGE_MS);
        let answer;
        try {
            const response = await sendRequest(this.http, method, url, body, headers, limit.signal);
            const text = await readText(method, url, response.message, {
                signal: limit.signal,
                maxBytes: MAX_TOKEN_ANSWER_BYTES,
            });
            const { statusCode, statusMessage, headers: answerHeaders } = response.message;
            answer = {
                status: statusCode ?? 0,
                statusMessage,
                text,
                location: answerHeaders.location,
                retryAfter: answerHeaders['retry-after'],
            };
        }
        catch (error) {
            throw limit.explain(error);
        }
        finally {
            limit.dispose();
        }
        this.answered.mark(url);
        const { status } = answer;
        if (RETRYABLE_STATUSES.has(status)) {
            throw new errors_ApiError({
                method,
                url,
                status,
                serverMessage: serverMessageOf(answer.text, answer.statusMessage),
                retryAfter: answer.retryAfter,
            });
        }
        return answer;
    }
    /** Retries; a failure that outlasts them is an AuthError naming the endpoint and the cause. */
    async retried(endpoint, attempt) {
        try {
            const answer = await withRetries(attempt, {
                ...this.options.retry,
                giveUp: this.answered.giveUp(endpoint, 'the token endpoint'),
                onRetry: ({ error, delayMs, deadline }) => {
                    debug(`${error.message}; retrying in ${delayMs} ms`);
                    // A server that never answered gets no outage notice: the call gives up on it soon instead.
                    if (this.answered.has(endpoint))
                        this.outage.failed(answerOf(error), deadline);
                },
            });
            this.outage.answered();
            return answer;
        }
        catch (error) {
            // As AuthErrors, so that the API call waiting for this token does not retry it all over again.
            if (error instanceof errors_ApiError) {
                throw new AuthError(endpoint, `${error.status} ${error.serverMessage}`.trim(), error.status);
            }
            if (error instanceof NetworkError)
                throw new AuthError(endpoint, error.detail);
            if (error instanceof TooLargeError)
                throw new AuthError(endpoint, error.message);
            throw error;
        }
    }
}
/** `https://host:port` of a URL, or '' when it is none. */
function auth_originOf(url) {
    try {
        const parsed = new URL(url);
        return /^https?:$/.test(parsed.protocol) ? parsed.origin : '';
    }
    catch {
        return '';
    }
}
/** Where a redirect points, as much as a message needs: its origin and path, no query. */
function redirectOrigin(location, from) {
    try {
        const target = new URL(location, from);
        return displayUrl(`${target.origin}${target.pathname}`);
    }
    catch {
        return 'an unreadable location';
    }
}
/** The token source the credentials call for; a grant is retried for `retryBudgetMs` (default 3 min). */
function tokenSourceFor(credentials, retryBudgetMs) {
    const retry = retryBudgetMs === undefined ? undefined : { policy: { budgetMs: retryBudgetMs } };
    switch (credentials.type) {
        case 'token':
            return new StaticTokenSource(credentials.token);
        case 'client-credentials':
            return new ClientCredentialsTokenSource({ ...credentials, retry });
        case 'github-oidc': {
            const { authUrl, scope, audience } = credentials;
            // audience undefined: the realm's issuer, from its OpenID configuration.
            return new ClientCredentialsTokenSource({
                authUrl,
                scope,
                assertion: new GitHubIdToken(audience),
                retry,
            });
        }
    }
}
/**
 * Keycloak's refusal of a client assertion whose `iat` is later than its own clock (with the
 * identity provider's allowedClockSkew, 0 by default).
 */
function issuedInTheFuture(answer) {
    return (answer.status === 400 && jsonObject(answer.text)?.error_description === 'Token was issued in the future');
}
/** An OAuth2 error answer: its error_description, else its error, else the status and text. */
function describeRefusal(answer, body) {
    const description = body?.error_description ?? body?.error;
    if (typeof description === 'string' && description.trim())
        return description;
    return `${answer.status} ${serverMessageOf(answer.text, answer.statusMessage)}`.trim();
}
/**
 * How long the token lives, in ms: from the JWT's own `exp` when the bearer is a JWT (an id_token's
 * lifetime may differ from expires_in, which is the access token's), else from expires_in.
 */
function lifetimeOf(token, expiresIn, now) {
    const exp = jwtExpiry(token);
    // A clock far behind the issuer's would make a fresh token look expired: then trust expires_in.
    if (exp !== undefined && exp * 1000 > now)
        return exp * 1000 - now;
    const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
/** The `exp` claim of a JWT (unverified: only to plan the refresh), or undefined. */
function jwtExpiry(token) {
    try {
        const { exp } = decodeJwt(token);
        return typeof exp === 'number' ? exp : undefined;
    }
    catch {
        return undefined;
    }
}
function jsonObject(text) {
    try {
        const value = JSON.parse(text);
        return typeof value === 'object' && value !== null && !Array.isArray(value)
            ? value
            : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/shared/odahu/client.ts
// The typed Odahu API client, one method per endpoint, and the client of a deployed model's server.
// Both stand on the Transport (tokens, retries, errors); here only paths and types.




function itemPath(collection, id) {
    return `${collection}/${encodeURIComponent(id)}`;
}
/** GET of a collection and of its items. */
class ReadableCollection {
    transport;
    path;
    constructor(transport, 
    /** e.g. `/model/training`. */
    path) {
        this.transport = transport;
        this.path = path;
    }
    /** One page of objects (the server's default page holds 500). */
    async list(query, options = {}) {
        // The connection list answers `null` past its last page.
        const items = await this.transport.json('GET', this.path, {
            ...options,
            query: query,
        });
        return items ?? [];
    }
    /** The object; an ApiError 404 when there is none. */
    get(id, options = {}) {
        return this.transport.json('GET', itemPath(this.path, id), options);
    }
    /** The object, or undefined when there is none. */
    async find(id, options = {}) {
        try {
            return await this.get(id, options);
        }
        catch (error) {
            if (isNotFound(error))
                return undefined;
            throw error;
        }
    }
}
/** Kinds that are created and deleted but never changed (batch jobs; their ids are generated). */
class CreateOnlyCollection extends ReadableCollection {
    /** POSTs the object. Not sent twice after a failure that may have reached the server. */
    create(resource, options = {}) {
        return this.transport.json('POST', this.path, {
            body: resource,
            signal: options.signal,
            idempotent: false,
        });
    }
    /** DELETE; a retry that finds it gone counts as done. */
    async delete(id, options = {}) {
        await this.transport.json('DELETE', itemPath(this.path, id), options);
    }
}
/** The full set: list, get, find, create, update, delete. */
class Collection extends CreateOnlyCollection {
    /** POSTs the object; a retry that meets 409 after an unanswered attempt reads the created object. */
    create(resource, options = {}) {
        return this.transport.json('POST', this.path, {
            body: resource,
            signal: options.signal,
            createdObjectPath: itemPath(this.path, resource.id),
        });
    }
    /** PUTs the object; the server finds it by the body's id. */
    update(resource, options = {}) {
        return this.transport.json('PUT', this.path, { body: resource, signal: options.signal });
    }
}
/** Trainings and packagings: their pods' logs. */
class RunCollection extends Collection {
    /** The pod's log as a text stream; with `follow` it ends when the run does. */
    logs(id, options = {}) {
        return this.transport.stream(`${itemPath(this.path, id)}/log`, {
            query: { follow: options.follow ?? false },
            signal: options.signal,
            retryUntil: options.retryUntil,
        });
    }
}
class DeploymentCollection extends Collection {
    /** The route the server made with the deployment; its `status.edgeUrl` is the model's URL. */
    defaultRoute(id, options = {}) {
        return this.transport.json('GET', `${itemPath(this.path, id)}/default-route`, options);
    }
    /** Changes after `cursor` (0: all kept), newest per deployment. */
    events(cursor = 0, options = {}) {
        return this.transport.json('GET', '/model/deployment-events', {
            query: { cursor },
            signal: options.signal,
        });
    }
}
class RouteCollection extends Collection {
    /** Changes after `cursor` (0: all kept), newest per route. */
    events(cursor = 0, options = {}) {
        return this.transport.json('GET', '/model/route-events', { query: { cursor }, signal: options.signal });
    }
}
class ConnectionCollection extends Collection {
    /** The connection with its secrets unmasked (base64), for admins. */
    decrypted(id, options = {}) {
        return this.transport.json('GET', `${itemPath(this.path, id)}/decrypted`, options);
    }
}
class client_OdahuClient {
    transport;
    /** Where the client's bearer tokens come from: a model is asked, and a token's roles read, with it. */
    tokens;
    configurationRead;
    trainings;
    toolchainIntegrations;
    /** The server's `type` filter of packagings matches nothing: not offered. */
    packagings;
    packagingIntegrations;
    deployments;
    routes;
    connections;
    inferenceServices;
    inferenceJobs;
    byKind;
    constructor(options) {
        const { apiUrl, ...transportOptions } = options;
        this.tokens = options.tokens;
        this.transport = new http_Transport({ ...transportOptions, baseUrl: `${apiUrl.replace(/\/+$/, '')}/api/v1` });
        const path = (kind) => `/${kinds_KINDS[kind].path}`;
        this.trainings = new RunCollection(this.transport, path('ModelTraining'));
        this.toolchainIntegrations = new Collection(this.transport, path('ToolchainIntegration'));
        this.packagings = new RunCollection(this.transport, path('ModelPackaging'));
        this.packagingIntegrations = new Collection(this.transport, path('PackagingIntegration'));
        this.deployments = new DeploymentCollection(this.transport, path('ModelDeployment'));
        this.routes = new RouteCollection(this.transport, path('ModelRoute'));
        this.connections = new ConnectionCollection(this.transport, path('Connection'));
        this.inferenceServices = new Collection(this.transport, path('InferenceService'));
        this.inferenceJobs = new CreateOnlyCollection(this.transport, path('InferenceJob'));
        this.byKind = {
            ModelTraining: this.trainings,
            ToolchainIntegration: this.toolchainIntegrations,
            ModelPackaging: this.packagings,
            PackagingIntegration: this.packagingIntegrations,
            ModelDeployment: this.deployments,
            ModelRoute: this.routes,
            Connection: this.connections,
            InferenceService: this.inferenceServices,
            InferenceJob: this.inferenceJobs,
        };
    }
    /** A client for the settings' server and credentials, retrying for their retry-timeout. */
    static fromSettings(settings, options = {}) {
        return new client_OdahuClient({
            retry: { policy: { budgetMs: settings.retryTimeoutMs } },
            ...options,
            apiUrl: settings.apiUrl,
            tokens: options.tokens ?? tokenSourceFor(settings.credentials, settings.retryTimeoutMs),
        });
    }
    /** The collection of a manifest's kind. */
    kind(kind) {
        return this.byKind[kind];
    }
    /** Name and email from the token's claims (the server does not verify it). */
    userInfo(options = {}) {
        return this.transport.json('GET', '/user/info', options);
    }
    /**
     * The server's configuration: edge host, output connections, what is enabled. Read once per client
     * (a step's): it does not change while a step runs, and several checks need it; a failed read is
     * made again by the next call.
     */
    configuration(options = {}) {
        if (!this.configurationRead) {
            const read = this.transport.json('GET', '/configuration', options);
            this.configurationRead = read;
            read.catch(() => {
                if (this.configurationRead === read)
                    this.configurationRead = undefined;
            });
        }
        return this.configurationRead;
    }
    /** Closes the kept-alive connections. */
    dispose() {
        this.transport.dispose();
    }
}
/** A model's answer longer than this is not read: predict fails with one line saying so. */
const MAX_MODEL_ANSWER_BYTES = (/* unused pure expression or super */ null && (8 * 1024 * 1024));
/** The model server of a deployment (odahu-ml-server), reached through the edge. */
class ModelClient {
    transport;
    constructor(options) {
        const { url, ...transportOptions } = options;
        this.transport = new Transport({
            server: 'the model',
            maxAnswerBytes: MAX_MODEL_ANSWER_BYTES,
            ...transportOptions,
            baseUrl: url,
        });
    }
    /** POST `<url>/api/model/invoke`. Predictions change nothing, so retries are safe. */
    invoke(request, options = {}) {
        return this.ask('POST', '/api/model/invoke', request, options);
    }
    /** GET `<url>/api/model/info`: the model's Swagger document; `info.title`/`info.version` name it. */
    info(options = {}) {
        return this.ask('GET', '/api/model/info', undefined, options);
    }
    async ask(method, path, body, options) {
        const answer = await this.transport.exchange(method, path, { ...options, body });
        const header = (name) => {
            const value = answer.headers[name];
            return Array.isArray(value) ? value[0] : value;
        };
        return {
            body: answer.body,
            status: answer.status,
            requestId: header('request-id'),
            modelName: header('model-name'),
            modelVersion: header('model-version'),
        };
    }
    dispose() {
        this.transport.dispose();
    }
}
/** The server answered 404: the thing is not there (or no longer). */
function isNotFound(error) {
    return error instanceof errors_ApiError && error.status === 404;
}

;// CONCATENATED MODULE: ./src/shared/action/apply.ts
// Creating a resource when one with the same id may exist: the `if-exists` policies. `replace` is the
// Airflow plugin's delete-then-create, waiting until the server confirms the delete: a deployment is
// only marked at first (a create before it is gone answers 409), and a training's Kubernetes object
// outlives its row until the controller's next pass (a create before that takes over the old run).





class ResourceExistsError extends Error {
    constructor(noun, id) {
        super(`${noun} ${id} already exists and if-exists is fail`);
        this.name = 'ResourceExistsError';
    }
}
async function apply_applyResource(store, desired, policy, options) {
    const what = `${options.noun} ${desired.id}`;
    const { signal } = options;
    const existing = await store.find(desired.id, { signal });
    if (!existing) {
        core.info(logText(`Creating ${what}.`));
        return { object: await store.create(desired, { signal }), applied: 'created' };
    }
    if (existing.deletionMark === true && policy !== 'fail') {
        // A deployment a DELETE marked goes whatever is done to it (a PUT does not clear the mark), and a
        // POST answers 409 until it is gone: wait, then create it anew.
        core.info(logText(`${apply_capitalize(what)} is being deleted: waiting until it is gone to create it again.`));
        await waitUntilGone(store, desired.id, options);
        core.info(logText(`Creating ${what}.`));
        return { object: await store.create(desired, { signal }), applied: 'created' };
    }
    switch (policy) {
        case 'fail':
            throw new ResourceExistsError(options.noun, desired.id);
        case 'reuse':
            core.info(logText(`Reusing the existing ${what} (if-exists: reuse).`));
            if (!specCovers(existing.spec, desired.spec)) {
                core.warning(`The existing ${what} has another spec than the manifest; it is reused as it is (if-exists: reuse).`);
            }
            return { object: existing, applied: 'reused' };
        case 'update':
            if (await options.unchanged?.(existing, signal)) {
                core.info(logText(`${apply_capitalize(what)} already has this spec: nothing to update.`));
                return { object: existing, applied: 'unchanged' };
            }
            core.info(logText(`Updating ${what}.`));
            return { object: await store.update(desired, { signal }), applied: 'updated' };
        case 'replace':
            core.info(logText(`Deleting the existing ${what} to replace it.`));
            await deleteUntilGone(store, desired.id, options);
            core.info(logText(`Creating ${what}.`));
            return { object: await store.create(desired, { signal }), applied: 'replaced' };
    }
}
/** DELETE, then wait until the server confirms it (some kinds are only marked at first). */
async function deleteUntilGone(store, id, options) {
    await store.delete(id, { signal: options.signal });
    await waitUntilGone(store, id, options);
}
async function waitUntilGone(store, id, options) {
    const what = `${options.noun} ${id}`;
    const deadline = now() + options.deleteTimeoutMs;
    const { signal } = options;
    const gone = async () => (await store.find(id, { signal })) === undefined &&
        (!options.runtimeGone || (await options.runtimeGone(id, signal)));
    while (!(await gone())) {
        if (now() > deadline) {
            throw new Error(`${what} was not deleted within ${Math.round(options.deleteTimeoutMs / 1000)}s`);
        }
        await pause(new PollSchedule(options.pollIntervalMs).shortMs, signal, `deleting ${what}`);
    }
}
/** Every field `wanted` sets has that value in `actual` (fields it leaves out are not compared). */
function specCovers(actual, wanted) {
    if (wanted === undefined || wanted === null)
        return true;
    if (Array.isArray(wanted)) {
        return (Array.isArray(actual) &&
            actual.length === wanted.length &&
            wanted.every((item, i) => specCovers(actual[i], item)));
    }
    if (typeof wanted === 'object') {
        if (typeof actual !== 'object' || actual === null)
            return false;
        const fields = actual;
        return Object.entries(wanted).every(([key, value]) => specCovers(fields[key], value));
    }
    return actual === wanted;
}
function apply_capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

;// CONCATENATED MODULE: ./src/shared/action/planned-cluster.ts
// The cluster as an apply will leave it: the resources its manifests hold, over what the server has.
// Read before the first write to check that every reference resolves, and to know the server's
// defaults that come from other resources (a toolchain's image, a git connection's reference). Each
// server object and the configuration are read once.

class planned_cluster_PlannedCluster {
    client;
    signal;
    serverObjects = new Map();
    planned = new Map();
    constructor(client, signal, 
    /** What the apply will write (batch jobs are left out: their ids are the server's). */
    resources = []) {
        this.client = client;
        this.signal = signal;
        for (const { kind, id, resource } of resources)
            this.planned.set(`${kind}/${id}`, resource);
    }
    configuration() {
        return this.client.configuration({ signal: this.signal });
    }
    /** The resource as the apply will leave it: the manifest's, else the server's, else undefined. */
    async find(kind, id) {
        const key = `${kind}/${id}`;
        if (this.planned.has(key))
            return this.planned.get(key);
        return this.onServer(kind, id);
    }
    /** The apply leaves the server's object as it is (if-exists: skip): later checks read that one. */
    keepServers(kind, id) {
        this.planned.delete(`${kind}/${id}`);
    }
    /** What the server has now (undefined: nothing). */
    onServer(kind, id) {
        const key = `${kind}/${id}`;
        let read = this.serverObjects.get(key);
        if (!read) {
            read = this.client.kind(kind).find(id, { signal: this.signal });
            this.serverObjects.set(key, read);
        }
        return read;
    }
    /**
     * Whether the resource will exist: true or false, or undefined when the server would not say
     * (these credentials may not read that kind: the server then judges the write itself).
     */
    async exists(kind, id) {
        try {
            return (await this.find(kind, id)) !== undefined;
        }
        catch (error) {
            if (deniedRead(error))
                return undefined;
            throw error;
        }
    }
}
/** The server would not let these credentials read it (a data scientist and batch services, say). */
function deniedRead(error) {
    return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

;// CONCATENATED MODULE: ./src/shared/action/references.ts
// What each kind of manifest names that must exist when the server receives it: the server refuses a
// training whose toolchain or connections are missing, a packaging without its integration or target
// connections, a route without its deployments, a job without its service; it takes a deployment
// whose pull connection or a batch service whose connections are missing, and their controllers then
// never give them a state. Every step that writes a manifest checks these before its first write
// (apply and the pipeline for all their manifests at once), so that a missing one fails the step with
// one line naming it, and nothing is half-applied: no training replaced by nothing, no deployment
// waited for until its timeout.


/** What a resource of `kind` names that must exist. */
function referencesOf(kind, resource) {
    const refs = [];
    const add = (refKind, id, field, consequence) => {
        if (id)
            refs.push({ kind: refKind, id, field, ...(consequence ? { consequence } : {}) });
    };
    switch (kind) {
        case 'ModelTraining': {
            const { spec } = resource;
            add('ToolchainIntegration', spec.toolchain, 'spec.toolchain');
            add('Connection', spec.algorithmSource?.vcs?.connection, 'spec.algorithmSource.vcs.connection');
            add('Connection', spec.algorithmSource?.objectStorage?.connection, 'spec.algorithmSource.objectStorage.connection');
            spec.data?.forEach((binding, i) => add('Connection', binding.connection, `spec.data[${i}].connection`));
            add('Connection', spec.outputConnection, 'spec.outputConnection');
            break;
        }
        case 'ModelPackaging': {
            const { spec } = resource;
            add('PackagingIntegration', spec.integrationName, 'spec.integrationName');
            spec.targets?.forEach((target, i) => add('Connection', target.connectionName, `spec.targets[${i}].connectionName`));
            add('Connection', spec.outputConnection, 'spec.outputConnection');
            break;
        }
        case 'ModelDeployment': {
            const { spec } = resource;
            add('Connection', spec.imagePullConnID, 'spec.imagePullConnID', 'the server takes it, but the deployment would never get a state');
            break;
        }
        case 'ModelRoute': {
            const { spec } = resource;
            spec.modelDeployments?.forEach((target, i) => add('ModelDeployment', target.mdName, `spec.modelDeployments[${i}].mdName`));
            add('ModelDeployment', spec.mirror, 'spec.mirror');
            break;
        }
        case 'InferenceService': {
            const { spec } = resource;
            const noJob = 'the server takes it, but no job of the service would ever start';
            add('Connection', spec.dataSource?.connection, 'spec.dataSource.connection', noJob);
            add('Connection', spec.outputDestination?.connection, 'spec.outputDestination.connection', noJob);
            add('Connection', spec.modelRegistry?.remote?.modelConnection, 'spec.modelRegistry.remote.modelConnection', noJob);
            break;
        }
        case 'InferenceJob': {
            // The connections a job needs are checked with their types (batch-service.ts).
            const { spec } = resource;
            add('InferenceService', spec.inferenceServiceId, 'spec.inferenceServiceId');
            break;
        }
        default:
            break;
    }
    return refs;
}
/** How a message names a kind: `connection`, `toolchain integration`. */
const NOUNS = {
    Connection: 'connection',
    ToolchainIntegration: 'toolchain integration',
    PackagingIntegration: 'packaging integration',
    ModelDeployment: 'deployment',
    InferenceService: 'batch inference service',
};
/**
 * The references of `resource` that `cluster` does not have (credentials that may not read a kind
 * leave its references to the server), one line each: `<origin>: <field> names <kind> <id>, which
 * <absence>`, with what a missing one costs where the server would not say.
 */
async function missingReferences(cluster, item, absence = 'does not exist') {
    const problems = [];
    const missing = [];
    for (const ref of referencesOf(item.kind, item.resource)) {
        if ((await cluster.exists(ref.kind, ref.id)) !== false)
            continue;
        missing.push(ref);
        const noun = NOUNS[ref.kind] ?? ref.kind;
        problems.push(`${item.origin}: ${ref.field} names ${noun} ${ref.id}, which ${absence}${ref.consequence ? ` (${ref.consequence})` : ''}`);
    }
    return { problems, missing };
}
/**
 * Before a step writes these resources: every one they name exists on the server (or is among
 * them). Throws one InputError listing every missing one; nothing has been written then.
 */
async function references_checkReferences(client, items, signal) {
    const cluster = new PlannedCluster(client, signal, items.map(({ kind, resource }) => ({ kind, id: resource.id, resource })));
    const problems = [];
    for (const item of items)
        problems.push(...(await missingReferences(cluster, item)).problems);
    if (problems.length > 0)
        throw new InputError(problems);
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/shared/action/pod-log.ts
// Streams a training's or packaging's pod log into the job log, in a collapsible group, while the step
// waits. The log is the user's program output: each line goes through inertLine (untrusted-text.ts),
// so the runner cannot take it for a workflow command. ::stop-commands:: is not used here: it would
// also turn this step's own commands printed meanwhile (the masks of a renewed token) into raw text.
// A line is cut at MAX_LINE_CHARS as it arrives and the log at MAX_PRINTED_CHARS, each with a line
// saying what was cut. The last lines are kept for the failure message, and the end of the stream
// tells the waiting step that the pod has ended (followed without printing when the user turned the
// log off).





/** Lines kept for a failure message. */
const TAIL_LINES = 20;
/** A longer line is cut (a progress bar redrawn without line breaks, a dumped array). */
const MAX_LINE_CHARS = 8192;
/** A pod log prints this much at most; the rest is followed (for its end and last lines) unprinted. */
const MAX_PRINTED_CHARS = 8 * 1024 * 1024;
/** Reopens without a new line in between before the log is given up. */
const MAX_FRUITLESS_REOPENS = 5;
const REOPEN_DELAY_MS = 1000;
/**
 * A text stream split into lines as the runner splits output (at \n, \r\n and a lone \r), each line
 * cut at MAX_LINE_CHARS while it arrives, so a line that never ends costs no more memory than that.
 */
class LineSplitter {
    onLine;
    partial = '';
    dropped = 0;
    /** The last chunk ended with \r: a \n first in the next one is the rest of that line break. */
    afterCR = false;
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        let start = this.afterCR && chunk.startsWith('\n') ? 1 : 0;
        const breaks = /\r\n|\r|\n/g;
        breaks.lastIndex = start;
        for (let found = breaks.exec(chunk); found; found = breaks.exec(chunk)) {
            this.take(chunk.slice(start, found.index));
            this.endLine();
            start = found.index + found[0].length;
        }
        this.take(chunk.slice(start));
        this.afterCR = chunk.endsWith('\r');
    }
    /** The stream ended: its last line, if it had no line break. */
    end() {
        if (this.partial !== '' || this.dropped > 0)
            this.endLine();
    }
    take(piece) {
        const room = MAX_LINE_CHARS - this.partial.length;
        if (piece.length <= room) {
            this.partial += piece;
        }
        else {
            this.partial += piece.slice(0, Math.max(0, room));
            this.dropped += piece.length - Math.max(0, room);
        }
    }
    endLine() {
        const line = this.dropped > 0
            ? `${this.partial} … (${count(this.dropped)} more characters of this line cut)`
            : this.partial;
        this.partial = '';
        this.dropped = 0;
        this.onLine(line);
    }
}
/** Reads a log stream to its end, line by line. */
async function readLines(stream, onLine) {
    const lines = new LineSplitter(onLine);
    for await (const chunk of stream)
        lines.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    lines.end();
}
function count(n) {
    return n.toLocaleString('en-US');
}
/**
 * Lines of a log on their way to the job log: in a group (opened with the first line), made inert,
 * printed up to MAX_PRINTED_CHARS and then one line saying the rest is not; the last ones kept.
 */
class LogPrinter {
    title;
    write;
    tail = [];
    printedChars = 0;
    cut = false;
    opened = false;
    constructor(title, 
    /** Where text goes; undefined: nothing is printed, the last lines are kept. */
    write) {
        this.title = title;
        this.write = write;
    }
    /** Opens the group now, before any line (a followed log shows its group while it waits). */
    open() {
        if (!this.write || this.opened)
            return;
        this.opened = true;
        // Escaped as @actions/core escapes a command's data: the title holds an id from outside.
        const title = this.title.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
        this.write(`::group::${title}${external_node_os_namespaceObject.EOL}`);
    }
    line(raw) {
        const shown = inertLine(raw);
        if (shown.trim() !== '') {
            this.tail.push(shown);
            if (this.tail.length > TAIL_LINES)
                this.tail.shift();
        }
        if (!this.write || this.cut)
            return;
        this.open();
        if (this.printedChars + shown.length > MAX_PRINTED_CHARS) {
            this.cut = true;
            this.write(`(the log is cut here: ${MAX_PRINTED_CHARS / 1024 / 1024} MiB of it are shown; the rest is on the cluster)${external_node_os_namespaceObject.EOL}`);
            return;
        }
        this.printedChars += shown.length + external_node_os_namespaceObject.EOL.length;
        this.write(shown + external_node_os_namespaceObject.EOL);
    }
    /** A line of ours (not the log's) in the group. */
    note(text) {
        if (!this.write)
            return;
        this.open();
        this.write(text + external_node_os_namespaceObject.EOL);
    }
    close() {
        if (this.opened)
            this.write?.(`::endgroup::${external_node_os_namespaceObject.EOL}`);
        this.opened = false;
    }
    /** The last non-empty lines, already made inert, for a failure message. */
    lastLines() {
        return [...this.tail];
    }
}
class PodLog {
    options;
    seen;
    stream;
    /** Aborted by finish(): stops an open in progress and the reopen loop. */
    stopper = new AbortController();
    done;
    printer;
    constructor(options) {
        this.options = options;
        this.seen = options.shownBefore ?? 0;
        const write = options.print === false ? undefined : (options.write ?? ((text) => void process.stdout.write(text)));
        this.printer = new LogPrinter(options.title, write);
        this.done = this.run();
    }
    /** Start following; it ends by itself when the pod's log ends. */
    static follow(options) {
        return new PodLog(options);
    }
    /** Resolves when following stops: `ended` once the log has ended, which it does when the pod does. */
    get ended() {
        return this.done;
    }
    /** Lines of the log shown so far (with those shown before this follower). */
    get shown() {
        return this.seen;
    }
    /** The last lines printed, already made inert, for a failure message. */
    lastLines() {
        return this.printer.lastLines();
    }
    /** Wait for the log to end (the pod finished), at most `graceMs`, then stop following; how it ended. */
    async finish(graceMs) {
        // On the step's clock, and ended with the race: once the log is done, no timer is left behind.
        const drained = new AbortController();
        await Promise.race([this.done, clock_sleep(graceMs, drained.signal).catch(() => undefined)]);
        drained.abort();
        this.stopper.abort();
        this.stream?.destroy();
        return this.done;
    }
    get stopped() {
        return this.stopper.signal.aborted || this.options.signal.aborted;
    }
    async run() {
        this.printer.open();
        let fruitless = 0;
        try {
            // A dropped connection ends the stream early: reopen it and skip what was already shown (the
            // endpoint replays the log from the start). Reopens that bring nothing new are counted.
            while (!this.stopped) {
                const before = this.seen;
                let ended = false;
                try {
                    ended = await this.readOnce();
                }
                catch (error) {
                    if (this.stopped)
                        break;
                    debug(`log of ${this.options.title}: ${thrown_messageOf(error)}`);
                }
                if (this.stopped)
                    break;
                if (ended)
                    return 'ended';
                fruitless = this.seen > before ? 0 : fruitless + 1;
                if (fruitless >= MAX_FRUITLESS_REOPENS) {
                    this.printer.note('(the log stream keeps failing; it is not followed any further)');
                    break;
                }
                // A stream that brought lines is reopened at once; one that brought nothing waits first.
                if (fruitless > 0)
                    await clock_sleep(REOPEN_DELAY_MS, this.stopper.signal).catch(() => undefined);
            }
            return 'abandoned';
        }
        finally {
            this.printer.close();
        }
    }
    /** Read one stream to its end; true when it ended cleanly. Throws when it cannot be opened. */
    async readOnce() {
        const signal = AbortSignal.any([this.stopper.signal, this.options.signal]);
        const stream = await this.options.open(signal);
        if (this.stopped) {
            stream.destroy();
            return true;
        }
        this.stream = stream;
        let index = 0;
        try {
            await readLines(stream, (line) => this.line(line, index++));
            return true;
        }
        catch (error) {
            if (this.stopped)
                return true;
            debug(`log stream of ${this.options.title} broke: ${thrown_messageOf(error)}`);
            return false;
        }
    }
    line(line, index) {
        if (index < this.seen)
            return;
        this.seen = index + 1;
        this.printer.line(line);
    }
}

;// CONCATENATED MODULE: ./src/shared/action/poll-schedule.ts
// When to ask for a phase's state next. A finished phase should be noticed at once, yet a two-hour
// wait should cost little: the adaptive default asks often at first and less as the wait goes on; a
// followed pod log stands for the pod (its end is the signal), so the state is only checked now and
// then meanwhile; and once the log has ended, the state is read at once and then with a short
// backoff while the server's status catches up with the pod (a controller pass, up to ~3 s).
// A poll-interval the user sets keeps its meaning: the state is read that often (a log's end only
// brings the next read forward, and the catch-up's backoff never waits longer than it).
/** The adaptive schedule's first wait... */
const FIRST_POLL_MS = 500;
/** ...growing by this share of the time waited so far... */
const GROWTH = 1 / 20;
/** ...to this, reached after a minute: 20 reads a minute from then on. */
const STEADY_POLL_MS = 3000;
/** While the pod log is followed: a check in case the log stream hangs without ending. */
const FOLLOWING_POLL_MS = 10_000;
/** After the log ended (and one read at once): 0.1 s doubling to 0.5 s... */
const CATCH_UP_FIRST_MS = 100;
const CATCH_UP_MAX_MS = 500;
/** ...for this long (20 reads at most); a state that has not caught up by then is waited for as before. */
const CATCH_UP_SPAN_MS = 10_000;
class poll_schedule_PollSchedule {
    fixedMs;
    /** `fixedMs`: the user's poll-interval; undefined for the adaptive default. */
    constructor(fixedMs) {
        this.fixedMs = fixedMs;
    }
    /** How long to wait before the next read, `elapsedMs` into the wait; `tries`: reads since the log ended. */
    delay(waiting, elapsedMs, tries = 0) {
        if (waiting === 'catching-up') {
            const backoff = Math.min(CATCH_UP_MAX_MS, CATCH_UP_FIRST_MS * 2 ** tries);
            return this.fixedMs === undefined ? backoff : Math.min(backoff, this.fixedMs);
        }
        if (this.fixedMs !== undefined)
            return this.fixedMs;
        if (waiting === 'following')
            return FOLLOWING_POLL_MS;
        return Math.min(STEADY_POLL_MS, Math.max(FIRST_POLL_MS, elapsedMs * GROWTH));
    }
    /** For waits that are not a phase's (a delete being confirmed): short, or the user's interval if shorter. */
    get shortMs() {
        return Math.min(this.fixedMs ?? FIRST_POLL_MS, 1000);
    }
}

;// CONCATENATED MODULE: ./src/shared/action/progress.ts
// Progress lines in the job log: one line per state change, with a UTC timestamp and the time since
// the step began watching, e.g. `12:04:31Z training wine: running (+14s)`.



class StateReporter {
    what;
    print;
    last;
    since = Date.now();
    constructor(what, print = core_info) {
        this.what = what;
        this.print = print;
    }
    /** Print the state if it changed; `detail` (replicas, reason) is printed with it. */
    report(state, detail = '') {
        const line = detail ? `${state} (${detail})` : state;
        if (line === this.last)
            return;
        this.last = line;
        const clock = new Date().toISOString().slice(11, 19);
        // The state and its detail are the server's words.
        this.print(`${clock}Z ${this.what}: ${untrusted_text_logText(line)} (+${formatDuration(Date.now() - this.since)})`);
    }
}

;// CONCATENATED MODULE: ./src/shared/action/watch.ts
// Waiting for a phase to finish: read its state, print each change, follow its pod log once the pod
// runs, and end with the final object, a clear failure, a timeout or a cancellation. When to read
// the state is poll-schedule.ts's call; a followed log's end brings the next read forward. An API
// that stops answering does not end the wait: the phase runs on in the cluster, so every read (and
// every reopening of the log) is retried until the wait's own timeout, not the shorter retry-timeout.











/** How long to let a finished pod's log drain before giving up on it (and as long again for one read of what it missed). */
const LOG_DRAIN_MS = 5000;
/** A log read once (not followed) that takes longer is given up: the pod has ended, its log is whole. */
const LOG_READ_MS = 30_000;
/** Catch-ups after a log's end, and so re-follows of the log, before the state is only polled. */
const MAX_CATCH_UPS = 2;
/** Reads in a row that a server error (500, not retried by the client) may fail before the wait does. */
const MAX_SERVER_ERRORS = 3;
/** The step's clock (clock.ts): the wall clock, or the emulator's in tests. */
const STEP_TIME = { now: clock_now, sleep: clock_sleep };
/** The phase finished, but not well: names the resource and the server's reason. */
class PhaseFailedError extends Error {
    noun;
    id;
    reason;
    final;
    constructor(noun, id, reason, final) {
        super(`${noun} ${id} failed: ${reason}`);
        this.noun = noun;
        this.id = id;
        this.reason = reason;
        this.final = final;
        this.name = 'PhaseFailedError';
    }
}
class WaitTimeoutError extends Error {
    constructor(noun, id, timeoutMs, state, hint = '') {
        super(`${noun} ${id} did not finish within ${formatDuration(timeoutMs)}: it is still ${state}${hint}`);
        this.name = 'WaitTimeoutError';
    }
}
/** The pod log of the phase being waited for: followed while the pod runs, its end noticed. */
class FollowedLog {
    phase;
    client;
    id;
    options;
    retryUntil;
    follower;
    /** Set once the follower stops; `ended` means the pod has ended. */
    end;
    followers = 0;
    constructor(phase, client, id, options, 
    /** Reopening the log is retried until then (ms since the epoch). */
    retryUntil) {
        this.phase = phase;
        this.client = client;
        this.id = id;
        this.options = options;
        this.retryUntil = retryUntil;
    }
    get following() {
        return this.follower !== undefined && this.end === undefined;
    }
    get hasEnded() {
        return this.end === 'ended';
    }
    get everFollowed() {
        return this.followers > 0;
    }
    /** Settles when the current follower stops. */
    get stopped() {
        return this.following ? this.follower?.ended : undefined;
    }
    /** Starts following once the pod runs. */
    followIfRunning(current) {
        if (!this.follower)
            this.start(current);
    }
    /** The log ended but the state says the pod runs on (a proxy closed an idle stream): follow again. */
    again(current) {
        this.start(current);
    }
    /**
     * The final state is known: let the log drain, then keep its last lines. A follower that was not
     * streaming then (its reopen waiting out an outage, whose retries can come back later than the
     * state's read) has missed the rest: read the log once and show the lines it had not shown.
     */
    async finish(graceMs) {
        const follower = this.follower;
        if (!follower)
            return { lines: [], whole: false };
        const how = await follower.finish(graceMs);
        if (how === 'ended' || this.options.signal.aborted)
            return { lines: follower.lastLines(), whole: how === 'ended' };
        const rest = await printLogOnce(this.phase, this.client, this.id, {
            signal: AbortSignal.any([this.options.signal, AbortSignal.timeout(graceMs)]),
            from: follower.shown,
            title: `Log of ${this.phase.noun} ${this.id} (continued)`,
            print: this.options.logs,
        });
        return { lines: [...follower.lastLines(), ...rest.lines].slice(-TAIL_LINES), whole: rest.whole };
    }
    async stop() {
        await this.follower?.finish(0);
    }
    start(current) {
        const logs = this.phase.logs;
        if (!logs?.ready(current))
            return;
        const { client, id } = this;
        const shownBefore = this.follower?.shown ?? 0;
        this.followers += 1;
        this.end = undefined;
        const follower = PodLog.follow({
            title: `Log of ${this.phase.noun} ${id}${this.followers > 1 ? ' (continued)' : ''}`,
            open: (signal) => logs.open(client, id, true, { signal, retryUntil: this.retryUntil }),
            signal: this.options.signal,
            print: this.options.logs,
            shownBefore,
        });
        this.follower = follower;
        void follower.ended.then((how) => {
            if (this.follower === follower)
                this.end = how;
        });
    }
}
async function watch(phase, client, id, options) {
    const what = `${phase.noun} ${id}`;
    const { signal } = options;
    const clock = options.clock ?? STEP_TIME;
    const schedule = new poll_schedule_PollSchedule(options.pollIntervalMs);
    const reporter = new StateReporter(what);
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    // The client retries on the step's clock: the same time left, in its terms.
    const retryUntil = clock_now() + options.timeoutMs;
    const log = new FollowedLog(phase, client, id, options, retryUntil);
    /** When the log's end was noticed, and how many reads followed it. */
    let catchUp;
    /** A status that never catches up (a stuck controller) must not cost a catch-up every 10 s. */
    let catchUpsLeft = MAX_CATCH_UPS;
    let seen = false;
    let serverErrors = 0;
    /** The stuck hint was said (once per wait). */
    let hinted = false;
    try {
        for (;;) {
            if (signal.aborted)
                throw new CancelledError(`waiting for ${what}`);
            let current;
            try {
                current = await getOrExplain(phase, client, id, seen, { signal, retryUntil });
                seen = true;
                serverErrors = 0;
            }
            catch (error) {
                if (signal.aborted ||
                    !(error instanceof errors_ApiError && error.status >= 500) ||
                    ++serverErrors >= MAX_SERVER_ERRORS ||
                    clock.now() >= deadline) {
                    throw error;
                }
                warning(`Could not read ${what} (${thrown_messageOf(error)}); trying again.`);
                await wait(clock, schedule.delay('polling', clock.now() - started), undefined, signal, what);
                continue;
            }
            const outcome = phase.outcome(current);
            if (outcome !== 'pending') {
                // Let the log drain and its group close before the final state is printed.
                let tail = await log.finish(LOG_DRAIN_MS);
                if (!log.everFollowed && options.logs && phase.logs)
                    tail = await printLogOnce(phase, client, id, {
                        signal,
                        from: 0,
                        title: `Log of ${phase.noun} ${id}`,
                        print: true,
                    });
                reporter.report(phase.state(current), phase.detail(current));
                if (outcome === 'failed') {
                    await showLastLogLines(phase, client, id, tail, signal);
                    throw new PhaseFailedError(phase.noun, id, phase.failure(current), current);
                }
                return current;
            }
            reporter.report(phase.state(current), phase.detail(current));
            if (!hinted && phase.stuck && clock.now() - started >= phase.stuck.afterMs) {
                const hint = phase.stuck.hint(current);
                if (hint) {
                    hinted = true;
                    warning(untrusted_text_logText(`${apply_capitalize(what)} is still ${phase.state(current)} after ${formatDuration(clock.now() - started)}: ${hint}. Still waiting, until the timeout of ${formatDuration(options.timeoutMs)}.`));
                }
            }
            if (catchUp && clock.now() - catchUp.since > CATCH_UP_SPAN_MS) {
                // The status did not follow the log's end: the stream was closed under a running pod, or the
                // controller is slow. Follow again while catch-ups are left; after that, polling alone.
                catchUp = undefined;
                if (catchUpsLeft > 0)
                    log.again(current);
            }
            log.followIfRunning(current);
            const left = deadline - clock.now();
            if (left <= 0) {
                throw new WaitTimeoutError(phase.noun, id, options.timeoutMs, phase.state(current), phase.timeoutHint?.(current) ?? '');
            }
            const waiting = catchUp ? 'catching-up' : log.following ? 'following' : 'polling';
            const delay = schedule.delay(waiting, clock.now() - started, catchUp ? catchUp.tries++ : 0);
            // A log that ends meanwhile brings the next read forward: at once, then catching up.
            await wait(clock, Math.min(delay, left), log.stopped, signal, what);
            if (!catchUp && log.hasEnded && catchUpsLeft > 0) {
                catchUpsLeft -= 1;
                catchUp = { since: clock.now(), tries: 0 };
            }
        }
    }
    finally {
        await log.stop();
    }
}
/** Waits `ms`, or less when `wake` settles first. Throws CancelledError on cancel. */
async function wait(clock, ms, wake, signal, what) {
    const done = new AbortController();
    const both = AbortSignal.any([signal, done.signal]);
    try {
        const slept = clock.sleep(ms, both);
        await (wake ? Promise.race([slept, wake]) : slept);
    }
    catch (error) {
        if (signal.aborted)
            throw new CancelledError(`waiting for ${what}`);
        throw error;
    }
    finally {
        done.abort();
    }
}
/**
 * The log read once, from line `from` on (a pod that ended before it was followed: all of it),
 * printed in its own group when there is any; its last lines.
 */
async function printLogOnce(phase, client, id, { signal, from, title, print }) {
    const printer = new LogPrinter(title, print ? (text) => void process.stdout.write(text) : undefined);
    let index = 0;
    let whole = false;
    try {
        await readLog(phase, client, id, signal, (line) => {
            if (index++ >= from)
                printer.line(line);
        });
        whole = true;
    }
    catch (error) {
        debug(`could not read the log of ${phase.noun} ${id}: ${thrown_messageOf(error)}`);
    }
    finally {
        printer.close();
    }
    return { lines: printer.lastLines(), whole };
}
/** The log as it is now (not followed), line by line; a read that outlasts LOG_DRAIN_MS is given up. */
async function readLog(phase, client, id, signal, onLine) {
    if (!phase.logs)
        return;
    const bounded = AbortSignal.any([signal, AbortSignal.timeout(LOG_READ_MS)]);
    const stream = await phase.logs.open(client, id, false, { signal: bounded });
    await readLines(stream, onLine);
}
/**
 * A failure shows the end of the pod log: the lines followed, or else the log read once. A log read
 * to its end already (followed until the pod ended, or read after it) that was empty is not read
 * again: it has nothing to show.
 */
async function showLastLogLines(phase, client, id, tail, signal) {
    if (!phase.logs)
        return;
    let lines = tail.lines;
    if (lines.length === 0 && !tail.whole) {
        // Not read to its end (logs: false and never followed, or its reads failed): read it once.
        const printer = new LogPrinter('', undefined);
        try {
            await readLog(phase, client, id, signal, (line) => printer.line(line));
        }
        catch (error) {
            debug(`could not read the log of ${phase.noun} ${id}: ${thrown_messageOf(error)}`);
        }
        lines = printer.lastLines();
    }
    if (lines.length === 0 || signal.aborted)
        return;
    core_info(`Last ${lines.length} log lines of ${phase.noun} ${id}:`);
    // Already inert, and printed where the runner obeys no command but the block's own end.
    printUntrusted(lines);
}
/** A 404 while watching says whether the thing never existed or went away meanwhile. */
async function getOrExplain(phase, client, id, seen, options) {
    try {
        return await phase.get(client, id, options);
    }
    catch (error) {
        if (!(error instanceof errors_ApiError) || error.status !== 404)
            throw error;
        throw new Error(seen
            ? `${phase.noun} ${id} was deleted while the step waited for it`
            : `${phase.noun} ${id} does not exist`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/shared/action/run-phase.ts
// The flow shared by train, package and deploy (which the pipeline runs in turn): apply the manifest
// under the if-exists policy, let a cancellation undo what this step started, wait when asked, then
// set the outputs and the job summary. Outputs are set on failure too, so `if: failure()` steps can
// read the state and status.









/** Runs one phase; its job-summary row is pushed to `rows` whether it succeeds or fails. */
async function runPhase(ctx, client, run, rows, setOutput = (name, value) => core.setOutput(name, value)) {
    const started = Date.now();
    const { phase, desired } = run;
    const { object: applied, applied: action } = await applyResource(run.store, desired, run.ifExists, {
        noun: phase.noun,
        signal: ctx.signal,
        deleteTimeoutMs: Math.max(run.timeoutMs, 60_000),
        pollIntervalMs: run.pollIntervalMs,
        unchanged: run.unchanged,
        runtimeGone: phase.runtimeGone && ((id, signal) => phase.runtimeGone(client, id, signal)),
    });
    return settleStarted(ctx, client, phase, desired.id, applied, {
        ...run,
        action,
        started,
        rows,
        setOutput,
        undo: run.deleteOnCancel && startedHere(action)
            ? {
                reason: 'on-cancel: delete',
                work: (signal) => run.store.delete(desired.id, { signal }),
            }
            : undefined,
    });
}
/** Waits for what the step started when asked (see settle); a cancel meanwhile undoes it. */
async function settleStarted(ctx, client, phase, id, object, work) {
    try {
        return await settle(client, phase, id, object, {
            watch: work.wait
                ? {
                    timeoutMs: work.timeoutMs,
                    pollIntervalMs: work.pollIntervalMs,
                    signal: ctx.signal,
                    logs: work.logs,
                }
                : undefined,
            action: work.wait ? `${work.action}, waited` : work.parking ? `${work.action}, parked` : work.action,
            started: work.started,
            rows: work.rows,
            setOutput: work.setOutput,
            park: work.parking && {
                parking: work.parking,
                action: work.action,
                timeoutMs: work.timeoutMs,
                deleteOnEnd: work.undo !== undefined,
            },
        });
    }
    catch (error) {
        // Cancelled while waiting, or not parked after all: the step undoes what it started (the
        // client is still open here).
        if ((ctx.signal.aborted || error instanceof ParkRefusedError) && work.undo) {
            await cleanUpAfterCancel(ctx, `Deleting ${phase.noun} ${id}, which this step started (${ctx.signal.aborted ? work.undo.reason : 'it could not be parked'}).`, work.undo.work);
        }
        throw error;
    }
}
/**
 * Wait for the phase when asked, then set its outputs and push its summary row; on failure, the
 * outputs of the failed object (state, status) are set too and the row says how it ended.
 */
async function settle(client, phase, id, 
/** The object as the step last saw it; unneeded when watching (the watch reads it). */
current, options) {
    const addRow = (state, outputs) => options.rows.push({
        kind: phase.kind,
        id,
        action: options.action,
        state,
        durationMs: Date.now() - options.started,
        outputs: Object.fromEntries(phase.keyOutputs.map((name) => [name, outputs[name] ?? ''])),
    });
    if (options.park) {
        const { parking, ...work } = options.park;
        const object = current ?? (await phase.get(client, id));
        const outputs = await publish(client, phase, object, () => undefined);
        await parking.park({ ...work, phase, id, outputs });
        outputs.state = PARKED;
        for (const [name, value] of Object.entries(outputs))
            options.setOutput(name, value);
        addRow(PARKED, outputs);
        return { object, outputs };
    }
    let final;
    try {
        final = options.watch
            ? await watch(phase, client, id, options.watch)
            : (current ?? (await phase.get(client, id)));
    }
    catch (error) {
        if (error instanceof PhaseFailedError) {
            const failed = error.final;
            addRow(phase.state(failed), await publish(client, phase, failed, options.setOutput));
        }
        else {
            addRow(error instanceof WaitTimeoutError ? 'timed out' : 'error', {});
        }
        throw error;
    }
    const outputs = await publish(client, phase, final, options.setOutput);
    addRow(phase.state(final), outputs);
    return { object: final, outputs };
}
/** The state output of a parked phase: the step ended before it did. */
const PARKED = 'parked';
/** Only what this step brought into being is undone on cancel; an updated resource existed before. */
function startedHere(action) {
    return action === 'created' || action === 'replaced';
}
async function publish(client, phase, object, setOutput) {
    let outputs;
    try {
        outputs = await phase.outputs(client, object);
    }
    catch (error) {
        warning(`Could not read every output of ${phase.noun}: ${thrown_messageOf(error)}`);
        return {};
    }
    for (const [name, value] of Object.entries(outputs))
        setOutput(name, value);
    return outputs;
}
/**
 * A whole phase step (train, package): a client for the settings, the phase, and the job summary
 * written whatever happens (its rows also in `rows`, for a report that shows them too).
 */
async function runPhaseStep(ctx, settings, title, describe, rows = []) {
    const client = OdahuClient.fromSettings(settings);
    try {
        return await runSummarizedPhase(ctx, client, title, describe(client), rows);
    }
    finally {
        client.dispose();
    }
}
/**
 * The phase of a step on the step's client: what the manifest names checked first when its origin
 * is given, and the job summary written whatever happens.
 */
async function runSummarizedPhase(ctx, client, title, run, rows) {
    try {
        if (run.origin !== undefined) {
            const { kind } = run.phase;
            const resource = run.desired;
            await checkReferences(client, [{ kind, resource, origin: run.origin }], ctx.signal);
        }
        return await runPhase(ctx, client, run, rows);
    }
    finally {
        await writeSummary(title, rows);
    }
}

;// CONCATENATED MODULE: ./src/shared/github/mermaid-chart.ts
// A bar chart (with an optional line over it) in Mermaid, which GitHub draws in comments and job
// summaries from a ```mermaid block, so a report needs no image host. Only what Mermaid's
// `xychart-beta` has had since it came (10.6; GitHub's renderer is newer): a title, the x axis's
// categories, the y axis's title and range, one `bar` and one `line` series. Two bar series would be
// drawn on top of each other, and series have no legend there: the second series is the line, and
// the caption under the chart says which is which. Labels are data: they are reduced to characters
// that cannot end a string, the block or the diagram.
const MAX_LABEL = 24;
const MAX_CATEGORIES = 24;
/** Letters, digits and a few signs: no quote, backtick, bracket, angle bracket or line break. */
function chartLabel(text, max = MAX_LABEL) {
    const safe = text
        .replace(/[^\p{L}\p{N} .,:;=+\-_/()%#≤≥–]/gu, '_')
        .replace(/\s+/g, ' ')
        .trim();
    return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe || '_';
}
function chartNumber(value) {
    if (!Number.isFinite(value))
        return '0';
    return String(Number(value.toPrecision(4)));
}
/** The chart as a fenced ```mermaid block, then its caption (HTML-escaped by `escape`). */
function renderChart(chart, escape) {
    const categories = chart.categories.slice(0, MAX_CATEGORIES);
    const n = categories.length;
    const values = (series) => series.slice(0, n);
    const all = [...values(chart.bars.values), ...values(chart.line?.values ?? [])].filter(Number.isFinite);
    const top = Math.max(1e-9, ...all);
    const lines = [
        '```mermaid',
        'xychart-beta',
        `  title "${chartLabel(chart.title, 60)}"`,
        `  x-axis [${categories.map((c) => `"${chartLabel(c)}"`).join(', ')}]`,
        `  y-axis "${chartLabel(chart.yTitle, 40)}" 0 --> ${chartNumber(niceCeiling(top))}`,
        `  bar [${values(chart.bars.values).map(chartNumber).join(', ')}]`,
        ...(chart.line ? [`  line [${values(chart.line.values).map(chartNumber).join(', ')}]`] : []),
        '```',
    ];
    const caption = chart.line
        ? `Bars: ${chart.bars.name}; line: ${chart.line.name}.`
        : `Bars: ${chart.bars.name}.`;
    return `${lines.join('\n')}\n\n<sub>${escape(caption)}</sub>`;
}
/** A round number at or above `value`, so the axis ends on a readable tick. */
function niceCeiling(value) {
    const power = 10 ** Math.floor(Math.log10(value));
    for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
        if (step * power >= value)
            return step * power;
    }
    return 10 * power;
}

;// CONCATENATED MODULE: ./src/shared/github/report-section.ts
// What one step says in the pull-request report: the job summary's rows (what was trained,
// packaged, deployed or asked: ids, states, durations, artifact, image, URL), further tables the
// step adds (the prediction's first rows, a roll-out's steps, an evaluation's metrics), its charts,
// and the failure if it failed. HTML, as in the job summary: every value from outside goes through
// markdownText/markdownCode (untrusted-text.ts), and a section is kept under MAX_SECTION_CHARS (a
// comment holds 65,536 characters, and holds the sections of a whole job): tables lose rows and
// columns first, each cut said in the table's note; a chart that does not fit is left out.



const MAX_TABLE_ROWS = 20;
const MAX_TABLE_COLUMNS = 20;
const MAX_CHARTS = 2;
/** A step's section at most; with the report's other sections, a comment stays under GitHub's limit. */
const MAX_SECTION_CHARS = 16_000;
function renderSection(section) {
    const mark = section.failure === undefined ? '✅' : '❌';
    // The title is ours, or a saved section's (a fork's to write): text, not markdown.
    const lines = [`#### ${mark} ${markdownText(section.title)}`, ''];
    const failure = section.failure === undefined ? [] : [`**Failed:** ${markdownText(section.failure)}`, ''];
    // What the tables may take: the section's budget less its heading and failure line.
    let budget = MAX_SECTION_CHARS - [...lines, ...failure].join('\n').length - 200;
    if (section.rows.length > 0) {
        const table = htmlTable(SUMMARY_COLUMNS, section.rows.map(summaryCells), budget);
        lines.push(table.html, ...(table.leftOut ? [`<sub>${table.leftOut}</sub>`] : []), '');
        budget -= table.html.length;
    }
    for (const table of section.tables) {
        const columns = table.columns.slice(0, MAX_TABLE_COLUMNS);
        const rows = table.rows.slice(0, MAX_TABLE_ROWS);
        const cuts = [
            table.note,
            columns.length < table.columns.length
                ? `first ${columns.length} of ${table.columns.length} columns`
                : '',
            rows.length < table.rows.length ? `first ${rows.length} of ${table.rows.length} rows shown` : '',
        ].filter(Boolean);
        const html = htmlTable(columns.map((column) => markdownText(column)), rows.map((row) => columns.map((_, i) => markdownCode(row[i] ?? ''))), budget);
        const note = [...cuts, html.leftOut].filter(Boolean).join('; ');
        lines.push(`**${markdownText(table.heading)}**${note ? ` (${markdownText(note, 1000)})` : ''}`, '', html.html, '');
        budget -= html.html.length;
    }
    for (const chart of (section.charts ?? []).slice(0, MAX_CHARTS)) {
        const drawn = renderChart(chart, (text) => markdownText(text, 1000));
        if (drawn.length > budget)
            continue;
        lines.push(drawn, '');
        budget -= drawn.length;
    }
    lines.push(...failure);
    return lines.join('\n').trimEnd();
}
/**
 * An HTML table on one line (a line break could end the HTML block), its rows as many as fit in
 * `budget` characters; `leftOut` says how many did not.
 */
function htmlTable(header, rows, budget) {
    const row = (cells, tag) => `<tr>${cells.map((cell) => `<${tag}>${cell}</${tag}>`).join('')}</tr>`;
    const shown = [row(header, 'th')];
    let length = shown[0].length + '<table></table>'.length;
    for (const cells of rows) {
        const next = row(cells, 'td');
        if (length + next.length > budget)
            break;
        shown.push(next);
        length += next.length;
    }
    const missing = rows.length - (shown.length - 1);
    const leftOut = missing > 0
        ? `${missing} more row${missing === 1 ? '' : 's'} left out to keep the comment under GitHub's limit`
        : '';
    return { html: `<table>${shown.join('')}</table>`, leftOut };
}
/** What serves: the image, and the model's name, version and replicas once the deployment is Ready. */
function servedModelTable(image, outputs = {}) {
    return {
        heading: 'Model',
        columns: ['Image', 'Name', 'Version', 'Available replicas'],
        rows: [
            [
                image,
                outputs['model-name'] ?? '',
                outputs['model-version'] ?? '',
                outputs['available-replicas'] ?? '',
            ],
        ],
    };
}
/**
 * The first rows of a prediction (odahu-ml-server's `{"prediction": [[...]], "columns": [...]}`);
 * undefined for an answer of another shape, which the summary shows as JSON anyway.
 */
function predictionTable(body, shown = 5) {
    const answer = body;
    if (typeof answer !== 'object' || answer === null || !Array.isArray(answer.prediction))
        return undefined;
    const rows = answer.prediction.map((row) => Array.isArray(row) ? row : [row]);
    const width = Math.max(1, ...rows.map((row) => row.length));
    const named = Array.isArray(answer.columns) ? answer.columns.map(String) : [];
    const columns = Array.from({ length: width }, (_, i) => named[i] ?? `column ${i + 1}`);
    const total = rows.length;
    return {
        heading: 'Prediction',
        columns,
        rows: rows.slice(0, shown).map((row) => columns.map((_, i) => stringOf(row[i]))),
        note: total > shown ? `first ${shown} of ${total} rows` : `${total} row${total === 1 ? '' : 's'}`,
    };
}
function stringOf(value) {
    if (value === undefined || value === null)
        return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

;// CONCATENATED MODULE: ./src/shared/github/check-run.ts
// The check run that shows a parked phase on the run's commit (and so on its pull request): in
// progress with a link to the run that parked it and a Cancel button, then completed with what the
// step's summary would have shown had it waited (states, duration, artifact / image / URL, the log's
// last lines on failure). Its text is HTML like the report's: values from outside go through
// renderSection (untrusted-text.ts).





/** The identifier of the check run's button, which a `check_run` `requested_action` event names. */
const CANCEL_ACTION = 'cancel';
function checkRunName(record) {
    return `odahu ${PHASE_OF_KIND[record.kind].noun} ${record.id}`;
}
async function startCheckRun(api, repository, record, headSha, externalId) {
    const { data } = await api.rest.checks.create({
        ...repository,
        name: checkRunName(record),
        head_sha: headSha,
        status: 'in_progress',
        started_at: new Date(record.parkedAt).toISOString(),
        details_url: record.run.url || undefined,
        external_id: externalId,
        output: checkRunOutput(record, undefined),
        actions: [
            { label: 'Cancel', description: 'Delete the phase and end this check', identifier: CANCEL_ACTION },
        ],
    });
    return data.id;
}
/** Completes the check run: the same call for the same ending says the same, so a repeat is harmless. */
async function completeCheckRun(api, repository, record, ending, note = '') {
    if (!record.checkRun)
        return;
    await api.rest.checks.update({
        ...repository,
        check_run_id: record.checkRun.id,
        status: 'completed',
        conclusion: ending.conclusion,
        completed_at: new Date(ending.endedAt).toISOString(),
        output: checkRunOutput(record, ending, note),
        // The button goes with the phase's end.
        actions: [],
    });
}
/** What the check says: one line, and the step's section as the report would show it. */
function checkRunOutput(record, ending, note = '') {
    const phase = PHASE_OF_KIND[record.kind];
    const outputs = ending?.outputs ?? record.outputs;
    const state = ending?.state ?? record.outputs.state ?? '';
    const row = {
        kind: phase.kind,
        id: record.id,
        action: ending ? `${record.action}, parked, resumed` : `${record.action}, parked`,
        state: ending ? state : `${PARKED} (${state || 'unknown'})`,
        durationMs: (ending?.endedAt ?? record.parkedAt) - record.parkedAt,
        outputs: Object.fromEntries(phase.keyOutputs.map((name) => [name, outputs[name] ?? ''])),
    };
    const rendered = renderSection({
        title: record.title,
        rows: [row],
        tables: ending?.logTail?.length
            ? [{ heading: 'Log, last lines', columns: ['line'], rows: ending.logTail.map((line) => [line]) }]
            : [],
        failure: ending && ending.conclusion !== 'success' ? (ending.reason ?? ending.conclusion) : undefined,
    });
    // Still running: neither ✅ nor ❌ yet.
    const section = ending ? rendered : rendered.replace(/^#### ✅ /, '#### ⏳ ');
    const parkedBy = record.run.url
        ? `Parked by <a href="${escapeHtml(record.run.url)}">run ${escapeHtml(record.run.id)}</a>`
        : `Parked by run ${escapeHtml(record.run.id)}`;
    const next = record.continuation
        ? `; on success, <code>${escapeHtml(record.continuation.workflow)}</code> runs on <code>${escapeHtml(record.continuation.ref)}</code>`
        : '';
    const summary = [`${parkedBy}${next}.`, '', section, ...(note ? ['', markdownText(note, 2000)] : [])].join('\n');
    const title = ending
        ? `${phase.noun} ${record.id}: ${ending.conclusion === 'success' ? state : (ending.reason ?? ending.conclusion)}`
        : `${phase.noun} ${record.id}: ${state || 'started'}, parked`;
    // A title is plain text, not markdown: one line, cut.
    return { title: cutText(title.replace(/\s+/g, ' ').trim(), 200), summary };
}

;// CONCATENATED MODULE: ./src/shared/github/parked-store.ts
// Where parked phases are kept (docs/ARCHITECTURE.md, "Parked phases"): one git ref per phase under
// refs/odahu/parked/<kind>/<id>, pointing at a commit whose message holds the record as JSON. Listed
// for the whole repository in one request; changed only by a compare-and-swap (a commit whose parent
// is the record read, the ref moved without force: GitHub refuses a move that is not a fast-forward),
// so of two writers that read the same record, one wins and the other learns it lost.

/** The refs' namespace, without `refs/`: not a branch or a tag, so no UI lists it and no clone fetches it. */
const PARKED_NAMESPACE = 'odahu/parked/';
/** The kinds a step can park, and the path segment naming each in the ref. */
const PARKED_KINDS = {
    ModelTraining: 'training',
    ModelPackaging: 'packaging',
    ModelDeployment: 'deployment',
    InferenceJob: 'batch-job',
};
function parkedKey(kind, id) {
    return `${PARKED_KINDS[kind]}/${id}`;
}
const TITLE = (record) => `odahu: parked ${parkedKey(record.kind, record.id)}`;
class ParkedStore {
    api;
    repository;
    constructor(api, repository) {
        this.api = api;
        this.repository = repository;
    }
    /** Every parked phase of the repository; a ref whose record cannot be read is named in `unreadable`. */
    async list() {
        const { data } = await this.api.rest.git.listMatchingRefs({
            ...this.repository,
            ref: PARKED_NAMESPACE.replace(/\/$/, ''),
        });
        const entries = [];
        const unreadable = [];
        for (const ref of data) {
            const key = ref.ref.replace(`refs/${PARKED_NAMESPACE}`, '');
            if (!ref.ref.startsWith(`refs/${PARKED_NAMESPACE}`))
                continue;
            const entry = await this.readCommit(key, ref.object.sha);
            if (entry)
                entries.push(entry);
            else
                unreadable.push(key);
        }
        return { entries, unreadable };
    }
    /**
     * The record of `key`; undefined when none is parked there, `unreadable` when the ref holds no record
     * this version can read (another version's, or not ours).
     */
    async read(key) {
        try {
            const { data } = await this.api.rest.git.getRef({
                ...this.repository,
                ref: `${PARKED_NAMESPACE}${key}`,
            });
            return (await this.readCommit(key, data.object.sha)) ?? 'unreadable';
        }
        catch (error) {
            if (requestStatus(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** Creates the record; `exists` when a record of the same phase is there already. */
    async create(record) {
        const key = parkedKey(record.kind, record.id);
        const sha = await this.commit(record, []);
        try {
            await this.api.rest.git.createRef({ ...this.repository, ref: `refs/${PARKED_NAMESPACE}${key}`, sha });
        }
        catch (error) {
            if (requestStatus(error) === 422)
                return 'exists';
            throw error;
        }
        return { key, sha, record };
    }
    /**
     * Replaces the record if it is still the one `entry` read: the new one's parent is it, and the ref
     * moves without force. Undefined when another writer got there first (or deleted it).
     */
    async replace(entry, record) {
        const sha = await this.commit(record, [entry.sha]);
        try {
            await this.api.rest.git.updateRef({
                ...this.repository,
                ref: `${PARKED_NAMESPACE}${entry.key}`,
                sha,
                force: false,
            });
        }
        catch (error) {
            // 422: "Update is not a fast forward" (moved meanwhile) or "Reference does not exist".
            if (requestStatus(error) === 422 || requestStatus(error) === 404)
                return undefined;
            throw error;
        }
        return { ...entry, sha, record };
    }
    /** Deletes the record; one already gone is no failure. */
    async remove(entry) {
        try {
            await this.api.rest.git.deleteRef({ ...this.repository, ref: `${PARKED_NAMESPACE}${entry.key}` });
        }
        catch (error) {
            if (requestStatus(error) !== 422 && requestStatus(error) !== 404)
                throw error;
        }
    }
    /**
     * A commit of `record`: its message is what resume reads; its tree's phase.json, the same record
     * for a person (`git show <ref>:phase.json`), written anew for each version so that it never lags.
     */
    async commit(record, parents) {
        const { data: tree } = await this.api.rest.git.createTree({
            ...this.repository,
            tree: [{ path: 'phase.json', mode: '100644', type: 'blob', content: JSON.stringify(record, null, 2) }],
        });
        const { data } = await this.api.rest.git.createCommit({
            ...this.repository,
            message: `${TITLE(record)}\n\n${JSON.stringify(record)}\n`,
            tree: tree.sha,
            parents,
        });
        return data.sha;
    }
    async readCommit(key, sha) {
        const { data } = await this.api.rest.git.getCommit({ ...this.repository, commit_sha: sha });
        const record = parseRecord(data.message);
        return record && parkedKey(record.kind, record.id) === key ? { key, sha, record } : undefined;
    }
}
/** The record in a commit's message, or undefined when it is not one of ours. */
function parseRecord(message) {
    const json = message.slice(message.indexOf('\n\n') + 2);
    let record;
    try {
        record = JSON.parse(json);
    }
    catch {
        return undefined;
    }
    const good = record?.version === 1 &&
        typeof record.kind === 'string' &&
        record.kind in PARKED_KINDS &&
        typeof record.id === 'string' &&
        typeof record.parkedAt === 'number' &&
        typeof record.timeoutMs === 'number' &&
        typeof record.run === 'object' &&
        typeof record.outputs === 'object' &&
        (record.claim === undefined || isClaim(record.claim));
    return good ? record : undefined;
}
/**
 * A claim as resume writes it. Its run id goes into the log and into GitHub's API paths: a record
 * whose claim names anything but a run's number is not one of ours.
 */
function isClaim(claim) {
    const { runId, at, ending } = (claim ?? {});
    return (typeof runId === 'string' &&
        /^\d+$/.test(runId) &&
        typeof at === 'number' &&
        typeof ending === 'object' &&
        ending !== null &&
        typeof ending.conclusion === 'string');
}

;// CONCATENATED MODULE: ./src/shared/github/parking.ts
// The parking step's side of `wait: park`: a check run on the run's commit, then the record `resume`
// lists (parked-store.ts). Unlike a report, parking is the step's work: GitHub refusing it fails the
// step (which then undoes what it started), with the permission to add. A phase parked again (a
// re-run) replaces its record, and its older check run is completed as neutral; a record there that
// this version cannot read is left alone (as resume leaves it), and the step fails naming its ref.










const PARK_PERMISSIONS = 'checks: write, contents: write';
/**
 * wait: park's GitHub side, read with the action's inputs: the run to park from and the token.
 * Undefined when the step does not park.
 */
function readParking(reader, park, { actionName, title, odahuApiUrl }) {
    if (!park)
        return undefined;
    const { run, problems } = readGitHubRun(reader.source.env, actionName);
    for (const problem of problems)
        reader.problem(`wait: park: ${problem}`);
    const token = reader.optional('github-token');
    secrets_markSecret(token);
    if (!run.repository || !run.runId || !run.sha) {
        reader.problem('wait: park needs a GitHub Actions run (GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_SHA): the resume workflow finds the phase in the repository');
    }
    else if (!token) {
        reader.problem(`wait: park needs github-token (the job's github.token with permissions ${PARK_PERMISSIONS})`);
    }
    const ref = continuationRef(run);
    if (park.workflow && run.repository && !ref) {
        reader.problem("resume-workflow: this run's ref cannot be dispatched (a pull request from a fork has no branch here); park from a push or workflow_dispatch run");
    }
    if (!run.repository || !token || !odahuApiUrl)
        return undefined;
    return new GitHubParking({ token, apiUrl: run.apiUrl }, run, run.repository, park, title, odahuApiUrl, ref);
}
/**
 * The ref a continuation is dispatched on: the run's branch or tag; for a pull request, whose merge
 * ref cannot be dispatched, its head branch (none for a fork's).
 */
function continuationRef(run) {
    if (run.pullRequest)
        return run.pullRequest.headBranch ? `refs/heads/${run.pullRequest.headBranch}` : '';
    return run.ref && /^refs\/(heads|tags)\//.test(run.ref) ? run.ref : '';
}
class GitHubParking {
    options;
    run;
    repository;
    request;
    title;
    odahuApiUrl;
    ref;
    constructor(options, run, repository, request, title, odahuApiUrl, ref) {
        this.options = options;
        this.run = run;
        this.repository = repository;
        this.request = request;
        this.title = title;
        this.odahuApiUrl = odahuApiUrl;
        this.ref = ref;
    }
    async park(work) {
        const github = await gitHubApi(this.options);
        try {
            await this.parkWith(github.api, work);
        }
        finally {
            github.dispose();
        }
    }
    async parkWith(api, work) {
        const kind = work.phase.kind;
        if (!(kind in PARKED_KINDS))
            throw new parking_ParkRefusedError(`a ${work.phase.kind} cannot be parked`);
        const run = this.run;
        const record = {
            version: 1,
            kind,
            id: work.id,
            title: this.title,
            odahuApiUrl: this.odahuApiUrl,
            action: work.action,
            parkedAt: clock_now(),
            timeoutMs: work.timeoutMs,
            deleteOnEnd: work.deleteOnEnd,
            outputs: work.outputs,
            checkRun: undefined,
            run: {
                id: run.runId,
                url: run.runUrl ?? '',
                workflow: run.workflow ?? '',
                ref: run.ref ?? '',
                sha: run.sha,
            },
            continuation: this.request.workflow
                ? {
                    workflow: this.request.workflow,
                    ref: this.ref,
                    inputs: { ...handedOn(work.phase, work.outputs, run.runId), ...this.request.inputs },
                }
                : undefined,
        };
        const key = parkedKey(kind, work.id);
        const headSha = run.pullRequest?.headSha || run.sha;
        let checkRunId;
        try {
            checkRunId = await startCheckRun(api, this.repository, record, headSha, key);
        }
        catch (error) {
            throw new parking_ParkRefusedError(describeGitHubFailure(error, 'Creating the check run of the parked phase', 'checks: write'));
        }
        record.checkRun = { id: checkRunId, name: checkRunName(record), headSha };
        const store = new ParkedStore(api, this.repository);
        try {
            await this.keep(api, store, record);
        }
        catch (error) {
            const reason = describeGitHubFailure(error, 'Recording the parked phase', 'contents: write');
            await api.rest.checks
                .update({
                ...this.repository,
                check_run_id: checkRunId,
                status: 'completed',
                conclusion: 'failure',
                output: { title: 'Could not be parked', summary: reason },
                actions: [],
            })
                .catch(() => undefined);
            throw new parking_ParkRefusedError(error instanceof parking_ParkRefusedError ? error.message : reason);
        }
        core_info(untrusted_text_logText(`Parked ${work.phase.noun} ${work.id}: check run "${record.checkRun.name}" on ${headSha.slice(0, 12)}, record refs/odahu/parked/${key}.`));
        core_info(record.continuation
            ? untrusted_text_logText(`When it succeeds, the next resume run dispatches ${record.continuation.workflow} on ${record.continuation.ref} with ${Object.keys(record.continuation.inputs).join(', ')}.`)
            : 'When it ends, the next resume run completes the check run (no resume-workflow: nothing is dispatched).');
    }
    /** Creates the record, or replaces the one a former run of the same phase left. */
    async keep(api, store, record) {
        const key = parkedKey(record.kind, record.id);
        for (let attempt = 0; attempt < 3; attempt++) {
            if ((await store.create(record)) !== 'exists')
                return;
            const former = await store.read(key);
            // Finished and deleted meanwhile (a resume run): created anew on the next try.
            if (!former)
                continue;
            if (former === 'unreadable') {
                // Left alone, as resume leaves it: replacing it would lose what another version keeps there.
                const ref = `refs/${PARKED_NAMESPACE}${key}`;
                throw new parking_ParkRefusedError(`${ref} holds no record this version can read (another version of odahu-actions wrote it?): finish it with that version, or delete the ref (git push origin :${ref}) and park again`);
            }
            if (!(await store.replace(former, record)))
                continue;
            const old = former.record.checkRun;
            if (old) {
                await api.rest.checks
                    .update({
                    ...this.repository,
                    check_run_id: old.id,
                    status: 'completed',
                    conclusion: 'neutral',
                    output: { title: 'Parked again', summary: `Parked again by run ${record.run.id}.` },
                    actions: [],
                })
                    .catch((error) => warning(untrusted_text_logText(`The former check run of ${record.id} could not be completed: ${thrown_messageOf(error)}`)));
            }
            core_info(untrusted_text_logText(`${record.id} was parked by run ${former.record.run.id}: this run's record replaces it.`));
            return;
        }
        throw new parking_ParkRefusedError(`the record of ${record.id} kept changing while it was parked again; try again`);
    }
}

;// CONCATENATED MODULE: ./src/wait/inputs.ts
// Every input of the wait action, parsed and checked in one place before any API call.







/** The input naming each thing wait can wait for. */
const WAIT_TARGETS = {
    'training-id': 'ModelTraining',
    'packaging-id': 'ModelPackaging',
    'deployment-id': 'ModelDeployment',
    'inference-job-id': 'InferenceJob',
};
/** The phase each input names. */
const PHASES = {
    'training-id': trainingPhase,
    'packaging-id': packagingPhase,
    'deployment-id': deploymentPhase,
    'inference-job-id': inferenceJobPhase,
};
function readWaitInputs(source = actionInputs) {
    const reader = new InputReader(source);
    const { settings } = readSettingsAndVars(reader, { withVars: false });
    const given = Object.keys(WAIT_TARGETS)
        .map((input) => ({ input, id: reader.optional(input) }))
        .filter((entry) => entry.id !== undefined);
    if (given.length !== 1) {
        reader.problem(`give exactly one of ${Object.keys(WAIT_TARGETS).join(', ')}` +
            (given.length > 1 ? ` (got ${given.map((g) => g.input).join(' and ')})` : ''));
    }
    const [chosen] = given;
    // Batch job ids are generated by the server (job-<service>-<suffix>) and follow the same rule.
    const problem = chosen && kinds_idProblem(WAIT_TARGETS[chosen.input], chosen.id);
    if (chosen && problem)
        reader.problem(`input ${chosen.input}: ${problem}`);
    const timeoutMs = reader.duration('timeout', '2h');
    const pollIntervalMs = readPollInterval(reader);
    const logs = reader.boolean('logs', true);
    const { wait, park } = parking_readWait(reader, chosen && PHASES[chosen.input]);
    if (!wait && !park)
        reader.problem('input wait: false would make this step do nothing; use true or park');
    const parking = readParking(reader, park, {
        actionName: 'wait',
        title: 'Odahu wait',
        odahuApiUrl: settings?.apiUrl,
    });
    reader.finish();
    return {
        settings: withinStepTimeout(settings, timeoutMs),
        target: chosen.input,
        id: chosen.id,
        timeoutMs,
        pollIntervalMs,
        logs,
        parking,
    };
}

;// CONCATENATED MODULE: ./src/wait/run.ts
// The wait action: the Airflow plugin's sensors on their own. It gives the outputs of the action that
// started the work (train with wait: false, then wait, gives artifact-name).





async function waitFor(ctx, inputs) {
    const phase = PHASES[inputs.target];
    const started = Date.now();
    const client = client_OdahuClient.fromSettings(inputs.settings);
    const rows = [];
    try {
        await settle(client, phase, inputs.id, undefined, {
            watch: inputs.parking
                ? undefined
                : {
                    timeoutMs: inputs.timeoutMs,
                    pollIntervalMs: inputs.pollIntervalMs,
                    signal: ctx.signal,
                    logs: inputs.logs,
                },
            action: inputs.parking ? 'parked' : 'waited',
            started,
            rows,
            setOutput: (name, value) => setOutput(name, value),
            park: inputs.parking && {
                parking: inputs.parking,
                action: 'found',
                timeoutMs: inputs.timeoutMs,
                deleteOnEnd: false,
            },
        });
    }
    finally {
        await summary_writeSummary('Odahu wait', rows);
        client.dispose();
    }
}

;// CONCATENATED MODULE: ./src/wait/main.ts
// The wait action as a function: what index.ts runs, and what @github/local-action calls.



async function run() {
    await runStep((ctx) => waitFor(ctx, readWaitInputs()));
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qq: () => (/* binding */ HttpClient)
});

// UNUSED EXPORTS: Headers, HttpClientError, HttpClientResponse, HttpCodes, MediaTypes, getProxyUrl, isHttps

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var tunnel = __nccwpck_require__(770);
// EXTERNAL MODULE: ./scripts/bundle/undici.ts
var undici = __nccwpck_require__(840);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici/* ProxyAgent */.k(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map

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
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
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
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(453);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
