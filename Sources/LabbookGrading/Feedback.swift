import Foundation
import LabbookReport


/// A student's feedback: each question's points out of its maximum, each test's text with
/// passed or failed and, for a failed one, the values involved or why its check stopped. A
/// hidden check shows its text, never its code.
struct Feedback {
    let grade: SubmissionGrade
    let master: MasterInfo

    /// The lines of the feedback, as (kind, text) for the two renderings.
    private var entries: [(kind: Kind, text: String)] {
        var entries: [(Kind, String)] = [(.title, "\(master.title): \(grade.student)"),
                                        (.summary, "\(Points.text(grade.total)) / \(Points.text(grade.maximum)) (\(grade.status.rawValue))")]
        entries += grade.notes.map { (.note, $0) }
        for question in grade.questions {
            let points = question.points.map(Points.text) ?? "—"
            entries.append((.question, "\(question.name): \(points) / \(Points.text(question.maximum))"))
            if question.manual { entries.append((.note, GradingMessages.manual)) }
            if let comment = question.comment { entries.append((.comment, comment)) }
            for (test, worth) in zip(question.tests, question.worth) {
                var line = "\(test.passed ? "✅" : "❌") \(test.text) (\(Points.text(worth)))"
                if !test.passed, !test.values.isEmpty { line += " — " + test.values.joined(separator: ", ") }
                entries.append((.test, line))
            }
            entries += question.failures.map { (.failure, "⚠ \($0.message)") }
        }
        return entries
    }

    enum Kind { case title, summary, question, test, failure, note, comment }

    var markdown: String {
        entries.map { kind, text in
            switch kind {
            case .title: "# \(text)\n"
            case .summary: "**\(text)**\n"
            case .question: "\n## \(text)\n"
            case .test, .failure: "- \(text)"
            case .note: "*\(text)*"
            case .comment: "> \(text)"
            }
        }.joined(separator: "\n") + "\n"
    }

    var html: String {
        let escape: (String) -> String = { HTML.escape($0) }
        let body = entries.map { kind, text in
            switch kind {
            case .title: "<h1>\(escape(text))</h1>"
            case .summary: "<p class=\"summary\"><strong>\(escape(text))</strong></p>"
            case .question: "<h2>\(escape(text))</h2>"
            case .test: "<p class=\"test\">\(escape(text))</p>"
            case .failure: "<p class=\"failure\">\(escape(text))</p>"
            case .note: "<p class=\"note\"><em>\(escape(text))</em></p>"
            case .comment: "<blockquote>\(escape(text))</blockquote>"
            }
        }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="\(master.lang)"><head><meta charset="utf-8"><title>\(escape(grade.student))</title>
        <style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}.failure{color:#b7791f}.note{color:#6c757d}</style>
        </head><body>
        \(body)
        <p class="note"><a href="index.html">report</a></p>
        </body></html>

        """
    }
}
