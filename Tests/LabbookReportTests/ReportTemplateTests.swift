import Foundation
import Testing
@testable import LabbookReport
import LabbookTestSupport

@Suite struct ReportTemplateTests {
    /// The compiled-in template is templates/report.html.mustache; LABBOOK_UPDATE_GOLDEN=1
    /// regenerates DefaultTemplate.swift from it.
    @Test func defaultTemplateIsTheCanonicalFile() throws {
        let canonical = try String(contentsOf: repositoryDirectory.appendingPathComponent("templates/report.html.mustache"), encoding: .utf8)
        if updatingGolden && canonical != DefaultTemplate.text {
            let swift = """
            // Generated from templates/report.html.mustache: do not edit here. Edit the template, then run
            // `LABBOOK_UPDATE_GOLDEN=1 swift test --filter LabbookReportTests` to regenerate this file.
            enum DefaultTemplate {
                static let text = ##\"\"\"
            \(canonical)
            \"\"\"##
            }

            """
            try Data(swift.utf8).write(to: repositoryDirectory.appendingPathComponent("Sources/LabbookReport/DefaultTemplate.swift"))
        }
        #expect(DefaultTemplate.text == canonical)
        _ = ReportTemplate.default
    }

    @Test func aUserTemplateGetsTheSameViewModel() throws {
        let template = try ReportTemplate(text: "{{title}}|{{words.questions}}|{{#questions}}[{{anchor}} {{points}}{{#unanswered}}!{{/unanswered}}]{{/questions}}|{{#items}}{{#cell}}{{label}},{{/cell}}{{/items}}", origin: "t.mustache")
        let report = try sampleReport()
        let page = HTMLReport.render(report, template: template, figures: [:])
        #expect(page == "Redes neuronales: Fashion MNIST|Preguntas|[pregunta-1 2][pregunta-2 1.5][pregunta-3 0.5!]|data,fit,bad-layer,table,typo,")
    }

    @Test func aBrokenTemplateSaysWhereAndWhy() throws {
        #expect {
            try ReportTemplate(text: "<h1>{{title}}</h1>\n{{#items}}\n<p>{{label}}</p>\n", origin: "my.mustache")
        } throws: { error in
            guard let error = error as? ReportError, case .badTemplate(let path, _, _, let message) = error else { return false }
            return path == "my.mustache" && message.contains("never closed") && error.description.hasPrefix("my.mustache:")
        }
        #expect {
            try ReportTemplate(text: "{{#a}}x{{/b}}", origin: "t")
        } throws: { error in
            "\(error)".contains("closed with a different name")
        }
    }

    @Test func aMissingTemplateFileIsAnError() {
        #expect(throws: ReportError.badTemplate(path: "/nonexistent/t.mustache", line: 0, column: 0, message: "no such file or folder")) {
            try ReportTemplate(contentsOf: "/nonexistent/t.mustache")
        }
    }
}

@Suite struct ReportFormatTests {
    @Test(arguments: [(0.35123, "0.3512"), (0.87626, "0.8763"), (1, "1.0000"), (Double.nan, "nan"), (-Double.infinity, "-inf")])
    func metrics(value: Double, text: String) { #expect(ReportFormat.metric(value) == text) }

    @Test(arguments: [(2, "2"), (0.75, "0.75"), (1.5, "1.5"), (10.100000000000001, "10.1")])
    func points(value: Double, text: String) { #expect(ReportFormat.points(value) == text) }

    @Test(arguments: [(0.314, "0.31 s"), (12.34, "12.3 s"), (125, "2 min 05 s")])
    func seconds(value: Double, text: String) { #expect(ReportFormat.seconds(value) == text) }

    @Test func kerasTotals() {
        #expect(ReportFormat.grouped(101_770) == "101,770")
        #expect(ReportFormat.memorySize(parameters: 101_770) == "397.54 KB")
        #expect(ReportFormat.memorySize(parameters: 0) == "0.00 B")
    }
}
