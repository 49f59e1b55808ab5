import LabbookPlots

/// Figures shaped like the coursework's: a 10-epoch Fashion-MNIST history, a comparison of
/// three runs, a 28×28 image and a grid of them.
enum Samples {
    static let history: [LearningCurve] = [
        LearningCurve(name: "loss", values: [0.5212, 0.3823, 0.3441, 0.3190, 0.3003, 0.2861, 0.2732, 0.2630, 0.2539, 0.2449]),
        LearningCurve(name: "accuracy", values: [0.8163, 0.8624, 0.8751, 0.8834, 0.8893, 0.8937, 0.8985, 0.9022, 0.9048, 0.9083]),
        LearningCurve(name: "val_loss", values: [0.4301, 0.3987, 0.3752, 0.3630, 0.3588, 0.3521, 0.3499, 0.3540, 0.3431, 0.3468],
                      validationOf: "loss"),
        LearningCurve(name: "val_accuracy", values: [0.8465, 0.8568, 0.8662, 0.8701, 0.8712, 0.8751, 0.8768, 0.8759, 0.8802, 0.8795],
                      validationOf: "accuracy"),
    ]

    static let learningCurves = Figure.lineChart(.learningCurves(history, title: "Dense(128, sigmoid), Adam"))

    static let comparison = Figure.lineChart(.comparison([
        ("64 units", [0.8412, 0.8566, 0.8640, 0.8685, 0.8731, 0.8740, 0.8768, 0.8781]),
        ("128 units", [0.8465, 0.8568, 0.8662, 0.8701, 0.8712, 0.8751, 0.8768, 0.8759]),
        ("512 units", [0.8501, 0.8633, 0.8710, 0.8745, 0.8802, 0.8797, 0.8841, 0.8860]),
    ], metric: "val_accuracy", title: "Validation accuracy by layer width"))

    /// A 28×28 "boot": a bright blob on black, values 0...255 like the raw dataset.
    static let image: GrayImage = {
        var pixels = [Float](repeating: 0, count: 28 * 28)
        for row in 6..<22 {
            for column in 4..<24 where row >= 14 || column >= 14 {
                pixels[row * 28 + column] = Float((row * 7 + column * 5) % 200 + 55)
            }
        }
        return GrayImage(width: 28, height: 28, pixels: pixels)
    }()

    static let imageFigure = Figure.image(ImageFigure(image: image, title: "Ankle boot"))

    static let grid = Figure.imageGrid(ImageGrid(
        images: (0..<8).map { k in
            GrayImage(width: 28, height: 28, pixels: image.pixels.enumerated().map { i, v in i % (k + 2) == 0 ? v / 2 : v })
        },
        captions: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker with a very long name"],
        columns: 4, title: "First training images"))
}
