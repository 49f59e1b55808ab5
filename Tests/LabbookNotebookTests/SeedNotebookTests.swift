import Foundation
import Testing
@testable import LabbookNotebook

/// The real coursework as it came, a Jupyter export (a copy of `../shared/seed/`, kept in the
/// fixtures so that the test runs everywhere, CI included).
private let seedPath = fixture("actividad-redes-neuronales.md")

@Suite
struct SeedNotebookTests {
    @Test func findsEveryQuestionWithItsPoints() {
        let r = NotebookReader.read(path: seedPath)
        let nb = r.notebook!
        // Written as in the export: "**Pregunta 1.1 *(0.25 puntos)***", "**pregunta 5 (0.5 puntos):**",
        // "**Ejercicio 8 *(0.75 puntos)***". "## 12. … *(1.25 puntos)*" is a section heading, not a
        // question: its strong-text question is "Ejercicio 12 (1 punto)".
        let found = nb.questions.map { "\($0.kind.rawValue) \($0.id) \($0.points!) @\($0.line)" }
        #expect(found == [
            "question 1.1 0.25 @58", "question 1.2 0.25 @73", "question 2.1 2.0 @105", "question 2.2 0.5 @129",
            "question 3.1 0.25 @144", "question 3.2 0.25 @147", "question 4.1 0.5 @201", "question 4.2 0.25 @207",
            "question 4.3 0.25 @211", "question 5 0.5 @235", "question 6.1 0.25 @256", "question 6.2 0.25 @258",
            "question 7.1 0.15 @292", "question 7.2 0.15 @295", "question 7.3 0.3 @298",
            "exercise 8 0.75 @330", "exercise 9 0.75 @359", "exercise 10 0.75 @421", "exercise 11 0.75 @501",
            "exercise 12 1.0 @588",
        ])
        #expect(nb.totalPoints == 10.1)
        #expect(nb.questions.first?.anchor == "pregunta-1-1")
        #expect(nb.questions.last?.anchor == "ejercicio-12")
        // Its code is "In [None]:" text, not fences: no cells. 6.1 is followed directly by 6.2; its
        // answer comes after 6.2, so by the rule it has none.
        #expect(nb.cells.isEmpty)
        #expect(r.diagnostics.map { "\($0.line): \($0.severity.rawValue): \($0.message)" } == [
            "256: warning: Pregunta 6.1 has no answer yet",
        ])
    }
}
