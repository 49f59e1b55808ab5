import Foundation
import Testing

extension Tag {
    /// Reads Debian's `dataset-fashion-mnist` (`make test` installs it; without it these tests
    /// fail with the loader's message naming the folders searched, or are skipped, saying why).
    @Tag static var needsFashionMNIST: Self
}

/// Enabled where the Fashion-MNIST file `name` is installed, and saying so where it is not.
func whereFashionMNISTHas(_ name: String) -> ConditionTrait {
    .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/datasets/fashion-mnist/" + name),
             "needs /usr/share/datasets/fashion-mnist/\(name) (Debian's dataset-fashion-mnist; make deps installs it)")
}
