import Foundation
import LabbookTestSupport
import Testing
@testable import LabbookGrading

/// Copied work: a copy with its names and numbers changed is found, two solutions written apart
/// are not, and the starter code is nobody's copy.
struct CopiedWorkTests {
    static func notebook(_ code: String) -> String {
        "---\ntitle: \"Actividad\"\nlang: es\n---\n\n# Actividad\n\n**Pregunta 1 (1 punto)** Entrena la red.\n\n```swift\n"
            + code + "\n```\n"
    }

    static let starter = notebook("""
    let ((trainingImages, trainingLabels), (testImages, testLabels)) = FashionMNIST.loadData()
    let x = trainingImages / 255.0
    // Tu código aquí
    """)

    static let original = notebook("""
    let ((trainingImages, trainingLabels), (testImages, testLabels)) = FashionMNIST.loadData()
    let x = trainingImages / 255.0
    let model = Sequential {
        Flatten(inputShape: [28, 28])
        Dense(256, activation: .relu)
        Dropout(0.3)
        Dense(128, activation: .relu)
        Dense(10, activation: .softmax)
    }
    model.compile(optimizer: Adam(learningRate: 0.001), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    var losses: [Double] = []
    for epoch in 0..<3 {
        let history = model.fit(x, trainingLabels, epochs: 1, batchSize: 128, verbose: 0)
        losses.append(history.loss.last!)
        if history.loss.last! < 0.3 {
            print("parada en la epoch \\(epoch)")
            break
        }
    }
    let (loss, accuracy) = model.evaluate(testImages / 255.0, testLabels)
    print(loss, accuracy)
    """)

    /// The original with every name and number changed, comments and blank lines added.
    static let renamed = notebook("""
    let ((trainingImages, trainingLabels), (testImages, testLabels)) = FashionMNIST.loadData()
    let x = trainingImages / 255.0
    // mi red
    let red = Sequential {
        Flatten(inputShape: [28, 28])
        Dense(300, activation: .relu)
        Dropout(0.25)

        Dense(100, activation: .relu)
        Dense(10, activation: .softmax)
    }
    red.compile(optimizer: Adam(learningRate: 0.002), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    var perdidas: [Double] = []
    for e in 0..<5 {
        let h = red.fit(x, trainingLabels, epochs: 1, batchSize: 64, verbose: 0)
        perdidas.append(h.loss.last!)   // guardo la pérdida
        if h.loss.last! < 0.25 {
            print("me paro en \\(e)")
            break
        }
    }
    let (l, a) = red.evaluate(testImages / 255.0, testLabels)
    print(l, a)
    """)

    /// The same exercise solved another way.
    static let independent = notebook("""
    let ((trainingImages, trainingLabels), (testImages, testLabels)) = FashionMNIST.loadData()
    let x = trainingImages / 255.0
    func build(_ width: Int) -> Sequential {
        let m = Sequential([Flatten(inputShape: [28, 28]), Dense(width, activation: "tanh"), Dense(10, activation: "softmax")])
        m.compile(optimizer: "rmsprop", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])
        return m
    }
    let best = build(512)
    let stop = EarlyStopping(monitor: .loss, patience: 1)
    let run = best.fit(x, trainingLabels, epochs: 10, callbacks: [stop], validationSplit: 0.1)
    plot(run)
    print(best.evaluate(testImages / 255.0, testLabels))
    """)

    @Test func aRenamedCopyScoresHighAndIsShownSideBySide() throws {
        let pairs = CopiedWork.pairs([("ana", Self.original), ("ben", Self.renamed), ("carla", Self.independent)],
                                     starter: Self.starter)
        #expect(pairs.map(\.students) == [["ana", "ben"]])
        let pair = try #require(pairs.first)
        #expect(pair.score >= 0.8, "score \(pair.score)")
        // The stretches are the notebooks' own lines (the block starts at line 11).
        let first = try #require(pair.matches.first)
        #expect(first.first.from >= 13 && first.first.text.contains("Sequential {"), "\(first.first)")
        #expect(first.second.text.contains("let red = Sequential {") || first.second.text.contains("Flatten"), "\(first.second)")
        #expect(!pair.matches.contains { $0.first.text.contains("FashionMNIST.loadData()") }, "starter code is no match")
    }

