import Testing
@testable import LabbookNotebook

@Suite struct QuestionTests {
    @Test(arguments: [
        ("**Pregunta 2.1 (2 puntos)**. Define una red.", "2.1", Question.Kind.question, 2.0, "pregunta-2-1"),
        ("**Pregunta 3 (1 punto)**", "3", .question, 1.0, "pregunta-3"),
        ("**Ejercicio 8 *(0.75 puntos)***: Completa.", "8", .exercise, 0.75, "ejercicio-8"),
        ("**Pregunta 1.1 *(0.25 puntos)*** ¿Cuántas?", "1.1", .question, 0.25, "pregunta-1-1"),
        ("**pregunta 5 (0.5 puntos):** ¿por qué?", "5", .question, 0.5, "pregunta-5"),
        ("**Question 3 (1 point)**", "3", .question, 1.0, "question-3"),
        ("**Exercise 4 (0.5 points)**", "4", .exercise, 0.5, "exercise-4"),
        ("**Ejercicio 6 (0,5 puntos)**", "6", .exercise, 0.5, "ejercicio-6"),
        ("**Pregunta 7.3 (0.30 puntos)**", "7.3", .question, 0.3, "pregunta-7-3"),
        ("**Pregunta 2** (1,25 puntos) fuera de la negrita", "2", .question, 1.25, "pregunta-2"),
        ("  **Question 10.2.1 (3 pts)**", "10.2.1", .question, 3.0, "question-10-2-1"),
    ])
    func recognised(line: String, id: String, kind: Question.Kind, points: Double, anchor: String) {
        let nb = notebook(line + "\n\nAnswer.\n")
        #expect(nb.questions.count == 1)
        let q = nb.questions[0]
        #expect(q.id == id)
        #expect(q.kind == kind)
        #expect(q.points == points)
        #expect(q.anchor == anchor)
        #expect(q.line == 1)
        #expect(q.answered)
    }

    @Test(arguments: [
        "**Nota**: Pregunta 2.1 (2 puntos)",
        "Pregunta 2.1 (2 puntos) sin negrita",
        "Texto y luego **Pregunta 2.1 (2 puntos)**",
        "**Preguntas 2 (2 puntos)**",
        "## 12. Regularización y red final *(1.25 puntos)*",
        "**Questionnaire 1 (1 point)**",
    ])
    func notQuestions(line: String) {
        #expect(notebook(line + "\n").questions.isEmpty)
    }

    @Test func headingQuestionsAndTotals() {
        let nb = notebook("""
        # Práctica

        ## **Pregunta 1 (1 punto)**

        Respuesta uno.

        ### Detalle

        Sigue siendo la respuesta 1.

        ## **Pregunta 2 (0,5 puntos)**

        ```swift
        x
        ```

        ## Anexo

        Not an answer.

        """)
        #expect(nb.questions.map(\.id) == ["1", "2"])
        #expect(nb.totalPoints == 1.5)
        let q1 = nb.questions[0]
        let answer1 = nb.answer(to: q1).map(\.markdownText)
        #expect(answer1 == ["Respuesta uno.\n\n### Detalle\n\nSigue siendo la respuesta 1."])
        let answer2 = nb.answer(to: nb.questions[1])
        #expect(answer2.count == 1)
        #expect(answer2.first.map { if case .cell = $0 { true } else { false } } == true)
        // The statement is a part of its own.
        #expect(nb.parts[q1.statementPart].markdownText == "## **Pregunta 1 (1 punto)**")
    }

    @Test func paragraphQuestionsEndAtTheirSectionsNextHeading() {
        let nb = notebook("""
        ## 1. Datos

        **Pregunta 1.1 (0.25 puntos)** ¿Cuántas?

        ### Tu código aquí

        Hay 60000.

        **Pregunta 1.2 (0.25 puntos)** ¿Qué?

        Una imagen.

        ## 2. Modelo

        Texto de la sección 2.

        """)
        let q = nb.questions
        #expect(q.map(\.id) == ["1.1", "1.2"])
        #expect(nb.answer(to: q[0]).map(\.markdownText) == ["### Tu código aquí\n\nHay 60000."])
        #expect(nb.answer(to: q[1]).map(\.markdownText) == ["Una imagen."])
    }

    @Test func paragraphQuestionsInsideAHeadingQuestion() {
        let nb = notebook("## **Pregunta 2 (1 punto)**\n\n**Pregunta 2.1 (0.5 puntos)**\n\nA.\n\n### Sub\n\nB.\n\n## Next\n\nC.\n")
        #expect(nb.questions.map(\.id) == ["2", "2.1"])
        #expect(nb.questions.map(\.answered) == [false, true])
        #expect(nb.answer(to: nb.questions[1]).map(\.markdownText) == ["A.\n\n### Sub\n\nB."])
    }

    @Test func paragraphQuestionWithoutSectionEndsAtAnyHeading() {
        let nb = notebook("**Question 1 (1 point)**\n\nYes.\n\n### Next\n\nOther.\n")
        #expect(nb.answer(to: nb.questions[0]).map(\.markdownText) == ["Yes."])
    }

    @Test(arguments: [
        ("*Tu respuesta aquí*", false),
        ("TU RESPUESTA AQUÍ", false),
        ("Tu respuesta a la pregunta 3.1 aquí:", false),
        ("_Your answer here._", false),
        ("Your answer to question 2 here", false),
        ("", false),
        ("Tu respuesta a la pregunta 4.1 aquí: la red mejora.", true),
        ("*Tu respuesta aquí*\n\nHay 60000 imágenes.", true),
        ("```python\nprint(1)\n```", true),
        ("```swift\nprint(1)\n```", true),
        ("```swift\n//| label: q1\n// Tu código aquí\n\n```", false),
        ("```swift\n// Tu código aquí\nlet x = 1\n```", true),
    ])
    func answeredOrNot(answer: String, answered: Bool) {
        let r = reading("**Pregunta 1 (1 punto)** Enunciado.\n\n\(answer)\n")
        #expect(r.notebook!.questions[0].answered == answered)
        let warnings = located(r).filter { $0.contains("no answer") }
        #expect(warnings == (answered ? [] : ["1:1: warning: Pregunta 1 has no answer yet"]))
    }

    @Test func questionFollowedDirectlyByQuestionIsUnanswered() {
        let r = reading("**Pregunta 1 (1 punto)**\n\n**Pregunta 2 (1 punto)**\n\nSí.\n")
        #expect(r.notebook!.questions.map(\.answered) == [false, true])
        #expect(located(r) == ["1:1: warning: Pregunta 1 has no answer yet"])
    }

    @Test func questionWithoutPointsWarns() {
        let r = reading("**Pregunta 4** Sin puntos.\n\nRespuesta.\n")
        #expect(r.notebook!.questions[0].points == nil)
        #expect(located(r) == ["1:1: warning: Pregunta 4 gives no points: expected e.g. '(1 punto)' or '(1 point)'"])
    }

    @Test func repeatedIdsGetDistinctAnchors() {
        let r = reading("**Pregunta 1 (1 punto)**\n\nA.\n\n**Pregunta 1 (1 punto)**\n\nB.\n")
        #expect(r.notebook!.questions.map(\.anchor) == ["pregunta-1", "pregunta-1-2"])
        #expect(located(r) == ["5:1: warning: question 1 appears twice (first at line 1)"])
    }
}

extension NotebookPart {
    /// The part's Markdown as in the file: prose's slice, a cell's whole fence.
    var markdownText: String {
        switch self {
        case .prose(let p): return p.markdown
        case .cell(let c): return c.source
        }
    }
}
