// Generated from templates/report.html.mustache: do not edit here. Edit the template, then run
// `LABBOOK_UPDATE_GOLDEN=1 swift test --filter LabbookReportTests` to regenerate this file.
enum DefaultTemplate {
    static let text = ##"""
<!DOCTYPE html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="labbook {{engine.version}}">
<title>{{title}}</title>
{{! labbook's report template. Logic-less: the view model (HTMLViewModel.swift) decides
    everything. Keys ending in Html hold escaped HTML and go in triple mustaches; every other
    value is plain text and goes in double mustaches, which escape it. }}
<style>
:root {
  --text: #212529; --muted: #6c757d; --border: #dee2e6; --accent: #2780e3; --accent-soft: #e9f2fc;
  --code-bg: #f7f7f9; --output-bg: #ffffff; --ok: #198754; --ok-soft: #e8f5ee; --bad: #dc3545;
  --bad-soft: #fdecee; --warn: #b7791f; --warn-soft: #fff8e6;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { font-size: 16px; -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font-family: var(--sans); line-height: 1.6; }
.page { display: grid; grid-template-columns: minmax(0, 1fr) 15rem; gap: 3rem; max-width: 72rem; margin: 0 auto; padding: 2.5rem 2rem 4rem; }
main { min-width: 0; max-width: 50rem; }
aside.toc { position: sticky; top: 1.5rem; align-self: start; max-height: calc(100vh - 3rem); overflow-y: auto; font-size: .875rem; }
@media (max-width: 62rem) { .page { display: flex; flex-direction: column; gap: 0; padding: 1.5rem 1.1rem 3rem; } aside.toc { order: -1; position: static; max-height: none; margin-bottom: 1.5rem; } }
header.title-block { margin-bottom: 2rem; padding-bottom: 1.25rem; border-bottom: 1px solid var(--border); }
header.title-block h1 { font-size: 2.25rem; line-height: 1.2; margin: 0 0 .5rem; font-weight: 600; letter-spacing: -.01em; border: 0; padding: 0; }
header.title-block .author { color: var(--muted); margin: 0; }
header.title-block .meta { color: var(--muted); font-size: .85rem; margin-top: .35rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; font-weight: 600; margin: 2rem 0 .75rem; scroll-margin-top: 1rem; }
main h1 { font-size: 1.9rem; border-bottom: 1px solid var(--border); padding-bottom: .3rem; }
main h2 { font-size: 1.55rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
main h3 { font-size: 1.25rem; } main h4 { font-size: 1.1rem; }
p, ul, ol, blockquote, table, pre, figure { margin: 0 0 1rem; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
blockquote { border-left: 4px solid var(--border); padding: .1rem 1rem; color: var(--muted); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
code { font-family: var(--mono); font-size: .875em; background: var(--code-bg); padding: .1em .3em; border-radius: 4px; color: #7d12ba; }
pre { font-family: var(--mono); font-size: .85rem; line-height: 1.5; overflow-x: auto; padding: .8rem 1rem; background: var(--code-bg); border-radius: 6px; border: 1px solid #eceef1; }
pre code { background: none; padding: 0; color: inherit; font-size: inherit; }
.inline-value { font-weight: 600; color: #0b5394; background: var(--accent-soft); padding: 0 .25em; border-radius: 3px; }
.inline-missing { color: var(--bad); }
/* Table of contents */
.toc h2 { font-size: .8rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 .5rem; border: 0; }
.toc ul { list-style: none; padding: 0; margin: 0 0 1.5rem; border-left: 1px solid var(--border); }
.toc li a { display: block; padding: .18rem 0 .18rem .8rem; color: var(--muted); margin-left: -1px; border-left: 1px solid transparent; }
.toc li a:hover { color: var(--accent); border-left-color: var(--accent); text-decoration: none; }
.toc .depth-1 a { padding-left: 1.6rem; } .toc .depth-2 a { padding-left: 2.4rem; }
.toc .tools button { font: inherit; font-size: .8rem; color: var(--muted); background: #fff; border: 1px solid var(--border); border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
.toc .tools button:hover { color: var(--accent); border-color: var(--accent); }
/* Questions index */
section.questions { margin: 0 0 2.5rem; border: 1px solid var(--border); border-radius: 8px; padding: 1rem 1.25rem .5rem; background: #fcfcfd; }
section.questions h2 { margin: 0 0 .75rem; font-size: 1.15rem; border: 0; padding: 0; }
section.questions table { width: 100%; }
section.questions td.points, section.questions th.points { text-align: right; white-space: nowrap; }
.q-ok { color: var(--ok); } .q-missing { color: var(--warn); font-weight: 600; }
.summary-line { color: var(--muted); font-size: .9rem; }
.question-statement { border-left: 3px solid var(--accent); background: var(--accent-soft); padding: .6rem 1rem .1rem; border-radius: 0 6px 6px 0; margin: 1.5rem 0 1rem; scroll-margin-top: 1rem; }
.question-statement > :first-child { margin-top: 0; }
.unanswered-note { color: var(--warn); font-weight: 600; font-size: .85rem; margin: -.6rem 0 .6rem; }
/* Tables */
table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
th, td { padding: .35rem .75rem; border-bottom: 1px solid var(--border); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #adb5bd; font-weight: 600; }
.output table.numeric td, .output table.numeric th { text-align: right; }
.output table.numeric td:first-child, .output table.numeric th:first-child { text-align: left; }
.table-wrap { overflow-x: auto; }
/* Cells */
.cell { margin: 1.25rem 0 1.75rem; }
.cell-error .cell-code, .cell-timeout .cell-code, .cell-interrupted .cell-code { border-color: #f1aeb5; }
.cell-expected-error .cell-code { border-color: #f0d9a8; }
.cell-code { border: 1px solid #e3e6ea; border-radius: 6px; background: var(--code-bg); }
.cell-code > summary { list-style: none; cursor: pointer; display: flex; gap: .75rem; align-items: baseline; font-size: .78rem; color: var(--muted); padding: .35rem .8rem; user-select: none; }
.cell-code > summary::-webkit-details-marker { display: none; }
.cell-code > summary::before { content: "▸"; display: inline-block; transition: transform .15s; }
.cell-code[open] > summary::before { transform: rotate(90deg); }
.cell-code > summary .label { font-family: var(--mono); color: #495057; }
.cell-code > summary .spacer { flex: 1; }
.cell-code pre { margin: 0; border: 0; border-top: 1px solid #e3e6ea; border-radius: 0 0 6px 6px; }
.cell-meta { display: flex; gap: .75rem; align-items: baseline; font-size: .78rem; color: var(--muted); padding: .2rem .1rem; }
.cell-meta .label { font-family: var(--mono); }
.status { font-size: .72rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .45rem; border-radius: 999px; }
.status-error, .status-timeout, .status-interrupted { color: #fff; background: var(--bad); }
.status-expected-error { color: var(--warn); background: var(--warn-soft); border: 1px solid #f0d9a8; }
.status-skipped { color: var(--muted); background: #f1f3f5; }
.cached { font-style: italic; }
.output { margin: .6rem 0 0; }
.output pre.text { background: #fff; border: 1px solid #e9ecef; border-left: 3px solid #ced4da; }
.output .caption-line { font-size: .85rem; color: var(--muted); margin: -.5rem 0 1rem; }
.evaluation { font-family: var(--mono); font-size: .85rem; display: inline-block; background: var(--ok-soft); border: 1px solid #cfe8da; border-radius: 6px; padding: .35rem .8rem; }
figure { margin: 1rem 0; text-align: center; }
figure img { max-width: 100%; height: auto; border: 1px solid #eef0f2; border-radius: 4px; }
figcaption { font-size: .875rem; color: var(--muted); margin-top: .4rem; }
.expectation { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; padding: .45rem .8rem; border-radius: 6px; font-size: .9rem; margin: .5rem 0; }
.expectation.pass { background: var(--ok-soft); border: 1px solid #cfe8da; }
.expectation.fail { background: var(--bad-soft); border: 1px solid #f5c2c7; }
.badge { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; border-radius: 999px; padding: .1rem .55rem; color: #fff; }
.badge-pass { background: var(--ok); } .badge-fail { background: var(--bad); }
.expectation code { color: var(--text); background: rgba(255,255,255,.7); }
.expectation .values { color: var(--muted); font-family: var(--mono); font-size: .82rem; }
.diagnostic { border: 1px solid #f5c2c7; border-left: 4px solid var(--bad); background: var(--bad-soft); border-radius: 6px; padding: .6rem 1rem; margin: .6rem 0; }
.diagnostic.warning { border-color: #f0d9a8; border-left-color: var(--warn); background: var(--warn-soft); }
.diagnostic.expected { border-color: #f0d9a8; border-left-color: var(--warn); background: var(--warn-soft); }
.diagnostic .head { font-family: var(--mono); font-size: .85rem; margin: 0; }
.diagnostic .location { color: var(--muted); }
.diagnostic .severity { font-weight: 700; color: var(--bad); }
.diagnostic.warning .severity, .diagnostic.expected .severity { color: var(--warn); }
.diagnostic pre { background: rgba(255,255,255,.6); border: 0; margin: .5rem 0 0; padding: .4rem .8rem; }
.diagnostic .gutter { color: var(--muted); user-select: none; }
.diagnostic .help { margin: .4rem 0 0; font-size: .88rem; }
.diagnostic .head.note { margin-top: .5rem; }
.diagnostic .head.note .severity { color: var(--muted); }
.diagnostic .fixit { color: var(--ok); }
.output table.summary td:last-child, .output table.summary th:last-child { text-align: right; }
td.mono { font-family: var(--mono); font-size: .82rem; }
.summary-model { font-family: var(--mono); font-size: .85rem; margin: 0 0 .3rem; }
.summary-totals { font-size: .85rem; color: var(--muted); margin: 0; }
.fit-footer { font-size: .82rem; color: var(--muted); margin-top: -.6rem; }
/* Syntax highlighting */
.hl-kw { color: #9b2393; font-weight: 600; } .hl-str { color: #c41a16; } .hl-interp { color: #6c36a9; }
.hl-num { color: #1c00cf; } .hl-com { color: #5d6c79; font-style: italic; } .hl-ty { color: #0b4f79; }
.hl-mem { color: #326d74; }
footer { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--border); color: var(--muted); font-size: .82rem; }
footer p { margin: .2rem 0; }
footer code { color: var(--muted); background: none; padding: 0; }
body.hide-code .cell-code pre { display: none; }
@media print {
  .page { display: block; max-width: none; padding: 0; }
  aside.toc, .toc .tools { display: none; }
  body { font-size: 11pt; }
  .cell-code > summary { display: none; }
  .cell-code pre { display: block !important; border-top: 0; }
  pre { white-space: pre-wrap; word-break: break-word; }
  .cell, figure, table, .diagnostic, .expectation { break-inside: avoid; }
  a { color: inherit; }
}
</style>
</head>
<body>
<div class="page">
<main>
<header class="title-block">
<h1>{{title}}</h1>
{{#author}}<p class="author">{{author}}</p>{{/author}}
</header>
{{#hasQuestions}}
<section class="questions" id="questions">
<h2>{{words.questions}}</h2>
<table>
<thead><tr><th>{{words.question}}</th><th class="points">{{words.pointsTitle}}</th><th>{{words.status}}</th></tr></thead>
<tbody>
{{#questions}}
<tr class="{{#answered}}answered{{/answered}}{{#unanswered}}unanswered{{/unanswered}}"><td><a href="#{{anchor}}">{{title}}</a></td><td class="points">{{points}}</td><td>{{#answered}}<span class="q-ok">✓ {{words.answered}}</span>{{/answered}}{{#unanswered}}<span class="q-missing" title="{{words.unanswered}}">⚠ {{words.unanswered}}</span>{{/unanswered}}</td></tr>
{{/questions}}
</tbody>
<tfoot><tr><th>{{words.total}}</th><th class="points">{{totalPoints}}</th><th></th></tr></tfoot>
</table>
</section>
{{/hasQuestions}}
{{#items}}
{{#prose}}
<div class="prose{{#anchor}} question-statement{{/anchor}}"{{#anchor}} id="{{anchor}}"{{/anchor}}>
{{{proseHtml}}}{{#unanswered}}<p class="unanswered-note">⚠ {{words.unanswered}}</p>
{{/unanswered}}</div>
{{/prose}}
{{#cell}}
<div class="cell cell-{{status}}" id="cell-{{label}}" data-label="{{label}}">
{{#echo}}
<details class="cell-code" open>
<summary><span class="label" title="{{notebookPath}}:{{line}}">{{label}}</span>{{#notOk}}<span class="status status-{{status}}">{{statusText}}</span>{{/notOk}}<span class="spacer"></span>{{#cached}}<span class="cached">{{words.cached}}</span>{{/cached}}<span class="seconds">{{seconds}}</span></summary>
<pre><code class="language-swift">{{{codeHtml}}}</code></pre>
</details>
{{/echo}}
{{^echo}}
{{#notOk}}<div class="cell-meta"><span class="label">{{label}}</span><span class="status status-{{status}}">{{statusText}}</span></div>{{/notOk}}
{{/echo}}
{{#outputs}}
<div class="output">
{{#text}}<pre class="text">{{text}}</pre>{{/text}}
{{#table}}<div class="table-wrap"><table class="data">
<thead><tr>{{#headers}}<th>{{text}}</th>{{/headers}}</tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td>{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody>
</table></div>{{/table}}
{{#fit}}<div class="table-wrap"><table class="numeric epochs">
<thead><tr>{{#headers}}<th>{{text}}</th>{{/headers}}</tr></thead>
<tbody>{{#rows}}<tr>{{#cells}}<td>{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody>
</table></div>
<p class="fit-footer">{{words.stopReason}}: {{stopReason}} · {{params}} {{words.parameters}}</p>{{/fit}}
{{#summary}}<p class="summary-model">Model: "{{modelName}}"</p>
<div class="table-wrap"><table class="summary">
<thead><tr><th>{{words.layer}}</th><th>{{words.outputShape}}</th><th>{{words.paramCount}}</th></tr></thead>
<tbody>{{#rows}}<tr><td class="mono">{{layer}}</td><td class="mono">{{shape}}</td><td>{{params}}</td></tr>{{/rows}}</tbody>
</table></div>
<p class="summary-totals">{{#totals}}{{name}}: <strong>{{value}}</strong><br>{{/totals}}</p>{{/summary}}
{{#evaluation}}<div class="evaluation">{{text}}</div>{{/evaluation}}
{{#figure}}<figure><img src="{{src}}" alt="{{alt}}"{{#width}} width="{{width}}"{{/width}}{{#height}} height="{{height}}"{{/height}}>{{#caption}}<figcaption>{{caption}}</figcaption>{{/caption}}</figure>{{/figure}}
{{#expectation}}<div class="expectation {{#passed}}pass{{/passed}}{{#failed}}fail{{/failed}}"><span class="badge {{#passed}}badge-pass{{/passed}}{{#failed}}badge-fail{{/failed}}">{{badge}}</span><code>{{text}}</code>{{#hasValues}}<span class="values">{{#values}}{{name}} = {{value}}  {{/values}}</span>{{/hasValues}}</div>{{/expectation}}
{{#diagnostic}}<div class="diagnostic {{severity}}{{#expected}} expected{{/expected}}" role="note">
<p class="head">{{#hasLocation}}<span class="location">{{location}}:</span> {{/hasLocation}}<span class="severity">{{severity}}:</span> {{message}}</p>
{{#hasSource}}<pre>{{#sourceLines}}<span class="gutter">{{gutter}} | </span>{{#fixIt}}<span class="fixit">{{text}}</span>{{/fixIt}}{{^fixIt}}{{text}}{{/fixIt}}
{{/sourceLines}}</pre>{{/hasSource}}{{#notes}}
<p class="head note">{{#hasLocation}}<span class="location">{{location}}:</span> {{/hasLocation}}<span class="severity">{{severity}}:</span> {{message}}</p>
{{#hasSource}}<pre>{{#sourceLines}}<span class="gutter">{{gutter}} | </span>{{text}}
{{/sourceLines}}</pre>{{/hasSource}}{{/notes}}
{{#help}}<p class="help"><strong>{{helpWord}}:</strong> {{help}}</p>{{/help}}
</div>{{/diagnostic}}
</div>
{{/outputs}}
</div>
{{/cell}}
{{/items}}
<footer>
<p>{{words.engine}}: labbook {{engine.version}} · {{engine.blas}} · {{engine.threads}} {{words.threads}} · {{engine.reproducibility}} · {{words.seed}} {{seed}}</p>
<p>{{notebookPath}} · sha256 <code>{{notebookSha256}}</code></p>
<p>{{words.renderedIn}} {{renderSeconds}} · {{words.renderedAt}} {{renderedAt}}</p>
</footer>
</main>
<aside class="toc">
{{#hasToc}}
<nav id="contents">
<h2>{{words.contents}}</h2>
<ul>
{{#hasQuestions}}<li><a href="#questions">{{words.questions}}</a></li>{{/hasQuestions}}
{{#toc}}<li class="depth-{{depth}}"><a href="#{{id}}">{{text}}</a></li>
{{/toc}}
</ul>
</nav>
{{/hasToc}}
<div class="tools"><button type="button" id="toggle-code" data-show="{{words.showCode}}" data-hide="{{words.hideCode}}">{{words.hideCode}}</button></div>
</aside>
</div>
<script>
// Show or hide every block's code at once (each block also folds on its own).
(function () {
  var button = document.getElementById("toggle-code");
  if (!button) return;
  button.addEventListener("click", function () {
    var hidden = document.body.classList.toggle("hide-code");
    button.textContent = hidden ? button.dataset.show : button.dataset.hide;
  });
})();
</script>
</body>
</html>

"""##
}
