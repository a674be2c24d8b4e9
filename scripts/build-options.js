"use strict";
/**
 * The production build's variables (docs/INSTALL.md), each optional, so that whoever deploys the
 * add-in names itself, numbers its own releases and chooses where Office.js comes from:
 *   ADDIN_URL       where dist/ is served (ends in "/"): replaces every https://localhost:3000/
 *   ADDIN_PROVIDER  <ProviderName>, e.g. "Sở Khoa học và Công nghệ tỉnh …" (1–125 characters)
 *   ADDIN_VERSION   <Version>, e.g. 1.0.3.0 (up to four numbers of up to five digits)
 *   OFFICE_JS_URL   office.js on the agency's own server, for intranets without Microsoft's CDN
 * Used by webpack.config.js; tested in test/manifest.test.ts.
 */

const DEV_URL = "https://localhost:3000/";
const DEFAULT_URL = "https://addin.example.gov.vn/xep-hang-cntt/";
/** Office.js as every page loads it by default: Microsoft's CDN. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The build variables from an environment, checked; throws with both languages on a bad value. */
function manifestOptions(env) {
  const url = env.ADDIN_URL || DEFAULT_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(url)) {
    throw new Error(`ADDIN_URL phải là địa chỉ https:// kết thúc bằng "/" / ADDIN_URL must be an https:// address ending in "/": ${url}`);
  }
  const options = { url };
  if (env.ADDIN_PROVIDER !== undefined && env.ADDIN_PROVIDER !== "") {
    const provider = env.ADDIN_PROVIDER.normalize("NFC").trim();
    if (provider.length < 1 || provider.length > 125 || /\p{Cc}/u.test(provider)) {
      throw new Error(
        `ADDIN_PROVIDER phải có 1–125 ký tự, một dòng / ADDIN_PROVIDER must be 1–125 characters on one line: ${JSON.stringify(env.ADDIN_PROVIDER)}`,
      );
    }
    options.provider = provider;
  }
  if (env.ADDIN_VERSION !== undefined && env.ADDIN_VERSION !== "") {
    if (!/^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/.test(env.ADDIN_VERSION)) {
      throw new Error(`ADDIN_VERSION phải có dạng 1.0.3.0 / ADDIN_VERSION must look like 1.0.3.0: ${JSON.stringify(env.ADDIN_VERSION)}`);
    }
    options.version = env.ADDIN_VERSION;
  }
  if (env.OFFICE_JS_URL !== undefined && env.OFFICE_JS_URL !== "") {
    if (!/^https:\/\/[^\s"'<>]+\/office\.js$/.test(env.OFFICE_JS_URL)) {
      throw new Error(
        `OFFICE_JS_URL phải là địa chỉ https://…/office.js / OFFICE_JS_URL must be an https://…/office.js address: ${JSON.stringify(env.OFFICE_JS_URL)}`,
      );
    }
    options.officeJs = env.OFFICE_JS_URL;
  }
  return options;
}

/** manifest.xml as deployed: development URLs replaced, provider and version set when given. */
function productionManifest(xml, options) {
  let out = xml.split(DEV_URL).join(options.url);
  const replaceOnce = (tag, value) => {
    const pattern = new RegExp(`<${tag}>[^<]*</${tag}>`);
    if (!pattern.test(out)) throw new Error(`manifest.xml has no <${tag}>`);
    out = out.replace(pattern, () => `<${tag}>${escapeXml(value)}</${tag}>`);
  };
  if (options.provider !== undefined) replaceOnce("ProviderName", options.provider);
  if (options.version !== undefined) replaceOnce("Version", options.version);
  return out;
}

/** An HTML page as deployed: Office.js from OFFICE_JS_URL when given, else unchanged. */
function productionPage(html, options) {
  return options.officeJs === undefined ? html : html.split(OFFICE_JS_CDN).join(options.officeJs);
}

module.exports = { DEV_URL, DEFAULT_URL, OFFICE_JS_CDN, manifestOptions, productionManifest, productionPage };
