import Testing
import LabbookBindings
@testable import LabbookEngine
import LabbookInterpreter

/// The library of language.md through the interpreter, on the engine.
@Suite struct BindingsTests {
    @Test func tensorsIndexPrintAndBroadcast() {
        let s = NotebookSession()
        let run = s.run("""
            let t = Tensor([[1, 2, 3], [4, 5, 6]])
            print(t.shape, t.rank, t.count, t.dtype)
            print(t[1, 2], t[0])
            let f = t / 2.0
            print(f.dtype, f.sum(), f.mean(axis: 0))
            print((t .== Tensor([1, 5, 0])).sum())
            print(t[0..<1].shape, -t[0])
            var total = 0
            for row in t { total += row.sum() }
            print(total, t.argmax(), t.max(axis: 1))
            """)
        #expect(run.result.status == .completed, "\(run.result.diagnostics)")
        #expect(run.text == """
            [2, 3] 2 6 int32
            6 [1 2 3]
            float32 10.5 [1.25 1.75 2.25]
            2
            [1, 3] [-1 -2 -3]
            21 5 [3 6]

            """)
    }

    @Test func enumLikeValuesAcceptSwiftAndKerasSpellings() {
        let s = NotebookSession()
        let run = s.run("""
            print(Dense(4, activation: .relu).name, Dense(4, activation: "relu").name)
            let a: Activation = .leakyRelu(alpha: 0.1)
            let b: Activation = "leaky_relu"
            print(a, b, a == .leakyRelu(alpha: 0.1))
            let l1: Loss = .sparseCategoricalCrossentropy
            let l2: Loss = "sparse_categorical_crossentropy"
            print(l1 == l2)
            let i: Initializer = "glorot_uniform"
            print(i == .glorotUniform(), GlorotUniform(seed: 1) == .glorotUniform(seed: 1))
            """)
        #expect(run.result.status == .completed, "\(run.result.diagnostics)")
        #expect(run.text == "dense dense\nleaky_relu leaky_relu true\ntrue\ntrue true\n")
    }

    @Test func unknownKerasSpellingSuggestsTheNearest() {
        let s = NotebookSession()
        let errors = s.errors("let d = Dense(4, activation: \"rellu\")")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("relu") == true, "\(errors)")
    }

    @Test func modelTrainsThroughTheLanguageAsThroughTheEngine() throws {
        // The coursework's first model, 1 epoch on a small subset, built and trained through the
        // language, gives the same weights as the same model built directly through the engine
        // with the same seed.
        let s = NotebookSession(seed: 7)
        let run = s.run("""
            let x = Tensor.random(normal: [256, 28, 28], seed: 1)
            var labels: [Int] = []
            for i in 0..<256 { labels.append(i % 10) }
            let y = Tensor(labels)
            var model = Sequential {
                Flatten(inputShape: [28, 28])
                Dense(128, activation: .sigmoid)
                Dense(10, activation: .softmax)
            }
            model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let history = model.fit(x, y, epochs: 1, batchSize: 64)
            let weights = model.getWeights()
            """)
        #expect(run.result.status == .completed, "\(run.result.diagnostics)")
        let fits = run.outputs.compactMap { output -> FitOutput? in
            if case .rich(let rich) = output { return rich as? FitOutput }
            return nil
        }
        #expect(fits.count == 1)

        var stream = RandomStream(seed: 1, name: "Tensor.random")
        let x = try Tensor(shape: [256, 28, 28]) { b in for i in b.indices { b[i] = Float(stream.normal()) } }
        let y = try Tensor((0..<256).map { Float($0 % 10) }, dtype: .int32)
        let model = try Sequential([Flatten(inputShape: [28, 28]), Dense(128, activation: .sigmoid), Dense(10, activation: .softmax)],
                                   random: RandomContext(seed: 7))
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
        let history = try model.fit(x, y, epochs: 1, batchSize: 64)
        #expect(fits.first?.history == history)
        guard case .array(let weights)? = s.session.value(of: "weights") else {
            Issue.record("weights is not an array")
            return
        }
        let fromLanguage = weights.compactMap { value -> Tensor? in
            if case .native(let native) = value { return native.payload as? Tensor }
            return nil
        }
        #expect(fromLanguage == model.getWeights())
    }

    @Test func missingFlattenIsADiagnosticWithTheHint() {
        let s = NotebookSession()
        let errors = s.errors("""
            let x = Tensor(zeros: [100, 28, 28])
            let y = Tensor(zeros: [100])
            let model = Sequential([Dense(128, activation: .sigmoid, inputShape: [28, 28]), Dense(10, activation: .softmax)])
            model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            model.fit(x, y, epochs: 1, batchSize: 64)
            """)
        #expect(errors == ["5:1: the model outputs [64, 28, 10] per batch but the labels are [64]: sparse categorical "
            + "crossentropy needs one row of class scores per label; is a Flatten() missing before the first Dense?"])
    }

    @Test func callbackClosuresStopTraining() {
        let s = NotebookSession()
        let run = s.run("""
            let x = Tensor.random(normal: [64, 4], seed: 2)
            let y = Tensor(zeros: [64])
            let model = Sequential([Dense(3, activation: .softmax, inputShape: [4])])
            model.compile(optimizer: "adam", loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])
            let stopAtTwo = Callback(onEpochEnd: { epoch, logs in
                print("epoch \\(epoch): \\(logs.loss! > 0)")
                if epoch == 1 { return .stop }
                return .continue
            })
            let history = model.fit(x, y, epochs: 10, callbacks: [stopAtTwo, EarlyStopping(monitor: .loss, patience: 3)])
            print(history.epochs, history.stoppedEarly, history.loss.count)
            let (loss, accuracy) = model.evaluate(x, y)
            print(loss > 0, accuracy >= 0.0 && accuracy <= 1.0)
            """)
        #expect(run.result.status == .completed, "\(run.result.diagnostics)")
        #expect(run.text == "epoch 0: true\nepoch 1: true\n2 true 2\ntrue true\n")
    }

    @Test func figuresAndSummariesAreRichOutputs() {
        let s = NotebookSession()
        let run = s.run("""
            let image = Tensor.random(normal: [28, 28], seed: 3)
            show(image, title: "noise")
            let model = Sequential([Flatten(inputShape: [28, 28]), Dense(10, activation: .softmax)])
            model.summary()
            model.compile(optimizer: .sgd, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
            let h = model.fit(Tensor.random(normal: [32, 28, 28], seed: 4), Tensor(zeros: [32]), epochs: 2, validationSplit: 0.25)
            plot(h)
            compare(["a": h, "b": h], metric: .valAccuracy)
            """)
        #expect(run.result.status == .completed, "\(run.result.diagnostics)")
        let kinds = run.outputs.map { output -> String in
            switch output {
            case .rich(let rich): return String(describing: type(of: rich))
            case .table: return "table"
            case .text: return "text"
            default: return "other"
            }
        }
        #expect(kinds == ["FigureOutput", "SummaryOutput", "FitOutput", "FigureOutput", "FigureOutput", "table"])
    }

    @Test func setSeedMakesModelsRepeat() {
        let s = NotebookSession()
        let run = s.run("""
            setSeed(5)
            let a = Sequential([Dense(3, inputShape: [2])]).getWeights()[0]
            setSeed(5)
            let b = Sequential([Dense(3, inputShape: [2])]).getWeights()[0]
            let c = Sequential([Dense(3, inputShape: [2])]).getWeights()[0]
            print(a == b, a == c)
            """)
        #expect(run.text == "true false\n", "\(run.result.diagnostics)")
    }
}

extension BindingsTests {
    @Test func aKeyPathGetsAHelpfulDiagnostic() {
        let s = NotebookSession()
        let result = s.run("let names = Sequential([Dense(2, inputShape: [2])]).layers.map(\\.name)").result
        #expect(result.diagnostics.first?.message == "unexpected character '\\'")
        #expect(result.diagnostics.first?.help?.contains("{ $0.name }") == true)
    }
}
