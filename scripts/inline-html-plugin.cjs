// Turns one HtmlWebpackPlugin page into ONE self-contained file: each <script src> of the page becomes an
// inline <script> (without its source-map comment), the page's icon becomes a data: URL. Used for
// dist/par-index-offline.html (webpack.config.js): the playground for users whose Excel cannot run the
// add-in, opened from file:// or a shared folder, offline. Such a page cannot load anything else, so the
// build fails if its entry has lazy chunks or workers (browsers refuse workers from file:// scripts: a
// worker must be made from inline code, a Blob URL, instead).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** JavaScript safe inside <script>…</script>: "</script" would end the element early. */
function escapeInlineScript(source) {
  return source
    .replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "")
    .replace(/<\/(script)/gi, (_m, word) => `<\\/${word}`);
}

class InlineHtmlPlugin {
  /** @param {{ filename: string, entry: string, icon?: { href: string, file: string } }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const name = "InlineHtmlPlugin";
    const { filename, entry, icon } = this.options;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      const hooks = HtmlWebpackPlugin.getHooks(compilation);
      hooks.alterAssetTagGroups.tap(name, (data) => {
        if (data.outputName !== filename) return data;
        const entrypoint = compilation.entrypoints.get(entry);
        const more = entrypoint
          ? [...entrypoint.chunks].flatMap((c) => [...c.getAllAsyncChunks()]).map((c) => c.name || c.id)
          : [];
        if (!entrypoint || more.length > 0 || entrypoint.getChildren().length > 0) {
          compilation.errors.push(
            new Error(
              `${name}: ${filename} must be one file, but the "${entry}" entry loads more chunks` +
                ` (${more.join(", ") || "missing entry"}): no import() or worker file in it;` +
                " build a worker from inline code as a Blob URL",
            ),
          );
        }
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          const src = tag.tagName === "script" && tag.attributes && tag.attributes.src;
          if (!src) continue;
          const asset = compilation.getAsset(decodeURI(String(src)));
          if (!asset) {
            compilation.errors.push(new Error(`${name}: ${src} is not an asset of this build`));
            continue;
          }
          tag.innerHTML = escapeInlineScript(asset.source.source().toString());
          delete tag.attributes.src;
          delete tag.attributes.defer;
        }
        return data;
      });
      hooks.beforeEmit.tap(name, (data) => {
        if (data.outputName !== filename || !icon) return data;
        const png = fs.readFileSync(path.resolve(compiler.context, icon.file)).toString("base64");
        data.html = data.html.split(`href="${icon.href}"`).join(`href="data:image/png;base64,${png}"`);
        return data;
      });
    });
  }
}

module.exports = { InlineHtmlPlugin, escapeInlineScript };
