const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { manifestOptions, productionManifest, productionPage } = require("./scripts/build-options");

/** Rewrites every emitted HTML page with productionPage (OFFICE_JS_URL), after the pages are final. */
class OfficeJsSourcePlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("OfficeJsSourcePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OfficeJsSourcePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        for (const name of Object.keys(assets).filter((n) => n.endsWith(".html"))) {
          const html = assets[name].source().toString();
          const out = productionPage(html, this.options);
          if (out !== html) compilation.updateAsset(name, new sources.RawSource(out));
        }
      });
    });
  }
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // ADDIN_URL, ADDIN_PROVIDER, ADDIN_VERSION, OFFICE_JS_URL (docs/INSTALL.md), checked before anything is built.
  const manifest = dev ? null : manifestOptions(process.env);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    // Production scripts carry a hash of their content in their name, so an update is never served
    // from a cache holding the previous script; only the HTML pages keep fixed names (the manifest
    // names them) and must be served with "Cache-Control: no-cache" (docs/INSTALL.md).
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: true,
      filename: dev ? "[name].js" : "[name].[contenthash:10].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:10].js",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", target: "es2020", sourceMap: dev } } },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"], inject: false }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          { from: "src/commands/dialog.html", to: "dialog.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), manifest)),
          },
        ],
      }),
      ...(dev ? [] : [new OfficeJsSourcePlugin(manifest)]),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.join(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD || process.env.CI ? {} : await httpsOptions() },
      port: 3000,
    },
  };
};
