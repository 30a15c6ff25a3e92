/* graphbuild viewer: draws the graph embedded in #gb-data with vis-network.
 *
 * Safety rule: text from the data reaches the page only through textContent, option values and
 * vis-network tooltips given as strings (which vis-network writes with innerText); never innerHTML.
 *
 * Data (see graphbuild/viewer/payload.py):
 *   nodes      [label, classIndex, x, y, size, mentions, aliases[], iri]
 *   edges      [from, to, propIndex, flags (1 not asserted, 2 negated), rankInPair, statementIndexes[]]
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

  // ------------------------------------------------------------------ filters state
  const classOn = data.classes.map(() => true);
  const categoryOn = data.categories.map(() => true);
  const uncertainBox = byId("gb-uncertain");
  uncertainBox.checked = !!meta.showUncertain;

  // ------------------------------------------------------------------ nodes and edges
  const edgesOf = data.nodes.map(() => []);
  const pairCount = new Map();
  data.edges.forEach((e, i) => {
    edgesOf[e[0]].push(i);
    if (e[1] !== e[0]) edgesOf[e[1]].push(i);
    const key = Math.min(e[0], e[1]) + ":" + Math.max(e[0], e[1]);
    pairCount.set(key, (pairCount.get(key) || 0) + 1);
  });

  function nodeTooltip(n, i) {
    const lines = [n[0], "class: " + data.classes[n[1]][0]];
    if (n[6].length) lines.push("also: " + n[6].join(", "));
    lines.push("mentions: " + n[5], "relations: " + edgesOf[i].length);
    return lines.join("\n");
  }

  function edgeLabel(e) {
    const label = data.props[e[2]][0];
    return e[3] & 2 ? "not " + label : label;
  }

  function edgeTooltip(e) {
    const n = e[5].length;
    const lines = [data.nodes[e[0]][0] + " \u2192 " + edgeLabel(e) + " \u2192 " + data.nodes[e[1]][0],
      "category: " + data.categories[data.props[e[2]][1]][0]];
    if (e[3] & 1) lines.push("not asserted: negated, hedged or someone's claim");
    lines.push(n + (n === 1 ? " sentence" : " sentences") + " (click to read)");
    return lines.join("\n");
  }

  const nodeItems = data.nodes.map((n, i) => {
    const colour = data.classes[n[1]][1];
    return {
      id: i, label: short(n[0]), x: n[2], y: n[3], value: n[4],
      title: nodeTooltip(n, i),
      color: { background: colour, border: "#555", highlight: { background: colour, border: "#000" },
        hover: { background: colour, border: "#000" } },
    };
  });
  const edgeItems = data.edges.map((e, i) => {
    const colour = data.categories[data.props[e[2]][1]][1];
    const parallel = pairCount.get(Math.min(e[0], e[1]) + ":" + Math.max(e[0], e[1])) > 1;
    return {
      id: i, from: e[0], to: e[1], label: edgeLabel(e),
      title: edgeTooltip(e),
      dashes: (e[3] & 1) ? [6, 5] : false,
      color: { color: colour, highlight: colour, hover: colour, opacity: (e[3] & 1) ? 0.6 : 0.9 },
      smooth: parallel ? { enabled: true, type: "curvedCW", roundness: 0.12 + 0.18 * e[4] } : false,
    };
  });

  function nodeVisible(i) { return classOn[data.nodes[i][1]]; }
  function edgeVisible(i) {
    const e = data.edges[i];
    return categoryOn[data.props[e[2]][1]] && (uncertainBox.checked || !(e[3] & 1))
      && nodeVisible(e[0]) && nodeVisible(e[1]);
  }

  const nodes = new vis.DataSet(nodeItems);
  const edges = new vis.DataSet(edgeItems);
  const nodeView = new vis.DataView(nodes, { filter: (item) => nodeVisible(item.id) });
  const edgeView = new vis.DataView(edges, { filter: (item) => edgeVisible(item.id) });

  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    showStatus();
  }

  // ------------------------------------------------------------------ the network
  const physics = meta.physics ? {
    enabled: true, solver: "barnesHut",
    barnesHut: { gravitationalConstant: -2500, centralGravity: 0.5, springLength: 110, springConstant: 0.04, avoidOverlap: 0.5 },
    stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true },
  } : { enabled: false };
  const network = new vis.Network(byId("gb-network"), { nodes: nodeView, edges: edgeView }, {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: physics,
    interaction: { hover: !meta.large, tooltipDelay: 150, hideEdgesOnDrag: meta.large,
      hideEdgesOnZoom: meta.large, keyboard: false, multiselect: false },
    nodes: { shape: "dot", borderWidth: 1, font: { size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { min: 7, max: 30, label: { enabled: true, min: 12, max: 22, drawThreshold: 5 } } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, width: 1, selectionWidth: 2, hoverWidth: 1,
      font: { size: 10, color: "#444", align: "middle", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { label: { drawThreshold: 6 } }, smooth: false },
  });
  api.network = network;
  api.nodes = nodes;
  api.edges = edges;
  api.nodeView = nodeView;
  api.edgeView = edgeView;

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
  if (meta.physics) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      whenDrawn();
    });
  } else {
    network.fit({ animation: false });
    if (api.arrowsForZoom) api.arrowsForZoom();
    whenDrawn();
  }

  // ------------------------------------------------------------------ status line and legend
  function showStatus(extra) {
    let visible = 0;
    for (let i = 0; i < data.nodes.length; i++) if (nodeVisible(i)) visible++;
    const parts = [meta.shown + " of " + meta.total + " entities"];
    if (meta.leftOut) parts.push(meta.leftOut + " left out (--max-nodes " + meta.maxNodes + ", most connected kept)");
    if (visible !== meta.shown) parts.push(visible + " visible");
    parts.push(data.edges.length + " relations");
    if (meta.focus) parts.push("around \u201c" + meta.focus + "\u201d, " + meta.hops + (meta.hops === 1 ? " hop" : " hops"));
    if (meta.fromQuery) parts.push("from a CONSTRUCT query");
    if (extra) parts.push(extra);
    byId("gb-status").textContent = parts.join(" \u00b7 ");
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
  data.categories.forEach((c, i) => legendItem(byId("gb-categories"), c[0], categoryCounts[i], "gb-line", c[1], true,
    (on) => { categoryOn[i] = on; refresh(); }));
  uncertainBox.addEventListener("change", refresh);

  // ------------------------------------------------------------------ side panel
  const panel = byId("gb-panel");
  const panelTitle = byId("gb-panel-title");
  const panelBody = byId("gb-panel-body");

  function setPanel(visible) {
    if (panel.hidden !== visible) return;
    panel.hidden = !visible;
    network.setSize();  // measure the narrower or wider canvas now, keeping the view's centre
  }
  function openPanel(title) {
    panelTitle.textContent = title;
    panelBody.replaceChildren();
    setPanel(true);
  }
  byId("gb-close").addEventListener("click", () => { setPanel(false); network.unselectAll(); });

  function showNode(i) {
    const n = data.nodes[i];
    openPanel(n[0]);
    const facts = ["class: " + data.classes[n[1]][0], "mentions: " + n[5]];
    if (n[6].length) facts.push("also called: " + n[6].join(", "));
    facts.push(n[7]);
    panelBody.append(el("p", facts.join("\n"), "gb-facts"));
    const shown = edgesOf[i].filter(edgeVisible);
    panelBody.append(el("h3", "Relations (" + shown.length + ")"));
    const list = el("ul", null, "gb-rel");
    shown.forEach((k) => {
      const e = data.edges[k];
      const li = el("li");
      const button = el("button", e[0] === i
        ? "\u2192 " + edgeLabel(e) + " \u2192 " + data.nodes[e[1]][0]
        : "\u2190 " + data.nodes[e[0]][0] + " " + edgeLabel(e));
      button.type = "button";
      button.addEventListener("click", () => { network.selectEdges([k]); showEdge(k); });
      li.append(button);
      if (e[3] & 1) li.append(el("span", " (not asserted)", "gb-uncertain"));
      list.append(li);
    });
    panelBody.append(list);
    const hidden = edgesOf[i].length - shown.length;
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

  function showEdge(k) {
    const e = data.edges[k];
    openPanel(data.nodes[e[0]][0] + " \u2192 " + edgeLabel(e) + " \u2192 " + data.nodes[e[1]][0]);
    const facts = ["category: " + data.categories[data.props[e[2]][1]][0], data.props[e[2]][2]];
    if (e[3] & 1) facts.push("not asserted (dashed): the text negates, hedges or attributes it");
    panelBody.append(el("p", facts.join("\n"), "gb-facts"));
    panelBody.append(el("h3", e[5].length + (e[5].length === 1 ? " sentence" : " sentences")));
    e[5].forEach((s) => {
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
      panelBody.append(box);
    });
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
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
    if (!classOn[cls]) { classOn[cls] = true; classBoxes[cls].checked = true; refresh(); }
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

  Object.assign(api, { search: search, findNode: findNode, showNode: showNode, showEdge: showEdge });
  showStatus();
})();
