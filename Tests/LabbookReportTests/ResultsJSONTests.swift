import Foundation
import Testing
@testable import LabbookReport
import LabbookTestSupport

/// results.json of the sample report, decoded and checked field by field against notebook.md.
@Suite struct ResultsJSONTests {
    func decoded() throws -> [String: Any] {
        let text = ResultsJSON.render(try sampleReport())
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func headerFields() throws {
        let json = try decoded()
        #expect(json["format"] as? Int == 1)
        let engine = try #require(json["engine"] as? [String: Any])
        #expect(engine["version"] as? String == "0.1.0")
        #expect(engine["blas"] as? String == "OpenBLAS 0.3.21 Haswell")
        #expect(engine["threads"] as? Int == 2)
        let notebook = try #require(json["notebook"] as? [String: Any])
        #expect(notebook["path"] as? String == "notebooks/sample.md")
        #expect(notebook["sha256"] as? String == String(repeating: "ab", count: 32))
        #expect(notebook["title"] as? String == "Redes neuronales: Fashion MNIST")
        #expect(notebook["seed"] as? Int == 42)
        #expect(json["exitStatus"] as? Int == 1)
        #expect(json["renderSeconds"] as? Double == 1.25)
        #expect(json["renderedAt"] as? String == "2026-11-30T00:53:20Z")
        let data = try #require(json["data"] as? [[String: Any]])
        #expect(data.first?["name"] as? String == "train-images-idx3-ubyte.gz")
    }

    @Test func blocks() throws {
        let blocks = try #require(try decoded()["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["label"] as? String } == ["data", "fit", "bad-layer", "table", "typo"])
        #expect(blocks.map { $0["status"] as? String } == ["ok", "ok", "expected-error", "ok", "error"])
        #expect(blocks.map { $0["cached"] as? Bool } == [false, false, false, false, false])
        #expect(blocks.map { $0["line"] as? Int } == [14, 28, 44, 58, 65])
        #expect(blocks[0]["text"] as? String == "[1000, 28, 28]\n")
        #expect(blocks[1]["seconds"] as? Double == 0.8)

        let fit = try #require((blocks[1]["fits"] as? [[String: Any]])?.first)
        #expect(fit["stopReason"] as? String == "completed")
        #expect(fit["params"] as? Int == 101_770)
        let epochs = try #require(fit["epochs"] as? [[String: Any]])
        #expect(epochs.count == 2)
        #expect(epochs[0]["epoch"] as? Int == 1)
        #expect(epochs[0]["loss"] as? Double == 0.6123456)
        #expect(epochs[0]["accuracy"] as? Double == 0.7891)
        #expect(epochs[0]["val_loss"] as? Double == 0.4712)
        #expect(epochs[0]["val_accuracy"] as? Double == 0.8312)
        #expect(epochs[1]["seconds"] as? Double == 0.29)

        let evaluation = try #require((blocks[1]["evaluations"] as? [[String: Any]])?.first)
        #expect(evaluation["loss"] as? Double == 0.3512)
        #expect(evaluation["accuracy"] as? Double == 0.8762)
        let expectations = try #require(blocks[1]["expectations"] as? [[String: Any]])
        #expect(expectations.first?["passed"] as? Bool == true)
        #expect((expectations.first?["values"] as? [[String: String]]) == [["name": "acc", "value": "0.8762"]])
        #expect(blocks.map { $0["figures"] as? [String] } == [["figures/data-1.png"], ["figures/fit-1.png"], [], [], []])
        #expect((blocks[3]["expectations"] as? [[String: Any]])?.first?["passed"] as? Bool == false)

        let diagnostic = try #require((blocks[4]["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["message"] as? String == "unknown name 'modle'; did you mean 'model'?")
        #expect(diagnostic["line"] as? Int == 67)
        #expect(diagnostic["column"] as? Int == 1)
    }

    @Test func questionsAndInlineValues() throws {
        let json = try decoded()
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["1", "2", "3"])
        #expect(questions.map { $0["points"] as? Double } == [2, 1.5, 0.5])
        #expect(questions.map { $0["answered"] as? Bool } == [true, true, false])
        #expect(questions.map { $0["line"] as? Int } == [26, 42, 52])
        #expect(json["totalPoints"] as? Double == 4)
        let inline = try #require(json["inline"] as? [[String: Any]])
        #expect(inline.map { $0["expression"] as? String } == ["acc.percent", "history.epochs"])
        #expect(inline.map { $0["value"] as? String } == ["87.62 %", "2"])
        #expect(inline.first?["line"] as? Int == 40)
        #expect(inline.map { $0["question"] as? String } == ["1", "1"])  // cited in the answer to Pregunta 1
    }

    /// Any metric a fit has goes into its epochs under its own name.
    @Test func epochMetricsAreOpenEnded() throws {
        var report = try sampleReport()
        report.items = [.cell(CellItem(label: "x", line: 1, code: "", outputs: [.fit(EpochTable(epochs: [
            .init(epoch: 1, metrics: [MetricValue("loss", 1), MetricValue("top_k_categorical_accuracy", 0.5)], seconds: 0.1),
        ], params: 10))]))]
        let text = ResultsJSON.render(report)
        #expect(text.contains("\"top_k_categorical_accuracy\": 0.5"))
    }

    @Test(arguments: [(0.1, "0.1"), (3.0, "3.0"), (1e-05, "1e-05"), (101770.0, "101770.0"), (Double.nan, "null"),
                      (0.8762, "0.8762"), (1.0 / 3.0, "0.3333333333333333")])
    func numbersRoundTrip(value: Double, text: String) {
        #expect(ReportFormat.json(value) == text)
    }

    @Test func stringsAreEscaped() {
        #expect(ResultsJSON.quoted("a\"b\\c\n\u{1}") == #""a\"b\\c\n\u0001""#)
    }
}
