import LabbookEngine
import LabbookInterpreter

/// `FashionMNIST.loadData()`, `MNIST.loadData()`, their class names, and `loadIDX(path)`.
extension EngineTypes {
    func registerData(context: BindingContext) {
        let tensor = self.tensor
        func splits(_ data: LoadedDataset) -> Value {
            .tuple([.tuple([tensor.wrap(data.train.images), tensor.wrap(data.train.labels)]),
                    .tuple([tensor.wrap(data.test.images), tensor.wrap(data.test.labels)])])
        }
        let fashion = library.registerNamespace("FashionMNIST")
        fashion.staticMethod("loadData") { _ in
            let data = try FashionMNIST.load(dataDirectory: context.dataDirectory)
            context.record(data.files)
            return splits(data)
        }
        fashion.staticMember("classNames", .array(FashionMNIST.classNames.map(Value.string)))
        let digits = library.registerNamespace("MNIST")
        digits.staticMethod("loadData") { _ in
            let data = try MNIST.load(dataDirectory: context.dataDirectory)
            context.record(data.files)
            return splits(data)
        }
        digits.staticMember("classNames", .array(MNIST.classNames.map(Value.string)))
        library.function("loadIDX", [Parameter(nil, "String", name: "path")]) { args in
            tensor.wrap(try loadIDX(try context.files.resolve(try args.string(0), forWriting: false)))
        }
    }
}
