/* graphbuild viewer: draws the graph embedded in #gb-data with vis-network.
 *
 * Safety rule: text from the data reaches the page only through textContent, option values and
 * vis-network tooltips given as strings (which vis-network writes with innerText); never innerHTML.
 *
 * Data (see graphbuild/viewer/payload.py):
 *   nodes      [label, classIndex, x, y, size, mentions, aliases[], iri, assertedRelations,
 *               community (-1: none), shownFirst (0/1)], most important first
 *   edges      [from, to, propIndex, flags (1 not asserted, 2 negated), rankInPair, statementIndexes[]]
 *
 * What shows: the first meta.budget entities (in order) that pass the filters and toggles, plus the
 * ones the user added (search, expand); an edge bundles every shown relation between two shown
 * entities. "relations" always means asserted relations (distinct subject-property-object).
 *   props      [label, categoryIndex, iri]
 *   statements [sentenceIndex, subjectText, predicateText, objectText, modality,
 *               flags (1 negated, 2 asserted), attributedTo, times[], confidence]
 *   sentences  [documentIndex, text]; docs [title]; classes [name, colour, count]; categories [name, colour]
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("gb-data").textContent);
  const meta = data.meta;
  const byId = (id) => document.getElementById(id);
  const api = { ready: false, readyAt: null, data: data };
  window.graphbuildViewer = api;

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  const fold = (text) => String(text).normalize("NFC").toLowerCase().trim();
  const short = (text) => (text.length > 48 ? text.slice(0, 46) + "\u2026" : text);  // canvas labels only

  // ------------------------------------------------------------------ state
  const N = data.nodes.length;
  const whole = !meta.focus;
  const classOn = data.classes.map(() => true);
  const categoryOn = data.categories.map(() => true);
  const uncertainBox = byId("gb-uncertain");
  const conceptsBox = byId("gb-concepts");
  const isolatedBox = byId("gb-isolated");
  const minSlider = byId("gb-min");
  const docSelect = byId("gb-doc");
  const yearSelect = byId("gb-year");
  const communityBox = byId("gb-community");
  const state = { budget: meta.budget, pinned: new Set() };
  uncertainBox.checked = !!meta.showUncertain;
  conceptsBox.checked = !meta.hideConcepts;
  isolatedBox.checked = !whole;
  let visible = new Uint8Array(N);
  let behindMore = 0;

  // ------------------------------------------------------------------ relations, documents, years
  const edgesOf = data.nodes.map(() => []);
  const bundleKeys = new Map();
  const bundles = [];  // [low node, high node, [edge indexes]]
  const bundleOf = new Int32Array(data.edges.length);
  const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
  const edgeDocs = [];
  const edgeYears = [];
  const docsUsed = new Set();
  const yearsUsed = new Set();
  data.edges.forEach((e, k) => {
    edgesOf[e[0]].push(k);
    if (e[1] !== e[0]) edgesOf[e[1]].push(k);
    const key = Math.min(e[0], e[1]) + ":" + Math.max(e[0], e[1]);
    if (!bundleKeys.has(key)) { bundleKeys.set(key, bundles.length); bundles.push([Math.min(e[0], e[1]), Math.max(e[0], e[1]), []]); }
    bundleOf[k] = bundleKeys.get(key);
    bundles[bundleOf[k]][2].push(k);
    const docs = new Set();
    const years = new Set();
    e[5].forEach((s) => {
      const st = data.statements[s];
      docs.add(data.sentences[st[0]][0]);
      st[7].forEach((t) => (String(t).match(YEAR) || []).forEach((y) => years.add(y)));
    });
    docs.forEach((d) => docsUsed.add(d));
    years.forEach((y) => yearsUsed.add(y));
    edgeDocs.push(docs);
    edgeYears.push(years);
  });
  const isGeneric = (i) => data.classes[data.nodes[i][1]][0] === meta.generic;
  const strongest = data.nodes.reduce((m, n) => Math.max(m, n[8]), 0);

  function relationOk(k) {
    const e = data.edges[k];
    if (!categoryOn[data.props[e[2]][1]] || (!uncertainBox.checked && (e[3] & 1))) return false;
    const doc = Number(docSelect.value);
    if (doc >= 0 && !edgeDocs[k].has(doc)) return false;
    return !yearSelect.value || edgeYears[k].has(yearSelect.value);
  }
  const edgeShown = (k) => relationOk(k) && visible[data.edges[k][0]] && visible[data.edges[k][1]];

  function computeVisible() {
    const live = new Uint32Array(N);  // relations of each node that pass the relation filters
    data.edges.forEach((e, k) => { if (relationOk(k)) { live[e[0]]++; if (e[1] !== e[0]) live[e[1]]++; } });
    const filtering = Number(docSelect.value) >= 0 || !!yearSelect.value;
    const least = Number(minSlider.value);
    const next = new Uint8Array(N);
    let taken = 0;
    behindMore = 0;
    for (let i = 0; i < N; i++) {  // nodes come most important first
      if (!classOn[data.nodes[i][1]]) continue;
      const pinned = state.pinned.has(i);  // added by the user: shown whatever the toggles say
      next[i] = pinned ? 1 : 0;
      if (!conceptsBox.checked && isGeneric(i)) continue;
      if ((!isolatedBox.checked || filtering) && live[i] === 0) continue;
      if (data.nodes[i][8] < least) continue;
      if (taken >= state.budget) { if (!pinned) behindMore++; continue; }
      taken++;  // a pinned node takes its place in the budget too, so pinning shows nothing else
      next[i] = 1;
    }
    visible = next;
    return live;
  }

  // ------------------------------------------------------------------ nodes and bundled edges
  function nodeTooltip(n) {
    const lines = [n[0], "class: " + data.classes[n[1]][0]];
    if (n[6].length) lines.push("also: " + n[6].join(", "));
    lines.push("mentions: " + n[5], "relations: " + n[8]);
    return lines.join("\n");
  }

  function edgeLabel(e) {
    const label = data.props[e[2]][0];
    return e[3] & 2 ? "not " + label : label;
  }

  const relationLine = (e) => data.nodes[e[0]][0] + " \u2192 " + edgeLabel(e) + " \u2192 " + data.nodes[e[1]][0];

  function edgeTooltip(e) {
    const n = e[5].length;
    const lines = [relationLine(e), "category: " + data.categories[data.props[e[2]][1]][0]];
    if (e[3] & 1) lines.push("not asserted: negated, hedged or someone's claim");
    lines.push(n + (n === 1 ? " sentence" : " sentences") + " (click to read)");
    return lines.join("\n");
  }

  const COMMUNITY_COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
    "#ff9da7", "#9c755f", "#499894", "#d37295", "#86bcb6"];
  function nodeColour(n) {
    const colour = communityBox.checked
      ? (n[9] >= 0 ? COMMUNITY_COLOURS[n[9] % COMMUNITY_COLOURS.length] : "#d0d0d0") : data.classes[n[1]][1];
    return { background: colour, border: "#555", highlight: { background: colour, border: "#000" },
      hover: { background: colour, border: "#000" } };
  }
  const baseFont = (n) => 14 + Math.round(8 * Math.sqrt(strongest ? n[8] / strongest : 0));

  const nodes = new vis.DataSet(data.nodes.map((n, i) => ({
    id: i, label: short(n[0]), x: n[2], y: n[3], value: n[4], title: nodeTooltip(n),
    color: nodeColour(n), font: { size: baseFont(n) },
  })));
  const edges = new vis.DataSet();
  const nodeView = new vis.DataView(nodes, { filter: (item) => visible[item.id] === 1 });
  const drawnBundle = new Map();  // bundle -> signature of the edge drawn for it

  function bundleItem(b, shown) {
    const [low, high] = bundles[b];
    if (shown.length === 1) {
      const e = data.edges[shown[0]];
      const colour = data.categories[data.props[e[2]][1]][1];
      return { id: b, from: e[0], to: e[1], label: edgeLabel(e), title: edgeTooltip(e), width: 1,
        dashes: (e[3] & 1) ? [6, 5] : false, arrows: "to",
        color: { color: colour, highlight: colour, hover: colour, opacity: (e[3] & 1) ? 0.6 : 0.9 } };
    }
    const rel = shown.map((k) => data.edges[k]);
    const cats = new Set(rel.map((e) => data.props[e[2]][1]));
    const colour = cats.size === 1 ? data.categories[rel[0][2] !== undefined ? data.props[rel[0][2]][1] : 0][1] : "#777";
    const forward = rel.some((e) => e[0] === low);
    const backward = rel.some((e) => e[0] !== low);
    const lines = rel.slice(0, 12).map(relationLine);
    if (rel.length > 12) lines.push("\u2026 and " + (rel.length - 12) + " more");
    lines.push(rel.length + " relations (click to read the sentences)");
    const uncertain = rel.every((e) => e[3] & 1);
    return { id: b, from: low, to: high, label: rel.length + " relations", title: lines.join("\n"),
      width: 1 + Math.log2(rel.length), dashes: uncertain ? [6, 5] : false,
      arrows: forward && backward ? "to, from" : forward ? "to" : "from",
      color: { color: colour, highlight: colour, hover: colour, opacity: uncertain ? 0.6 : 0.9 } };
  }

  function drawEdges() {
    const wanted = new Map();
    bundles.forEach((bundle, b) => {
      if (!visible[bundle[0]] || !visible[bundle[1]]) return;
      const shown = bundle[2].filter(relationOk);
      if (shown.length) wanted.set(b, shown);
    });
    const gone = [];
    drawnBundle.forEach((_, b) => { if (!wanted.has(b)) gone.push(b); });
    if (gone.length) { edges.remove(gone); gone.forEach((b) => drawnBundle.delete(b)); }
    const changed = [];
    wanted.forEach((shown, b) => {
      const signature = shown.join(",");
      if (drawnBundle.get(b) !== signature) { drawnBundle.set(b, signature); changed.push(bundleItem(b, shown)); }
    });
    if (changed.length) edges.update(changed);
  }

  function refresh(extra) {
    computeVisible();
    nodeView.refresh();
    drawEdges();
    showStatus(extra);
  }

  computeVisible();
  nodeView.refresh();
  drawEdges();

  // ------------------------------------------------------------------ the network
  const network = new vis.Network(byId("gb-network"), { nodes: nodeView, edges: edges }, {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false },
    interaction: { hover: !meta.large, tooltipDelay: 150, hideEdgesOnDrag: meta.large,
      hideEdgesOnZoom: meta.large, keyboard: false, multiselect: false },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { min: 6, max: 24, label: { enabled: false, maxVisible: 28, drawThreshold: 5 } } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1, selectionWidth: 2, hoverWidth: 1,
      font: { size: 10, color: "#444", align: "middle", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { label: { drawThreshold: 6 } }, smooth: false },
  });
  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.nodeView = nodeView;
  api.edgeView = edges;
  api.bundleOf = bundleOf;
  api.bundles = bundles;

  const LABEL_PX = 13;  // the most central labels are drawn at least this big when the page opens
  const TOP = 20;
  let boosted = [];

  function centralShown(count) {
    const shown = [];
    for (let i = 0; i < N; i++) if (visible[i]) shown.push(i);
    shown.sort((a, b) => data.nodes[b][8] - data.nodes[a][8] || a - b);
    return shown.slice(0, count);
  }

  function openingView() {
    // fit what shows, then make the labels of the most central entities readable at that zoom
    if (boosted.length) nodes.update(boosted.map((i) => ({ id: i, font: { size: baseFont(data.nodes[i]) } })));
    network.fit({ animation: false });
    const scale = network.getScale();
    boosted = centralShown(TOP);
    const size = Math.ceil(LABEL_PX / scale);
    nodes.update(boosted.filter((i) => baseFont(data.nodes[i]) < size).map((i) => ({ id: i, font: { size: size } })));
    if (api.arrowsForZoom) api.arrowsForZoom();
  }

  function whenDrawn() {
    network.once("afterDrawing", () => {
      api.ready = true;
      api.readyAt = performance.now();
      document.body.setAttribute("data-ready", "1");
    });
    network.redraw();
  }
  if (meta.large) {
    // thousands of arrowheads cost most of a frame and are specks when zoomed out: draw them only close up
    let arrows = true;
    const arrowsForZoom = () => {
      const wanted = network.getScale() >= 0.35;
      if (wanted !== arrows) {
        arrows = wanted;
        network.setOptions({ edges: { arrows: { to: { enabled: wanted, scaleFactor: 0.5 } } } });
      }
    };
    network.on("zoom", arrowsForZoom);
    network.on("animationFinished", arrowsForZoom);
    api.arrowsForZoom = arrowsForZoom;
  }
  openingView();
  whenDrawn();

  function labelPixels(i) {
    // how big vis-network draws node i's label on screen now (0: not drawn)
    const node = network.body.nodes[i];
    if (!node || !visible[i]) return 0;
    const px = node.labelModule.fontOptions.size * network.getScale();
    return px < 5 - 1 ? 0 : Math.min(px, 28);  // vis-network's drawThreshold and maxVisible set above
  }
  function inViewport(i) {
    const at = network.getPositions([i])[i];
    if (!at) return false;
    const dom = network.canvasToDOM(at);
    const box = byId("gb-network");
    return dom.x >= 0 && dom.y >= 0 && dom.x <= box.clientWidth && dom.y <= box.clientHeight;
  }

  // ------------------------------------------------------------------ status line and legend
  function showStatus(extra) {
    let shown = 0;
    for (let i = 0; i < N; i++) shown += visible[i];
    let asserted = 0;
    let uncertain = 0;
    data.edges.forEach((e, k) => { if (edgeShown(k)) { if (e[3] & 1) uncertain++; else asserted++; } });
    const parts = [shown + " of " + meta.total + " entities", asserted + " of " + meta.totalRelations + " relations"];
    if (uncertain) parts.push(uncertain + " not asserted (dashed)");
    if (meta.leftOut) parts.push(meta.leftOut + " entities not in this page (--max-nodes " + (meta.maxNodes || N) + ")");
    if (meta.focus) parts.push("around \u201c" + meta.focus + "\u201d, " + meta.hops + (meta.hops === 1 ? " hop" : " hops"));
    if (meta.fromQuery) parts.push("from a CONSTRUCT query");
    if (extra) parts.push(extra);
    byId("gb-status").textContent = parts.join(" \u00b7 ");
    const more = byId("gb-more");
    more.disabled = behindMore === 0;
    more.textContent = behindMore ? "Show " + Math.min(behindMore, meta.budget) + " more (" + behindMore + " waiting)" : "All shown";
    api.counts = { entities: shown, relations: asserted, uncertain: uncertain, waiting: behindMore };
  }

  function legendItem(list, name, count, swatchClass, colour, checked, onChange) {
    const li = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", () => onChange(box.checked));
    const swatch = el("span", null, swatchClass);
    if (swatchClass === "gb-swatch") swatch.style.background = colour; else swatch.style.borderTopColor = colour;
    label.append(box, swatch, el("span", name));
    if (count !== null) label.append(el("span", count, "gb-count"));
    li.append(label);
    list.append(li);
    return box;
  }
  const classBoxes = data.classes.map((c, i) => legendItem(byId("gb-classes"), c[0], c[2], "gb-swatch", c[1], true,
    (on) => { classOn[i] = on; refresh(); }));
  const categoryCounts = data.categories.map(() => 0);
  data.edges.forEach((e) => { categoryCounts[data.props[e[2]][1]]++; });
  const categoryBoxes = data.categories.map((c, i) => legendItem(byId("gb-categories"), c[0], categoryCounts[i], "gb-line",
    c[1], true, (on) => { categoryOn[i] = on; refresh(); }));

  let generic = 0;
  for (let i = 0; i < N; i++) generic += isGeneric(i) ? 1 : 0;
  byId("gb-concepts-count").textContent = generic;
  minSlider.max = String(Math.max(1, Math.min(strongest, 50)));
  [...docsUsed].sort((a, b) => String(data.docs[a]).localeCompare(String(data.docs[b]))).forEach((d) => {
    const option = el("option", data.docs[d]);
    option.value = String(d);
    docSelect.append(option);
  });
  [...yearsUsed].sort().forEach((y) => { const option = el("option", y); option.value = y; yearSelect.append(option); });
  byId("gb-doc-box").hidden = docsUsed.size < 2;
  byId("gb-year-box").hidden = yearsUsed.size === 0;

  function isolatedCount() {
    const live = computeVisible();
    let count = 0;
    for (let i = 0; i < N; i++) if (classOn[data.nodes[i][1]] && live[i] === 0) count++;
    return count;
  }

  function setDefaults() {
    classOn.fill(true);
    classBoxes.forEach((b) => { b.checked = true; });
    categoryOn.fill(true);
    categoryBoxes.forEach((b) => { b.checked = true; });
    uncertainBox.checked = !!meta.showUncertain;
    conceptsBox.checked = !meta.hideConcepts;
    isolatedBox.checked = !whole;
    minSlider.value = "0";
    byId("gb-min-value").textContent = "0";
    docSelect.value = "-1";
    yearSelect.value = "";
    communityBox.checked = false;
    state.budget = meta.budget;
    state.pinned.clear();
  }
  byId("gb-isolated-count").textContent = isolatedCount();
  refresh();

  uncertainBox.addEventListener("change", () => refresh());
  conceptsBox.addEventListener("change", () => refresh());
  isolatedBox.addEventListener("change", () => refresh());
  docSelect.addEventListener("change", () => refresh());
  yearSelect.addEventListener("change", () => refresh());
  minSlider.addEventListener("input", () => { byId("gb-min-value").textContent = minSlider.value; refresh(); });
  communityBox.addEventListener("change", () => {
    nodes.update(data.nodes.map((n, i) => ({ id: i, color: nodeColour(n) })));
  });
  byId("gb-more").addEventListener("click", () => { state.budget += meta.budget; refresh(); });

  const moved = new Set();
  function reset() {
    setDefaults();
    if (moved.size) nodes.update([...moved].map((i) => ({ id: i, x: data.nodes[i][2], y: data.nodes[i][3] })));
    moved.clear();
    nodes.update(data.nodes.map((n, i) => ({ id: i, color: nodeColour(n) })));
    setPanel(false);
    network.unselectAll();
    refresh();
    openingView();
  }
  byId("gb-reset").addEventListener("click", reset);

  function exportPng() {
    const source = byId("gb-network").querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    const context = out.getContext("2d");
    context.fillStyle = "#fff";
    context.fillRect(0, 0, out.width, out.height);
    context.drawImage(source, 0, 0);
    return out.toDataURL("image/png");
  }
  byId("gb-png").addEventListener("click", () => {
    const link = el("a");
    link.href = exportPng();
    link.download = "graph.png";
    link.click();
  });

  // ------------------------------------------------------------------ expanding a node
  function hiddenNeighbours(i) {
    const found = new Set();
    edgesOf[i].forEach((k) => {
      const e = data.edges[k];
      const other = e[0] === i ? e[1] : e[0];
      if (!visible[other] && classOn[data.nodes[other][1]] && relationOk(k)) found.add(other);
    });
    return [...found];
  }

  function expand(i) {
    const added = hiddenNeighbours(i);
    state.pinned.add(i);
    const centre = network.getPositions([i])[i] || { x: data.nodes[i][2], y: data.nodes[i][3] };
    const far = [];
    added.forEach((j, k) => {
      state.pinned.add(j);
      const at = { x: data.nodes[j][2], y: data.nodes[j][3] };
      if (Math.hypot(at.x - centre.x, at.y - centre.y) > 300) {  // bring far neighbours round the node
        const turn = k * 2.39996;
        const ring = 120 + 25 * Math.sqrt(k);
        far.push({ id: j, x: centre.x + ring * Math.cos(turn), y: centre.y + ring * Math.sin(turn) });
        moved.add(j);
      }
    });
    if (far.length) nodes.update(far);
    refresh(added.length ? "added " + added.length + " neighbours of \u201c" + data.nodes[i][0] + "\u201d"
      : "\u201c" + data.nodes[i][0] + "\u201d has no hidden neighbours");
    if (!panel.hidden && panelNode === i) showNode(i);
    return added.length;
  }
  // the browser's own double-click (vis-network's tap counting misses a double-click on a busy page)
  byId("gb-network").addEventListener("dblclick", (event) => {
    const box = byId("gb-network").getBoundingClientRect();
    const at = network.getNodeAt({ x: event.clientX - box.left, y: event.clientY - box.top });
    if (at !== undefined) expand(at);
  });

  // ------------------------------------------------------------------ side panel
  const panel = byId("gb-panel");
  const panelTitle = byId("gb-panel-title");
  const panelBody = byId("gb-panel-body");

  function setPanel(open) {
    if (panel.hidden !== open) return;
    panel.hidden = !open;
    network.setSize();  // measure the narrower or wider canvas now, keeping the view's centre
  }
  function openPanel(title) {
    panelTitle.textContent = title;
    panelBody.replaceChildren();
    setPanel(true);
  }
  byId("gb-close").addEventListener("click", () => { setPanel(false); network.unselectAll(); });

  let panelNode = -1;
  function showNode(i) {
    const n = data.nodes[i];
    openPanel(n[0]);
    panelNode = i;
    const facts = ["class: " + data.classes[n[1]][0], "mentions: " + n[5]];
    if (n[6].length) facts.push("also called: " + n[6].join(", "));
    facts.push(n[7]);
    panelBody.append(el("p", facts.join("\n"), "gb-facts"));
    const waiting = hiddenNeighbours(i).length;
    if (waiting) {
      const more = el("button", "Show its " + waiting + " hidden neighbours", "gb-expand");
      more.type = "button";
      more.addEventListener("click", () => expand(i));
      panelBody.append(more);
    }
    const listed = edgesOf[i].filter(relationOk);
    panelBody.append(el("h3", "Relations: " + n[8] + " \u00b7 " + listed.length + " listed"));
    const list = el("ul", null, "gb-rel");
    listed.forEach((k) => {
      const e = data.edges[k];
      const li = el("li");
      const button = el("button", e[0] === i
        ? "\u2192 " + edgeLabel(e) + " \u2192 " + data.nodes[e[1]][0]
        : "\u2190 " + data.nodes[e[0]][0] + " " + edgeLabel(e));
      button.type = "button";
      button.addEventListener("click", () => { if (edgeShown(k)) network.selectEdges([bundleOf[k]]); showEdge(k); });
      li.append(button);
      if (e[3] & 1) li.append(el("span", " (not asserted)", "gb-uncertain"));
      list.append(li);
    });
    panelBody.append(list);
    const hidden = edgesOf[i].length - listed.length;
    if (hidden) panelBody.append(el("p", hidden + " more hidden by the filters", "gb-details"));
  }

  function highlight(sentence, parts) {
    // parts: [[text, class]]; marks the first occurrence of each (or of its words), no overlaps
    const folded = sentence.toLowerCase();
    const caseless = folded.length === sentence.length;  // else offsets would not line up
    const lower = caseless ? folded : sentence;
    const ranges = [];
    const place = (needle, cls) => {
      if (!needle) return false;
      const at = lower.indexOf(caseless ? needle.toLowerCase() : needle);
      if (at < 0) return false;
      const end = at + needle.length;
      if (ranges.some((r) => at < r[1] && end > r[0])) return true;
      ranges.push([at, end, cls]);
      return true;
    };
    parts.forEach(([text, cls]) => {
      if (!place(text, cls)) String(text || "").split(/\s+/).filter((w) => w.length > 2).forEach((w) => place(w, cls));
    });
    ranges.sort((a, b) => a[0] - b[0]);
    const out = el("blockquote", null, "gb-sentence");
    let pos = 0;
    ranges.forEach(([start, end, cls]) => {
      out.append(document.createTextNode(sentence.slice(pos, start)));
      out.append(el("mark", sentence.slice(start, end), cls));
      pos = end;
    });
    out.append(document.createTextNode(sentence.slice(pos)));
    return out;
  }

  function statementBoxes(e) {
    return e[5].map((s) => {
      const st = data.statements[s];
      const sentence = data.sentences[st[0]];
      const box = el("div", null, "gb-statement");
      box.append(el("div", data.docs[sentence[0]], "gb-doc"));
      box.append(highlight(sentence[1], [[st[1], "gb-s"], [st[2], "gb-p"], [st[3], "gb-o"]]));
      const details = ["modality: " + st[4]];
      if (st[5] & 1) details.push("negated");
      if (!(st[5] & 2)) details.push("not asserted");
      if (st[6]) details.push("according to " + st[6]);
      if (st[7].length) details.push("time: " + st[7].join(", "));
      if (st[8] !== null) details.push("confidence " + st[8]);
      box.append(el("div", details.join(" \u00b7 "), "gb-details"));
      return box;
    });
  }

  function showEdge(k) {
    const e = data.edges[k];
    openPanel(relationLine(e));
    panelNode = -1;
    const facts = ["category: " + data.categories[data.props[e[2]][1]][0], data.props[e[2]][2]];
    if (e[3] & 1) facts.push("not asserted (dashed): the text negates, hedges or attributes it");
    panelBody.append(el("p", facts.join("\n"), "gb-facts"));
    panelBody.append(el("h3", e[5].length + (e[5].length === 1 ? " sentence" : " sentences")));
    panelBody.append(...statementBoxes(e));
  }

  function showBundle(b) {
    const shown = bundles[b][2].filter(relationOk);
    if (shown.length === 1) { showEdge(shown[0]); return; }
    openPanel(data.nodes[bundles[b][0]][0] + " \u2194 " + data.nodes[bundles[b][1]][0]);
    panelNode = -1;
    panelBody.append(el("p", shown.length + " relations between them", "gb-facts"));
    shown.forEach((k) => {
      const e = data.edges[k];
      panelBody.append(el("h3", relationLine(e) + ((e[3] & 1) ? " (not asserted)" : "")));
      panelBody.append(...statementBoxes(e));
    });
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showBundle(params.edges[0]);
    else setPanel(false);
  });

  // ------------------------------------------------------------------ search
  const names = byId("gb-names");
  const seen = new Set();
  data.nodes.forEach((n) => [n[0]].concat(n[6]).forEach((name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const option = el("option");
    option.value = name;
    names.append(option);
  }));

  function findNode(query) {
    const q = fold(query);
    if (!q) return -1;
    const tests = [
      (n) => fold(n[0]) === q,
      (n) => n[6].some((a) => fold(a) === q),
      (n) => fold(n[0]).startsWith(q),
      (n) => fold(n[0]).includes(q) || n[6].some((a) => fold(a).includes(q)),
    ];
    for (const test of tests) {
      let best = -1;
      data.nodes.forEach((n, i) => { if (test(n) && (best < 0 || n[4] > data.nodes[best][4])) best = i; });
      if (best >= 0) return best;
    }
    return -1;
  }

  function search(query) {
    const i = findNode(query);
    if (i < 0) {
      showStatus("no entity matches \u201c" + query + "\u201d");
      return -1;
    }
    const cls = data.nodes[i][1];
    if (!classOn[cls]) { classOn[cls] = true; classBoxes[cls].checked = true; }
    if (!visible[i]) { state.pinned.add(i); refresh(); }
    network.selectNodes([i]);
    showNode(i);  // first: opening the panel narrows the canvas
    network.focus(i, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showStatus("found \u201c" + data.nodes[i][0] + "\u201d");
    return i;
  }

  const searchBox = byId("gb-search");
  let lastSearch = null;
  const searchOnce = () => { if (searchBox.value !== lastSearch) { lastSearch = searchBox.value; search(lastSearch); } };
  searchBox.addEventListener("keydown", (event) => { if (event.key === "Enter") { lastSearch = null; searchOnce(); } });
  searchBox.addEventListener("change", searchOnce);

  Object.assign(api, { search: search, findNode: findNode, showNode: showNode, showEdge: showEdge,
    showBundle: showBundle, expand: expand, reset: reset, exportPng: exportPng, labelPixels: labelPixels,
    inViewport: inViewport, centralShown: centralShown, refresh: refresh,
    isVisible: (i) => visible[i] === 1 });
  showStatus();
})();