    @Test func independentSolutionsScoreLowAndTheStarterZero() {
        let all = CopiedWork.pairs([("ana", Self.original), ("carla", Self.independent), ("dan", Self.starter),
                                    ("eva", Self.starter)], starter: Self.starter, threshold: 0)
        let independent = all.first { $0.students == ["ana", "carla"] }?.score ?? 0
        #expect(independent < 0.3, "two solutions written apart score \(independent)")
        #expect(!all.contains { $0.students.contains("dan") || $0.students.contains("eva") },
                "the starter code alone matches nothing: \(all.map(\.students))")
    }

    /// 500 submissions, a few copied among them: every pair compared, the copies found. The time
    /// is printed (measured, never asserted).
    @Test func fiveHundredSubmissionsAreComparedAndTheCopiesFound() {
        var generator = SplitMix64(state: 7)
        let activations = ["relu", "sigmoid", "tanh", "elu"], optimizers = ["Adam()", "SGD(momentum: 0.9)", "RMSprop()"]
        var submissions: [(student: String, text: String)] = []
        for index in 0..<500 {
            // Each student's own program: its own layers, loop shape and extra lines.
            var lines = ["let ((trainingImages, trainingLabels), (testImages, testLabels)) = FashionMNIST.loadData()",
                         "let x = trainingImages / 255.0"]
            let layers = 1 + Int(generator.next() % 4)
            lines.append("let model\(index) = Sequential {")
            lines.append("    Flatten(inputShape: [28, 28])")
            for _ in 0..<layers {
                lines.append("    Dense(\(32 << (generator.next() % 4)), activation: .\(activations[Int(generator.next() % 4)]))")
                if generator.next() % 2 == 0 { lines.append("    Dropout(0.\(1 + generator.next() % 4))") }
            }
            lines.append("    Dense(10, activation: .softmax)")
            lines.append("}")
            lines.append("model\(index).compile(optimizer: \(optimizers[Int(generator.next() % 3)]), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])")
            switch generator.next() % 3 {
            case 0: lines.append("let h\(index) = model\(index).fit(x, trainingLabels, epochs: \(5 + generator.next() % 10))")
            case 1: lines += ["var best\(index) = 0.0", "for e in 0..<\(3 + generator.next() % 5) {",
                              "    let h = model\(index).fit(x, trainingLabels, epochs: 1, verbose: 0)",
                              "    best\(index) = max(best\(index), h.accuracy.last!)", "}"]
            default: lines += ["let stop\(index) = EarlyStopping(monitor: .valLoss, patience: \(1 + generator.next() % 3))",
                               "let h\(index) = model\(index).fit(x, trainingLabels, epochs: 40, callbacks: [stop\(index)], validationSplit: 0.1)",
                               "plot(h\(index))"]
            }
            lines.append("print(model\(index).evaluate(testImages / 255.0, testLabels))")
            submissions.append(("s\(1000 + index)", Self.notebook(lines.joined(separator: "\n"))))
        }
        // Ten copies of the original, renamed, in place of ten students' own work.
        for copy in 0..<10 { submissions[10 + copy * 37] = ("s\(1010 + copy * 37)", Self.renamed) }
        submissions[3] = ("s1003", Self.original)
        let start = Date()
        let pairs = CopiedWork.pairs(submissions, starter: Self.starter)
        let seconds = Date().timeIntervalSince(start)
        print("compared \(submissions.count) submissions (\(submissions.count * (submissions.count - 1) / 2) pairs) in "
              + String(format: "%.2f s", seconds) + ", \(pairs.count) pairs listed")
        let planted = Set(submissions.filter { $0.text == Self.renamed || $0.text == Self.original }.map(\.student))
        #expect(planted.count == 11)
        let found = pairs.filter { Set($0.students).isSubset(of: planted) }
        #expect(found.count == 55, "every pair of the 11 planted copies: \(found.count)")
        #expect(pairs.count - found.count < 10, "few pairs of programs written apart: \(pairs.count - found.count)")
    }
}

