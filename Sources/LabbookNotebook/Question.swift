import Foundation

/// A question or exercise of the coursework, opened by a paragraph or heading that begins with
/// strong text naming it: `**Pregunta 2.1 (2 puntos)**`, `**Ejercicio 8 *(0.75 puntos)***`,
/// `**Question 3 (1 point)**`, `**Exercise 4 (0,5 points)**`.
public struct Question: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        case question, exercise
    }

    /// As written: `2.1`, `8`.
    public var id: String
    public var kind: Kind
    /// Nil when the strong text gives none (a warning was reported).
    public var points: Double?
    /// The strong text, formatting dropped: `Ejercicio 8 (0.75 puntos)`.
    public var title: String
    /// The keyword and id as written, for messages: `Pregunta 2.1`.
    public var name: String
    /// File line of the paragraph or heading that opens the question.
    public var line: Int
    /// A stable HTML id: `pregunta-2-1`, `exercise-4` (`-2`, `-3`… if the same id repeats).
    public var anchor: String
    /// The part holding the opening paragraph or heading (the statement), alone in its part.
    public var statementPart: Int
    /// The parts that answer it: from after the statement up to the next question, or a heading
    /// of the same or higher level (see `Notebook`).
    public var answerParts: Range<Int>
    /// False when the answer has no cell and no prose other than a placeholder.
    public var answered: Bool
}

/// Recognises the strong text that names a question.
enum QuestionMatcher {
    struct Match {
        var kind: Question.Kind
        var keyword: String
        var id: String
        var points: Double?
        var title: String
    }

    /// The question opened by `inlines` (a paragraph's or heading's), if they begin with one.
    static func match(_ inlines: [MarkdownInline]) -> Match? {
        var rest = inlines[...]
        while case .text(let t)? = rest.first, t.allSatisfy(\.isWhitespace) { rest = rest.dropFirst() }
        guard case .strong(let children)? = rest.first else { return nil }
        let title = collapse(children.plainText)
        guard let head = title.firstMatch(of: header) else { return nil }
        let keyword = String(head.1)
        let kind: Question.Kind = ["ejercicio", "exercise"].contains(keyword.lowercased()) ? .exercise : .question
        var id = String(head.2)
        while id.hasSuffix(".") { id.removeLast() }
        // The points are usually inside the strong text, sometimes right after it.
        var points = title[head.range.upperBound...].firstMatch(of: pointsPattern).flatMap { number($0.1) }
        if points == nil {
            let after = collapse(rest.dropFirst().prefix { $0 != .softBreak && $0 != .lineBreak }.map(\.plainText).joined())
            points = after.prefixMatch(of: pointsPattern).flatMap { number($0.1) }
        }
        return Match(kind: kind, keyword: keyword, id: id, points: points, title: title)
    }

    private static let header = #/^(?i:(pregunta|ejercicio|question|exercise))\s+(\d+(?:\.\d+)*\.?)(?=$|[\s:.,)(*-])/#
    private static let pointsPattern = #/^\s*[:.,-]?\s*\(\s*(\d+(?:[.,]\d+)?)\s*(?i:puntos?|points?|pts?\.?)\s*\)/#

    private static func number(_ s: Substring) -> Double? {
        Double(s.replacingOccurrences(of: ",", with: "."))
    }

    private static func collapse(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether a prose block is only the placeholder of an unanswered question: `Tu respuesta
    /// aquí`, `Tu respuesta a la pregunta 3.1 aquí:`, `Your answer here` (any case, any emphasis).
    static func isPlaceholder(_ text: String) -> Bool {
        var t = collapse(text).lowercased()
        while let last = t.last, ":.…".contains(last) || last.isWhitespace { t.removeLast() }
        return t.wholeMatch(of: placeholder) != nil
    }

    private static let placeholder =
        #/(?:tus? respuestas?(?: (?:a|al|para) (?:la |el )?(?:pregunta|ejercicio) [\d.,]+)? aqu[ií]|your answer(?: to (?:the )?(?:question|exercise) [\d.,]+)? here)/#
}
