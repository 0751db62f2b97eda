// Builds the three pages of the add-in into dist/ and serves them on https://localhost:3000 in dev.
//   taskpane.html   – the task pane (manifest DefaultSettings + "Open PAR panel" button), loads office.js
//   commands.html   – the ribbon FunctionFile ("Recalculate" button), loads office.js
//   playground.html – the panel outside Excel, in any browser (no office.js); also served as index.html,
//                     so http(s)://localhost:3000/ opens the playground. Only this page bundles ExcelJS.
// `npm run build` → production bundle in dist/; `npm start` (scripts/start.mjs) → dev server.
// Shared runtime: the ribbon's function file is taskpane.html (manifest.xml <Runtimes>); commands.html stays
// a standalone function file for Office without a shared runtime (and the browser tests).
// Deployment: `npm run build -- --env url=https://host/path/` writes dist/manifest.xml with every URL on that
// base (scripts/manifest-url.cjs); without it, dist/manifest.xml is the dev manifest (localhost:3000).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { manifestForBase, normalizeBase } = require("./scripts/manifest-url.cjs");
const { InlineHtmlPlugin } = require("./scripts/inline-html-plugin.cjs");

/** The single-file playground (no server, file://, offline) for Excel versions the add-in cannot serve. */
const OFFLINE_PAGE = "par-index-offline.html";

const PORT = 3000; // manifest.xml hard-codes https://localhost:3000
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * Decides between https (Office dev certificates) and plain http for the dev server.
 * PAR_DEV_PROTOCOL=auto (default) | https | http. scripts/start.mjs sets it after its own certificate
 * attempt so the (possibly sudo-prompting) install is tried once only.
 */
async function devServerTransport() {
  const wanted = (process.env.PAR_DEV_PROTOCOL || "auto").toLowerCase();
  if (wanted === "http") return { server: "http", reason: "PAR_DEV_PROTOCOL=http" };
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { server: { type: "https", options }, reason: "trusted Office add-in dev certificate" };
  } catch (err) {
    const message = String((err && err.message) || err).split("\n")[0];
    const files = ["localhost.crt", "localhost.key"].map((f) => path.join(CERT_DIR, f));
    if (wanted === "https" && files.every((f) => fs.existsSync(f))) {
      // forced https: use the generated certificate even though its CA is not trusted by the system
      const [cert, key] = files.map((f) => fs.readFileSync(f));
      return {
        server: { type: "https", options: { cert, key } },
        reason: "untrusted dev certificate (forced)",
      };
    }
    return { server: "http", reason: `no dev certificate: ${message}` };
  }
}

function page(name, template, extra = {}) {
  return new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks: [name], ...extra });
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" || env.WEBPACK_SERVE ? "development" : "production";
  const dev = mode === "development";
  const base = env.url ? normalizeBase(env.url) : null; // throws on a bad --env url

  const config = {
    mode,
    devtool: dev ? "eval-cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.ts",
      commands: "./src/commands/commands.ts",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // type-checks only what the bundles import; `npm run typecheck` covers the rest (tests, bench)
            options: { transpileOnly: false, onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html"),
      page("commands", "./src/commands/commands.html"),
      page("playground", "./src/playground/playground.html"),
      // the site's default page is the playground (same bundle, so relative URLs work from / as well)
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            ...(base && { transform: (content) => manifestForBase(content.toString("utf8"), base) }),
          },
        ],
      }),
    ],
    // React + Fluent UI make a ~1 MB task pane bundle; that is expected for an add-in served locally.
    performance: { hints: dev ? false : "warning", maxAssetSize: 2_500_000, maxEntrypointSize: 2_500_000 },
  };

  if (env.WEBPACK_SERVE) {
    const transport = await devServerTransport();
    const scheme = transport.server === "http" ? "http" : "https";
    console.log(`[par-index] dev server: ${scheme}://localhost:${PORT}/ (${transport.reason})`);
    if (scheme === "http") {
      console.log(
        "[par-index] plain http: the playground works in any browser, but Excel only loads https add-ins;" +
          " run `npx office-addin-dev-certs install` (needs admin rights) to sideload manifest.xml.",
      );
    }
    config.devServer = {
      port: PORT,
      host: "localhost",
      server: transport.server,
      static: { directory: path.join(__dirname, "assets"), publicPath: "/assets" },
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { errors: true, warnings: false } },
      hot: true,
    };
  }
  if (!env.WEBPACK_SERVE) config.plugins.push(...offlinePage());
  return config;
};

/**
 * dist/par-index-offline.html: the playground page as ONE file (its bundle inline, the icon a data: URL, no
 * other request), for users whose Excel cannot run the add-in (README, "Support matrix"). Same bundle as
 * playground.html, which has no lazy chunks (the inline plugin fails the build if it gets some).
 */
function offlinePage() {
  return [
    new HtmlWebpackPlugin({
      filename: OFFLINE_PAGE,
      template: "./src/playground/playground.html",
      chunks: ["playground"],
      inject: "body", // inline scripts cannot be deferred: after #root
      scriptLoading: "blocking",
      minify: false,
    }),
    new InlineHtmlPlugin({
      filename: OFFLINE_PAGE,
      entry: "playground",
      icon: { href: "assets/icon-32.png", file: "assets/icon-32.png" },
    }),
  ];
}

module.exports.OFFLINE_PAGE = OFFLINE_PAGE;
