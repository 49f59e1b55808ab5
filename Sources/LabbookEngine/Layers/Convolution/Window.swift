/// How a sliding window treats the borders, Keras's `padding`: `valid` keeps only the windows
/// that fit inside the input; `same` pads so that the output has ⌈size / stride⌉ positions, with
/// the smaller half of the padding before (TensorFlow's convention, which Keras 3 follows).
public enum Padding: String, Codable, Equatable, Sendable, CaseIterable {
    case valid
    case same
}

/// A window sliding over the two spatial axes of a channels-last input: its size, its strides
/// and its padding. Convolutions and poolings share this geometry.
public struct Window: Equatable, Sendable {
    public let height: Int
    public let width: Int
    public let strideY: Int
    public let strideX: Int
    public let padding: Padding

    /// `what` names the layer in errors (`Conv2D`).
    public init(size: [Int], strides: [Int], padding: Padding, what: String) throws {
        guard size.count == 2, size.allSatisfy({ $0 > 0 }) else {
            throw EngineError.invalidArgument(EngineMessages.windowSize(what, size))
        }
        guard strides.count == 2, strides.allSatisfy({ $0 > 0 }) else {
            throw EngineError.invalidArgument(EngineMessages.windowStrides(what, strides))
        }
        height = size[0]
        width = size[1]
        strideY = strides[0]
        strideX = strides[1]
        self.padding = padding
    }

    /// Where the window's positions lie along one axis of length `input`.
    public struct Axis: Equatable {
        /// The number of window positions.
        public let count: Int
        /// The padding before the first element (the window at position `i` starts at
        /// `i · stride − before`).
        public let before: Int
    }

    /// The positions along an axis of `input` elements for a window of `size` and `stride`,
    /// nil when no window fits (`valid` padding on an input smaller than the window).
    static func axis(input: Int, size: Int, stride: Int, padding: Padding) -> Axis? {
        switch padding {
        case .valid:
            guard input >= size else { return nil }
            return Axis(count: (input - size) / stride + 1, before: 0)
        case .same:
            guard input > 0 else { return nil }
            // ⌈input / stride⌉ and the padding, written so that no size or stride overflows:
            // the last window starts at (count − 1)·stride ≤ input − 1.
            let count = (input - 1) / stride + 1
            let uncovered = input - (count - 1) * stride
            return Axis(count: count, before: max(size - uncovered, 0) / 2)
        }
    }

    /// The output positions for a `[height, width, channels]` input, or an error naming the
    /// layer when the window does not fit.
    func positions(_ inputShape: [Int], layer: String) throws -> (y: Axis, x: Axis) {
        guard inputShape.count == 3 else {
            throw EngineError.layerInputShape(layer: layer, expected: EngineMessages.imageExample,
                                              found: inputShape, hint: Window.channelsHint(inputShape))
        }
        guard let y = Window.axis(input: inputShape[0], size: height, stride: strideY, padding: padding),
              let x = Window.axis(input: inputShape[1], size: width, stride: strideX, padding: padding) else {
            throw EngineError.layerInputShape(
                layer: layer, expected: EngineMessages.windowDoesNotFit(height: height, width: width),
                found: inputShape, hint: EngineMessages.windowDoesNotFitHint)
        }
        return (y, x)
    }

    /// The suggestion for a spatial layer given an input without its channel axis.
    static func channelsHint(_ inputShape: [Int]) -> String? {
        guard inputShape.count == 2 else { return nil }
        return EngineMessages.channelAxisHint(inputShape + [1])
    }
}
