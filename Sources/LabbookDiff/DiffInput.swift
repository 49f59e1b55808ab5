import LabbookReport
import Foundation

/// One side of a diff: the parts of a `results.json` that `labbook diff` compares, decoded with
/// `Codable` under the field names of notebook.md. Fields it does not compare are not read, so
/// a report with more fields (a newer writer of the same format) still decodes. Reading one
/// from disk is `load(path:)` (DiffInput+Load.swift).
public struct DiffInput: Equatable, Sendable, Decodable {
    public struct Engine: Equatable, Sendable, Decodable {
        public var version: String
        public var blas: String
        public var threads: Int
        /// Nil in reports of engines before 0.3.0, which had no fixed order.
        public var reproducibility: String?
    }

    public struct NotebookInfo: Equatable, Sendable, Decodable {
        public var path: String
        public var sha256: String
        public var seed: Int?
    }

    public struct Block: Equatable, Sendable, Decodable {
        public var label: String
        public var line: Int
        public var status: String
        public var fits: [Fit]
        public var evaluations: [Metrics]
        public var expectations: [Expectation]
    }

    /// One `fit`: its epochs' metrics and seconds.
    public struct Fit: Equatable, Sendable, Decodable {
        public var epochs: [Epoch]
        public var stopReason: String?
    }

    /// An epoch row: `epoch`, `seconds`, and every other key a metric (null when not finite).
    public struct Epoch: Equatable, Sendable, Decodable {
        public var epoch: Int
        public var seconds: Double?
        public var metrics: Metrics

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            epoch = try container.decode(Int.self, forKey: AnyKey("epoch"))
            seconds = try container.decodeIfPresent(Double.self, forKey: AnyKey("seconds"))
            metrics = try Metrics(container, skipping: ["epoch", "seconds"])
        }
    }

    /// Named numbers, in a fixed order (losses first, validation metrics after training ones):
    /// JSON objects come back from the decoder unordered.
    public struct Metrics: Equatable, Sendable, Decodable {
        public var values: [(name: String, value: Double)]

        public init(from decoder: Decoder) throws {
            try self.init(decoder.container(keyedBy: AnyKey.self), skipping: [])
        }

        init(_ container: KeyedDecodingContainer<AnyKey>, skipping: Set<String>) throws {
            values = try container.allKeys.filter { !skipping.contains($0.stringValue) }.map { key in
                (name: key.stringValue, value: try container.decodeIfPresent(Double.self, forKey: key) ?? .nan)
            }.sortedByMetricOrder(\.name)
        }

        public subscript(name: String) -> Double? { values.first { $0.name == name }?.value }
        public var names: [String] { values.map(\.name) }

        public static func == (a: Metrics, b: Metrics) -> Bool {
            a.values.elementsEqual(b.values) { $0.name == $1.name && ($0.value == $1.value || ($0.value.isNaN && $1.value.isNaN)) }
        }
    }

    public struct Expectation: Equatable, Sendable, Decodable {
        public var text: String
        public var passed: Bool
    }

    public struct Question: Equatable, Sendable, Decodable {
        public var id: String
        public var line: Int
    }

    /// An inline `` `{swift} expr` `` value cited in the prose.
    public struct Inline: Equatable, Sendable, Decodable {
        public var line: Int
        public var column: Int?
        public var expression: String
        public var value: String?
        /// The question whose statement or answer cites it; `.unknown` for a report written
        /// before results.json said (the diff then takes the last question above the line).
        public var question: QuestionReference

        enum CodingKeys: String, CodingKey { case line, column, expression, value, question }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            line = try c.decode(Int.self, forKey: .line)
            column = try c.decodeIfPresent(Int.self, forKey: .column)
            expression = try c.decode(String.self, forKey: .expression)
            value = try c.decodeIfPresent(String.self, forKey: .value)
            question = c.contains(.question) ? .known(try c.decodeIfPresent(String.self, forKey: .question)) : .unknown
        }
    }

    public enum QuestionReference: Equatable, Sendable {
        /// The id, or nil when the value is outside every question.
        case known(String?)
        case unknown
    }

    public var format: Int
    public var engine: Engine
    public var notebook: NotebookInfo
    public var blocks: [Block]
    public var questions: [Question]
    public var inline: [Inline]

    enum CodingKeys: String, CodingKey {
        case format, engine, notebook, blocks, questions, inline
    }

    /// The `format` field is checked before anything else, so another version is reported as
    /// such, not as a field that does not decode; JSON that is not an object or has no format
    /// is not a labbook report at all.
    public init(from decoder: Decoder) throws {
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else { throw NotAReport("its JSON is not an object") }
        guard c.contains(.format) else { throw NotAReport("results.json has no \"format\" field") }
        guard let format = try? c.decode(Int.self, forKey: .format) else { throw NotAReport("its \"format\" is not a whole number") }
        guard format == ResultsJSON.format else { throw OtherFormat(found: format) }
        self.format = format
        engine = try c.decode(Engine.self, forKey: .engine)
        notebook = try c.decode(NotebookInfo.self, forKey: .notebook)
        blocks = try c.decode([Block].self, forKey: .blocks)
        questions = try c.decodeIfPresent([Question].self, forKey: .questions) ?? []
        inline = try c.decodeIfPresent([Inline].self, forKey: .inline) ?? []
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
