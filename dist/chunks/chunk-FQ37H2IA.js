import { createRequire as __syncstageCreateRequire } from 'node:module'; const require = __syncstageCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-XGP4FN77.js";
import {
  __commonJS,
  __toESM
} from "./chunk-TJQ7GH6D.js";

// node_modules/xmlchars/xml/1.0/ed5.js
var require_ed5 = __commonJS({
  "node_modules/xmlchars/xml/1.0/ed5.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "	\n\r -\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB2 = 9;
    var NL2 = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL2, CR, TAB2];
    function isChar(c) {
      return c >= SPACE && c <= 55295 || c === NL2 || c === CR || c === TAB2 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isS(c) {
      return c === SPACE || c === NL2 || c === CR || c === TAB2;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xml/1.1/ed2.js
var require_ed2 = __commonJS({
  "node_modules/xmlchars/xml/1.1/ed2.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.CHAR = "-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}";
    exports.RESTRICTED_CHAR = "-\b\v\f-\x7F-\x84\x86-\x9F";
    exports.S = " 	\r\n";
    exports.NAME_START_CHAR = ":A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NAME_CHAR = "-" + exports.NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.CHAR_RE = new RegExp("^[" + exports.CHAR + "]$", "u");
    exports.RESTRICTED_CHAR_RE = new RegExp("^[" + exports.RESTRICTED_CHAR + "]$", "u");
    exports.S_RE = new RegExp("^[" + exports.S + "]+$", "u");
    exports.NAME_START_CHAR_RE = new RegExp("^[" + exports.NAME_START_CHAR + "]$", "u");
    exports.NAME_CHAR_RE = new RegExp("^[" + exports.NAME_CHAR + "]$", "u");
    exports.NAME_RE = new RegExp("^[" + exports.NAME_START_CHAR + "][" + exports.NAME_CHAR + "]*$", "u");
    exports.NMTOKEN_RE = new RegExp("^[" + exports.NAME_CHAR + "]+$", "u");
    var TAB2 = 9;
    var NL2 = 10;
    var CR = 13;
    var SPACE = 32;
    exports.S_LIST = [SPACE, NL2, CR, TAB2];
    function isChar(c) {
      return c >= 1 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isChar = isChar;
    function isRestrictedChar(c) {
      return c >= 1 && c <= 8 || c === 11 || c === 12 || c >= 14 && c <= 31 || c >= 127 && c <= 132 || c >= 134 && c <= 159;
    }
    exports.isRestrictedChar = isRestrictedChar;
    function isCharAndNotRestricted(c) {
      return c === 9 || c === 10 || c === 13 || c > 31 && c < 127 || c === 133 || c > 159 && c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111;
    }
    exports.isCharAndNotRestricted = isCharAndNotRestricted;
    function isS(c) {
      return c === SPACE || c === NL2 || c === CR || c === TAB2;
    }
    exports.isS = isS;
    function isNameStartChar(c) {
      return c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 58 || c === 95 || c === 8204 || c === 8205 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNameStartChar = isNameStartChar;
    function isNameChar(c) {
      return isNameStartChar(c) || c >= 48 && c <= 57 || c === 45 || c === 46 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256;
    }
    exports.isNameChar = isNameChar;
  }
});

// node_modules/xmlchars/xmlns/1.0/ed3.js
var require_ed3 = __commonJS({
  "node_modules/xmlchars/xmlns/1.0/ed3.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.NC_NAME_START_CHAR = "A-Z_a-z\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
    exports.NC_NAME_CHAR = "-" + exports.NC_NAME_START_CHAR + ".0-9\xB7\u0300-\u036F\u203F-\u2040";
    exports.NC_NAME_START_CHAR_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "]$", "u");
    exports.NC_NAME_CHAR_RE = new RegExp("^[" + exports.NC_NAME_CHAR + "]$", "u");
    exports.NC_NAME_RE = new RegExp("^[" + exports.NC_NAME_START_CHAR + "][" + exports.NC_NAME_CHAR + "]*$", "u");
    function isNCNameStartChar(c) {
      return c >= 65 && c <= 90 || c === 95 || c >= 97 && c <= 122 || c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c >= 8204 && c <= 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
    }
    exports.isNCNameStartChar = isNCNameStartChar;
    function isNCNameChar(c) {
      return isNCNameStartChar(c) || (c === 45 || c === 46 || c >= 48 && c <= 57 || c === 183 || c >= 768 && c <= 879 || c >= 8255 && c <= 8256);
    }
    exports.isNCNameChar = isNCNameChar;
  }
});

// node_modules/saxes/saxes.js
var require_saxes = __commonJS({
  "node_modules/saxes/saxes.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SaxesParser = exports.EVENTS = void 0;
    var ed5 = require_ed5();
    var ed2 = require_ed2();
    var NSed3 = require_ed3();
    var isS = ed5.isS;
    var isChar10 = ed5.isChar;
    var isNameStartChar = ed5.isNameStartChar;
    var isNameChar = ed5.isNameChar;
    var S_LIST = ed5.S_LIST;
    var NAME_RE = ed5.NAME_RE;
    var isChar11 = ed2.isChar;
    var isNCNameStartChar = NSed3.isNCNameStartChar;
    var isNCNameChar = NSed3.isNCNameChar;
    var NC_NAME_RE = NSed3.NC_NAME_RE;
    var XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";
    var XMLNS_NAMESPACE = "http://www.w3.org/2000/xmlns/";
    var rootNS = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      xml: XML_NAMESPACE,
      xmlns: XMLNS_NAMESPACE
    };
    var XML_ENTITIES = {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment
      __proto__: null,
      amp: "&",
      gt: ">",
      lt: "<",
      quot: '"',
      apos: "'"
    };
    var EOC = -1;
    var NL_LIKE2 = -2;
    var S_BEGIN = 0;
    var S_BEGIN_WHITESPACE = 1;
    var S_DOCTYPE2 = 2;
    var S_DOCTYPE_QUOTE = 3;
    var S_DTD = 4;
    var S_DTD_QUOTED = 5;
    var S_DTD_OPEN_WAKA = 6;
    var S_DTD_OPEN_WAKA_BANG = 7;
    var S_DTD_COMMENT = 8;
    var S_DTD_COMMENT_ENDING = 9;
    var S_DTD_COMMENT_ENDED = 10;
    var S_DTD_PI = 11;
    var S_DTD_PI_ENDING2 = 12;
    var S_TEXT2 = 13;
    var S_ENTITY2 = 14;
    var S_OPEN_WAKA2 = 15;
    var S_OPEN_WAKA_BANG2 = 16;
    var S_COMMENT = 17;
    var S_COMMENT_ENDING = 18;
    var S_COMMENT_ENDED = 19;
    var S_CDATA2 = 20;
    var S_CDATA_ENDING = 21;
    var S_CDATA_ENDING_22 = 22;
    var S_PI_FIRST_CHAR = 23;
    var S_PI_REST = 24;
    var S_PI_BODY = 25;
    var S_PI_ENDING = 26;
    var S_XML_DECL_NAME_START = 27;
    var S_XML_DECL_NAME = 28;
    var S_XML_DECL_EQ = 29;
    var S_XML_DECL_VALUE_START = 30;
    var S_XML_DECL_VALUE = 31;
    var S_XML_DECL_SEPARATOR = 32;
    var S_XML_DECL_ENDING = 33;
    var S_OPEN_TAG = 34;
    var S_OPEN_TAG_SLASH = 35;
    var S_ATTRIB = 36;
    var S_ATTRIB_NAME = 37;
    var S_ATTRIB_NAME_SAW_WHITE = 38;
    var S_ATTRIB_VALUE = 39;
    var S_ATTRIB_VALUE_QUOTED2 = 40;
    var S_ATTRIB_VALUE_CLOSED2 = 41;
    var S_ATTRIB_VALUE_UNQUOTED = 42;
    var S_CLOSE_TAG = 43;
    var S_CLOSE_TAG_SAW_WHITE = 44;
    var TAB2 = 9;
    var NL2 = 10;
    var CR = 13;
    var SPACE = 32;
    var BANG = 33;
    var DQUOTE = 34;
    var AMP2 = 38;
    var SQUOTE = 39;
    var MINUS = 45;
    var FORWARD_SLASH = 47;
    var SEMICOLON = 59;
    var LESS2 = 60;
    var EQUAL = 61;
    var GREATER2 = 62;
    var QUESTION = 63;
    var OPEN_BRACKET = 91;
    var CLOSE_BRACKET2 = 93;
    var NEL = 133;
    var LS = 8232;
    var isQuote = (c) => c === DQUOTE || c === SQUOTE;
    var QUOTES = [DQUOTE, SQUOTE];
    var DOCTYPE_TERMINATOR = [...QUOTES, OPEN_BRACKET, GREATER2];
    var DTD_TERMINATOR = [...QUOTES, LESS2, CLOSE_BRACKET2];
    var XML_DECL_NAME_TERMINATOR = [EQUAL, QUESTION, ...S_LIST];
    var ATTRIB_VALUE_UNQUOTED_TERMINATOR = [...S_LIST, GREATER2, AMP2, LESS2];
    function nsPairCheck(parser, prefix, uri) {
      switch (prefix) {
        case "xml":
          if (uri !== XML_NAMESPACE) {
            parser.fail(`xml prefix must be bound to ${XML_NAMESPACE}.`);
          }
          break;
        case "xmlns":
          if (uri !== XMLNS_NAMESPACE) {
            parser.fail(`xmlns prefix must be bound to ${XMLNS_NAMESPACE}.`);
          }
          break;
        default:
      }
      switch (uri) {
        case XMLNS_NAMESPACE:
          parser.fail(prefix === "" ? `the default namespace may not be set to ${uri}.` : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NAMESPACE}.`);
          break;
        case XML_NAMESPACE:
          switch (prefix) {
            case "xml":
              break;
            case "":
              parser.fail(`the default namespace may not be set to ${uri}.`);
              break;
            default:
              parser.fail("may not assign the xml namespace to another prefix.");
          }
          break;
        default:
      }
    }
    function nsMappingCheck(parser, mapping) {
      for (const local of Object.keys(mapping)) {
        nsPairCheck(parser, local, mapping[local]);
      }
    }
    var isNCName = (name) => NC_NAME_RE.test(name);
    var isName = (name) => NAME_RE.test(name);
    var FORBIDDEN_START2 = 0;
    var FORBIDDEN_BRACKET = 1;
    var FORBIDDEN_BRACKET_BRACKET = 2;
    exports.EVENTS = [
      "xmldecl",
      "text",
      "processinginstruction",
      "doctype",
      "comment",
      "opentagstart",
      "attribute",
      "opentag",
      "closetag",
      "cdata",
      "error",
      "end",
      "ready"
    ];
    var EVENT_NAME_TO_HANDLER_NAME = {
      xmldecl: "xmldeclHandler",
      text: "textHandler",
      processinginstruction: "piHandler",
      doctype: "doctypeHandler",
      comment: "commentHandler",
      opentagstart: "openTagStartHandler",
      attribute: "attributeHandler",
      opentag: "openTagHandler",
      closetag: "closeTagHandler",
      cdata: "cdataHandler",
      error: "errorHandler",
      end: "endHandler",
      ready: "readyHandler"
    };
    var SaxesParser2 = class {
      /**
       * @param opt The parser options.
       */
      constructor(opt) {
        this.opt = opt !== null && opt !== void 0 ? opt : {};
        this.fragmentOpt = !!this.opt.fragment;
        const xmlnsOpt = this.xmlnsOpt = !!this.opt.xmlns;
        this.trackPosition = this.opt.position !== false;
        this.fileName = this.opt.fileName;
        if (xmlnsOpt) {
          this.nameStartCheck = isNCNameStartChar;
          this.nameCheck = isNCNameChar;
          this.isName = isNCName;
          this.processAttribs = this.processAttribsNS;
          this.pushAttrib = this.pushAttribNS;
          this.ns = Object.assign({ __proto__: null }, rootNS);
          const additional = this.opt.additionalNamespaces;
          if (additional != null) {
            nsMappingCheck(this, additional);
            Object.assign(this.ns, additional);
          }
        } else {
          this.nameStartCheck = isNameStartChar;
          this.nameCheck = isNameChar;
          this.isName = isName;
          this.processAttribs = this.processAttribsPlain;
          this.pushAttrib = this.pushAttribPlain;
        }
        this.stateTable = [
          /* eslint-disable @typescript-eslint/unbound-method */
          this.sBegin,
          this.sBeginWhitespace,
          this.sDoctype,
          this.sDoctypeQuote,
          this.sDTD,
          this.sDTDQuoted,
          this.sDTDOpenWaka,
          this.sDTDOpenWakaBang,
          this.sDTDComment,
          this.sDTDCommentEnding,
          this.sDTDCommentEnded,
          this.sDTDPI,
          this.sDTDPIEnding,
          this.sText,
          this.sEntity,
          this.sOpenWaka,
          this.sOpenWakaBang,
          this.sComment,
          this.sCommentEnding,
          this.sCommentEnded,
          this.sCData,
          this.sCDataEnding,
          this.sCDataEnding2,
          this.sPIFirstChar,
          this.sPIRest,
          this.sPIBody,
          this.sPIEnding,
          this.sXMLDeclNameStart,
          this.sXMLDeclName,
          this.sXMLDeclEq,
          this.sXMLDeclValueStart,
          this.sXMLDeclValue,
          this.sXMLDeclSeparator,
          this.sXMLDeclEnding,
          this.sOpenTag,
          this.sOpenTagSlash,
          this.sAttrib,
          this.sAttribName,
          this.sAttribNameSawWhite,
          this.sAttribValue,
          this.sAttribValueQuoted,
          this.sAttribValueClosed,
          this.sAttribValueUnquoted,
          this.sCloseTag,
          this.sCloseTagSawWhite
          /* eslint-enable @typescript-eslint/unbound-method */
        ];
        this._init();
      }
      /**
       * Indicates whether or not the parser is closed. If ``true``, wait for
       * the ``ready`` event to write again.
       */
      get closed() {
        return this._closed;
      }
      _init() {
        var _a;
        this.openWakaBang = "";
        this.text = "";
        this.name = "";
        this.piTarget = "";
        this.entity = "";
        this.q = null;
        this.tags = [];
        this.tag = null;
        this.topNS = null;
        this.chunk = "";
        this.chunkPosition = 0;
        this.i = 0;
        this.prevI = 0;
        this.carriedFromPrevious = void 0;
        this.forbiddenState = FORBIDDEN_START2;
        this.attribList = [];
        const { fragmentOpt } = this;
        this.state = fragmentOpt ? S_TEXT2 : S_BEGIN;
        this.reportedTextBeforeRoot = this.reportedTextAfterRoot = this.closedRoot = this.sawRoot = fragmentOpt;
        this.xmlDeclPossible = !fragmentOpt;
        this.xmlDeclExpects = ["version"];
        this.entityReturnState = void 0;
        let { defaultXMLVersion } = this.opt;
        if (defaultXMLVersion === void 0) {
          if (this.opt.forceXMLVersion === true) {
            throw new Error("forceXMLVersion set but defaultXMLVersion is not set");
          }
          defaultXMLVersion = "1.0";
        }
        this.setXMLVersion(defaultXMLVersion);
        this.positionAtNewLine = 0;
        this.doctype = false;
        this._closed = false;
        this.xmlDecl = {
          version: void 0,
          encoding: void 0,
          standalone: void 0
        };
        this.line = 1;
        this.column = 0;
        this.ENTITIES = Object.create(XML_ENTITIES);
        (_a = this.readyHandler) === null || _a === void 0 ? void 0 : _a.call(this);
      }
      /**
       * The stream position the parser is currently looking at. This field is
       * zero-based.
       *
       * This field is not based on counting Unicode characters but is to be
       * interpreted as a plain index into a JavaScript string.
       */
      get position() {
        return this.chunkPosition + this.i;
      }
      /**
       * The column number of the next character to be read by the parser.  *
       * This field is zero-based. (The first column in a line is 0.)
       *
       * This field reports the index at which the next character would be in the
       * line if the line were represented as a JavaScript string.  Note that this
       * *can* be different to a count based on the number of *Unicode characters*
       * due to how JavaScript handles astral plane characters.
       *
       * See [[column]] for a number that corresponds to a count of Unicode
       * characters.
       */
      get columnIndex() {
        return this.position - this.positionAtNewLine;
      }
      /**
       * Set an event listener on an event. The parser supports one handler per
       * event type. If you try to set an event handler over an existing handler,
       * the old handler is silently overwritten.
       *
       * @param name The event to listen to.
       *
       * @param handler The handler to set.
       */
      on(name, handler) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = handler;
      }
      /**
       * Unset an event handler.
       *
       * @parma name The event to stop listening to.
       */
      off(name) {
        this[EVENT_NAME_TO_HANDLER_NAME[name]] = void 0;
      }
      /**
       * Make an error object. The error object will have a message that contains
       * the ``fileName`` option passed at the creation of the parser. If position
       * tracking was turned on, it will also have line and column number
       * information.
       *
       * @param message The message describing the error to report.
       *
       * @returns An error object with a properly formatted message.
       */
      makeError(message) {
        var _a;
        let msg = (_a = this.fileName) !== null && _a !== void 0 ? _a : "";
        if (this.trackPosition) {
          if (msg.length > 0) {
            msg += ":";
          }
          msg += `${this.line}:${this.column}`;
        }
        if (msg.length > 0) {
          msg += ": ";
        }
        return new Error(msg + message);
      }
      /**
       * Report a parsing error. This method is made public so that client code may
       * check for issues that are outside the scope of this project and can report
       * errors.
       *
       * @param message The error to report.
       *
       * @returns this
       */
      fail(message) {
        const err = this.makeError(message);
        const handler = this.errorHandler;
        if (handler === void 0) {
          throw err;
        } else {
          handler(err);
        }
        return this;
      }
      /**
       * Write a XML data to the parser.
       *
       * @param chunk The XML data to write.
       *
       * @returns this
       */
      // We do need object for the type here. Yes, it often causes problems
      // but not in this case.
      write(chunk) {
        if (this.closed) {
          return this.fail("cannot write after close; assign an onready handler.");
        }
        let end = false;
        if (chunk === null) {
          end = true;
          chunk = "";
        } else if (typeof chunk === "object") {
          chunk = chunk.toString();
        }
        if (this.carriedFromPrevious !== void 0) {
          chunk = `${this.carriedFromPrevious}${chunk}`;
          this.carriedFromPrevious = void 0;
        }
        let limit = chunk.length;
        const lastCode = chunk.charCodeAt(limit - 1);
        if (!end && // A trailing CR or surrogate must be carried over to the next
        // chunk.
        (lastCode === CR || lastCode >= 55296 && lastCode <= 56319)) {
          this.carriedFromPrevious = chunk[limit - 1];
          limit--;
          chunk = chunk.slice(0, limit);
        }
        const { stateTable } = this;
        this.chunk = chunk;
        this.i = 0;
        while (this.i < limit) {
          stateTable[this.state].call(this);
        }
        this.chunkPosition += limit;
        return end ? this.end() : this;
      }
      /**
       * Close the current stream. Perform final well-formedness checks and reset
       * the parser tstate.
       *
       * @returns this
       */
      close() {
        return this.write(null);
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.0.
       *
       * @returns The character read.
       */
      getCode10() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code >= SPACE || code === TAB2) {
            return code;
          }
          switch (code) {
            case NL2:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL2;
            case CR:
              if (chunk.charCodeAt(i + 1) === NL2) {
                this.i = i + 2;
              }
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE2;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Get a single code point out of the current chunk. This updates the current
       * position if we do position tracking.
       *
       * This is the algorithm to use for XML 1.1.
       *
       * @returns {number} The character read.
       */
      getCode11() {
        const { chunk, i } = this;
        this.prevI = i;
        this.i = i + 1;
        if (i >= chunk.length) {
          return EOC;
        }
        const code = chunk.charCodeAt(i);
        this.column++;
        if (code < 55296) {
          if (code > 31 && code < 127 || code > 159 && code !== LS || code === TAB2) {
            return code;
          }
          switch (code) {
            case NL2:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL2;
            case CR: {
              const next = chunk.charCodeAt(i + 1);
              if (next === NL2 || next === NEL) {
                this.i = i + 2;
              }
            }
            /* yes, fall through */
            case NEL:
            // 0x85
            case LS:
              this.line++;
              this.column = 0;
              this.positionAtNewLine = this.position;
              return NL_LIKE2;
            default:
              this.fail("disallowed character.");
              return code;
          }
        }
        if (code > 56319) {
          if (!(code >= 57344 && code <= 65533)) {
            this.fail("disallowed character.");
          }
          return code;
        }
        const final = 65536 + (code - 55296) * 1024 + (chunk.charCodeAt(i + 1) - 56320);
        this.i = i + 2;
        if (final > 1114111) {
          this.fail("disallowed character.");
        }
        return final;
      }
      /**
       * Like ``getCode`` but with the return value normalized so that ``NL`` is
       * returned for ``NL_LIKE``.
       */
      getCodeNorm() {
        const c = this.getCode();
        return c === NL_LIKE2 ? NL2 : c;
      }
      unget() {
        this.i = this.prevI;
        this.column--;
      }
      /**
       * Capture characters into a buffer until encountering one of a set of
       * characters.
       *
       * @param chars An array of codepoints. Encountering a character in the array
       * ends the capture. (``chars`` may safely contain ``NL``.)
       *
       * @return The character code that made the capture end, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureTo(chars) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          const c = this.getCode();
          const isNLLike = c === NL_LIKE2;
          const final = isNLLike ? NL2 : c;
          if (final === EOC || chars.includes(final)) {
            this.text += chunk.slice(start, this.prevI);
            return final;
          }
          if (isNLLike) {
            this.text += `${chunk.slice(start, this.prevI)}
`;
            start = this.i;
          }
        }
      }
      /**
       * Capture characters into a buffer until encountering a character.
       *
       * @param char The codepoint that ends the capture. **NOTE ``char`` MAY NOT
       * CONTAIN ``NL``.** Passing ``NL`` will result in buggy behavior.
       *
       * @return ``true`` if we ran into the character. Otherwise, we ran into the
       * end of the current chunk.
       */
      captureToChar(char) {
        let { i: start } = this;
        const { chunk } = this;
        while (true) {
          let c = this.getCode();
          switch (c) {
            case NL_LIKE2:
              this.text += `${chunk.slice(start, this.prevI)}
`;
              start = this.i;
              c = NL2;
              break;
            case EOC:
              this.text += chunk.slice(start);
              return false;
            default:
          }
          if (c === char) {
            this.text += chunk.slice(start, this.prevI);
            return true;
          }
        }
      }
      /**
       * Capture characters that satisfy ``isNameChar`` into the ``name`` field of
       * this parser.
       *
       * @return The character code that made the test fail, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      captureNameChars() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCode();
          if (c === EOC) {
            this.name += chunk.slice(start);
            return EOC;
          }
          if (!isNameChar(c)) {
            this.name += chunk.slice(start, this.prevI);
            return c === NL_LIKE2 ? NL2 : c;
          }
        }
      }
      /**
       * Skip white spaces.
       *
       * @return The character that ended the skip, or ``EOC`` if we hit
       * the end of the chunk. The return value cannot be NL_LIKE: NL is returned
       * instead.
       */
      skipSpaces() {
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC || !isS(c)) {
            return c;
          }
        }
      }
      setXMLVersion(version) {
        this.currentXMLVersion = version;
        if (version === "1.0") {
          this.isChar = isChar10;
          this.getCode = this.getCode10;
        } else {
          this.isChar = isChar11;
          this.getCode = this.getCode11;
        }
      }
      // STATE ENGINE METHODS
      // This needs to be a state separate from S_BEGIN_WHITESPACE because we want
      // to be sure never to come back to this state later.
      sBegin() {
        if (this.chunk.charCodeAt(0) === 65279) {
          this.i++;
          this.column++;
        }
        this.state = S_BEGIN_WHITESPACE;
      }
      sBeginWhitespace() {
        const iBefore = this.i;
        const c = this.skipSpaces();
        if (this.prevI !== iBefore) {
          this.xmlDeclPossible = false;
        }
        switch (c) {
          case LESS2:
            this.state = S_OPEN_WAKA2;
            if (this.text.length !== 0) {
              throw new Error("no-empty text at start");
            }
            break;
          case EOC:
            break;
          default:
            this.unget();
            this.state = S_TEXT2;
            this.xmlDeclPossible = false;
        }
      }
      sDoctype() {
        var _a;
        const c = this.captureTo(DOCTYPE_TERMINATOR);
        switch (c) {
          case GREATER2: {
            (_a = this.doctypeHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT2;
            this.doctype = true;
            break;
          }
          case EOC:
            break;
          default:
            this.text += String.fromCodePoint(c);
            if (c === OPEN_BRACKET) {
              this.state = S_DTD;
            } else if (isQuote(c)) {
              this.state = S_DOCTYPE_QUOTE;
              this.q = c;
            }
        }
      }
      sDoctypeQuote() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.q = null;
          this.state = S_DOCTYPE2;
        }
      }
      sDTD() {
        const c = this.captureTo(DTD_TERMINATOR);
        if (c === EOC) {
          return;
        }
        this.text += String.fromCodePoint(c);
        if (c === CLOSE_BRACKET2) {
          this.state = S_DOCTYPE2;
        } else if (c === LESS2) {
          this.state = S_DTD_OPEN_WAKA;
        } else if (isQuote(c)) {
          this.state = S_DTD_QUOTED;
          this.q = c;
        }
      }
      sDTDQuoted() {
        const q = this.q;
        if (this.captureToChar(q)) {
          this.text += String.fromCodePoint(q);
          this.state = S_DTD;
          this.q = null;
        }
      }
      sDTDOpenWaka() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        switch (c) {
          case BANG:
            this.state = S_DTD_OPEN_WAKA_BANG;
            this.openWakaBang = "";
            break;
          case QUESTION:
            this.state = S_DTD_PI;
            break;
          default:
            this.state = S_DTD;
        }
      }
      sDTDOpenWakaBang() {
        const char = String.fromCodePoint(this.getCodeNorm());
        const owb = this.openWakaBang += char;
        this.text += char;
        if (owb !== "-") {
          this.state = owb === "--" ? S_DTD_COMMENT : S_DTD;
          this.openWakaBang = "";
        }
      }
      sDTDComment() {
        if (this.captureToChar(MINUS)) {
          this.text += "-";
          this.state = S_DTD_COMMENT_ENDING;
        }
      }
      sDTDCommentEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        this.state = c === MINUS ? S_DTD_COMMENT_ENDED : S_DTD_COMMENT;
      }
      sDTDCommentEnded() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER2) {
          this.state = S_DTD;
        } else {
          this.fail("malformed comment.");
          this.state = S_DTD_COMMENT;
        }
      }
      sDTDPI() {
        if (this.captureToChar(QUESTION)) {
          this.text += "?";
          this.state = S_DTD_PI_ENDING2;
        }
      }
      sDTDPIEnding() {
        const c = this.getCodeNorm();
        this.text += String.fromCodePoint(c);
        if (c === GREATER2) {
          this.state = S_DTD;
        }
      }
      sText() {
        if (this.tags.length !== 0) {
          this.handleTextInRoot();
        } else {
          this.handleTextOutsideRoot();
        }
      }
      sEntity() {
        let { i: start } = this;
        const { chunk } = this;
        loop:
          while (true) {
            switch (this.getCode()) {
              case NL_LIKE2:
                this.entity += `${chunk.slice(start, this.prevI)}
`;
                start = this.i;
                break;
              case SEMICOLON: {
                const { entityReturnState } = this;
                const entity = this.entity + chunk.slice(start, this.prevI);
                this.state = entityReturnState;
                let parsed;
                if (entity === "") {
                  this.fail("empty entity name.");
                  parsed = "&;";
                } else {
                  parsed = this.parseEntity(entity);
                  this.entity = "";
                }
                if (entityReturnState !== S_TEXT2 || this.textHandler !== void 0) {
                  this.text += parsed;
                }
                break loop;
              }
              case EOC:
                this.entity += chunk.slice(start);
                break loop;
              default:
            }
          }
      }
      sOpenWaka() {
        const c = this.getCode();
        if (isNameStartChar(c)) {
          this.state = S_OPEN_TAG;
          this.unget();
          this.xmlDeclPossible = false;
        } else {
          switch (c) {
            case FORWARD_SLASH:
              this.state = S_CLOSE_TAG;
              this.xmlDeclPossible = false;
              break;
            case BANG:
              this.state = S_OPEN_WAKA_BANG2;
              this.openWakaBang = "";
              this.xmlDeclPossible = false;
              break;
            case QUESTION:
              this.state = S_PI_FIRST_CHAR;
              break;
            default:
              this.fail("disallowed character in tag name");
              this.state = S_TEXT2;
              this.xmlDeclPossible = false;
          }
        }
      }
      sOpenWakaBang() {
        this.openWakaBang += String.fromCodePoint(this.getCodeNorm());
        switch (this.openWakaBang) {
          case "[CDATA[":
            if (!this.sawRoot && !this.reportedTextBeforeRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextBeforeRoot = true;
            }
            if (this.closedRoot && !this.reportedTextAfterRoot) {
              this.fail("text data outside of root node.");
              this.reportedTextAfterRoot = true;
            }
            this.state = S_CDATA2;
            this.openWakaBang = "";
            break;
          case "--":
            this.state = S_COMMENT;
            this.openWakaBang = "";
            break;
          case "DOCTYPE":
            this.state = S_DOCTYPE2;
            if (this.doctype || this.sawRoot) {
              this.fail("inappropriately located doctype declaration.");
            }
            this.openWakaBang = "";
            break;
          default:
            if (this.openWakaBang.length >= 7) {
              this.fail("incorrect syntax.");
            }
        }
      }
      sComment() {
        if (this.captureToChar(MINUS)) {
          this.state = S_COMMENT_ENDING;
        }
      }
      sCommentEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === MINUS) {
          this.state = S_COMMENT_ENDED;
          (_a = this.commentHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
          this.text = "";
        } else {
          this.text += `-${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        }
      }
      sCommentEnded() {
        const c = this.getCodeNorm();
        if (c !== GREATER2) {
          this.fail("malformed comment.");
          this.text += `--${String.fromCodePoint(c)}`;
          this.state = S_COMMENT;
        } else {
          this.state = S_TEXT2;
        }
      }
      sCData() {
        if (this.captureToChar(CLOSE_BRACKET2)) {
          this.state = S_CDATA_ENDING;
        }
      }
      sCDataEnding() {
        const c = this.getCodeNorm();
        if (c === CLOSE_BRACKET2) {
          this.state = S_CDATA_ENDING_22;
        } else {
          this.text += `]${String.fromCodePoint(c)}`;
          this.state = S_CDATA2;
        }
      }
      sCDataEnding2() {
        var _a;
        const c = this.getCodeNorm();
        switch (c) {
          case GREATER2: {
            (_a = this.cdataHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.text);
            this.text = "";
            this.state = S_TEXT2;
            break;
          }
          case CLOSE_BRACKET2:
            this.text += "]";
            break;
          default:
            this.text += `]]${String.fromCodePoint(c)}`;
            this.state = S_CDATA2;
        }
      }
      // We need this separate state to check the first character fo the pi target
      // with this.nameStartCheck which allows less characters than this.nameCheck.
      sPIFirstChar() {
        const c = this.getCodeNorm();
        if (this.nameStartCheck(c)) {
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        } else if (c === QUESTION || isS(c)) {
          this.fail("processing instruction without a target.");
          this.state = c === QUESTION ? S_PI_ENDING : S_PI_BODY;
        } else {
          this.fail("disallowed character in processing instruction name.");
          this.piTarget += String.fromCodePoint(c);
          this.state = S_PI_REST;
        }
      }
      sPIRest() {
        const { chunk, i: start } = this;
        while (true) {
          const c = this.getCodeNorm();
          if (c === EOC) {
            this.piTarget += chunk.slice(start);
            return;
          }
          if (!this.nameCheck(c)) {
            this.piTarget += chunk.slice(start, this.prevI);
            const isQuestion = c === QUESTION;
            if (isQuestion || isS(c)) {
              if (this.piTarget === "xml") {
                if (!this.xmlDeclPossible) {
                  this.fail("an XML declaration must be at the start of the document.");
                }
                this.state = isQuestion ? S_XML_DECL_ENDING : S_XML_DECL_NAME_START;
              } else {
                this.state = isQuestion ? S_PI_ENDING : S_PI_BODY;
              }
            } else {
              this.fail("disallowed character in processing instruction name.");
              this.piTarget += String.fromCodePoint(c);
            }
            break;
          }
        }
      }
      sPIBody() {
        if (this.text.length === 0) {
          const c = this.getCodeNorm();
          if (c === QUESTION) {
            this.state = S_PI_ENDING;
          } else if (!isS(c)) {
            this.text = String.fromCodePoint(c);
          }
        } else if (this.captureToChar(QUESTION)) {
          this.state = S_PI_ENDING;
        }
      }
      sPIEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER2) {
          const { piTarget } = this;
          if (piTarget.toLowerCase() === "xml") {
            this.fail("the XML declaration must appear at the start of the document.");
          }
          (_a = this.piHandler) === null || _a === void 0 ? void 0 : _a.call(this, {
            target: piTarget,
            body: this.text
          });
          this.piTarget = this.text = "";
          this.state = S_TEXT2;
        } else if (c === QUESTION) {
          this.text += "?";
        } else {
          this.text += `?${String.fromCodePoint(c)}`;
          this.state = S_PI_BODY;
        }
        this.xmlDeclPossible = false;
      }
      sXMLDeclNameStart() {
        const c = this.skipSpaces();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (c !== EOC) {
          this.state = S_XML_DECL_NAME;
          this.name = String.fromCodePoint(c);
        }
      }
      sXMLDeclName() {
        const c = this.captureTo(XML_DECL_NAME_TERMINATOR);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.name += this.text;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (!(isS(c) || c === EQUAL)) {
          return;
        }
        this.name += this.text;
        this.text = "";
        if (!this.xmlDeclExpects.includes(this.name)) {
          switch (this.name.length) {
            case 0:
              this.fail("did not expect any more name/value pairs.");
              break;
            case 1:
              this.fail(`expected the name ${this.xmlDeclExpects[0]}.`);
              break;
            default:
              this.fail(`expected one of ${this.xmlDeclExpects.join(", ")}`);
          }
        }
        this.state = c === EQUAL ? S_XML_DECL_VALUE_START : S_XML_DECL_EQ;
      }
      sXMLDeclEq() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (c !== EQUAL) {
          this.fail("value required.");
        }
        this.state = S_XML_DECL_VALUE_START;
      }
      sXMLDeclValueStart() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (isS(c)) {
          return;
        }
        if (!isQuote(c)) {
          this.fail("value must be quoted.");
          this.q = SPACE;
        } else {
          this.q = c;
        }
        this.state = S_XML_DECL_VALUE;
      }
      sXMLDeclValue() {
        const c = this.captureTo([this.q, QUESTION]);
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          this.text = "";
          this.fail("XML declaration is incomplete.");
          return;
        }
        if (c === EOC) {
          return;
        }
        const value = this.text;
        this.text = "";
        switch (this.name) {
          case "version": {
            this.xmlDeclExpects = ["encoding", "standalone"];
            const version = value;
            this.xmlDecl.version = version;
            if (!/^1\.[0-9]+$/.test(version)) {
              this.fail("version number must match /^1\\.[0-9]+$/.");
            } else if (!this.opt.forceXMLVersion) {
              this.setXMLVersion(version);
            }
            break;
          }
          case "encoding":
            if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value)) {
              this.fail("encoding value must match /^[A-Za-z0-9][A-Za-z0-9._-]*$/.");
            }
            this.xmlDeclExpects = ["standalone"];
            this.xmlDecl.encoding = value;
            break;
          case "standalone":
            if (value !== "yes" && value !== "no") {
              this.fail('standalone value must match "yes" or "no".');
            }
            this.xmlDeclExpects = [];
            this.xmlDecl.standalone = value;
            break;
          default:
        }
        this.name = "";
        this.state = S_XML_DECL_SEPARATOR;
      }
      sXMLDeclSeparator() {
        const c = this.getCodeNorm();
        if (c === QUESTION) {
          this.state = S_XML_DECL_ENDING;
          return;
        }
        if (!isS(c)) {
          this.fail("whitespace required.");
          this.unget();
        }
        this.state = S_XML_DECL_NAME_START;
      }
      sXMLDeclEnding() {
        var _a;
        const c = this.getCodeNorm();
        if (c === GREATER2) {
          if (this.piTarget !== "xml") {
            this.fail("processing instructions are not allowed before root.");
          } else if (this.name !== "version" && this.xmlDeclExpects.includes("version")) {
            this.fail("XML declaration must contain a version.");
          }
          (_a = this.xmldeclHandler) === null || _a === void 0 ? void 0 : _a.call(this, this.xmlDecl);
          this.name = "";
          this.piTarget = this.text = "";
          this.state = S_TEXT2;
        } else {
          this.fail("The character ? is disallowed anywhere in XML declarations.");
        }
        this.xmlDeclPossible = false;
      }
      sOpenTag() {
        var _a;
        const c = this.captureNameChars();
        if (c === EOC) {
          return;
        }
        const tag = this.tag = {
          name: this.name,
          attributes: /* @__PURE__ */ Object.create(null)
        };
        this.name = "";
        if (this.xmlnsOpt) {
          this.topNS = tag.ns = /* @__PURE__ */ Object.create(null);
        }
        (_a = this.openTagStartHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        this.sawRoot = true;
        if (!this.fragmentOpt && this.closedRoot) {
          this.fail("documents may contain only one root.");
        }
        switch (c) {
          case GREATER2:
            this.openTag();
            break;
          case FORWARD_SLASH:
            this.state = S_OPEN_TAG_SLASH;
            break;
          default:
            if (!isS(c)) {
              this.fail("disallowed character in tag name.");
            }
            this.state = S_ATTRIB;
        }
      }
      sOpenTagSlash() {
        if (this.getCode() === GREATER2) {
          this.openSelfClosingTag();
        } else {
          this.fail("forward-slash in opening tag not followed by >.");
          this.state = S_ATTRIB;
        }
      }
      sAttrib() {
        const c = this.skipSpaces();
        if (c === EOC) {
          return;
        }
        if (isNameStartChar(c)) {
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else if (c === GREATER2) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribName() {
        const c = this.captureNameChars();
        if (c === EQUAL) {
          this.state = S_ATTRIB_VALUE;
        } else if (isS(c)) {
          this.state = S_ATTRIB_NAME_SAW_WHITE;
        } else if (c === GREATER2) {
          this.fail("attribute without value.");
          this.pushAttrib(this.name, this.name);
          this.name = this.text = "";
          this.openTag();
        } else if (c !== EOC) {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribNameSawWhite() {
        const c = this.skipSpaces();
        switch (c) {
          case EOC:
            return;
          case EQUAL:
            this.state = S_ATTRIB_VALUE;
            break;
          default:
            this.fail("attribute without value.");
            this.text = "";
            this.name = "";
            if (c === GREATER2) {
              this.openTag();
            } else if (isNameStartChar(c)) {
              this.unget();
              this.state = S_ATTRIB_NAME;
            } else {
              this.fail("disallowed character in attribute name.");
              this.state = S_ATTRIB;
            }
        }
      }
      sAttribValue() {
        const c = this.getCodeNorm();
        if (isQuote(c)) {
          this.q = c;
          this.state = S_ATTRIB_VALUE_QUOTED2;
        } else if (!isS(c)) {
          this.fail("unquoted attribute value.");
          this.state = S_ATTRIB_VALUE_UNQUOTED;
          this.unget();
        }
      }
      sAttribValueQuoted() {
        const { q, chunk } = this;
        let { i: start } = this;
        while (true) {
          switch (this.getCode()) {
            case q:
              this.pushAttrib(this.name, this.text + chunk.slice(start, this.prevI));
              this.name = this.text = "";
              this.q = null;
              this.state = S_ATTRIB_VALUE_CLOSED2;
              return;
            case AMP2:
              this.text += chunk.slice(start, this.prevI);
              this.state = S_ENTITY2;
              this.entityReturnState = S_ATTRIB_VALUE_QUOTED2;
              return;
            case NL2:
            case NL_LIKE2:
            case TAB2:
              this.text += `${chunk.slice(start, this.prevI)} `;
              start = this.i;
              break;
            case LESS2:
              this.text += chunk.slice(start, this.prevI);
              this.fail("disallowed character.");
              return;
            case EOC:
              this.text += chunk.slice(start);
              return;
            default:
          }
        }
      }
      sAttribValueClosed() {
        const c = this.getCodeNorm();
        if (isS(c)) {
          this.state = S_ATTRIB;
        } else if (c === GREATER2) {
          this.openTag();
        } else if (c === FORWARD_SLASH) {
          this.state = S_OPEN_TAG_SLASH;
        } else if (isNameStartChar(c)) {
          this.fail("no whitespace between attributes.");
          this.unget();
          this.state = S_ATTRIB_NAME;
        } else {
          this.fail("disallowed character in attribute name.");
        }
      }
      sAttribValueUnquoted() {
        const c = this.captureTo(ATTRIB_VALUE_UNQUOTED_TERMINATOR);
        switch (c) {
          case AMP2:
            this.state = S_ENTITY2;
            this.entityReturnState = S_ATTRIB_VALUE_UNQUOTED;
            break;
          case LESS2:
            this.fail("disallowed character.");
            break;
          case EOC:
            break;
          default:
            if (this.text.includes("]]>")) {
              this.fail('the string "]]>" is disallowed in char data.');
            }
            this.pushAttrib(this.name, this.text);
            this.name = this.text = "";
            if (c === GREATER2) {
              this.openTag();
            } else {
              this.state = S_ATTRIB;
            }
        }
      }
      sCloseTag() {
        const c = this.captureNameChars();
        if (c === GREATER2) {
          this.closeTag();
        } else if (isS(c)) {
          this.state = S_CLOSE_TAG_SAW_WHITE;
        } else if (c !== EOC) {
          this.fail("disallowed character in closing tag.");
        }
      }
      sCloseTagSawWhite() {
        switch (this.skipSpaces()) {
          case GREATER2:
            this.closeTag();
            break;
          case EOC:
            break;
          default:
            this.fail("disallowed character in closing tag.");
        }
      }
      // END OF STATE ENGINE METHODS
      handleTextInRoot() {
        let { i: start, forbiddenState } = this;
        const { chunk, textHandler: handler } = this;
        scanLoop:
          while (true) {
            switch (this.getCode()) {
              case LESS2: {
                this.state = S_OPEN_WAKA2;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                forbiddenState = FORBIDDEN_START2;
                break scanLoop;
              }
              case AMP2:
                this.state = S_ENTITY2;
                this.entityReturnState = S_TEXT2;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                forbiddenState = FORBIDDEN_START2;
                break scanLoop;
              case CLOSE_BRACKET2:
                switch (forbiddenState) {
                  case FORBIDDEN_START2:
                    forbiddenState = FORBIDDEN_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET:
                    forbiddenState = FORBIDDEN_BRACKET_BRACKET;
                    break;
                  case FORBIDDEN_BRACKET_BRACKET:
                    break;
                  default:
                    throw new Error("impossible state");
                }
                break;
              case GREATER2:
                if (forbiddenState === FORBIDDEN_BRACKET_BRACKET) {
                  this.fail('the string "]]>" is disallowed in char data.');
                }
                forbiddenState = FORBIDDEN_START2;
                break;
              case NL_LIKE2:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                forbiddenState = FORBIDDEN_START2;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break scanLoop;
              default:
                forbiddenState = FORBIDDEN_START2;
            }
          }
        this.forbiddenState = forbiddenState;
      }
      handleTextOutsideRoot() {
        let { i: start } = this;
        const { chunk, textHandler: handler } = this;
        let nonSpace = false;
        outRootLoop:
          while (true) {
            const code = this.getCode();
            switch (code) {
              case LESS2: {
                this.state = S_OPEN_WAKA2;
                if (handler !== void 0) {
                  const { text } = this;
                  const slice = chunk.slice(start, this.prevI);
                  if (text.length !== 0) {
                    handler(text + slice);
                    this.text = "";
                  } else if (slice.length !== 0) {
                    handler(slice);
                  }
                }
                break outRootLoop;
              }
              case AMP2:
                this.state = S_ENTITY2;
                this.entityReturnState = S_TEXT2;
                if (handler !== void 0) {
                  this.text += chunk.slice(start, this.prevI);
                }
                nonSpace = true;
                break outRootLoop;
              case NL_LIKE2:
                if (handler !== void 0) {
                  this.text += `${chunk.slice(start, this.prevI)}
`;
                }
                start = this.i;
                break;
              case EOC:
                if (handler !== void 0) {
                  this.text += chunk.slice(start);
                }
                break outRootLoop;
              default:
                if (!isS(code)) {
                  nonSpace = true;
                }
            }
          }
        if (!nonSpace) {
          return;
        }
        if (!this.sawRoot && !this.reportedTextBeforeRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextBeforeRoot = true;
        }
        if (this.closedRoot && !this.reportedTextAfterRoot) {
          this.fail("text data outside of root node.");
          this.reportedTextAfterRoot = true;
        }
      }
      pushAttribNS(name, value) {
        var _a;
        const { prefix, local } = this.qname(name);
        const attr = { name, prefix, local, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
        if (prefix === "xmlns") {
          const trimmed2 = value.trim();
          if (this.currentXMLVersion === "1.0" && trimmed2 === "") {
            this.fail("invalid attempt to undefine prefix in XML 1.0");
          }
          this.topNS[local] = trimmed2;
          nsPairCheck(this, local, trimmed2);
        } else if (name === "xmlns") {
          const trimmed2 = value.trim();
          this.topNS[""] = trimmed2;
          nsPairCheck(this, "", trimmed2);
        }
      }
      pushAttribPlain(name, value) {
        var _a;
        const attr = { name, value };
        this.attribList.push(attr);
        (_a = this.attributeHandler) === null || _a === void 0 ? void 0 : _a.call(this, attr);
      }
      /**
       * End parsing. This performs final well-formedness checks and resets the
       * parser to a clean state.
       *
       * @returns this
       */
      end() {
        var _a, _b;
        if (!this.sawRoot) {
          this.fail("document must contain a root element.");
        }
        const { tags } = this;
        while (tags.length > 0) {
          const tag = tags.pop();
          this.fail(`unclosed tag: ${tag.name}`);
        }
        if (this.state !== S_BEGIN && this.state !== S_TEXT2) {
          this.fail("unexpected end.");
        }
        const { text } = this;
        if (text.length !== 0) {
          (_a = this.textHandler) === null || _a === void 0 ? void 0 : _a.call(this, text);
          this.text = "";
        }
        this._closed = true;
        (_b = this.endHandler) === null || _b === void 0 ? void 0 : _b.call(this);
        this._init();
        return this;
      }
      /**
       * Resolve a namespace prefix.
       *
       * @param prefix The prefix to resolve.
       *
       * @returns The namespace URI or ``undefined`` if the prefix is not defined.
       */
      resolve(prefix) {
        var _a, _b;
        let uri = this.topNS[prefix];
        if (uri !== void 0) {
          return uri;
        }
        const { tags } = this;
        for (let index = tags.length - 1; index >= 0; index--) {
          uri = tags[index].ns[prefix];
          if (uri !== void 0) {
            return uri;
          }
        }
        uri = this.ns[prefix];
        if (uri !== void 0) {
          return uri;
        }
        return (_b = (_a = this.opt).resolvePrefix) === null || _b === void 0 ? void 0 : _b.call(_a, prefix);
      }
      /**
       * Parse a qname into its prefix and local name parts.
       *
       * @param name The name to parse
       *
       * @returns
       */
      qname(name) {
        const colon = name.indexOf(":");
        if (colon === -1) {
          return { prefix: "", local: name };
        }
        const local = name.slice(colon + 1);
        const prefix = name.slice(0, colon);
        if (prefix === "" || local === "" || local.includes(":")) {
          this.fail(`malformed name: ${name}.`);
        }
        return { prefix, local };
      }
      processAttribsNS() {
        var _a;
        const { attribList } = this;
        const tag = this.tag;
        {
          const { prefix, local } = this.qname(tag.name);
          tag.prefix = prefix;
          tag.local = local;
          const uri = tag.uri = (_a = this.resolve(prefix)) !== null && _a !== void 0 ? _a : "";
          if (prefix !== "") {
            if (prefix === "xmlns") {
              this.fail('tags may not have "xmlns" as prefix.');
            }
            if (uri === "") {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              tag.uri = prefix;
            }
          }
        }
        if (attribList.length === 0) {
          return;
        }
        const { attributes } = tag;
        const seen = /* @__PURE__ */ new Set();
        for (const attr of attribList) {
          const { name, prefix, local } = attr;
          let uri;
          let eqname;
          if (prefix === "") {
            uri = name === "xmlns" ? XMLNS_NAMESPACE : "";
            eqname = name;
          } else {
            uri = this.resolve(prefix);
            if (uri === void 0) {
              this.fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
              uri = prefix;
            }
            eqname = `{${uri}}${local}`;
          }
          if (seen.has(eqname)) {
            this.fail(`duplicate attribute: ${eqname}.`);
          }
          seen.add(eqname);
          attr.uri = uri;
          attributes[name] = attr;
        }
        this.attribList = [];
      }
      processAttribsPlain() {
        const { attribList } = this;
        const attributes = this.tag.attributes;
        for (const { name, value } of attribList) {
          if (attributes[name] !== void 0) {
            this.fail(`duplicate attribute: ${name}.`);
          }
          attributes[name] = value;
        }
        this.attribList = [];
      }
      /**
       * Handle a complete open tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onopentag``.
       */
      openTag() {
        var _a;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = false;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        tags.push(tag);
        this.state = S_TEXT2;
        this.name = "";
      }
      /**
       * Handle a complete self-closing tag. This parser code calls this once it has
       * seen the whole tag. This method checks for well-formeness and then emits
       * ``onopentag`` and ``onclosetag``.
       */
      openSelfClosingTag() {
        var _a, _b, _c;
        this.processAttribs();
        const { tags } = this;
        const tag = this.tag;
        tag.isSelfClosing = true;
        (_a = this.openTagHandler) === null || _a === void 0 ? void 0 : _a.call(this, tag);
        (_b = this.closeTagHandler) === null || _b === void 0 ? void 0 : _b.call(this, tag);
        const top = this.tag = (_c = tags[tags.length - 1]) !== null && _c !== void 0 ? _c : null;
        if (top === null) {
          this.closedRoot = true;
        }
        this.state = S_TEXT2;
        this.name = "";
      }
      /**
       * Handle a complete close tag. This parser code calls this once it has seen
       * the whole tag. This method checks for well-formeness and then emits
       * ``onclosetag``.
       */
      closeTag() {
        const { tags, name } = this;
        this.state = S_TEXT2;
        this.name = "";
        if (name === "") {
          this.fail("weird empty close tag.");
          this.text += "</>";
          return;
        }
        const handler = this.closeTagHandler;
        let l = tags.length;
        while (l-- > 0) {
          const tag = this.tag = tags.pop();
          this.topNS = tag.ns;
          handler === null || handler === void 0 ? void 0 : handler(tag);
          if (tag.name === name) {
            break;
          }
          this.fail("unexpected close tag.");
        }
        if (l === 0) {
          this.closedRoot = true;
        } else if (l < 0) {
          this.fail(`unmatched closing tag: ${name}.`);
          this.text += `</${name}>`;
        }
      }
      /**
       * Resolves an entity. Makes any necessary well-formedness checks.
       *
       * @param entity The entity to resolve.
       *
       * @returns The parsed entity.
       */
      parseEntity(entity) {
        if (entity[0] !== "#") {
          const defined = this.ENTITIES[entity];
          if (defined !== void 0) {
            return defined;
          }
          this.fail(this.isName(entity) ? "undefined entity." : "disallowed character in entity name.");
          return `&${entity};`;
        }
        let num = NaN;
        if (entity[1] === "x" && /^#x[0-9a-f]+$/i.test(entity)) {
          num = parseInt(entity.slice(2), 16);
        } else if (/^#[0-9]+$/.test(entity)) {
          num = parseInt(entity.slice(1), 10);
        }
        if (!this.isChar(num)) {
          this.fail("malformed character entity.");
          return `&${entity};`;
        }
        return String.fromCodePoint(num);
      }
    };
    exports.SaxesParser = SaxesParser2;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens2 = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens2.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens2.push(token);
        }
        state.tokens = tokens2;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens2[idx].isPrefix = true;
              tokens2[idx].value = prefix;
            } else {
              tokens2[idx].value = value2;
            }
            depth(tokens2[idx]);
            state.maxDepth += tokens2[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens2[tokens2.length - 1].value = value;
          depth(tokens2[tokens2.length - 1]);
          state.maxDepth += tokens2[tokens2.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens2 = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens: tokens2
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens2.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens2.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens2[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens2.length; i++) {
            tokens2[i].value = "";
            tokens2[i].output = "";
            delete tokens2[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens2.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens2.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens2.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens2.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table2, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table2.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table2[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table2[rowIndex].length;
    }
    while (++columnIndex2 < table2[rowIndex].length) {
      const cell = serialize(table2[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/markdown-text.ts
var INERT = /@|#\d|:\/\/|\bwww\.|\b(?:https?|ftp|mailto|file|javascript|data|vbscript):/i;
var SEPARATORS = /([\s|]+)/;
function oneLine(value) {
  return value.replace(/\r\n|\r|\n/g, " ").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "\uFFFD");
}
function escapePlain(value) {
  return value.replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function escapeHtml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
var count = (text, char) => text.split(char).length - 1;
function trimmed(token) {
  let start = 0;
  let end = token.length;
  while (end > start && /[:;,.!?]/.test(token[end - 1] ?? "")) end -= 1;
  while (end > start && token[end - 1] === ")" && count(token.slice(start, end), ")") > count(token.slice(start, end), "(")) end -= 1;
  while (start < end && token[start] === "(" && count(token.slice(start, end), "(") > count(token.slice(start, end), ")")) start += 1;
  const core = token.slice(start, end);
  if (core === "" || !INERT.test(core)) return [{ text: token, inert: true }];
  return [{ text: token.slice(0, start), inert: false }, { text: core, inert: true }, { text: token.slice(end), inert: false }].filter((part) => part.text !== "");
}
function tokens(value) {
  return oneLine(value).split(SEPARATORS).filter((part) => part !== "").flatMap((part) => !/^[\s|]+$/.test(part) && INERT.test(part) ? trimmed(part) : [{ text: part, inert: false }]);
}
function escapeText(value) {
  return tokens(value).map((token) => token.inert ? codeSpan(token.text) : escapePlain(token.text)).join("");
}
function escapeHtmlText(value) {
  return tokens(value).map((token) => token.inert ? `<code>${escapeHtml(token.text)}</code>` : escapeHtml(token.text)).join("");
}
function escapeCell(value) {
  if (value === void 0 || value === null) return "";
  return typeof value === "number" ? formatNumber(value) : escapeText(value);
}
function codeSpan(value) {
  return value.replace(/\r\n|\r|\n/g, " ").split("|").map((part) => part === "" ? "" : fenced(part)).join("\\|");
}
function fenced(text) {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}
function codeBlock(value, language = "") {
  const longest = Math.max(2, ...Array.from(value.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${value.replace(/\r\n|\r/g, "\n")}
${fence}`;
}
function table(header, rows, align) {
  return markdownTable(
    [header.map((cell) => escapeCell(cell)), ...rows.map((row) => row.map((cell) => escapeCell(cell)))],
    { align: align ? [...align] : void 0 }
  );
}
function rawTable(header, rows, align) {
  return markdownTable([[...header], ...rows.map((row) => [...row])], { align: align ? [...align] : void 0 });
}
function details(summary, body, open = false) {
  return `<details${open ? " open" : ""}><summary>${escapeHtmlText(summary)}</summary>

${body}

</details>`;
}
function mermaidLabel(value) {
  return value.replace(/[\r\n]+/g, " ").replace(/["'`<>{}[\]()|#;:&\\]/g, " ").replace(/@/g, " at ").replace(/\s+/g, " ").trim().slice(0, 40) || "-";
}
function formatNumber(value) {
  return value.toLocaleString("en-US");
}
function plural(count2, singular, pluralForm = `${singular}s`) {
  return `${formatNumber(count2)} ${count2 === 1 ? singular : pluralForm}`;
}

// src/files/source.ts
import { isUtf8 } from "node:buffer";
function joinPath(...parts) {
  const joined = parts.flatMap((part) => part.split("/")).filter((segment) => segment !== "" && segment !== ".").join("/");
  return parts[0]?.startsWith("/") ? `/${joined}` : joined;
}
function trimTrailingSlashes(path2) {
  let end = path2.length;
  while (end > 0 && path2.charCodeAt(end - 1) === 47) end--;
  return path2.slice(0, end);
}
function baseName(path2) {
  const parts = path2.split("/");
  return parts[parts.length - 1] ?? path2;
}
function decodeText(bytes, file) {
  const le = bytes[0] === 255 && bytes[1] === 254;
  const be = bytes[0] === 254 && bytes[1] === 255;
  if (le || be) {
    const body2 = Buffer.from(bytes.subarray(2));
    if (be) body2.subarray(0, body2.length - body2.length % 2).swap16();
    try {
      return new TextDecoder("utf-16le", { fatal: true }).decode(body2);
    } catch {
      throw badBytes(new TextDecoder("utf-16le").decode(body2), file, be ? "UTF-16BE" : "UTF-16LE");
    }
  }
  const body = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) throw badBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8"), file, "UTF-8");
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString("utf8");
}
function badBytes(lossy, file, encoding) {
  const at = Math.max(0, lossy.indexOf("\uFFFD"));
  const before = lossy.slice(0, at).split("\n");
  return new InputError(file, `the bytes are not valid ${encoding} (check the file's encoding and its byte-order mark)`, {
    line: before.length,
    column: (before[before.length - 1]?.length ?? 0) + 1
  });
}

// src/config/noise.ts
var CONNECTOR_NOISE = {
  id: "guid",
  "creation-time": "timestamp",
  "last-modification-time": "timestamp",
  version: "version",
  "internal-version": "version",
  "format-version": "version"
};
var PARTITION_NOISE = {
  id: "guid",
  "creation-time": "timestamp",
  "last-modification-time": "timestamp",
  version: "version",
  "custom-data/adma-partition-data/cookie": "cookie",
  "custom-data/adma-partition-data/last-dc": "lastDc",
  "custom-data/ecma-partition-data/water-mark": "cookie",
  "custom-data/water-mark": "cookie"
};
var CONNECTOR_PARAMETER_NOISE = {
  "forest-login-user": "serviceAccount",
  username: "serviceAccount",
  password: "serviceAccount",
  cookie: "cookie",
  "last-dc": "lastDc"
};
var RULE_NOISE = {
  id: "guid",
  "internal-id": "guid",
  version: "version",
  "precedence-after": "guid",
  "precedence-before": "guid"
};
var GLOBAL_NOISE = {
  "Microsoft.Synchronize.NextStartTime": "nextStartTime"
};
var SERVER_STATE_PARAMETERS = [
  "Microsoft.Synchronize.SchedulerSuspended",
  "Microsoft.Synchronize.MaintenanceEnabled",
  "Microsoft.Synchronize.SyncCycleEnabled",
  "Microsoft.Synchronize.SyncCycleInProgress"
];
var STAGING_MODE_PARAMETER = "Microsoft.Synchronize.StagingMode";
var SERVER_VERSION_PARAMETER = "Microsoft.Synchronize.ServerConfigurationVersion";
function countNoise(primary, staging, into) {
  const other = new Map(staging.map((item) => [item.path.toLowerCase(), item.value]));
  for (const item of primary) {
    const value = other.get(item.path.toLowerCase());
    if (value !== void 0 && value !== item.value) into[item.kind] = (into[item.kind] ?? 0) + 1;
  }
}

// src/xml/reader.ts
import { isUtf8 as isUtf82 } from "node:buffer";
import { createGunzip } from "node:zlib";

// src/xml/read-limits.ts
var MIB = 1024 * 1024;
var READ_LIMITS = [
  {
    name: "maxInflatedBytes",
    setting: "max-inflated-mib",
    unit: "MiB",
    scale: MIB,
    default: 8192,
    min: 1,
    max: 1048576,
    description: "Most a gzip file (.xml.gz, an export or a configuration file) may inflate to; past it the file is refused."
  },
  {
    name: "maxInflationRatio",
    setting: "max-inflation-ratio",
    unit: "times",
    scale: 1,
    default: 200,
    min: 2,
    max: 1e5,
    description: "Most inflated bytes per compressed byte, judged once 64 MiB have been inflated (XML exports compress 10 to 30 times); past it the file is refused."
  },
  {
    name: "maxValuesPerAttribute",
    setting: "max-values-per-attribute",
    unit: "values",
    scale: 1,
    default: 1e4,
    min: 1,
    max: 1e7,
    description: "Values one object keeps per attribute; the rest are counted (in the counts, not compared value by value) and the report says how many."
  },
  {
    name: "maxValuesPerObject",
    setting: "max-values-per-object",
    unit: "values",
    scale: 1,
    default: 5e4,
    min: 1,
    max: 1e7,
    description: "Values one object keeps, all attributes together; the rest are counted as above."
  }
];
function readLimitSpec(name) {
  return READ_LIMITS.find((spec) => spec.name === name);
}
function raisedBy(limits, name) {
  return limits?.raisedBy?.[name] ?? `the ${readLimitSpec(name).setting} setting (docs/security.md, "Limits")`;
}
function isValidLimit(spec, value) {
  return Number.isSafeInteger(value) && value >= spec.min && value <= spec.max;
}
function limitRangeText(spec) {
  return `a whole number from ${spec.min.toLocaleString("en-US")} to ${spec.max.toLocaleString("en-US")} (${spec.unit}; default ${spec.default.toLocaleString("en-US")})`;
}
function readLimitsFromSettings(values, raisedByName) {
  const limits = {};
  const raised = {};
  for (const spec of READ_LIMITS) {
    const value = values[spec.name];
    if (value !== void 0) limits[spec.name] = value * spec.scale;
    raised[spec.name] = raisedByName(spec);
  }
  limits.raisedBy = raised;
  return limits;
}

// src/xml/saxes-states.ts
var S_DOCTYPE = 2;
var S_DTD_PI_ENDING = 12;
var S_TEXT = 13;
var S_ENTITY = 14;
var S_OPEN_WAKA = 15;
var S_OPEN_WAKA_BANG = 16;
var S_CDATA = 20;
var S_CDATA_ENDING_2 = 22;
var S_ATTRIB_VALUE_QUOTED = 40;
var S_ATTRIB_VALUE_CLOSED = 41;

// src/xml/saxes-fast-paths.ts
var import_saxes = __toESM(require_saxes(), 1);
var NL_LIKE = -2;
var NL = 10;
var TAB = 9;
var AMP = 38;
var LESS = 60;
var GREATER = 62;
var CLOSE_BRACKET = 93;
var FORBIDDEN_START = 0;
var ASCII_NAME_CHAR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9._:-]/.test(ch)) ASCII_NAME_CHAR[c] = 1;
}
function saxesMethods(prototype) {
  const p = prototype;
  if (typeof p.captureNameChars !== "function" || typeof p.handleTextInRoot !== "function" || typeof p.sAttribValueQuoted !== "function") {
    throw new Error("saxes changed its internals: the reader cannot install its fast paths (pin saxes 6.0.0)");
  }
  return p;
}
var original = saxesMethods(import_saxes.SaxesParser.prototype);
function captureNameChars() {
  const { chunk } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  while (i < end && ASCII_NAME_CHAR[chunk.charCodeAt(i)] === 1) i++;
  if (i >= end || chunk.charCodeAt(i) >= 128) return original.captureNameChars.call(this);
  this.column += i - start;
  this.i = i;
  const code = this.getCode();
  this.name += chunk.slice(start, this.prevI);
  return code === NL_LIKE ? NL : code;
}
function sAttribValueQuoted() {
  const { chunk, q } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  for (; i < end; i++) {
    const code = chunk.charCodeAt(i);
    if (code === q || code === AMP || code === LESS || code < 32 || code > 126) break;
  }
  if (i >= end || chunk.charCodeAt(i) !== q) {
    original.sAttribValueQuoted.call(this);
    return;
  }
  this.column += i - start + 1;
  this.prevI = i;
  this.i = i + 1;
  this.pushAttrib(this.name, this.text + chunk.slice(start, i));
  this.name = this.text = "";
  this.q = null;
  this.state = S_ATTRIB_VALUE_CLOSED;
}
function handleTextInRoot() {
  if (this.textHandler !== void 0) {
    original.handleTextInRoot.call(this);
    return;
  }
  const { chunk } = this;
  const start = this.i;
  const end = chunk.length;
  let i = start;
  let lines = 0;
  let lastNewline = -1;
  for (; i < end; i++) {
    const code = chunk.charCodeAt(i);
    if (code >= 32 && code <= 126) {
      if (code === LESS || code === AMP || code === CLOSE_BRACKET || code === GREATER) break;
    } else if (code === NL) {
      lines += 1;
      lastNewline = i;
    } else if (code !== TAB) {
      break;
    }
  }
  if (i > start) {
    if (lastNewline >= 0) {
      this.line += lines;
      this.column = i - lastNewline - 1;
      this.positionAtNewLine = this.chunkPosition + lastNewline + 1;
    } else {
      this.column += i - start;
    }
    this.prevI = i - 1;
    this.i = i;
    this.forbiddenState = FORBIDDEN_START;
  }
  if (i < end && chunk.charCodeAt(i) === LESS) {
    this.column += 1;
    this.prevI = i;
    this.i = i + 1;
    this.state = S_OPEN_WAKA;
    this.forbiddenState = FORBIDDEN_START;
    return;
  }
  if (i < end) {
    original.handleTextInRoot.call(this);
    return;
  }
  this.prevI = end;
  this.i = end + 1;
}
var FastSaxesParser = class extends import_saxes.SaxesParser {
};
Object.defineProperties(FastSaxesParser.prototype, {
  captureNameChars: { value: captureNameChars, writable: true, configurable: true },
  handleTextInRoot: { value: handleTextInRoot, writable: true, configurable: true },
  sAttribValueQuoted: { value: sAttribValueQuoted, writable: true, configurable: true }
});
function hasInternals(parser) {
  const p = parser;
  return typeof p.chunk === "string" && typeof p.chunkPosition === "number" && typeof p.i === "number" && typeof p.prevI === "number" && typeof p.line === "number" && typeof p.column === "number" && typeof p.positionAtNewLine === "number" && typeof p.name === "string" && typeof p.text === "string" && typeof p.forbiddenState === "number" && typeof p.getCode === "function" && typeof p.pushAttrib === "function" && Array.isArray(p.stateTable) && p.stateTable[S_ATTRIB_VALUE_QUOTED] === sAttribValueQuoted;
}
function createFastSaxesParser(options) {
  const parser = new FastSaxesParser(options);
  if (!hasInternals(parser)) throw new Error("saxes changed its internals: the reader cannot install its fast paths (pin saxes 6.0.0)");
  return parser;
}

// src/xml/reader.ts
var XmlContext = class {
  constructor(file, parser) {
    this.file = file;
    this.parser = parser;
  }
  /** The line and column (1-based) of the last character the parser read. */
  position() {
    return { line: this.parser.line, column: Math.max(1, this.parser.column) };
  }
  fail(reason) {
    throw new InputError(this.file, reason, this.position());
  }
};
var MAX_MARKUP_LENGTH = 64 * 1024;
var MAX_ATTRIBUTES = 1024;
var WRITE_SLICE = 64 * 1024;
var YIELD_EVERY_MS = 10;
var activeReaders = 0;
function exposesBuffers(parser) {
  return "state" in parser && typeof parser.state === "number" && "text" in parser && typeof parser.text === "string" && "entity" in parser && typeof parser.entity === "string" && "name" in parser && typeof parser.name === "string" && "piTarget" in parser && typeof parser.piTarget === "string" && "attribList" in parser && Array.isArray(parser.attribList) && "entityReturnState" in parser;
}
var DEFAULT_MAX_TEXT = 1024 * 1024;
var DEFAULT_MAX_DEPTH = 256;
var DEFAULT_MAX_INFLATED_BYTES = readLimitSpec("maxInflatedBytes").default * readLimitSpec("maxInflatedBytes").scale;
var DEFAULT_MAX_INFLATION_RATIO = readLimitSpec("maxInflationRatio").default;
var DEFAULT_INFLATION_RATIO_CHECKED_AFTER = 64 * 1024 ** 2;
var ENCODING_SNIFF_BYTES = 512;
var UTF8_COMPATIBLE_DECLARATIONS = /^(utf-?8|utf-?16(le|be)?|unicode)$/;
var UnsupportedEncodingError = class extends Error {
  constructor(declared) {
    super(`the file declares encoding="${declared}", which syncstage does not read (UTF-8, UTF-16 or windows-1252): re-export it as UTF-8`);
    this.declared = declared;
  }
};
function detectEncoding(head) {
  if (head[0] === 239 && head[1] === 187 && head[2] === 191) return { encoding: "utf-8", bomLength: 3 };
  if (head[0] === 255 && head[1] === 254) return { encoding: "utf-16le", bomLength: 2 };
  if (head[0] === 254 && head[1] === 255) return { encoding: "utf-16be", bomLength: 2 };
  if (head[0] === 60 && head[1] === 0 && head[2] === 63 && head[3] === 0) return { encoding: "utf-16le", bomLength: 0 };
  if (head[0] === 0 && head[1] === 60 && head[2] === 0 && head[3] === 63) return { encoding: "utf-16be", bomLength: 0 };
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(Buffer.from(head.subarray(0, 512)).toString("latin1"));
  const name = declared?.[1]?.toLowerCase();
  if (name && /^(windows-1252|cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(name)) return { encoding: "windows-1252", bomLength: 0 };
  if (name && !UTF8_COMPATIBLE_DECLARATIONS.test(name)) throw new UnsupportedEncodingError(declared?.[1] ?? name);
  return { encoding: "utf-8", bomLength: 0 };
}
var Utf16BeDecoder = class {
  inner = new TextDecoder("utf-16le", { fatal: true });
  carry;
  decode(chunk, stream) {
    let bytes = chunk;
    if (this.carry !== void 0) {
      bytes = new Uint8Array(chunk.length + 1);
      bytes[0] = this.carry;
      bytes.set(chunk, 1);
      this.carry = void 0;
    }
    const even = bytes.length - bytes.length % 2;
    if (even < bytes.length) this.carry = bytes[even];
    const swapped = Buffer.from(bytes.subarray(0, even));
    swapped.swap16();
    return this.inner.decode(swapped, { stream });
  }
};
function makeUtf8Decoder() {
  let carry;
  return (chunk, stream) => {
    const input = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const bytes = carry ? Buffer.concat([carry, input]) : input;
    carry = void 0;
    let end = bytes.length;
    if (stream) {
      let i = end - 1;
      while (i >= 0 && end - i <= 3 && (bytes[i] & 192) === 128) i -= 1;
      const lead = bytes[i];
      if (lead !== void 0 && lead >= 192) {
        const need = lead >= 240 ? 4 : lead >= 224 ? 3 : 2;
        if (end - i < need) end = i;
      }
      if (end < bytes.length) carry = Buffer.from(bytes.subarray(end));
    }
    const complete = end < bytes.length ? bytes.subarray(0, end) : bytes;
    if (!isUtf82(complete)) throw new TypeError("invalid UTF-8");
    return complete.toString("utf8");
  };
}
function makeDecoder(encoding) {
  if (encoding === "utf-8") return makeUtf8Decoder();
  if (encoding === "utf-16be") {
    const be = new Utf16BeDecoder();
    return (chunk, stream) => be.decode(chunk, stream);
  }
  const decoder = new TextDecoder(encoding, { fatal: true });
  return (chunk, stream) => decoder.decode(chunk, { stream });
}
var DOCTYPE_REFUSED = "a <!DOCTYPE> declaration is not accepted (DTDs and entities are refused, never expanded)";
var DOCTYPE_KEYWORD = "<!DOCTYPE";
async function readXml(input, file, handler, options = {}) {
  const maxText = options.maxTextLength ?? DEFAULT_MAX_TEXT;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const parser = createFastSaxesParser({ xmlns: false, position: true });
  const buffers = parser;
  if (!exposesBuffers(buffers)) throw new Error("saxes changed its internals: the reader cannot bound its buffers (pin saxes 6.0.0)");
  const context = new XmlContext(file, parser);
  const elements = typeof handler === "function" ? handler(context) : handler;
  let text = "";
  let textLength = 0;
  let depth = 0;
  let root = "";
  let rootClosed = false;
  let failure;
  const onText = (chunk) => {
    textLength += chunk.length;
    if (text.length < maxText) text += text.length + chunk.length <= maxText ? chunk : chunk.slice(0, maxText - text.length);
  };
  parser.on("error", (error) => {
    const reason = error.message.replace(/^\d+:\d+: /, "").replace(/\.$/, "");
    throw new InputError(file, `malformed XML: ${reason}`, context.position());
  });
  parser.on("doctype", () => context.fail(DOCTYPE_REFUSED));
  parser.on("text", onText);
  parser.on("cdata", onText);
  if (buffers.textHandler !== onText) throw new Error("saxes changed its internals: the reader cannot switch its text handler (pin saxes 6.0.0)");
  let textWanted = true;
  parser.on("opentag", (tag) => {
    if (depth === 0) {
      if (rootClosed) context.fail("a second root element");
      root = tag.name;
      if (options.roots && !options.roots.includes(tag.name)) {
        context.fail(`unexpected root element <${tag.name}>, expected ${options.roots.map((r) => `<${r}>`).join(" or ")}`);
      }
    }
    depth += 1;
    if (depth > maxDepth) context.fail(`elements nested deeper than ${maxDepth} levels`);
    text = "";
    textLength = 0;
    if (elements.open(tag.name, tag.attributes) !== false !== textWanted) {
      textWanted = !textWanted;
      buffers.textHandler = textWanted ? onText : void 0;
    }
  });
  parser.on("closetag", (tag) => {
    depth -= 1;
    if (depth === 0) rootClosed = true;
    const value = text;
    const length = textLength;
    text = "";
    textLength = 0;
    if (!textWanted) {
      textWanted = true;
      buffers.textHandler = onText;
    }
    elements.close(tag.name, value, length);
  });
  const guardBuffers = () => {
    const { state } = buffers;
    if (state >= S_DOCTYPE && state <= S_DTD_PI_ENDING) failAtDoctype();
    if (buffers.text.length > MAX_MARKUP_LENGTH) {
      const characterData = state === S_TEXT || state >= S_CDATA && state <= S_CDATA_ENDING_2 || state === S_ENTITY && buffers.entityReturnState === S_TEXT;
      if (!characterData) context.fail(`a tag, attribute value, comment or processing instruction longer than ${MAX_MARKUP_LENGTH} characters (refused, not read into memory)`);
      onText(buffers.text);
      buffers.text = "";
    }
    if (buffers.name.length > MAX_MARKUP_LENGTH || buffers.entity.length > MAX_MARKUP_LENGTH || buffers.piTarget.length > MAX_MARKUP_LENGTH) {
      context.fail(`a name or entity reference longer than ${MAX_MARKUP_LENGTH} characters (refused, not read into memory)`);
    }
    if (buffers.attribList.length > MAX_ATTRIBUTES) context.fail(`an element with more than ${MAX_ATTRIBUTES} attributes`);
  };
  const failAtDoctype = () => {
    const at = context.position();
    throw new InputError(file, DOCTYPE_REFUSED, { line: at.line, column: Math.max(1, at.column - DOCTYPE_KEYWORD.length + 1) });
  };
  const write = (piece) => {
    parser.write(piece);
    guardBuffers();
  };
  const writeProlog = (decoded) => {
    let from = 0;
    while (from < decoded.length && (buffers.state === S_OPEN_WAKA || buffers.state === S_OPEN_WAKA_BANG)) {
      write(decoded.slice(from, from + 1));
      from += 1;
    }
    while (!root && from < decoded.length) {
      const bang = decoded.indexOf("<!", from);
      const to = bang < 0 ? decoded.length : Math.min(decoded.length, bang + DOCTYPE_KEYWORD.length);
      write(decoded.slice(from, to));
      from = to;
    }
    return from;
  };
  let sawFirstCharacter = false;
  const checkFirstCharacter = (decoded) => {
    const first = /[^ \t\r\n\ufeff]/.exec(decoded);
    if (!first) return;
    sawFirstCharacter = true;
    if (first[0] === "<") return;
    const before = decoded.slice(0, first.index);
    const lines = before.split("\n");
    throw new InputError(file, 'not XML: the file must begin with a tag ("<")', { line: parser.line + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + (lines.length === 1 ? parser.column : 0) + 1 });
  };
  const writeText = (decoded) => {
    if (!sawFirstCharacter) checkFirstCharacter(decoded);
    let from = root ? 0 : writeProlog(decoded);
    if (from === 0 && decoded.length <= WRITE_SLICE) {
      write(decoded);
      return;
    }
    for (; from < decoded.length; from += WRITE_SLICE) write(decoded.slice(from, from + WRITE_SLICE));
  };
  let bytesRead = 0;
  let encoding;
  let decode;
  let gzip = false;
  let head;
  let bytesDecoded = 0;
  const feed = (chunk, last) => {
    if (!decode) {
      if (chunk.length === 0 && !last) return;
      let detected;
      try {
        detected = detectEncoding(chunk);
      } catch (error) {
        if (error instanceof UnsupportedEncodingError) throw new InputError(file, error.message, { line: 1, column: 1 });
        throw error;
      }
      encoding = detected.encoding;
      decode = makeDecoder(encoding);
      chunk = chunk.subarray(detected.bomLength);
    }
    let decoded = "";
    try {
      decoded = decode(chunk, !last);
    } catch {
      const lossy = lossyDecode(encoding ?? "utf-8", chunk);
      const before = lossy.slice(0, Math.max(0, lossy.indexOf("\uFFFD")));
      const at = { line: parser.line, column: parser.column + 1 };
      const lastNewline = before.lastIndexOf("\n");
      const position = lastNewline < 0 ? { line: at.line, column: at.column + before.length } : { line: at.line + before.split("\n").length - 1, column: before.length - lastNewline };
      throw new InputError(
        file,
        `the bytes are not valid ${encoding?.toUpperCase()} (between byte ${bytesDecoded} and ${bytesDecoded + chunk.length}; check the file's encoding and its byte-order mark)`,
        position
      );
    }
    bytesDecoded += chunk.length;
    if (decoded.length > 0) writeText(decoded);
  };
  let lastYield = performance.now();
  const letOthersRun = async () => {
    if (performance.now() - lastYield < YIELD_EVERY_MS / activeReaders) return;
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = performance.now();
  };
  let source = input;
  activeReaders += 1;
  try {
    const iterator = input[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (!first.done) {
      head = typeof first.value === "string" ? Buffer.from(first.value) : first.value;
      bytesRead += head.length;
    }
    if (head && head[0] === 31 && head[1] === 139) {
      gzip = true;
      bytesRead = 0;
      const gunzip = createGunzip();
      const compressed = (async function* () {
        yield head;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      })();
      source = streamThrough(compressed, gunzip, (n) => {
        bytesRead += n;
        options.onBytes?.(bytesRead);
      });
      const maxInflated = options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES;
      const maxRatio = options.maxInflationRatio ?? DEFAULT_MAX_INFLATION_RATIO;
      const ratioAfter = options.inflationRatioCheckedAfter ?? DEFAULT_INFLATION_RATIO_CHECKED_AFTER;
      let inflated = 0;
      for await (const chunk of source) {
        const bytes = toBytes(chunk);
        inflated += bytes.length;
        if (inflated > maxInflated) {
          throw new InputError(file, `inflates to more than ${formatBytes(maxInflated)}, the limit per file (a decompression bomb?): refused; if the file is genuine, raise ${raisedBy(options, "maxInflatedBytes")}`);
        }
        if (inflated > ratioAfter && inflated > maxRatio * bytesRead) {
          throw new InputError(file, `inflates past ${maxRatio} times its compressed size, the limit (a decompression bomb?): refused; if the file is genuine, raise ${raisedBy(options, "maxInflationRatio")}`);
        }
        feed(bytes, false);
        await letOthersRun();
      }
    } else {
      let pending = head ?? Buffer.alloc(0);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const chunk = toBytes(next.value);
        bytesRead += chunk.length;
        options.onBytes?.(bytesRead);
        if (pending) {
          pending = Buffer.concat([pending, chunk]);
          if (pending.length < ENCODING_SNIFF_BYTES) continue;
          feed(pending, false);
          pending = void 0;
        } else {
          feed(chunk, false);
        }
        await letOthersRun();
      }
      if (pending && pending.length > 0) feed(pending, false);
    }
    if (!decode) context.fail("the file is empty");
    if (bytesDecoded === 0) context.fail("the file is empty");
    feed(new Uint8Array(0), true);
    if (!root) context.fail("the file holds no XML element");
    if (!rootClosed) context.fail(`the file ends before </${root}>: it is truncated`);
    parser.close();
  } catch (error) {
    failure = error;
  } finally {
    activeReaders -= 1;
  }
  if (failure) {
    input.destroy();
    if (failure instanceof InputError) throw failure;
    if (isZlibError(failure)) throw new InputError(file, `the gzip data is corrupt or truncated (${failure.message}), after this point of the XML inside`, context.position());
    throw failure;
  }
  return { encoding: encoding ?? "utf-8", gzip, bytesRead, root };
}
function inflationOptions(limits) {
  if (!limits) return {};
  return {
    ...limits.maxInflatedBytes !== void 0 ? { maxInflatedBytes: limits.maxInflatedBytes } : {},
    ...limits.maxInflationRatio !== void 0 ? { maxInflationRatio: limits.maxInflationRatio } : {},
    ...limits.raisedBy ? { raisedBy: limits.raisedBy } : {}
  };
}
function formatBytes(bytes) {
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", 1024 ** 2], ["KiB", 1024]]) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} bytes`;
}
function lossyDecode(encoding, chunk) {
  if (encoding === "utf-8") return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
  if (encoding === "utf-16be") {
    const swapped = Buffer.from(chunk.subarray(0, chunk.length - chunk.length % 2));
    swapped.swap16();
    return new TextDecoder("utf-16le").decode(swapped);
  }
  return new TextDecoder(encoding).decode(chunk);
}
function toBytes(chunk) {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
}
function isZlibError(error) {
  return typeof error === "object" && error !== null && typeof error.code === "string" && String(error.code).startsWith("Z_");
}
async function* streamThrough(chunks, transform, onInput) {
  const writer = (async () => {
    try {
      for await (const chunk of chunks) {
        onInput(chunk.length);
        if (!transform.write(chunk)) await new Promise((resolve) => transform.once("drain", resolve));
      }
      transform.end();
    } catch (error) {
      transform.destroy(error);
    }
  })();
  for await (const out of transform) yield out;
  await writer;
}

// src/xml/retain.ts
function retain(value) {
  if (value === void 0 || value.length < 13) return value;
  return ` ${value}`.slice(1);
}

// src/config/xml-paths.ts
async function readXmlPaths(source, file, root, handler, skip = [], limits) {
  const stream = await source.open(file);
  await readXml(
    stream,
    source.describe(file),
    (context) => {
      const paths = [];
      let skipDepth = 0;
      return {
        // Returns false inside a skipped subtree: the tokenizer then checks its text without copying it out.
        open(name, attributes) {
          if (skipDepth > 0) {
            skipDepth += 1;
            return false;
          }
          if (paths.length > 0 && skip.includes(name)) {
            skipDepth = 1;
            return false;
          }
          const parent = paths[paths.length - 1];
          const path2 = parent === void 0 ? "" : parent === "" ? name : `${parent}/${name}`;
          paths.push(path2);
          handler.open?.(path2, attributes, context);
          return true;
        },
        close(_name, text) {
          if (skipDepth > 0) {
            skipDepth -= 1;
            return;
          }
          handler.close?.(paths.pop() ?? "", retain(text), context);
        }
      };
    },
    { roots: [root], maxTextLength: 256 * 1024, ...inflationOptions(limits) }
  );
}
function parseFlag(value) {
  return value !== void 0 && /^(true|1)$/i.test(value.trim());
}

// src/dict.ts
function dict() {
  return /* @__PURE__ */ Object.create(null);
}

// src/config/connectors.ts
var ENTRA_CONNECTOR_ID = "{B891884F-051E-4A83-95AF-2544101C9083}";
function normalizeGuid(value) {
  const bare = value.trim().replace(/^\{|\}$/g, "").toUpperCase();
  return `{${bare}}`;
}
async function parseConnector(source, file, limits) {
  const top = dict();
  const at = dict();
  const parameters = dict();
  const attributeInclusion = [];
  const partitions = [];
  const runProfiles = [];
  let passwordHashSync;
  let partition;
  let profile;
  let step;
  let parameterName;
  await readXmlPaths(
    source,
    file,
    "ma-data",
    {
      open(path2, attributes) {
        if (path2 === "ma-partition-data/partition") {
          partition = { id: "", name: "", selected: false, objectClasses: [], inclusions: [], exclusions: [], noise: [] };
        } else if (path2 === "ma-run-data/run-configuration") {
          profile = { name: "", steps: [] };
        } else if (path2 === "ma-run-data/run-configuration/configuration/step") {
          step = { type: "", subtype: "", partition: "" };
        } else if (path2 === "ma-run-data/run-configuration/configuration/step/step-type") {
          if (step) step.type = retain(attributes.type ?? "");
        } else if (/^private-configuration\/[^/]+\/parameter-values\/parameter$/.test(path2)) {
          parameterName = attributes.name;
        }
      },
      close(path2, text, context) {
        const value = text.trim();
        if (!path2.includes("/")) {
          at[path2] = context.position();
          if (path2 !== "" && value !== "") top[path2] = value;
          return;
        }
        if (path2 === "attribute-inclusion/attribute") {
          if (value) attributeInclusion.push(value);
        } else if (path2.endsWith("/password-hash-sync-config/enabled") && path2.startsWith("private-configuration/")) {
          passwordHashSync = parseFlag(value);
        } else if (parameterName !== void 0 && /^private-configuration\/[^/]+\/parameter-values\/parameter$/.test(path2)) {
          parameters[parameterName] = value;
          parameterName = void 0;
        } else if (partition && path2.startsWith("ma-partition-data/partition/")) {
          closePartitionField(partition, path2.slice("ma-partition-data/partition/".length), value);
        } else if (path2 === "ma-partition-data/partition" && partition) {
          partitions.push(partition);
          partition = void 0;
        } else if (profile && path2 === "ma-run-data/run-configuration/name") {
          profile.name = value;
        } else if (step && path2.startsWith("ma-run-data/run-configuration/configuration/step/")) {
          const field = path2.slice("ma-run-data/run-configuration/configuration/step/".length);
          if (field.startsWith("step-type/") && field.endsWith("-subtype")) step.subtype = value;
          else if (field === "partition") step.partition = value;
        } else if (path2 === "ma-run-data/run-configuration/configuration/step" && step && profile) {
          profile.steps.push(step);
          step = void 0;
        } else if (path2 === "ma-run-data/run-configuration" && profile) {
          runProfiles.push(profile);
          profile = void 0;
        }
      }
    },
    ["schema"],
    limits
  );
  const where = source.describe(file);
  const name = top.name;
  if (!name) throw new InputError(where, "the connector has no <name>", at.name ?? at[""]);
  if (!top.id) throw new InputError(where, `connector "${name}" has no <id>`, at.id ?? at[""]);
  const id = normalizeGuid(top.id);
  const noise = [];
  const prefix = `connector:${name.toLowerCase()}`;
  for (const [field, kind] of Object.entries(CONNECTOR_NOISE)) {
    if (top[field] !== void 0) noise.push({ kind, path: `${prefix}:${field}`, value: field === "id" ? id : top[field] });
  }
  const partitionNames = new Map(partitions.map((p) => [normalizeGuid(p.id || "{}"), p.name]));
  for (const p of partitions) {
    for (const item of p.noise) noise.push({ kind: item.kind, path: `${prefix}:partition:${p.name}:${item.field}`, value: item.field === "id" ? normalizeGuid(item.value) : item.value });
  }
  const kept = dict();
  for (const [key, value] of Object.entries(parameters)) {
    const kind = CONNECTOR_PARAMETER_NOISE[key.toLowerCase()];
    if (kind) noise.push({ kind, path: `${prefix}:parameter:${key}`, value });
    else kept[key] = value;
  }
  const profiles = runProfiles.map((p) => ({
    name: p.name,
    steps: p.steps.map((s) => describeStep(s, partitionNames))
  }));
  const connector = {
    name,
    category: top.category ?? "",
    subtype: top.subtype,
    isEntraConnector: id === ENTRA_CONNECTOR_ID || /azure active directory|entra/i.test(top.subtype ?? ""),
    partitions: partitions.map(({ name: partitionName, selected, objectClasses, inclusions, exclusions }) => ({
      name: partitionName,
      selected,
      objectClasses,
      inclusions,
      exclusions
    })),
    attributeInclusion,
    runProfiles: profiles,
    passwordHashSync,
    parameters: kept,
    file: where
  };
  return { id, connector, noise };
}
function closePartitionField(partition, field, value) {
  const noiseKind = PARTITION_NOISE[field];
  if (field === "id") partition.id = value;
  if (noiseKind) {
    if (value) partition.noise.push({ kind: noiseKind, field, value });
    return;
  }
  if (field === "name") partition.name = value;
  else if (field === "selected") partition.selected = parseFlag(value);
  else if (field === "filter/object-classes/object-class" && value) partition.objectClasses.push(value);
  else if (field === "filter/containers/inclusions/inclusion" && value) partition.inclusions.push(value);
  else if (field === "filter/containers/exclusions/exclusion" && value) partition.exclusions.push(value);
}
function describeStep(step, partitionNames) {
  const partition = step.partition ? partitionNames.get(normalizeGuid(step.partition)) ?? "an unknown partition" : "";
  return `${step.type}${step.subtype ? ` (${step.subtype})` : ""}${partition ? ` on ${partition}` : ""}`;
}

// src/config/global-settings.ts
async function parseGlobalSettings(source, file, limits) {
  const result = { parameters: dict() };
  let parameterName;
  await readXmlPaths(
    source,
    file,
    "saved-mv-configuration",
    {
      open(path2, attributes) {
        if (path2 === "") {
          result.server = retain(attributes.server || void 0);
          result.exportDate = retain(attributes["export-date"] || void 0);
        } else if (path2 === "mv-data/parameter-values/parameter") {
          parameterName = attributes.name;
        }
      },
      close(path2, text) {
        if (path2 === "mv-data/parameter-values/parameter" && parameterName !== void 0) {
          result.parameters[parameterName] = text.trim();
          parameterName = void 0;
        } else if (path2 === "mv-data/version") {
          result.version = text.trim();
        }
      }
    },
    ["schema"],
    limits
  );
  return result;
}

// src/config/rules.ts
var MODELLED = /* @__PURE__ */ new Set(["name", "description", "immutable-tag", "direction", "disabled", "connector", "sourceObjectType", "targetObjectType", "linkType", "precedence"]);
async function parseSyncRule(source, file, limits) {
  const top = dict();
  const other = dict();
  const mappings = [];
  const scope = [];
  const join = [];
  let mapping;
  let group = dict();
  let conditions;
  const at = dict();
  await readXmlPaths(source, file, "synchronizationRule", {
    open(path2, attributes) {
      if (path2 === "attribute-mappings/mapping") {
        mapping = { destination: "", sources: [], executeOnce: parseFlag(attributes["execute-once"]) };
      } else if (path2 === "synchronizationCriteria/conditions") {
        conditions = [];
        scope.push(conditions);
      } else if (path2 === "relationshipCriteria/conditions") {
        conditions = [];
        join.push(conditions);
      } else if (path2 === "synchronizationCriteria/conditions/scope" || path2 === "relationshipCriteria/conditions/condition") {
        group = dict();
      }
    },
    close(path2, text, context) {
      const value = text.trim();
      if (!path2.includes("/")) at[path2] = context.position();
      if (path2 !== "" && !path2.includes("/")) {
        if (MODELLED.has(path2) || RULE_NOISE[path2]) top[path2] = value;
        else if (value !== "" || !isContainer(path2)) other[path2] = value;
        return;
      }
      if (mapping && path2.startsWith("attribute-mappings/mapping/")) {
        const field = path2.slice("attribute-mappings/mapping/".length);
        if (field === "dest") mapping.destination = value;
        else if (field === "src/attr") mapping.sources.push(value);
        else if (field === "expression") mapping.expression = text.trim();
        else if (field === "valueMergeType") mapping.mergeType = value;
      } else if (path2 === "attribute-mappings/mapping" && mapping) {
        mapping.sources = mapping.sources.slice();
        mappings.push(mapping);
        mapping = void 0;
      } else if (path2.startsWith("synchronizationCriteria/conditions/scope/") || path2.startsWith("relationshipCriteria/conditions/condition/")) {
        group[path2.slice(path2.lastIndexOf("/") + 1)] = value;
      } else if (path2 === "synchronizationCriteria/conditions/scope") {
        conditions?.push({ attribute: group.csAttribute ?? "", operator: group.csOperator ?? "", value: group.csValue ?? "" });
      } else if (path2 === "relationshipCriteria/conditions/condition") {
        conditions?.push({ csAttribute: group.csAttribute ?? "", mvAttribute: group.ilmAttribute ?? "", caseSensitive: parseFlag(group.caseSensitive) });
      }
    }
  }, [], limits);
  const where = source.describe(file);
  if (!top.name) throw new InputError(where, "the synchronization rule has no <name>", at.name ?? at[""]);
  if (!top.connector) throw new InputError(where, `rule "${top.name}" has no <connector>`, at.connector ?? at[""]);
  const precedence = Number.parseInt(top.precedence ?? "", 10);
  if (!Number.isFinite(precedence)) throw new InputError(where, `rule "${top.name}" has no numeric <precedence> (got "${top.precedence ?? ""}")`, at.precedence ?? at[""]);
  const immutableTag = top["immutable-tag"] || void 0;
  const noise = Object.entries(RULE_NOISE).filter(([field]) => top[field]).map(([field, kind]) => ({ kind, field, value: top[field] }));
  return {
    connectorId: normalizeGuid(top.connector),
    noise,
    rule: {
      name: top.name,
      description: top.description || void 0,
      direction: top.direction ?? "",
      linkType: top.linkType ?? "",
      sourceObjectType: top.sourceObjectType,
      targetObjectType: top.targetObjectType,
      precedence,
      disabled: parseFlag(top.disabled),
      immutableTag,
      outOfBox: isOutOfBoxTag(immutableTag),
      scope: scope.filter((g) => g.length > 0).map((g) => g.slice()),
      join: join.filter((g) => g.length > 0).map((g) => g.slice()),
      mappings: mappings.slice(),
      other,
      file: where
    }
  };
}
function isOutOfBoxTag(tag) {
  return tag !== void 0 && /^Microsoft\./i.test(tag);
}
function tagBase(tag) {
  return tag.replace(/\.\d+$/, "");
}
function isContainer(name) {
  return name === "attribute-mappings" || name === "relationshipCriteria" || name === "synchronizationCriteria";
}

// src/config/load.ts
var CONNECTORS_DIR = "Connectors";
var GLOBAL_SETTINGS_FILE = "GlobalSettings/MV.xml";
var RULES_DIR = "SynchronizationRules";
var CONCURRENCY = 16;
function ruleKey(connector, name, direction, linkType) {
  return [connector.toLowerCase(), name, direction, linkType].join("|");
}
async function loadServerConfig(source, dir, limits) {
  const kind = await source.kind(dir);
  if (kind !== "dir") {
    const what = kind === "file" ? "a file, not a folder" : "no such folder";
    throw new InputError(source.describe(dir || "."), `${what}: expected a Get-ADSyncServerConfiguration export folder (Connectors/, GlobalSettings/MV.xml, SynchronizationRules/)`);
  }
  const names = new Set((await source.children(dir)).map((entry) => entry.name));
  if (!names.has(CONNECTORS_DIR) && !names.has("GlobalSettings") && !names.has(RULES_DIR)) {
    throw new InputError(source.describe(dir || "."), "not a Get-ADSyncServerConfiguration export: it has none of Connectors/, GlobalSettings/, SynchronizationRules/");
  }
  const missing = [];
  const noise = [];
  const mvFile = joinPath(dir, GLOBAL_SETTINGS_FILE);
  if (await source.kind(mvFile) !== "file") {
    throw new InputError(source.describe(mvFile), "missing: the global settings (StagingMode, optional features, anchor) are in this file; export the configuration again with Get-ADSyncServerConfiguration");
  }
  const global = await parseGlobalSettings(source, mvFile, limits);
  if (global.server) noise.push({ kind: "serverName", path: "mv:server", value: global.server });
  if (global.exportDate) noise.push({ kind: "exportDate", path: "mv:export-date", value: global.exportDate });
  if (global.version) noise.push({ kind: "version", path: "mv:version", value: global.version });
  const globalSettings = dict();
  for (const [name, value] of Object.entries(global.parameters)) {
    const kind2 = GLOBAL_NOISE[name];
    if (kind2) noise.push({ kind: kind2, path: `mv:parameter:${name}`, value });
    else globalSettings[name] = value;
  }
  const connectorFiles = await xmlFiles(source, joinPath(dir, CONNECTORS_DIR));
  if (!names.has(CONNECTORS_DIR)) missing.push(`${CONNECTORS_DIR}/`);
  const parsedConnectors = await mapLimited(connectorFiles, (file) => parseConnector(source, file, limits));
  const connectors = dict();
  const byId = /* @__PURE__ */ new Map();
  for (const parsed of parsedConnectors) {
    const key = parsed.connector.name.toLowerCase();
    const clash = connectors[key];
    if (clash) throw new InputError(parsed.connector.file ?? "", `connector name "${parsed.connector.name}" is also used by ${clash.file}: names must be unique`);
    connectors[key] = parsed.connector;
    byId.set(parsed.id, parsed);
    noise.push(...parsed.noise);
  }
  const ruleFiles = await xmlFiles(source, joinPath(dir, RULES_DIR));
  if (!names.has(RULES_DIR)) missing.push(`${RULES_DIR}/`);
  const parsedRules = await mapLimited(ruleFiles, (file) => parseSyncRule(source, file, limits));
  const rules = dict();
  for (const parsed of parsedRules) {
    const owner = byId.get(parsed.connectorId);
    if (!owner) {
      throw new InputError(parsed.rule.file ?? "", `rule "${parsed.rule.name}" points to connector ${parsed.connectorId}, which is not in ${source.describe(joinPath(dir, CONNECTORS_DIR))}`);
    }
    const connector = owner.connector.name;
    const key = ruleKey(connector, parsed.rule.name, parsed.rule.direction, parsed.rule.linkType);
    const clash = rules[key];
    if (clash) {
      throw new InputError(parsed.rule.file ?? "", `rule "${parsed.rule.name}" (${parsed.rule.direction}, ${parsed.rule.linkType}, connector ${connector}) is defined twice: also in ${clash.file}; rules are matched between servers by this name, so it must be unique`);
    }
    rules[key] = { key, connector, ...parsed.rule };
    for (const item of parsed.noise) noise.push({ kind: item.kind, path: `rule:${key}:${item.field}`, value: item.value });
  }
  return { server: global.server, exportDate: global.exportDate, globalSettings, connectors, rules, missing, noise };
}
async function xmlFiles(source, dir) {
  return (await source.children(dir)).filter((entry) => entry.kind === "file" && /\.xml$/i.test(entry.name)).map((entry) => joinPath(dir, entry.name));
}
async function mapLimited(items, map) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}

// src/files/json.ts
function parseJson(text, where) {
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const message = error.message.replace(/, ".*$/s, "").replace(/ in JSON at position \d+.*$/s, "").replace(/ \(line \d+ column \d+\)$/, "");
    throw new InputError(where, `not valid JSON (${message})`, offset < 0 ? void 0 : positionAt(text, offset));
  }
}
function positionAt(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var LITERAL = /true|false|null/y;
function jsonErrorOffset(text) {
  let i = 0;
  const stack = [];
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "	" || text[i] === "\n" || text[i] === "\r")) i += 1;
  };
  const string = () => {
    if (text[i] !== '"') return false;
    for (i += 1; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      if (code === 34) {
        i += 1;
        return true;
      }
      if (code < 32) return false;
      if (code === 92) {
        const next = text[i + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 5;
        } else if (next !== void 0 && '"\\/bfnrt'.includes(next)) i += 1;
        else return false;
      }
    }
    return false;
  };
  let state = "value";
  for (; ; ) {
    ws();
    if (state === "value") {
      const c = text[i];
      if (c === "{" || c === "[") {
        stack.push(c);
        i += 1;
        ws();
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i += 1;
          state = "after";
        } else state = c === "{" ? "key" : "value";
        continue;
      }
      if (c === '"') {
        if (!string()) return i;
        state = "after";
        continue;
      }
      for (const pattern of [NUMBER, LITERAL]) {
        pattern.lastIndex = i;
        if (pattern.test(text)) {
          i = pattern.lastIndex;
          state = "after";
          break;
        }
      }
      if (state !== "after") return i;
    } else if (state === "key") {
      if (!string()) return i;
      ws();
      if (text[i] !== ":") return i;
      i += 1;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === void 0) return i < text.length ? i : -1;
      const c = text[i];
      if (c === ",") {
        i += 1;
        state = top === "{" ? "key" : "value";
      } else if (top === "{" && c === "}" || top === "[" && c === "]") {
        stack.pop();
        i += 1;
      } else return i;
    }
  }
}

// src/snapshot/manifest.ts
var MANIFEST_FILE = "snapshot.json";
var EXPORT_FILE = /\.xml(\.gz)?$/i;
async function isSnapshotFolder(source, root) {
  const names = new Set((await source.children(root)).map((entry) => entry.name));
  return names.has(MANIFEST_FILE) || names.has("exports") || names.has("config");
}
async function readManifest(source, root) {
  const file = joinPath(root, MANIFEST_FILE);
  if (await source.kind(file) !== "file") return void 0;
  const where = source.describe(file);
  const raw = parseJson(await source.readText(file, 1024 * 1024), where);
  return parseManifest(raw, where);
}
function parseManifest(raw, where) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new InputError(where, "the manifest must be a JSON object");
  const value = raw;
  const manifest = {};
  const text = (key) => {
    const field = value[key];
    if (field === void 0 || field === null) return void 0;
    if (typeof field !== "string") throw new InputError(where, `"${key}" must be a string`);
    return field;
  };
  manifest.server = text("server");
  const role = text("role");
  if (role !== void 0) {
    if (role !== "active" && role !== "staging") throw new InputError(where, `"role" must be "active" or "staging", got "${role}"`);
    manifest.role = role;
  }
  const capturedAt = text("capturedAt");
  if (capturedAt !== void 0) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(capturedAt) || Number.isNaN(Date.parse(capturedAt))) {
      throw new InputError(where, `"capturedAt" must be an ISO 8601 time with a zone (e.g. 2026-11-24T08:00:00Z), got "${capturedAt}"`);
    }
    manifest.capturedAt = new Date(capturedAt).toISOString();
  }
  manifest.connectVersion = text("connectVersion");
  if (value.exports !== void 0) {
    if (typeof value.exports !== "object" || value.exports === null || Array.isArray(value.exports)) throw new InputError(where, '"exports" must map file names to connector names');
    const exports = dict();
    for (const [fileName, connector] of Object.entries(value.exports)) {
      if (typeof connector !== "string" || connector.trim() === "") throw new InputError(where, `"exports"."${fileName}" must be a connector name`);
      exports[fileName] = connector;
    }
    manifest.exports = exports;
  }
  return manifest;
}
function connectorFromFileName(path2) {
  return baseName(path2).replace(EXPORT_FILE, "");
}
function isExportFile(path2) {
  return EXPORT_FILE.test(path2);
}
async function listSnapshotExports(source, root, manifest) {
  const dir = joinPath(root, "exports");
  const files = (await source.children(dir)).filter((entry) => entry.kind === "file" && isExportFile(entry.name));
  const present = new Set(files.map((entry) => entry.name));
  for (const [named, connector] of Object.entries(manifest?.exports ?? {})) {
    const name = named.startsWith("exports/") ? named.slice("exports/".length) : named;
    if (!present.has(name)) {
      throw new InputError(source.describe(joinPath(root, MANIFEST_FILE)), `names the export file exports/${name} (connector "${connector}"), which is not in ${source.describe(dir)}: its pending exports cannot be judged`);
    }
  }
  return files.map((entry) => {
    const path2 = joinPath(dir, entry.name);
    const named = manifest?.exports?.[entry.name] ?? manifest?.exports?.[`exports/${entry.name}`];
    return named !== void 0 ? { path: path2, connector: named, connectorSource: "manifest" } : { path: path2, connector: connectorFromFileName(entry.name), connectorSource: "file-name" };
  });
}

// src/snapshot/export-files.ts
var DELETE_PROTECTION_SETTING = "Microsoft.OptionalFeature.ExportDeletionThreshold";
var DELETE_THRESHOLD_SETTING = "Microsoft.OptionalFeature.ExportDeletionThresholdValue";
function configuredThreshold(snapshot) {
  if (!snapshot?.config) return {};
  return thresholdFromSettings(snapshot.config.globalSettings, joinPath(snapshot.root, snapshot.bare ? "" : "config", GLOBAL_SETTINGS_FILE));
}
async function snapshotFolderThreshold(source, root, limits) {
  for (const file of [joinPath(root, "config", GLOBAL_SETTINGS_FILE), joinPath(root, GLOBAL_SETTINGS_FILE)]) {
    if (await source.kind(file) === "file") return thresholdFromSettings((await parseGlobalSettings(source, file, limits)).parameters, source.describe(file));
  }
  return {};
}
function thresholdFromSettings(settings, file) {
  const enabled = settings[DELETE_PROTECTION_SETTING];
  const value = settings[DELETE_THRESHOLD_SETTING];
  if (enabled === void 0 && value === void 0) return {};
  const problems = [];
  const protection = enabled?.trim().toLowerCase();
  if (enabled === void 0) problems.push(`${DELETE_PROTECTION_SETTING} is missing`);
  else if (protection !== "true" && protection !== "false") problems.push(`${DELETE_PROTECTION_SETTING} ${JSON.stringify(enabled)} is not True or False`);
  if (value === void 0) problems.push(`${DELETE_THRESHOLD_SETTING} is missing`);
  else if (!/^\d+$/.test(value.trim())) problems.push(`${DELETE_THRESHOLD_SETTING} ${JSON.stringify(value)} is not a whole number`);
  if (problems.length > 0 || value === void 0) return { unreadableThreshold: `${file}: ${problems.join("; ")}` };
  return { configuredThreshold: { enabled: protection === "true", limit: Number.parseInt(value.trim(), 10) } };
}
async function snapshotFolderConnectors(source, root, limits) {
  for (const dir of [joinPath(root, "config", "Connectors"), joinPath(root, "Connectors")]) {
    if (await source.kind(dir) !== "dir") continue;
    const connectors = dict();
    for (const entry of await source.children(dir)) {
      if (entry.kind !== "file" || !/\.xml$/i.test(entry.name)) continue;
      const { connector } = await parseConnector(source, joinPath(dir, entry.name), limits);
      connectors[connector.name.toLowerCase()] = connector;
    }
    return connectors;
  }
  return void 0;
}
function withConfiguredKinds(refs, connectors) {
  if (!connectors) return refs;
  return refs.map((ref) => {
    const configured = connectors[ref.connector.trim().toLowerCase()];
    if (!configured || ref.declaredKind) return ref;
    return { ...ref, declaredKind: { kind: configured.isEntraConnector ? "entra" : "other", source: "configuration" } };
  });
}
function exportOptionsFor(staging, options = {}) {
  return {
    // Files here are named by snapshot.json or their file name: there is no --connector to advise.
    connectorNaming: "manifest",
    ...options.deletionThreshold !== void 0 ? { deletionThreshold: options.deletionThreshold } : {},
    ...options.deletionThreshold !== void 0 && options.deletionThresholdSetBy !== void 0 ? { deletionThresholdSetBy: options.deletionThresholdSetBy } : {},
    ...options.sensitiveAttributes !== void 0 ? { sensitiveAttributes: options.sensitiveAttributes } : {},
    ...options.limits !== void 0 ? { limits: options.limits } : {},
    ...configuredThreshold(staging)
  };
}
async function resolveExportFiles(source, patterns, staging, active) {
  const refs = /* @__PURE__ */ new Map();
  const activeExports = active && !active.bare ? `${joinPath(active.root, "exports")}/` : void 0;
  const add = (ref, byGlob) => {
    if (byGlob && activeExports !== void 0 && ref.path.startsWith(activeExports)) return;
    if (!refs.has(ref.path)) refs.set(ref.path, ref);
  };
  if (patterns.length === 0 && staging) staging.exportFiles.forEach((ref) => add(ref, false));
  let unmatchedGlob;
  for (const pattern of patterns) {
    const trimmed2 = pattern.length > 1 ? trimTrailingSlashes(pattern) : pattern;
    if (await source.kind(trimmed2) === "dir") {
      if (await isSnapshotFolder(source, trimmed2)) {
        (await listSnapshotExports(source, trimmed2, await readManifest(source, trimmed2))).forEach((ref) => add(ref, false));
      } else {
        for (const entry of await source.children(trimmed2)) {
          if (entry.kind === "file" && isExportFile(entry.name)) add({ path: `${trimmed2}/${entry.name}`, connector: connectorFromFileName(entry.name), connectorSource: "file-name" }, false);
        }
      }
      continue;
    }
    const matches = (await source.list(trimmed2)).filter(isExportFile);
    if (matches.length === 0 && /[*?[{]/.test(trimmed2)) unmatchedGlob ??= trimmed2;
    else if (matches.length === 0) throw new InputError(source.describe(trimmed2), "no pending-export file (.xml or .xml.gz) matches this path or pattern");
    const byGlob = /[*?[{]/.test(trimmed2);
    for (const path2 of matches) {
      const owner = await exportFileOwner(source, path2);
      if (byGlob && owner.role === "active") continue;
      add({ path: path2, connector: owner.connector, connectorSource: owner.connectorSource }, byGlob);
    }
  }
  if (refs.size === 0 && unmatchedGlob !== void 0) throw new InputError(source.describe(unmatchedGlob), "no pending-export file (.xml or .xml.gz) matches this path or pattern");
  return withConfiguredKinds([...refs.values()], staging?.config?.connectors);
}
async function exportFileOwner(source, path2) {
  const match = /^(?:(.*)\/)?exports\/([^/]+)$/.exec(path2);
  if (match) {
    const manifest = await readManifest(source, match[1] ?? "").catch(() => void 0);
    const named = manifest?.exports?.[match[2]] ?? manifest?.exports?.[`exports/${match[2]}`];
    const role = manifest?.role ? { role: manifest.role } : {};
    if (named) return { connector: named, connectorSource: "manifest", ...role };
    return { connector: connectorFromFileName(path2), connectorSource: "file-name", ...role };
  }
  return { connector: connectorFromFileName(path2), connectorSource: "file-name" };
}

// src/files/disk.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import { constants } from "node:fs";
import { lstat, open as openFile, readdir, stat } from "node:fs/promises";
import path from "node:path";

// src/files/glob.ts
var MAX_GLOB_LENGTH = 1024;
var MAX_GLOB_WILDCARDS = 64;
var MAX_GLOB_ALTERNATIVES = 64;
function compileGlob(pattern, options = {}) {
  const refuse = (reason) => {
    throw new InputError(pattern.length > 120 ? `${pattern.slice(0, 120)}\u2026` : pattern, `glob refused: ${reason}`);
  };
  if (pattern.length > MAX_GLOB_LENGTH) refuse(`${pattern.length} characters, over the ${MAX_GLOB_LENGTH}-character limit`);
  const wildcards = countWildcards(pattern);
  if (wildcards > MAX_GLOB_WILDCARDS) refuse(`${wildcards} wildcards, over the limit of ${MAX_GLOB_WILDCARDS}`);
  const fold = options.nocase ? (text) => text.toLowerCase() : (text) => text;
  const alternatives = expandBraces(fold(pattern), () => refuse(`its {\u2026} alternatives expand to more than ${MAX_GLOB_ALTERNATIVES} patterns`));
  const compiled = alternatives.map((alternative) => alternative.split("/").map(parseSegment));
  const dot = options.dot ?? false;
  return (path2) => {
    const segments = fold(path2).split("/");
    return compiled.some((pattern2) => matchSegments(pattern2, segments, dot));
  };
}
function countWildcards(pattern) {
  let count2 = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "?" || char === "[" || char === "*" && pattern[i - 1] !== "*") count2++;
  }
  return count2;
}
function expandBraces(pattern, tooMany) {
  const open = findBraceGroup(pattern);
  if (!open) return [pattern];
  const { start, end, parts } = open;
  const results = [];
  for (const part of parts) {
    for (const expanded of expandBraces(pattern.slice(0, start) + part + pattern.slice(end + 1), tooMany)) {
      results.push(expanded);
      if (results.length > MAX_GLOB_ALTERNATIVES) tooMany();
    }
  }
  return results;
}
function findBraceGroup(pattern) {
  for (let start = pattern.indexOf("{"); start >= 0; start = pattern.indexOf("{", start + 1)) {
    let depth = 0;
    const commas = [];
    for (let i = start; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === "{") depth++;
      else if (char === "}") {
        depth--;
        if (depth === 0) {
          if (commas.length === 0) break;
          const bounds = [start, ...commas, i];
          return { start, end: i, parts: bounds.slice(1).map((bound, index) => pattern.slice(bounds[index] + 1, bound)) };
        }
      } else if (char === "," && depth === 1) commas.push(i);
    }
  }
  return void 0;
}
function parseSegment(segment) {
  if (segment === "**") return { kind: "globstar" };
  const tokens2 = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === "*") {
      if (tokens2[tokens2.length - 1]?.kind !== "star") tokens2.push({ kind: "star" });
    } else if (char === "?") {
      tokens2.push({ kind: "any" });
    } else if (char === "[") {
      const parsed = parseClass(segment, i);
      if (parsed) {
        tokens2.push(parsed.token);
        i = parsed.end;
      } else tokens2.push({ kind: "char", char });
    } else tokens2.push({ kind: "char", char });
  }
  return { kind: "tokens", tokens: tokens2 };
}
function parseClass(segment, open) {
  let i = open + 1;
  const negated = segment[i] === "^";
  if (negated) i++;
  const ranges = [];
  const first = i;
  for (; i < segment.length; i++) {
    const char = segment[i];
    if (char === "]" && i > first) return { token: { kind: "class", negated, ranges }, end: i };
    if (segment[i + 1] === "-" && i + 2 < segment.length && segment[i + 2] !== "]") {
      ranges.push([char, segment[i + 2]]);
      i += 2;
    } else ranges.push([char, char]);
  }
  return void 0;
}
function matchSegments(pattern, path2, dot) {
  let states = closeGlobstars(/* @__PURE__ */ new Set([0]), pattern);
  for (const segment of path2) {
    const next = /* @__PURE__ */ new Set();
    for (const state of states) {
      const part = pattern[state];
      if (!part) continue;
      if (part.kind === "globstar") {
        if (segment !== "" && (dot || !segment.startsWith("."))) next.add(state);
      } else if (matchTokens(part.tokens, segment, dot)) next.add(state + 1);
    }
    if (next.size === 0) return false;
    states = closeGlobstars(next, pattern);
  }
  return states.has(pattern.length);
}
function closeGlobstars(states, pattern) {
  const closed = new Set(states);
  for (let state = 0; state < pattern.length; state++) if (closed.has(state) && pattern[state].kind === "globstar") closed.add(state + 1);
  return closed;
}
function matchTokens(tokens2, segment, dot) {
  const hiddenStart = !dot && segment.startsWith(".");
  let states = closeStars(/* @__PURE__ */ new Set([0]), tokens2);
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    const wildcardAllowed = !(hiddenStart && i === 0);
    const next = /* @__PURE__ */ new Set();
    for (const state of states) {
      const token = tokens2[state];
      if (!token) continue;
      if (token.kind === "star") {
        if (wildcardAllowed) next.add(state);
      } else if (token.kind === "char") {
        if (token.char === char) next.add(state + 1);
      } else if (token.kind === "any") {
        if (wildcardAllowed) next.add(state + 1);
      } else if (wildcardAllowed && inClass(token, char)) next.add(state + 1);
    }
    if (next.size === 0) return false;
    states = closeStars(next, tokens2);
  }
  return states.has(tokens2.length);
}
function closeStars(states, tokens2) {
  const closed = new Set(states);
  for (let state = 0; state < tokens2.length; state++) if (closed.has(state) && tokens2[state].kind === "star") closed.add(state + 1);
  return closed;
}
function inClass(token, char) {
  const inside = token.ranges.some(([from, to]) => char >= from && char <= to);
  return inside !== token.negated;
}
function repositoryGlobProblem(pattern) {
  const example = pattern.replace(/\\/g, "/").split("/").filter((part) => part !== "" && part !== ".").join("/");
  if (pattern.trim() === "") return "an empty glob matches nothing";
  if (pattern.includes("\\")) return `${JSON.stringify(pattern)} contains a backslash: repository paths are separated by "/" (write ${JSON.stringify(example)})`;
  if (pattern.startsWith("/")) return `${JSON.stringify(pattern)} starts with "/": repository paths are relative to its root (write ${JSON.stringify(example)})`;
  const segments = pattern.split("/");
  if (segments.includes(".")) return `${JSON.stringify(pattern)} has a "." segment: repository paths have none (write ${JSON.stringify(example)})`;
  if (segments.includes("..")) return `${JSON.stringify(pattern)} has a ".." segment: only files of the repository are read`;
  return void 0;
}

