import Foundation

/// Keras's `model.summary()` as data (one row per layer, the totals) and as Keras's text table.
public struct ModelSummary: Equatable, Sendable {
    /// One layer's row.
    public struct Row: Equatable, Sendable {
        public let name: String
        public let type: String
        /// Keras's notation: `(None, 784)`.
        public let outputShape: String
        public let parameters: Int
    }

    public let modelName: String
    public let rows: [Row]
    public let trainable: Int
    public let nonTrainable: Int
    public var total: Int { trainable + nonTrainable }

    /// Keras's `readable_memory_size` of Float32 weights: `397.54 KB`, `0.00 B`.
    public static func memorySize(parameters: Int) -> String {
        var size = Double(parameters * 4)
        var unit = 0
        let units = ["B", "KB", "MB", "GB", "TB"]
        while size >= 1024, unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return String(format: "%.2f %@", size, units[unit])
    }

    /// `101,770`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}

extension ModelSummary: CustomStringConvertible {
    /// The table exactly as Keras 3 prints it (columns of 31, 22 and 13 characters; a name
    /// that does not fit is wrapped onto a second line with its type).
    public var description: String {
        let widths = [31, 22, 13]
        func cells(_ texts: [String], border: String, rightAligned: Set<Int> = [2]) -> String {
            var parts: [String] = []
            for (i, text) in texts.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - text.count))
                parts.append(" " + (rightAligned.contains(i) ? pad + text : text + pad) + " ")
            }
            return border + parts.joined(separator: border) + border
        }
        var out = "Model: \"\(modelName)\"\n"
        out += "┏" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "┳") + "┓\n"
        out += cells(["Layer (type)", "Output Shape", "Param #"], border: "┃") + "\n"
        out += "┡" + widths.map { String(repeating: "━", count: $0 + 2) }.joined(separator: "╇") + "┩\n"
        for (index, row) in rows.enumerated() {
            let combined = "\(row.name) (\(row.type))"
            let nameLines = combined.count <= widths[0] ? [combined] : [row.name, "(\(row.type))"]
            for (n, nameLine) in nameLines.enumerated() {
                let shape = n == 0 ? row.outputShape : ""
                let params = n == 0 ? ModelSummary.grouped(row.parameters) : ""
                out += cells([nameLine, shape, params], border: "│") + "\n"
            }
            out += index == rows.count - 1
                ? "└" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┴") + "┘\n"
                : "├" + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: "┼") + "┤\n"
        }
        out += " Total params: \(ModelSummary.grouped(total)) (\(ModelSummary.memorySize(parameters: total)))\n"
        out += " Trainable params: \(ModelSummary.grouped(trainable)) (\(ModelSummary.memorySize(parameters: trainable)))\n"
        out += " Non-trainable params: \(ModelSummary.grouped(nonTrainable)) (\(ModelSummary.memorySize(parameters: nonTrainable)))"
        return out
    }
}

extension Sequential {
    /// The model's summary; the model must be built (an input shape given, or trained once).
    public func summary() throws -> ModelSummary {
        guard isBuilt else {
            throw EngineError.invalidModel(EngineMessages.notBuiltForSummary)
        }
        let rows = layers.enumerated().map { index, layer in
            ModelSummary.Row(name: layer.name, type: layer.typeName,
                             outputShape: "(" + (["None"] + outputShapes[index].map(String.init)).joined(separator: ", ") + ")",
                             parameters: layer.parameters.reduce(0) { $0 + $1.count })
        }
        let all = layers.flatMap(\.parameters)
        return ModelSummary(modelName: name, rows: rows,
                            trainable: all.filter(\.trainable).reduce(0) { $0 + $1.count },
                            nonTrainable: all.filter { !$0.trainable }.reduce(0) { $0 + $1.count })
    }
}
