// dragoman dashboard: draws the charts from the JSON API. No inline scripts (CSP).
"use strict";

function goldsteinColour(g) {
  // red (-10, hostile) through grey (0) to green (+10, cooperative)
  const t = Math.max(-1, Math.min(1, (g || 0) / 6));
  const grey = [150, 160, 170], red = [192, 57, 43], green = [30, 132, 73];
  const end = t < 0 ? red : green, a = Math.abs(t);
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * a));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

// plotly renders a little HTML in labels: store text goes in as entities only
const esc = s => String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function getJSON(url) {
  const r = await fetch(url, {headers: {Accept: "application/json"}});
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function fail(el, err) {
  el.textContent = "Chart unavailable: " + err.message;
  el.classList.add("empty");
}

// whole days on a date axis: never "12:00" ticks for daily data
function dayAxis(dates) {
  const t = dates.filter(Boolean).map(d => Date.parse(d));
  const span = t.length ? Math.max(...t) - Math.min(...t) : 0;
  const axis = {type: "date", tickformat: "%d %b %Y"};
  if (span < 14 * 86400000) axis.dtick = 86400000;
  return axis;
}

const layoutBase = {margin: {l: 50, r: 20, t: 20, b: 40}, hovermode: "closest",
                    font: {family: "system-ui, sans-serif", size: 12}};

async function tensionChart(el) {
  const data = await getJSON(el.dataset.src);
  const weekly = el.dataset.freq === "W";
  // a gap longer than a week of periods breaks the line: silence is not a trend
  const gap = (weekly ? 7 : 1) * 7 * 86400000;
  const withGaps = points => points.flatMap((p, i) =>
    i && Date.parse(p.period) - Date.parse(points[i - 1].period) > gap
      ? [{period: null, tension: null, n: 0, goldstein_sum: 0}, p] : [p]);
  const traces = Object.entries(data.series).map(([dyad, raw]) => [dyad, withGaps(raw)]).map(([dyad, points]) => ({
    name: esc(dyad), type: "scatter", mode: "lines+markers", x: points.map(p => p.period),
    y: points.map(p => p.tension),
    text: points.map(p => `${p.n} event(s), Goldstein sum ${p.goldstein_sum.toFixed(1)}` +
                         (p.alert ? ` — alert: ${p.alert}` : "")),
    marker: {size: points.map(p => 6 + 2 * Math.sqrt(p.n)),
             line: {width: points.map(p => p.alert ? 3 : 0), color: "#f6ad55"}},
    hovertemplate: "%{x}<br>tension %{y:.2f}<br>%{text}<extra>%{fullData.name}</extra>",
    customdata: points.map(p => [dyad, p.period]),
    connectgaps: false,
  }));
  const layout = Object.assign({}, layoutBase, {
    yaxis: {title: {text: "tension (+ hostile, − cooperative)"}, zeroline: true},
    xaxis: dayAxis(traces.flatMap(t => t.x)), legend: {orientation: "h"}});
  await Plotly.newPlot(el, traces, layout, {displaylogo: false, responsive: true});
  el.on("plotly_click", ev => {
    const [dyad, period] = ev.points[0].customdata;
    let end = period;
    if (weekly) {
      const d = new Date(period + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 6);
      end = d.toISOString().slice(0, 10);
    }
    window.location.href = `/events?dyad=${encodeURIComponent(dyad)}&start=${period}&end=${end}`;
  });
}

async function timelineChart(el) {
  const data = await getJSON(el.dataset.src);
  const items = data.items.filter(e => e.day);
  const trace = {
    type: "scatter", mode: "markers", x: items.map(e => e.day), y: items.map(e => e.goldstein),
    text: items.map(e => esc(`${e.source_code || "?"} ${e.type} ${e.target_code || "?"}`)),
    customdata: items.map(e => e.evidence),
    marker: {size: 11, color: items.map(e => goldsteinColour(e.goldstein)),
             line: {width: 1, color: "#fff"}},
    hovertemplate: "%{x}<br>%{text}<br>Goldstein %{y}<extra>click for the sentence</extra>",
  };
  const layout = Object.assign({}, layoutBase, {
    yaxis: {title: {text: "Goldstein"}, range: [-10.5, 10.5]}, xaxis: dayAxis(trace.x)});
  await Plotly.newPlot(el, [trace], layout, {displaylogo: false, responsive: true});
  el.on("plotly_click", ev => { window.location.href = ev.points[0].customdata; });
}

async function networkChart(el) {
  const data = await getJSON(el.dataset.src);
  const pos = Object.fromEntries(data.nodes.map(n => [n.id, n]));
  const maxN = Math.max(1, ...data.edges.map(e => e.n));
  const traces = data.edges.map(e => ({
    type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
    x: [pos[e.source].x, pos[e.target].x], y: [pos[e.source].y, pos[e.target].y],
    line: {color: goldsteinColour(e.goldstein_mean), width: 1.5 + 7 * e.n / maxN},
    text: `${esc(e.dyad)}: ${e.n} event(s), mean Goldstein ${e.goldstein_mean.toFixed(1)}`,
  }));
  // edge labels at the midpoints, so hovering an edge is easy
  traces.push({
    type: "scatter", mode: "markers", showlegend: false,
    x: data.edges.map(e => (pos[e.source].x + pos[e.target].x) / 2),
    y: data.edges.map(e => (pos[e.source].y + pos[e.target].y) / 2),
    marker: {size: 9, color: data.edges.map(e => goldsteinColour(e.goldstein_mean)), symbol: "diamond"},
    text: data.edges.map(e => `${esc(e.dyad)}: ${e.n} event(s), mean Goldstein ${e.goldstein_mean.toFixed(1)}<br>` +
                              Object.entries(e.types).map(([t, n]) => `${esc(t)} ${n}`).join(", ")),
    customdata: data.edges.map(e => e.events), hoverinfo: "text",
  });
  traces.push({
    type: "scatter", mode: "markers+text", showlegend: false,
    x: data.nodes.map(n => n.x), y: data.nodes.map(n => n.y), text: data.nodes.map(n => esc(n.id)),
    textposition: "top center", customdata: data.nodes.map(n => n.page),
    marker: {size: data.nodes.map(n => 14 + 3 * Math.sqrt(n.events)), color: "#2c5282",
             line: {width: 2, color: "#fff"}},
    hovertemplate: "%{text} <extra>click for the actor page</extra>",
    textfont: {size: 13, color: "#1f2933"},
  });
  const axis = {visible: false, range: [-1.3, 1.3]};
  const layout = Object.assign({}, layoutBase, {xaxis: axis, yaxis: Object.assign({scaleanchor: "x"}, axis)});
  await Plotly.newPlot(el, traces, layout, {displaylogo: false, responsive: true});
  el.on("plotly_click", ev => {
    const target = ev.points[0].customdata;
    if (typeof target === "string" && target.startsWith("/")) window.location.href = target;
  });
}

const charts = {"tension-chart": tensionChart, "timeline-chart": timelineChart,
                "network-chart": networkChart};
for (const [id, draw] of Object.entries(charts)) {
  const el = document.getElementById(id);
  if (el && window.Plotly) {
    draw(el).then(() => el.setAttribute("data-drawn", "1")).catch(err => fail(el, err));
  }
}