// src/files/git-blob-id.ts
import { createHash } from "node:crypto";
async function gitBlobIdOfStream(stream, size) {
  const hash = createHash("sha1").update(`blob ${size}\0`);
  let read = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    read += bytes.length;
    if (read > size) {
      stream.destroy();
      return void 0;
    }
    hash.update(bytes);
  }
  return read === size ? hash.digest("hex") : void 0;
}

// src/files/disk.ts
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
var LINK_REFUSED = "a symbolic link: syncstage never follows links; commit the file itself";
var NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
var DiskFileSource = class {
  root;
  confined;
  /** Present only with `contentIds: true`: a source without it makes no claim about its bytes. */
  contentId;
  #blobIds = /* @__PURE__ */ new Map();
  constructor(root, options = {}) {
    this.root = path.resolve(root);
    this.confined = options.confined ?? false;
    if (options.contentIds) this.contentId = (file) => this.#blobId(file);
  }
  /**
   * The git blob id of the file's bytes as they are on disk: SHA-1 of `blob <size>\0` and the bytes, what
   * `git hash-object` prints. Equal to the blob id GitHub gives the same file at the base commit exactly when the
   * bytes are equal (a checkout converting line endings or an LFS file differs, and is simply analysed again).
   * The file is read once per path (the checkout does not change during a run); a file whose size changes while it
   * is read has no id (never shared).
   */
  #blobId(file) {
    let id = this.#blobIds.get(file);
    if (!id) {
      id = this.#hashBlob(file);
      this.#blobIds.set(file, id);
      id.catch(() => this.#blobIds.delete(file));
    }
    return id;
  }
  async #hashBlob(file) {
    const { handle, size } = await this.openFile(file);
    try {
      return await gitBlobIdOfStream(handle.createReadStream({ highWaterMark: 1024 * 1024, autoClose: false }), size);
    } catch (error) {
      throw new InputError(file, `could not be read (${error.code ?? error.message})`);
    } finally {
      await handle.close();
    }
  }
  /** Maps a source path (POSIX, relative) to an OS path under the root; absolute paths are taken as given. */
  resolve(file) {
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return file;
    return path.join(this.root, ...file.split("/"));
  }
  /**
   * Confined: the OS path of a source path after checking that it stays under the root and that no component is a
   * symbolic link (lstat, component by component). Unconfined: resolve().
   */
  async safePath(file) {
    if (!this.confined) return this.resolve(file);
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) throw new InputError(file, "an absolute path: only files of the repository are read here");
    const parts = file.split("/").filter((part) => part !== "" && part !== ".");
    if (parts.includes("..")) throw new InputError(file, "leaves the repository (`..`)");
    let current = this.root;
    for (const [index, part] of parts.entries()) {
      current = path.join(current, part);
      const info = await lstat(current).catch(() => void 0);
      if (!info) break;
      if (info.isSymbolicLink()) {
        throw new InputError(parts.slice(0, index + 1).join("/"), LINK_REFUSED);
      }
    }
    return current;
  }
  /** Turns an OS path (relative to cwd or absolute) into a source path when it is under the root. */
  relative(osPath) {
    const absolute = path.resolve(osPath);
    const relative = path.relative(this.root, absolute);
    if (relative.startsWith("..") || path.isAbsolute(relative)) return absolute;
    return relative.split(path.sep).join("/");
  }
  describe(file) {
    return file;
  }
  async kind(file) {
    const osPath = await this.safePath(file);
    try {
      const info = await (this.confined ? lstat : stat)(osPath);
      return info.isDirectory() ? "dir" : info.isFile() ? "file" : void 0;
    } catch {
      return void 0;
    }
  }
  async children(dir) {
    const osPath = await this.safePath(dir);
    try {
      const entries = await readdir(osPath, { withFileTypes: true });
      if (this.confined) {
        const link = entries.find((entry) => entry.isSymbolicLink());
        if (link) throw new InputError(joinPath(dir, link.name), LINK_REFUSED);
      }
      return entries.filter((entry) => entry.isFile() || entry.isDirectory()).map((entry) => ({ name: entry.name, kind: entry.isDirectory() ? "dir" : "file" })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    } catch (error) {
      if (error instanceof InputError) throw error;
      return [];
    }
  }
  async list(pattern) {
    const normalized = pattern.split("\\").join("/").replace(/^\.\//, "");
    if (!import_picomatch.default.scan(normalized).isGlob) {
      return await this.kind(normalized) === "file" ? [normalized] : [];
    }
    const { base } = import_picomatch.default.scan(normalized);
    const isMatch = compileGlob(normalized, { dot: false });
    const found = [];
    const walk = async (dir) => {
      for (const entry of await this.walkEntries(dir)) {
        const child = joinPath(dir, entry.name);
        if (entry.kind === "link") {
          if (isMatch(child)) throw new InputError(child, LINK_REFUSED);
        } else if (entry.kind === "dir") {
          if (!SKIPPED_DIRS.has(entry.name)) await walk(child);
        } else if (isMatch(child)) {
          found.push(child);
        }
      }
    };
    await walk(base);
    return found.sort();
  }
  /** Entries of a folder for a glob walk; confined, links are reported as links (never followed). */
  async walkEntries(dir) {
    if (!this.confined) return this.children(dir);
    const osPath = await this.safePath(dir);
    const entries = await readdir(osPath, { withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile() || entry.isDirectory() || entry.isSymbolicLink()).map((entry) => ({ name: entry.name, kind: entry.isSymbolicLink() ? "link" : entry.isDirectory() ? "dir" : "file" })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  /** The open file and its size; confined, opened with O_NOFOLLOW after the lstat walk. */
  async openFile(file) {
    const osPath = await this.safePath(file);
    const before = await lstat(osPath).catch(() => void 0);
    if (!before) throw new InputError(file, "no such file");
    if (before.isSymbolicLink()) throw new InputError(file, LINK_REFUSED);
    if (!before.isFile()) throw new InputError(file, "not a file");
    let handle;
    try {
      handle = await openFile(osPath, constants.O_RDONLY | (this.confined ? NO_FOLLOW : 0));
    } catch (error) {
      const code = error.code;
      if (code === "ELOOP") throw new InputError(file, LINK_REFUSED);
      throw new InputError(file, "no such file");
    }
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      throw new InputError(file, "not a file");
    }
    return { handle, size: info.size };
  }
  async open(file) {
    const { handle, size } = await this.openFile(file);
    return handle.createReadStream({ highWaterMark: Math.min(64 * 1024, size + 1) });
  }
  async readText(file, maxBytes = 64 * 1024 * 1024) {
    const { handle, size } = await this.openFile(file);
    try {
      if (size > maxBytes) throw new InputError(file, `the file is ${size} bytes, over the ${maxBytes}-byte limit for this kind of file`);
      return decodeText(await handle.readFile(), file);
    } finally {
      await handle.close();
    }
  }
};

export {
  compileGlob,
  repositoryGlobProblem,
  READ_LIMITS,
  readLimitSpec,
  raisedBy,
  isValidLimit,
  limitRangeText,
  readLimitsFromSettings,
  require_picomatch2 as require_picomatch,
  gitBlobIdOfStream,
  joinPath,
  trimTrailingSlashes,
  decodeText,
  escapeText,
  codeSpan,
  codeBlock,
  table,
  rawTable,
  details,
  mermaidLabel,
  formatNumber,
  plural,
  dict,
  SERVER_STATE_PARAMETERS,
  STAGING_MODE_PARAMETER,
  SERVER_VERSION_PARAMETER,
  countNoise,
  readXml,
  inflationOptions,
  retain,
  tagBase,
  ruleKey,
  loadServerConfig,
  parseJson,
  MANIFEST_FILE,
  isSnapshotFolder,
  readManifest,
  connectorFromFileName,
  isExportFile,
  listSnapshotExports,
  DELETE_PROTECTION_SETTING,
  DELETE_THRESHOLD_SETTING,
  snapshotFolderThreshold,
  snapshotFolderConnectors,
  withConfiguredKinds,
  exportOptionsFor,
  resolveExportFiles,
  DiskFileSource
};
