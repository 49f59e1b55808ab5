import Foundation
import LabbookReport

/// The class at a glance, `index.html`: the distribution of totals as a figure, each question's
/// mean and full-marks rate, every student with status, total and links to their feedback and
/// report, the submissions that could not be graded, with why, and what a merge of shards
/// found missing.
struct ClassOverview {
    let grades: [SubmissionGrade]
    let master: MasterInfo
    var problems: [String] = []
    var copied: [CopiedPair] = []

    /// The totals' histogram: `bins` bars from 0 to the maximum, as counts.
    var histogram: (width: Double, counts: [Int]) {
        let maximum = max(master.questions.map(\.points).reduce(0, +), 1)
        let width = maximum <= 20 ? 1 : (maximum / 10).rounded(.up)
        var counts = Array(repeating: 0, count: Int((maximum / width).rounded(.up)) + 1)
        for grade in grades {
            counts[min(counts.count - 1, max(0, Int(grade.total / width)))] += 1
        }
        return (width, counts)
    }

    /// The histogram drawn as an SVG figure (bars, their counts, the points under them).
    var figure: String {
        let (width, counts) = histogram
        let bar = 36.0, gap = 6.0, height = 160.0, top = 20.0, bottom = 24.0
        let highest = Double(max(counts.max() ?? 1, 1))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"distribution of totals\" "
            + "width=\"\(Int(Double(counts.count) * (bar + gap) + gap))\" height=\"\(Int(height + top + bottom))\">"
        for (index, count) in counts.enumerated() {
            let h = height * Double(count) / highest, x = gap + Double(index) * (bar + gap)
            svg += "<rect x=\"\(Int(x))\" y=\"\(Int(top + height - h))\" width=\"\(Int(bar))\" height=\"\(Int(h))\" fill=\"#2780e3\"/>"
            if count > 0 { svg += "<text x=\"\(Int(x + bar / 2))\" y=\"\(Int(top + height - h - 4))\" text-anchor=\"middle\">\(count)</text>" }
            svg += "<text x=\"\(Int(x + bar / 2))\" y=\"\(Int(top + height + 16))\" text-anchor=\"middle\">\(Points.text(Double(index) * width))</text>"
        }
        return svg + "</svg>"
    }

    /// Each question's mean points and the share of the graded submissions with all of them.
    var questionRows: [(name: String, maximum: Double, mean: Double?, fullMarks: Double?)] {
        master.questions.map { question in
            let scored = grades.compactMap { $0.questions.first { $0.id == question.id }?.points }
            guard !scored.isEmpty else { return (question.name, question.points, nil, nil) }
            let mean = scored.reduce(0, +) / Double(scored.count)
            let full = Double(scored.filter { $0 >= question.points - 1e-9 }.count) / Double(scored.count)
            return (question.name, question.points, mean, full)
        }
    }

    var html: String {
        let e: (String) -> String = { HTML.escape($0) }
        let maximum = Points.text(master.questions.map(\.points).reduce(0, +))
        let mean = grades.isEmpty ? "—" : String(format: "%.2f", grades.map(\.total).reduce(0, +) / Double(grades.count))
        var body = "<h1>\(e(master.title))</h1>\n<p>\(grades.count) submissions; mean total \(mean) of \(maximum)</p>\n"
        if !problems.isEmpty {
            body += "<h2 class=\"crashed\">Incomplete</h2>\n<ul>\n" + problems.map { "<li class=\"crashed\">\(e($0))</li>" }
                .joined(separator: "\n") + "\n</ul>\n"
        }
        body += "<figure>\(figure)<figcaption>Totals</figcaption></figure>\n"
        body += "<table><thead><tr><th>Question</th><th>Points</th><th>Mean</th><th>Full marks</th></tr></thead><tbody>\n"
        for row in questionRows {
            body += "<tr><td>\(e(row.name))</td><td>\(Points.text(row.maximum))</td>"
                + "<td>\(row.mean.map { String(format: "%.2f", $0) } ?? "by hand")</td>"
                + "<td>\(row.fullMarks.map { String(format: "%.0f %%", $0 * 100) } ?? "—")</td></tr>\n"
        }
        body += "</tbody></table>\n<table><thead><tr><th>Student</th><th>Status</th><th>Total</th><th></th></tr></thead><tbody>\n"
        for grade in grades {
            let folder = e(grade.student)
            body += "<tr><td>\(e(grade.student))</td><td class=\"\(grade.status.rawValue)\">\(grade.status.rawValue)</td>"
                + "<td>\(Points.text(grade.total)) / \(Points.text(grade.maximum))</td>"
                + "<td><a href=\"\(folder)/feedback.html\">feedback</a> · <a href=\"\(folder)/index.html\">report</a></td></tr>\n"
        }
        body += "</tbody></table>\n"
        if !copied.isEmpty {
            body += "<h2>Possibly copied</h2>\n<p>Pairs whose code is alike (names and literals aside, the student version's "
                + "code left out), with the share of the smaller one's fingerprints the other has.</p>\n"
            for pair in copied {
                body += "<details><summary>\(e(pair.students[0])) and \(e(pair.students[1])): "
                    + "\(String(format: "%.0f %%", pair.score * 100))</summary>\n<table class=\"copied\"><thead><tr>"
                    + "<th>\(e(pair.students[0]))</th><th>\(e(pair.students[1]))</th></tr></thead><tbody>\n"
                for match in pair.matches {
                    body += "<tr><td>lines \(match.first.from)–\(match.first.to)<pre>\(e(match.first.text))</pre></td>"
                        + "<td>lines \(match.second.from)–\(match.second.to)<pre>\(e(match.second.text))</pre></td></tr>\n"
                }
                body += "</tbody></table></details>\n"
            }
        }
        let failed = grades.filter { $0.status != .graded }
        if !failed.isEmpty {
            body += "<h2>Not graded to the end</h2>\n<ul>\n" + failed.map {
                "<li>\(e($0.student)): \($0.status.rawValue) — \(e($0.notes.first ?? ""))</li>"
            }.joined(separator: "\n") + "\n</ul>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="\(master.lang)"><head><meta charset="utf-8"><title>\(e(master.title))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:1rem 0}td,th{padding:.25rem .75rem;border-bottom:1px solid #dee2e6;text-align:left}svg text{font-size:12px;fill:#212529}.timeout,.crashed,.memory,.unreadable{color:#dc3545}.copied td{vertical-align:top}pre{margin:.25rem 0;white-space:pre-wrap}</style>
        </head><body>
        \(body)</body></html>

        """
    }
}
