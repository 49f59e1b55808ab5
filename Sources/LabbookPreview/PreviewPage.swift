import Foundation

/// What the preview adds to the report's `index.html` as it serves it: the version of the report
/// the page shows and the script that keeps it live. The report folder's own `index.html` stays
/// as `render` writes it.
enum PreviewPage {
    /// The path of the script, outside the report's own names.
    static let scriptPath = "/_labbook/preview.js"
    /// The path of the WebSocket.
    static let socketPath = "/_labbook/socket"

    /// The page served before the first render has written the report.
    static let waiting = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>labbook preview</title></head>
        <body><p style="font: 1rem system-ui, sans-serif; margin: 3rem auto; max-width: 40rem">The first render is under way.</p></body></html>
        """

    /// `html` with the preview's script before its `</body>` (at its end when there is none).
    static func inject(into html: String, version: Int) -> String {
        let tags = "<script data-labbook-preview>window.labbookPreviewVersion = \(version);</script>"
            + "<script data-labbook-preview src=\"\(scriptPath)\"></script>\n"
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tags }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: tags)
    }

    /// The page's own words, in the report's languages (the page's `lang`; English otherwise).
    static let words: [String: [String: String]] = [
        "en": ["failed": "The last render failed", "lastGood": "The page shows the last good report; save a fix and it updates.",
               "rendering": "rendering…", "reconnecting": "preview stopped: reconnecting…"],
        "es": ["failed": "La última ejecución ha fallado",
               "lastGood": "La página muestra el último informe correcto; guarda una corrección y se actualizará.",
               "rendering": "ejecutando…", "reconnecting": "vista previa detenida: reconectando…"],
    ]

    /// ``words`` as a JavaScript object literal.
    private static var wordsJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        // A dictionary of strings always encodes.
        return (try? encoder.encode(words)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The script: it listens on the WebSocket (reconnecting when the preview restarts; the root
    /// element's `data-labbook-preview` says `live` or `offline`), shows
    /// the block that runs in a corner, puts each new version of the report in place of the old
    /// one without a reload (the scroll position stays; the figures' URLs carry the version, so
    /// no cached figure stays), and lays a failed render's diagnostics over the page until the
    /// next good one.
    static let script = #"""
    (() => {
      "use strict";
      let version = window.labbookPreviewVersion || 0;
      const style = document.createElement("style");
      style.textContent = `
        #labbook-preview-status { position: fixed; top: 0.75rem; right: 0.75rem; z-index: 1000;
          font: 13px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; background: #1f2937; color: #f9fafb;
          padding: 0.35rem 0.7rem; border-radius: 0.4rem; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); }
        #labbook-preview-status[hidden], #labbook-preview-overlay[hidden] { display: none; }
        #labbook-preview-overlay { position: fixed; inset: 0; z-index: 999; background: rgb(255 255 255 / 0.55);
          backdrop-filter: blur(1px); overflow: auto; padding: 3rem 1rem; }
        #labbook-preview-overlay > div { max-width: 60rem; margin: 0 auto; background: #fff; border: 2px solid #b91c1c;
          border-radius: 0.5rem; box-shadow: 0 8px 32px rgb(0 0 0 / 0.25); padding: 1rem 1.25rem; }
        #labbook-preview-overlay h2 { margin: 0 0 0.25rem; font: 600 1.1rem system-ui, sans-serif; color: #b91c1c; }
        #labbook-preview-overlay p { margin: 0 0 0.75rem; font: 0.9rem system-ui, sans-serif; color: #374151; }
        #labbook-preview-overlay pre { margin: 0; white-space: pre-wrap; font: 13px/1.45 ui-monospace, "DejaVu Sans Mono", monospace;
          color: #111827; background: #fef2f2; padding: 0.75rem; border-radius: 0.3rem; }`;
      const status = document.createElement("div");
      status.id = "labbook-preview-status";
      status.hidden = true;
      const overlay = document.createElement("div");
      overlay.id = "labbook-preview-overlay";
      overlay.hidden = true;
      const allWords = \#(wordsJSON);
      const words = allWords[document.documentElement.lang] || allWords.en;
      overlay.innerHTML = "<div role=\"alert\"><h2></h2><p></p><pre></pre></div>";
      overlay.querySelector("h2").textContent = words.failed;
      overlay.querySelector("p").textContent = words.lastGood;
      function attach() {
        for (const element of [style, status, overlay]) {
          if (!element.isConnected) (element === style ? document.head : document.body).append(element);
        }
      }
      function show(text) {
        status.textContent = text;
        status.hidden = !text;
      }
      function versioned(url, v) {
        if (!url || /^([a-z]+:|#|\/\/)/i.test(url)) return url;
        return url + (url.includes("?") ? "&" : "?") + "v=" + v;
      }
      async function update(v) {
        const response = await fetch("/index.html", { cache: "no-store" });
        if (!response.ok) return;
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        page.querySelectorAll("script[data-labbook-preview]").forEach((script) => script.remove());
        page.querySelectorAll("img[src]").forEach((img) => img.setAttribute("src", versioned(img.getAttribute("src"), v)));
        page.querySelectorAll("a[href^='figures/']").forEach((a) => a.setAttribute("href", versioned(a.getAttribute("href"), v)));
        document.title = page.title;
        document.head.replaceChildren(...page.head.childNodes);
        document.body.replaceChildren(...page.body.childNodes);
        version = v;
        document.documentElement.dataset.labbookVersion = String(v);
        attach();
      }
      function connect() {
        const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_labbook/socket");
        socket.onopen = () => {
          document.documentElement.dataset.labbookPreview = "live";
          show("");
        };
        socket.onmessage = (event) => {
          // One message at a time: a version is in place before the next message is looked at.
          queue = queue.then(() => handle(JSON.parse(event.data))).catch(() => {});
        };
        socket.onclose = () => {
          document.documentElement.dataset.labbookPreview = "offline";
          show(words.reconnecting);
          setTimeout(connect, 1000);
        };
      }
      let queue = Promise.resolve();
      async function handle(message) {
          switch (message.kind) {
            case "rendering": show(words.rendering); break;
            case "progress": show(message.step + (message.epoch ? " · " + message.epoch : "")); break;
            case "rendered":
              overlay.hidden = true;
              show("");
              if (message.version !== version) await update(message.version);
              break;
            case "failed":
              overlay.querySelector("pre").textContent = message.diagnostics;
              overlay.hidden = false;
              show("");
              break;
          }
      }
      document.documentElement.dataset.labbookVersion = String(version);
      attach();
      connect();
    })();
    """#
}
