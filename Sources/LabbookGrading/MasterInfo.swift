import Foundation
import LabbookNotebook

/// What the gradebook needs of the master, kept in its database beside the grades so that
/// `labbook gradebook DIR` can write it again without the master.
public struct MasterInfo: Codable, Equatable, Sendable {
    public var title: String
    /// The master's front-matter language (`es`, `en`).
    public var lang: String
    /// The question ids in notebook order, each once, with their names and points.
    public var questions: [Question]
    public var sha256: String

    public struct Question: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        public var points: Double
    }

    init(_ master: Notebook, sha256: String) {
        title = master.frontMatter.title ?? "Activity"
        lang = master.frontMatter.lang.rawValue
        var seen: Set<String> = []
        questions = master.questions.filter { seen.insert($0.id).inserted }
            .map { Question(id: $0.id, name: $0.name, points: $0.points ?? 0) }
        self.sha256 = sha256
    }

    init(title: String, lang: String, questions: [Question], sha256: String) {
        self.title = title
        self.lang = lang
        self.questions = questions
        self.sha256 = sha256
    }
}
