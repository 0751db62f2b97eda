import { API } from "../../src/hosts/office/requirements";
// Offline checks of manifest.xml. Each check returns a list of problems (empty = fine) so the tests can
// both assert that the real manifest is clean and prove, on deliberately broken copies, that the checks
// notice breakage. Nothing here touches the network or ../shared.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export const ORIGIN = "https://localhost:3000";

export interface XmlElement {
  [key: string]: unknown;
}

export interface Manifest {
  raw: string;
  root: XmlElement;
}

export function parseManifest(raw: string): Manifest {
  const valid = XMLValidator.validate(raw);
  if (valid !== true) {
    throw new Error(`manifest is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@_",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    // every element becomes an array so repeated and single elements are read the same way
    isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  });
  const doc = parser.parse(raw) as XmlElement;
  const roots = children(doc, "OfficeApp");
  if (roots.length !== 1) throw new Error("manifest has no single <OfficeApp> root element");
  return { raw, root: roots[0] };
}

// ---------- tiny tree helpers ----------

export function children(el: XmlElement, name: string): XmlElement[] {
  const v = el[name];
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === "object" && x !== null ? (x as XmlElement) : { "#text": String(x) }));
}

/** Follows a path of element names, e.g. path(root, "Hosts", "Host"). */
export function path(el: XmlElement, ...names: string[]): XmlElement[] {
  let current = [el];
  for (const name of names) current = current.flatMap((c) => children(c, name));
  return current;
}

export function attr(el: XmlElement, name: string): string | undefined {
  const v = el[`@_${name}`];
  return typeof v === "string" ? v : undefined;
}

export function text(el: XmlElement | undefined): string {
  if (!el) return "";
  const v = el["#text"];
  return typeof v === "string" ? v : "";
}

/** Every descendant element with its tag name, depth first. */
export function walk(el: XmlElement): Array<{ name: string; el: XmlElement }> {
  const out: Array<{ name: string; el: XmlElement }> = [];
  for (const [key, value] of Object.entries(el)) {
    if (key.startsWith("@_") || key === "#text" || !Array.isArray(value)) continue;
    for (const child of children(el, key)) {
      out.push({ name: key, el: child });
      out.push(...walk(child));
    }
  }
  return out;
}

function versionOverrides(m: Manifest): XmlElement | undefined {
  return children(m.root, "VersionOverrides")[0];
}

// ---------- resources ----------

export type ResourceKind = "image" | "url" | "short" | "long";

export interface Resource {
  kind: ResourceKind;
  id: string;
  defaultValue: string;
  overrides: Record<string, string>;
}

export function resources(m: Manifest): Resource[] {
  const res = path(m.root, "VersionOverrides", "Resources")[0];
  if (!res) return [];
  const groups: Array<[ResourceKind, string, string]> = [
    ["image", "bt:Images", "bt:Image"],
    ["url", "bt:Urls", "bt:Url"],
    ["short", "bt:ShortStrings", "bt:String"],
    ["long", "bt:LongStrings", "bt:String"],
  ];
  return groups.flatMap(([kind, group, item]) =>
    path(res, group, item).map((el) => ({
      kind,
      id: attr(el, "id") ?? "",
      defaultValue: attr(el, "DefaultValue") ?? "",
      overrides: Object.fromEntries(
        children(el, "bt:Override").map((o) => [attr(o, "Locale") ?? "", attr(o, "Value") ?? ""]),
      ),
    })),
  );
}

/** Which kind of resource a resid on this element must point at. */
function expectedKind(elementName: string): ResourceKind | undefined {
  switch (elementName) {
    case "bt:Image":
      return "image";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "url";
    case "Label":
    case "Title":
      return "short";
    case "Description":
      return "long";
    default:
      return undefined;
  }
}

// ---------- checks ----------

export function checkIdentity(m: Manifest): string[] {
  const problems: string[] = [];
  const id = text(children(m.root, "Id")[0]);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    problems.push(`Id is not a GUID: "${id}"`);
  }
  const version = text(children(m.root, "Version")[0]);
  if (!/^\d{1,5}(\.\d{1,5}){3}$/.test(version)) problems.push(`Version is not n.n.n.n: "${version}"`);
  if (attr(m.root, "xsi:type") !== "TaskPaneApp") problems.push("OfficeApp xsi:type is not TaskPaneApp");
  if (text(children(m.root, "DefaultLocale")[0]) !== "en-US") problems.push("DefaultLocale is not en-US");
  if (text(children(m.root, "Permissions")[0]) !== "ReadWriteDocument") {
    problems.push("Permissions is not ReadWriteDocument");
  }
  if (!text(children(m.root, "ProviderName")[0])) problems.push("ProviderName is empty");
  const hosts = path(m.root, "Hosts", "Host").map((h) => attr(h, "Name"));
  if (hosts.join() !== "Workbook") problems.push(`Hosts should be exactly Workbook, got ${hosts.join()}`);
  const voHosts = path(m.root, "VersionOverrides", "Hosts", "Host").map((h) => attr(h, "xsi:type"));
  if (voHosts.join() !== "Workbook")
    problems.push(`VersionOverrides hosts should be Workbook, got ${voHosts}`);
  return problems;
}

/** All absolute URLs written in the manifest text, ignoring namespace declarations and comments. */
export function allUrls(raw: string): string[] {
  const stripped = raw.replace(/<!--[\s\S]*?-->/g, "").replace(/\sxmlns(:\w+)?="[^"]*"/g, "");
  return [...stripped.matchAll(/[a-z][a-z0-9+.-]*:\/\/[^"'<>\s]+/gi)].map((x) => x[0]);
}

export function checkUrls(m: Manifest): string[] {
  const problems: string[] = [];
  const urls = allUrls(m.raw);
  if (urls.length < 5) problems.push(`expected the manifest to contain URLs, found ${urls.length}`);
  for (const u of urls) {
    let parsed: URL;
    try {
      parsed = new URL(u);
    } catch {
      problems.push(`not a valid URL: ${u}`);
      continue;
    }
    if (parsed.protocol !== "https:") problems.push(`not https: ${u}`);
    if (parsed.origin !== ORIGIN) problems.push(`not on ${ORIGIN}: ${u}`);
  }
  const source = path(m.root, "DefaultSettings", "SourceLocation")[0];
  if (attr(source ?? {}, "DefaultValue") !== `${ORIGIN}/taskpane.html`) {
    problems.push("DefaultSettings/SourceLocation is not the taskpane page");
  }
  return problems;
}

export function checkResids(m: Manifest): string[] {
  const problems: string[] = [];
  const defined = resources(m);
  const byId = new Map<string, Resource>();
  for (const r of defined) {
    if (!r.id) problems.push(`a ${r.kind} resource has no id`);
    if (r.id.length > 32) problems.push(`resource id longer than 32 characters: ${r.id}`);
    if (byId.has(r.id)) problems.push(`duplicate resource id: ${r.id}`);
    byId.set(r.id, r);
  }
  const used = new Set<string>();
  const vo = versionOverrides(m);
  for (const { name, el } of vo ? walk(vo) : []) {
    const resid = attr(el, "resid");
    if (resid === undefined) continue;
    used.add(resid);
    const r = byId.get(resid);
    if (!r) {
      problems.push(`resid "${resid}" (on <${name}>) is not defined in Resources`);
      continue;
    }
    const kind = expectedKind(name);
    if (kind && r.kind !== kind) problems.push(`<${name} resid="${resid}"> must point at a ${kind} resource`);
  }
  // belt and braces: a textual scan catches resid attributes the tree walk might miss
  for (const [, resid] of m.raw.matchAll(/\bresid="([^"]*)"/g)) {
    if (!byId.has(resid)) problems.push(`resid "${resid}" is not defined in Resources`);
    used.add(resid);
  }
  for (const r of defined) if (!used.has(r.id)) problems.push(`resource "${r.id}" is never used`);
  return [...new Set(problems)];
}

/** Width and height from a PNG's IHDR chunk, or undefined when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | undefined {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) return undefined;
  if (buf.toString("ascii", 12, 16) !== "IHDR") return undefined;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps https://localhost:3000/assets/x to <repo>/assets/x, or undefined for other URLs. */
export function assetFile(url: string, repoRoot: string): string | undefined {
  const prefix = `${ORIGIN}/assets/`;
  return url.startsWith(prefix)
    ? join(repoRoot, "assets", ...url.slice(prefix.length).split("/"))
    : undefined;
}

export function checkIcons(m: Manifest, repoRoot: string): string[] {
  const problems: string[] = [];
  const expectSquare = (url: string, size: number, where: string) => {
    const file = assetFile(url, repoRoot);
    if (!file) return problems.push(`${where}: ${url} is not under ${ORIGIN}/assets/`);
    if (!existsSync(file)) return problems.push(`${where}: ${url} has no file in assets/`);
    const dim = pngSize(file);
    if (!dim) return problems.push(`${where}: ${url} is not a PNG`);
    if (dim.width !== size || dim.height !== size) {
      problems.push(`${where}: ${url} is ${dim.width}x${dim.height}, expected ${size}x${size}`);
    }
  };
  const iconUrl = attr(children(m.root, "IconUrl")[0] ?? {}, "DefaultValue");
  const hiRes = attr(children(m.root, "HighResolutionIconUrl")[0] ?? {}, "DefaultValue");
  if (!iconUrl) problems.push("IconUrl missing");
  else expectSquare(iconUrl, 32, "IconUrl");
  if (!hiRes) problems.push("HighResolutionIconUrl missing");
  else expectSquare(hiRes, 64, "HighResolutionIconUrl");

  const images = new Map(
    resources(m)
      .filter((r) => r.kind === "image")
      .map((r) => [r.id, r.defaultValue]),
  );
  for (const [id, url] of images) {
    const named = /icon-(\d+)\.png$/.exec(url);
    if (!named) problems.push(`image ${id}: ${url} is not named icon-<size>.png`);
    else expectSquare(url, Number(named[1]), `image ${id}`);
  }
  // <bt:Image size="N" resid="..."> must reference an N x N picture; 16/32/80 are mandatory
  const vo = versionOverrides(m);
  const iconLists = vo ? walk(vo).filter((x) => x.name === "Icon") : [];
  if (iconLists.length === 0) problems.push("no <Icon> lists found");
  for (const { el } of iconLists) {
    const refs = children(el, "bt:Image");
    const sizes = refs.map((r) => Number(attr(r, "size")));
    for (const required of [16, 32, 80]) {
      if (!sizes.includes(required)) problems.push(`an <Icon> list lacks the mandatory size ${required}`);
    }
    for (const ref of refs) {
      const url = images.get(attr(ref, "resid") ?? "");
      if (url) expectSquare(url, Number(attr(ref, "size")), `<bt:Image size="${attr(ref, "size")}">`);
    }
  }
  return problems;
}

export function checkLocalisation(m: Manifest): string[] {
  const problems: string[] = [];
  const viOverride = (el: XmlElement | undefined) =>
    children(el ?? {}, "Override").find((o) => attr(o, "Locale") === "vi-VN");
  const displayName = children(m.root, "DisplayName")[0];
  const viName = viOverride(displayName);
  if (!viName) problems.push("DisplayName has no vi-VN Override");
  else if (attr(viName, "Value") !== "Chỉ số CCHC (PAR INDEX)") {
    problems.push(`vi-VN DisplayName is "${attr(viName, "Value")}"`);
  }
  const viDescription = viOverride(children(m.root, "Description")[0]);
  if (!viDescription || !attr(viDescription, "Value")) problems.push("Description has no vi-VN Override");
  for (const r of resources(m)) {
    if (r.kind !== "short" && r.kind !== "long") continue;
    if (!r.defaultValue) problems.push(`string ${r.id} has an empty DefaultValue`);
    if (!r.overrides["vi-VN"]) problems.push(`string ${r.id} has no vi-VN Override`);
  }
  return problems;
}

export interface Button {
  id: string;
  label: Resource | undefined;
  tooltip: Resource | undefined;
  actionType: string | undefined;
  functionName: string | undefined;
  taskpaneId: string | undefined;
  sourceUrl: string | undefined;
}

export function buttons(m: Manifest): Button[] {
  const byId = new Map(resources(m).map((r) => [r.id, r]));
  const vo = versionOverrides(m);
  const controls = vo ? walk(vo).filter((x) => x.name === "Control") : [];
  return controls.map(({ el }) => {
    const action = children(el, "Action")[0] ?? {};
    const resid = (e: XmlElement | undefined) => byId.get(attr(e ?? {}, "resid") ?? "");
    return {
      id: attr(el, "id") ?? "",
      label: resid(children(el, "Label")[0]),
      tooltip: resid(path(el, "Supertip", "Description")[0]),
      actionType: attr(action, "xsi:type"),
      functionName: text(children(action, "FunctionName")[0]) || undefined,
      taskpaneId: text(children(action, "TaskpaneId")[0]) || undefined,
      sourceUrl: resid(children(action, "SourceLocation")[0])?.defaultValue,
    };
  });
}

export function checkCommands(m: Manifest): string[] {
  const problems: string[] = [];
  const surface = path(m.root, "VersionOverrides", "Hosts", "Host", "DesktopFormFactor", "ExtensionPoint");
  if (!surface.some((e) => attr(e, "xsi:type") === "PrimaryCommandSurface")) {
    problems.push("no PrimaryCommandSurface extension point");
  }
  const tab = surface.flatMap((e) => children(e, "OfficeTab"))[0];
  if (attr(tab ?? {}, "id") !== "TabHome")
    problems.push("the group is not on the Home tab (OfficeTab TabHome)");
  const groups = tab ? children(tab, "Group") : [];
  const byId = new Map(resources(m).map((r) => [r.id, r]));
  if (groups.length !== 1) problems.push(`expected one group, found ${groups.length}`);
  else if (
    byId.get(attr(children(groups[0], "Label")[0] ?? {}, "resid") ?? "")?.defaultValue !== "PAR INDEX"
  ) {
    problems.push('the group label is not "PAR INDEX"');
  }

  const all = buttons(m);
  if (all.length !== 2) problems.push(`expected 2 buttons, found ${all.length}`);
  const open = all.find((b) => b.actionType === "ShowTaskpane");
  const recalc = all.find((b) => b.actionType === "ExecuteFunction");
  if (!open) problems.push("no ShowTaskpane button");
  else {
    if (open.label?.defaultValue !== "Open PAR panel")
      problems.push("open button label is not 'Open PAR panel'");
    if (open.label?.overrides["vi-VN"] !== "Mở bảng PAR")
      problems.push("open button lacks vi-VN 'Mở bảng PAR'");
    if (open.taskpaneId !== "ButtonId1") problems.push("open button TaskpaneId is not ButtonId1");
    if (open.sourceUrl !== `${ORIGIN}/taskpane.html`)
      problems.push("open button does not load taskpane.html");
    if (!open.tooltip?.defaultValue || !open.tooltip.overrides["vi-VN"]) {
      problems.push("open button tooltip is not bilingual");
    }
  }
  if (!recalc) problems.push("no ExecuteFunction button");
  else {
    if (recalc.functionName !== "recalculate") {
      problems.push(`Recalculate FunctionName is "${recalc.functionName}", expected "recalculate"`);
    }
    if (recalc.label?.defaultValue !== "Recalculate")
      problems.push("recalc button label is not 'Recalculate'");
    if (recalc.label?.overrides["vi-VN"] !== "Tính lại")
      problems.push("recalc button lacks vi-VN 'Tính lại'");
    if (!recalc.tooltip?.defaultValue || !recalc.tooltip.overrides["vi-VN"]) {
      problems.push("recalc button tooltip is not bilingual");
    }
  }
  const functionFile = path(
    m.root,
    "VersionOverrides",
    "Hosts",
    "Host",
    "DesktopFormFactor",
    "FunctionFile",
  )[0];
  // shared runtime: the function file is the task pane page (checkSharedRuntime checks the resids match)
  if (byId.get(attr(functionFile ?? {}, "resid") ?? "")?.defaultValue !== `${ORIGIN}/taskpane.html`) {
    problems.push("FunctionFile does not point at taskpane.html (shared runtime)");
  }
  return problems;
}

export function checkRequirements(m: Manifest): string[] {
  const problems: string[] = [];
  const excel = (sets: XmlElement[]) =>
    sets.find((s) => attr(s, "Name") === "ExcelApi" && /^\d+\.\d+$/.test(attr(s, "MinVersion") ?? ""));
  const top = excel(path(m.root, "Requirements", "Sets", "Set"));
  if (!top) problems.push("top-level Requirements do not declare the ExcelApi set");
  else if (attr(top, "MinVersion") !== API.minimum)
    problems.push(`ExcelApi MinVersion is not ${API.minimum} (what the Office host checks at run time)`);
  const vo = excel(path(m.root, "VersionOverrides", "Requirements", "bt:Sets", "bt:Set"));
  if (!vo) problems.push("VersionOverrides Requirements do not declare the ExcelApi set");
  const shared = path(m.root, "Requirements", "Sets", "Set").find((s) => attr(s, "Name") === "SharedRuntime");
  if (!shared) problems.push("top-level Requirements do not declare SharedRuntime (needed by <Runtimes>)");
  else if (attr(shared, "MinVersion") !== "1.1") problems.push("SharedRuntime MinVersion is not 1.1");
  return problems;
}

/**
 * The shared runtime as "Configure your Office Add-in to use a shared runtime" describes it
 * (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime):
 * one <Runtime lifetime="long"> as the first child of the Workbook <Host>, whose resid is the one the
 * FunctionFile and the task pane button use ("the shared runtime won't load if the resid uses different
 * values"), and a single task pane (one TaskpaneId).
 */
export function checkSharedRuntime(m: Manifest): string[] {
  const problems: string[] = [];
  const hosts = path(m.root, "VersionOverrides", "Hosts", "Host");
  const runtimes = hosts.flatMap((h) => path(h, "Runtimes", "Runtime"));
  if (runtimes.length !== 1) {
    problems.push(`expected one <Runtimes><Runtime>, found ${runtimes.length}`);
    return problems;
  }
  const [runtime] = runtimes;
  const resid = attr(runtime, "resid") ?? "";
  if (attr(runtime, "lifetime") !== "long") problems.push('the Runtime lifetime is not "long"');
  const url = resources(m).find((r) => r.kind === "url" && r.id === resid);
  if (!url) problems.push(`the Runtime resid "${resid}" is not a url resource`);
  else if (url.defaultValue !== `${ORIGIN}/taskpane.html`) problems.push("the Runtime is not taskpane.html");
  const functionFile = hosts.flatMap((h) => path(h, "DesktopFormFactor", "FunctionFile"))[0];
  if (attr(functionFile ?? {}, "resid") !== resid) {
    problems.push("FunctionFile does not use the Runtime's resid (the shared runtime would not load)");
  }
  const panes = buttons(m).filter((b) => b.actionType === "ShowTaskpane");
  const vo = versionOverrides(m);
  const paneResids = (vo ? walk(vo) : [])
    .filter((x) => x.name === "Action" && attr(x.el, "xsi:type") === "ShowTaskpane")
    .map((x) => attr(children(x.el, "SourceLocation")[0] ?? {}, "resid"));
  if (paneResids.some((r) => r !== resid)) {
    problems.push("a ShowTaskpane action does not use the Runtime's resid");
  }
  if (new Set(panes.map((p) => p.taskpaneId)).size !== 1 || panes.some((p) => !p.taskpaneId)) {
    problems.push("a shared runtime supports one task pane: every ShowTaskpane needs the same TaskpaneId");
  }
  // order (the parser keeps none): <Runtimes> right after <Host ...>, before the form factors
  const host = /<Host xsi:type="Workbook">\s*(<[A-Za-z:]+)/.exec(m.raw.replace(/<!--[\s\S]*?-->/g, ""));
  if (host?.[1] !== "<Runtimes") problems.push("<Runtimes> is not the first child of the Workbook <Host>");
  return problems;
}

/** Every <FunctionName> of an ExecuteFunction action. */
export function functionNames(m: Manifest): string[] {
  return buttons(m)
    .map((b) => b.functionName)
    .filter((n): n is string => !!n);
}
