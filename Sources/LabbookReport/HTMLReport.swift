/// `index.html`: the report's view model rendered through a mustache template.
public enum HTMLReport {
    /// - Parameters:
    ///   - figures: the drawn figures of each cell label, in order (`ReportWriter` draws them).
    ///   - selfContained: figures embedded as `data:` URIs instead of links to `figures/`.
    ///   - allowHTML: keep raw HTML from the notebook (dropped by default).
    static func render(_ report: Report, template: ReportTemplate = .default, figures: [String: [RenderedFigure]],
                       selfContained: Bool = false, allowHTML: Bool = false) -> String {
        let model = HTMLViewModel(report: report, figures: figures, selfContained: selfContained, allowHTML: allowHTML)
        return template.render(model.build())
    }
}
