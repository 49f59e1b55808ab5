import Foundation
import Mustache

/// The mustache template of `index.html`: the default one compiled into the binary, or a user's
/// `--template FILE`.
public struct ReportTemplate: Sendable {
    let template: MustacheTemplate
    /// Where it came from, for messages: the file path, or `default`.
    public let origin: String

    /// The default template (the text of `templates/report.html.mustache`).
    public static let `default`: ReportTemplate = {
        // The compiled-in text is tested to parse; a failure here is a build mistake.
        try! ReportTemplate(text: DefaultTemplate.text, origin: "default")
    }()

    /// Parses `text`; a syntax error throws `ReportError.badTemplate` with the line and column.
    public init(text: String, origin: String) throws {
        if let line = TemplateNesting.firstTooDeep(in: text) {
            throw ReportError.badTemplate(path: origin, line: line, column: 0,
                                          message: "sections are nested more than \(TemplateNesting.maximumDepth) deep")
        }
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw ReportError.badTemplate(path: origin, line: error.context.lineNumber,
                                          column: error.context.columnNumber, message: Self.describe(error.error))
        } catch {
            throw ReportError.badTemplate(path: origin, line: 0, column: 0, message: "\(error)")
        }
        self.origin = origin
    }

    /// Reads and parses a user's template file.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try BoundedFile.read(path, limit: 16 << 20)
        } catch {
            throw ReportError.badTemplate(path: path, line: 0, column: 0, message: "\(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReportError.badTemplate(path: path, line: 0, column: 0, message: "the file is not UTF-8")
        }
        try self.init(text: text, origin: path)
    }

    func render(_ viewModel: [String: Any]) -> String {
        template.render(viewModel)
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed (expected '}}')"
        case .expectedSectionEnd: return "a section is never closed (expected '{{/name}}')"
        case .invalidSetDelimiter: return "bad set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "bad configuration tag"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        @unknown default: return "\(error)"
        }
    }
}
